/**
 * Loaded into the soak's server process only (node --expose-gc --import tsx --import this file): on the
 * soak's "memory" message over the IPC channel it runs a full garbage collection and answers the heap still in
 * use, the heap V8 holds, and the resident memory. The game server itself never loads this.
 */
export interface MemoryReading {
  /** Tells this answer from other messages on the channel (tsx sends its own). */
  kind?: "memory";
  heapUsedMb: number;
  heapTotalMb: number;
  rssMb: number;
}

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("soak-probe needs node --expose-gc");
if (!process.send) throw new Error("soak-probe needs an IPC channel to its parent");
const mb = (bytes: number) => bytes / (1024 * 1024);

process.on("message", (message: unknown) => {
  if (message !== "memory") return;
  // Twice: the first collection can leave objects whose finalizers free more for the second.
  gc();
  gc();
  const usage = process.memoryUsage();
  const reading: MemoryReading = {
    kind: "memory",
    heapUsedMb: mb(usage.heapUsed),
    heapTotalMb: mb(usage.heapTotal),
    rssMb: mb(usage.rss),
  };
  process.send?.(reading);
});
// The channel must not keep a stopping server alive (a "message" listener refs it, so this comes after).
process.channel?.unref();
