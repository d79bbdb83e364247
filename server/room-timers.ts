/**
 * A room's own timers. Colyseus' room clock ticks only with the room's patch interval, which is a slow backstop
 * here (see match-room.ts), so the room runs its timers on Node's own. An error thrown by a timer goes to the
 * room's `failed` hook, like any other callback's; `afterEach` runs after every timer (the room sends the
 * state's changes then). All of them are cleared when the room closes.
 */
export interface Timer {
  clear(): void;
}

/** Node's timers hold at most 24.8 days; a longer wait is taken in steps of an hour. */
const LONGEST_WAIT_MS = 3_600_000;

export class RoomTimers {
  private readonly pending = new Set<NodeJS.Timeout>();
  private wake: { at: number; timer: Timer } | undefined;

  constructor(private readonly hooks: { failed(error: Error): void; afterEach(): void }) {}

  /** Runs `fn` in `ms`. */
  after(fn: () => void, ms: number): Timer {
    const handle = setTimeout(
      () => {
        this.pending.delete(handle);
        try {
          fn();
        } catch (error) {
          this.hooks.failed(error instanceof Error ? error : new Error(String(error)));
        }
        this.hooks.afterEach();
      },
      Math.max(0, ms),
    );
    this.pending.add(handle);
    return {
      clear: () => {
        clearTimeout(handle);
        this.pending.delete(handle);
      },
    };
  }

  /**
   * Calls `fn` at the time `at` (ms since the epoch, `now` being the time now), replacing the previous wake-up;
   * null cancels it. Asking again for the same time keeps the timer that runs.
   */
  wakeAt(at: number | null, now: number, fn: () => void): void {
    if (at === this.wake?.at) return;
    this.wake?.timer.clear();
    this.wake = undefined;
    if (at === null) return;
    const timer = this.after(
      () => {
        this.wake = undefined;
        fn();
      },
      Math.min(at - now, LONGEST_WAIT_MS),
    );
    this.wake = { at, timer };
  }

  clearAll(): void {
    for (const handle of this.pending) clearTimeout(handle);
    this.pending.clear();
    this.wake = undefined;
  }
}
