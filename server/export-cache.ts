/**
 * What the HTTP API sends about finished matches (exports, replays, result rows), made once and kept: a
 * finished match never changes, while making any of these replays every turn from the log (tens of
 * milliseconds of the one thread that also runs every room). Running matches never come here.
 */
export class FinishedMatchCache {
  readonly #maxBytes: number;
  /** By match code, each match's bodies by kind; the Map's order is the order of last use. */
  readonly #entries = new Map<string, Map<string, string>>();
  #bytes = 0;

  /** `maxBytes` bounds the text kept (one byte per character: the bodies are JSON and CSV, nearly all ASCII). */
  constructor(maxBytes: number) {
    this.#maxBytes = maxBytes;
  }

  /** Whether something of finished match `code` is kept (so the match is known to be finished). */
  has(code: string): boolean {
    return this.#entries.has(code);
  }

  /** The kept body `kind` of finished match `code`, if there is one (nothing is made). */
  peek(code: string, kind: string): string | undefined {
    return this.#entries.get(code)?.get(kind);
  }

  /**
   * The body `kind` of finished match `code`: the kept one, or the one `make` returns, which is then kept
   * while the total stays within the bound (the matches used longest ago are dropped to make room).
   */
  get(code: string, kind: string, make: () => string): string {
    const entry = this.#entries.get(code);
    if (entry) {
      this.#entries.delete(code);
      this.#entries.set(code, entry);
      const kept = entry.get(kind);
      if (kept !== undefined) return kept;
    }
    const body = make();
    if (body.length > this.#maxBytes) return body;
    const bodies = entry ?? new Map<string, string>();
    bodies.set(kind, body);
    this.#entries.set(code, bodies);
    this.#bytes += body.length;
    for (const [oldCode, oldBodies] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      if (oldCode === code) continue;
      for (const old of oldBodies.values()) this.#bytes -= old.length;
      this.#entries.delete(oldCode);
    }
    return body;
  }

  /** Characters kept, for the tests. */
  get bytes(): number {
    return this.#bytes;
  }
}
