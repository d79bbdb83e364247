/**
 * npm run bench: prints one `name: value unit` line per measurement. Each benchmark file is bundled with
 * esbuild first, so the numbers are those of the code as it ships, not of the on-the-fly TypeScript loader.
 */
import { build } from "esbuild";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const UNITS: Record<string, string> = { matches_per_s: "matches/s" };

async function load<T>(entry: string): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "cf-bench-"));
  try {
    const outfile = join(dir, "bench.mjs");
    await build({
      entryPoints: [entry],
      bundle: true,
      platform: "node",
      format: "esm",
      outfile,
      logLevel: "error",
    });
    return (await import(pathToFileURL(outfile).href)) as T;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function print(results: Record<string, number>): void {
  for (const [name, value] of Object.entries(results)) {
    const unitKey = Object.keys(UNITS).find((k) => name.endsWith(k));
    process.stdout.write(`${name}: ${value} ${unitKey ? UNITS[unitKey] : ""}`.trimEnd() + "\n");
  }
}

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const sim = await load<{ benchSim: (s: number) => Record<string, number> }>("test/bench/sim.bench.ts");
print(sim.benchSim(seconds));
