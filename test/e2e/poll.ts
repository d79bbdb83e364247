/**
 * `expect.poll` with a timeout that suits a browser on a busy two-core machine (vitest's default is 1 s).
 * Kept apart from helpers.ts, which the client benchmark imports outside vitest.
 */
import { expect } from "vitest";

export function poll<T>(read: () => T | Promise<T>, timeout = 15_000) {
  return expect.poll(read, { timeout, interval: 50 });
}
