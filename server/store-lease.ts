/**
 * The lease a room holds on its match while several server processes share one store (REDIS_URL set): taken
 * when the room opens, renewed a few times per lease period, given back when the room closes. A process that
 * dies keeps its leases until they run out, after which any other process may reopen those matches from the log.
 */
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Logger } from "pino";
import type { Store } from "./store.ts";

/** This process, as a lease owner (each room adds its own suffix, so two rooms of one process never share one). */
export const PROCESS_OWNER = `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;

/** Releases under way, for a stopping server to wait for before it closes the store. */
const releasing = new Set<Promise<void>>();
export async function leasesReleased(): Promise<void> {
  await Promise.allSettled([...releasing]);
}

export interface LeaseOptions {
  store: Store;
  code: string;
  ttlMs: number;
  log: Logger;
  /** How long to keep asking while another owner holds it (0: ask once). */
  waitMs: number;
  /** Called once if the lease is lost (renewal refused, or the store unreachable until it ran out). */
  onLost(): void;
}

export class Lease {
  private renewal: NodeJS.Timeout | undefined;
  private released = false;

  private constructor(
    private options: LeaseOptions,
    readonly owner: string,
  ) {}

  /** Takes the lease, waiting up to `waitMs` for another owner's to run out; undefined if it could not. */
  static async take(options: LeaseOptions): Promise<Lease | undefined> {
    const owner = `${PROCESS_OWNER}:${randomBytes(4).toString("hex")}`;
    const until = Date.now() + options.waitMs;
    for (;;) {
      if (await options.store.claim(options.code, owner, options.ttlMs)) break;
      if (Date.now() >= until) return undefined;
      await new Promise((resolve) => setTimeout(resolve, Math.min(250, options.ttlMs / 4)));
    }
    const lease = new Lease(options, owner);
    lease.keep(Date.now() + options.ttlMs);
    return lease;
  }

  private keep(expiresAt: number): void {
    const { store, code, ttlMs, log } = this.options;
    this.renewal = setTimeout(
      () => {
        void store.claim(code, this.owner, ttlMs).then(
          (held) => {
            if (this.released) return;
            if (held) return this.keep(Date.now() + ttlMs);
            log.error({ code }, "lost the match's lease to another server process; closing its room here");
            this.lose();
          },
          (error: unknown) => {
            if (this.released) return;
            if (Date.now() + ttlMs / 3 < expiresAt) {
              log.warn({ code, err: error }, "could not renew the match's lease; trying again");
              return this.keep(expiresAt);
            }
            log.error({ code, err: error }, "the match's lease ran out while the store was unreachable");
            this.lose();
          },
        );
      },
      Math.max(10, ttlMs / 3),
    );
    this.renewal.unref();
  }

  private lose(): void {
    this.released = true;
    this.options.onLost();
  }

  /** Gives the lease back once `writes` (the room's last writes to the log) are done: the room has closed. */
  releaseAfter(writes: Promise<void>): void {
    if (this.released) return;
    this.released = true;
    clearTimeout(this.renewal);
    const done = writes
      .then(() => this.options.store.release(this.options.code, this.owner))
      .catch(() => undefined)
      .finally(() => releasing.delete(done));
    releasing.add(done);
  }
}
