/**
 * One running match's log as its room writes it: appends go to the store in order; what a reply or a message
 * shows goes out only once the log holds it; a write that fails stops the room, so that play never runs ahead
 * of the log (its players rejoin by code and the match reopens from what was written). While other processes
 * share the store, the log also holds the match's lease (store-lease.ts).
 */
import type { Logger } from "pino";
import type { Action, Store } from "./store.ts";
import { Lease } from "./store-lease.ts";

export class MatchLog {
  private chain: Promise<void> = Promise.resolve();
  private unwritten = 0;
  private failed = false;
  private lease: Lease | undefined;

  constructor(
    private readonly code: string,
    private readonly store: Store,
    private readonly log: Logger,
    /** Called once, when a write fails or the lease is lost: the room closes. */
    private readonly stop: () => void,
  ) {}

  /**
   * Takes the match's lease when other processes share the store, waiting up to `waitMs` for a process that
   * died to lose it; throws (which refuses to open the room) when another process runs the match.
   */
  async claim(shared: boolean, ttlMs: number, waitMs: number): Promise<void> {
    if (!shared) return;
    const { store, code, log } = this;
    // Another process runs the match now: this room stops at once, and its clients rejoin by code there.
    this.lease = await Lease.take({ store, code, ttlMs, log, waitMs, onLost: () => this.stop() });
    if (!this.lease)
      throw new Error(`match ${code} is running on another server process; join it again in a moment`);
  }

  /** Appends an action; while the lease is held, only as its owner (a lost lease fails the write, see Store). */
  append(action: Action): void {
    this.keep(this.store.append(this.code, action, this.lease?.owner));
  }

  finish(): void {
    this.keep(this.store.finish(this.code));
  }

  /** Runs `then` once every write so far is in the log (at once when none is under way); never after a failure. */
  afterWrites(then: () => void): void {
    if (this.unwritten === 0) {
      if (!this.failed) then();
    } else this.chain = this.chain.then(() => (this.failed ? undefined : then()));
  }

  /** Whether every write so far is in the log (false once one failed). */
  async written(): Promise<boolean> {
    await this.chain;
    return !this.failed;
  }

  /** Gives the lease back once the writes under way are done (the room is closing). */
  close(): void {
    this.lease?.releaseAfter(this.chain);
  }

  private keep(write: Promise<void>): void {
    this.unwritten++;
    const done = write
      .catch((error: unknown) => {
        if (this.failed) return;
        this.failed = true;
        this.log.error(
          { err: error, code: this.code },
          "could not write to the match's log; closing the room",
        );
        this.stop();
      })
      .finally(() => this.unwritten--);
    this.chain = this.chain.then(() => done);
  }
}
