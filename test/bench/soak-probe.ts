/**
 * Loaded into the soak's server process only (node --expose-gc --import tsx --import this file): on the
 * soak's "memory" message over the IPC channel it answers where the process's memory is. Everything is read
 * as the process runs, as an operator's `top` sees it, except the heap in use, which is read after a full
 * garbage collection that the probe runs last: collecting first would hand V8's young generation back to the
 * system for a while, and RSS would read up to 15 MB low depending on how soon after it the reading came. The
 * game server itself never loads this.
 *
 * Resident memory (RSS) is split two ways:
 * - by what V8 and Node say: the heap in use after the collection, the pages V8 holds for each heap space,
 *   memory outside the heap that JavaScript objects hold (external, of which ArrayBuffers), and what V8
 *   itself allocates with malloc (its compiler's zones, say);
 * - by what the kernel says (/proc/self/status and /proc/self/smaps): anonymous memory against mapped files,
 *   and among the anonymous mappings the C allocator's main heap (the `[heap]` mapping), its per-thread arenas
 *   (64 MB-aligned reservations, glibc's layout) and the rest (V8's heap pages and code, thread stacks, large
 *   allocations that malloc maps on their own).
 * It also gives the SQLite files' sizes (DATA_DIR) and the process's CPU time.
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { getHeapSpaceStatistics, getHeapStatistics } from "node:v8";

export interface MemoryReading {
  /** Tells this answer from other messages on the channel (tsx sends its own). */
  kind?: "memory";
  /** Heap in use after a full collection (the only figure read after it). */
  heapUsedMb: number;
  /** Pages V8 holds for its heap (every space). */
  heapTotalMb: number;
  rssMb: number;
  /** Pages V8 holds per heap space, by V8's name without "_space" (new, old, code, large_object, ...). */
  spacesMb: Record<string, number>;
  /** Of those pages, the ones resident in memory (V8's physical size), per space. */
  spacesResidentMb: Record<string, number>;
  externalMb: number;
  arrayBuffersMb: number;
  /** What V8 itself has allocated with malloc (outside its heap). */
  v8MallocedMb: number;
  /** Resident anonymous memory, mapped files and shared memory (the three parts of RSS, /proc/self/status). */
  anonMb: number;
  fileMb: number;
  shmemMb: number;
  /** Resident anonymous memory in transparent huge pages. */
  hugeMb: number;
  /** The C allocator's main heap (the brk `[heap]` mapping). */
  mallocMainMb: number;
  /** The C allocator's per-thread arenas (how many, and their resident memory). */
  mallocArenas: number;
  mallocArenasMb: number;
  /** Every other anonymous mapping: V8's heap and code pages, stacks, malloc's own large mappings. */
  otherAnonMb: number;
  /** Resident pages of the SQLite files mapped in (the WAL's index, -shm). */
  sqliteMappedMb: number;
  threads: number;
  /** The SQLite database, its write-ahead log and the log's index, on disk. */
  dbMb: number;
  walMb: number;
  shmMb: number;
  /** CPU time the process has used so far (user and system). */
  cpuSeconds: number;
}

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("soak-probe needs node --expose-gc");
if (!process.send) throw new Error("soak-probe needs an IPC channel to its parent");
const mb = (bytes: number) => bytes / (1024 * 1024);
const kbToMb = (kb: number) => kb / 1024;

/** glibc reserves each thread arena as a 64 MB-aligned block of HEAP_MAX_SIZE (64 MB on 64-bit). */
const ARENA_BYTES = 64 * 1024 * 1024;

interface Mapping {
  start: bigint;
  end: bigint;
  perms: string;
  path: string;
  rssKb: number;
  anonKb: number;
  hugeKb: number;
}

function readMappings(): Mapping[] {
  const mappings: Mapping[] = [];
  let current: Mapping | undefined;
  for (const line of readFileSync("/proc/self/smaps", "utf8").split("\n")) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      current = {
        start: BigInt(`0x${head[1]}`),
        end: BigInt(`0x${head[2]}`),
        perms: head[3]!,
        path: head[4]!,
        rssKb: 0,
        anonKb: 0,
        hugeKb: 0,
      };
      mappings.push(current);
      continue;
    }
    const field = /^(Rss|Anonymous|AnonHugePages):\s+(\d+) kB/.exec(line);
    if (!field || !current) continue;
    const kb = Number(field[2]);
    if (field[1] === "Rss") current.rssKb = kb;
    else if (field[1] === "Anonymous") current.anonKb = kb;
    else current.hugeKb = kb;
  }
  return mappings;
}

