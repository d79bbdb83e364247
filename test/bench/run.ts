/**
 * npm run bench: prints one `name: value unit` line per measurement. Each benchmark file is bundled with
 * esbuild first, so the numbers are those of the code as it ships, not of the on-the-fly TypeScript loader.
 * BENCH_SECONDS (default 5) is each throughput measurement's length. BENCH_SMOKE=1 plays the least that still
 * prints every line (tiny warm-ups, runs and counts; the numbers mean nothing): test/bench/smoke.test.ts runs
 * it so in `npm test`.
 */
import { build } from "esbuild";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const UNITS: Record<string, string> = {
  matches_per_s: "matches/s",
  matches_per_s_one_core: "matches/s",
  ms_per_turn_p95: "ms",
};

/**
 * Bundles entry points into a temporary folder and hands their URLs to `use`; the folder lives until `use`
 * is done (the lab benchmark starts worker threads from a bundled worker file).
 */
async function withBundles<T>(entries: string[], use: (urls: URL[]) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "cf-bench-"));
  try {
    const outfiles = entries.map((_, i) => join(dir, `entry${i}.mjs`));
    for (const [i, entry] of entries.entries())
      await build({
        entryPoints: [entry],
        bundle: true,
        platform: "node",
        format: "esm",
        outfile: outfiles[i]!,
        logLevel: "error",
      });
    return await use(outfiles.map((f) => pathToFileURL(f)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function load<T>(entry: string): Promise<T> {
  return withBundles([entry], async ([url]) => (await import(url!.href)) as T);
}

function print(results: Record<string, number>): void {
  for (const [name, value] of Object.entries(results)) {
    const unitKey = Object.keys(UNITS)
      .sort((a, b) => b.length - a.length)
      .find((k) => name.endsWith(k));
    process.stdout.write(`${name}: ${value} ${unitKey ? UNITS[unitKey] : ""}`.trimEnd() + "\n");
  }
}

const smoke = process.env.BENCH_SMOKE === "1";
if (smoke) process.stderr.write("BENCH_SMOKE=1: smoke sizes, every line printed, no number meaningful\n");
const seconds = Number(process.env.BENCH_SECONDS ?? (smoke ? 0.1 : 5));
const sim = await load<typeof import("./sim.bench.ts")>("test/bench/sim.bench.ts");
print(sim.benchSim(seconds, smoke));
await withBundles(["test/bench/lab.bench.ts", "server/lab/worker.ts"], async ([bench, worker]) => {
  const lab = (await import(bench!.href)) as typeof import("./lab.bench.ts");
  print(await lab.benchLab(seconds, worker!, smoke));
});
// The client benchmark drives a browser against the built client, so it runs as it is, not bundled.
const client = await import("./client.bench.ts");
print(await client.benchClient(smoke));