/** A thread arena: an aligned read-write mapping whose reserved (---p) rest makes up the 64 MB block. */
function isArena(mappings: Mapping[], i: number): boolean {
  const m = mappings[i]!;
  if (m.path !== "" || !m.perms.startsWith("rw") || m.start % BigInt(ARENA_BYTES) !== 0n) return false;
  const size = m.end - m.start;
  if (size === BigInt(ARENA_BYTES)) return true;
  const next = mappings[i + 1];
  return (
    next !== undefined &&
    next.path === "" &&
    next.perms.startsWith("---") &&
    next.start === m.end &&
    next.end - m.start === BigInt(ARENA_BYTES)
  );
}

function statusKb(status: string, name: string): number {
  return Number(new RegExp(`^${name}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? NaN);
}

function fileMb(path: string): number {
  try {
    return mb(statSync(path).size);
  } catch {
    return 0;
  }
}

function read(): MemoryReading {
  const usage = process.memoryUsage();
  const heap = getHeapStatistics();
  const spacesMb: Record<string, number> = {};
  const spacesResidentMb: Record<string, number> = {};
  for (const space of getHeapSpaceStatistics()) {
    const name = space.space_name.replace(/_space$/, "");
    spacesMb[name] = mb(space.space_size);
    spacesResidentMb[name] = mb(space.physical_space_size);
  }
  const status = readFileSync("/proc/self/status", "utf8");
  const mappings = readMappings();
  let mainKb = 0;
  let arenas = 0;
  let arenasKb = 0;
  let otherAnonKb = 0;
  let hugeKb = 0;
  let sqliteKb = 0;
  mappings.forEach((m, i) => {
    hugeKb += m.hugeKb;
    if (m.path === "[heap]") mainKb += m.rssKb;
    else if (/\.sqlite(-shm|-wal)?$/.test(m.path)) sqliteKb += m.rssKb;
    else if (isArena(mappings, i)) {
      arenas++;
      arenasKb += m.rssKb;
    } else if (m.path === "" || m.path.startsWith("[")) otherAnonKb += m.anonKb;
  });
  const db = join(process.env.DATA_DIR ?? "data", "matches.sqlite");
  const cpu = process.cpuUsage();
  return {
    kind: "memory",
    heapUsedMb: mb(usage.heapUsed),
    heapTotalMb: mb(usage.heapTotal),
    rssMb: mb(usage.rss),
    spacesMb,
    spacesResidentMb,
    externalMb: mb(usage.external),
    arrayBuffersMb: mb(usage.arrayBuffers),
    v8MallocedMb: mb(heap.malloced_memory),
    anonMb: kbToMb(statusKb(status, "RssAnon")),
    fileMb: kbToMb(statusKb(status, "RssFile")),
    shmemMb: kbToMb(statusKb(status, "RssShmem")),
    hugeMb: kbToMb(hugeKb),
    mallocMainMb: kbToMb(mainKb),
    mallocArenas: arenas,
    mallocArenasMb: kbToMb(arenasKb),
    otherAnonMb: kbToMb(otherAnonKb),
    sqliteMappedMb: kbToMb(sqliteKb),
    threads: statusKb(status, "Threads"),
    dbMb: fileMb(db),
    walMb: fileMb(`${db}-wal`),
    shmMb: fileMb(`${db}-shm`),
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
}

/** "memory": a reading with the heap in use after a full collection; "resident": one without (no collection). */
process.on("message", (message: unknown) => {
  if (message === "resident") process.send?.({ ...read(), heapUsedMb: NaN } satisfies MemoryReading);
  if (message !== "memory") return;
  const reading = read();
  // Twice: the first collection can leave objects whose finalizers free more for the second.
  gc();
  gc();
  process.send?.({ ...reading, heapUsedMb: mb(process.memoryUsage().heapUsed) } satisfies MemoryReading);
});
// The channel must not keep a stopping server alive (a "message" listener refs it, so this comes after).
process.channel?.unref();
