/**
 * Worker threads cannot load TypeScript through the tsx loader on Node 20, so the lab bundles its worker with
 * esbuild into a temporary file first (as the benchmarks do): the workers then run the code as it ships.
 */
import { build } from "esbuild";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export interface Bundled {
  url: URL;
  dispose(): void;
}

export async function bundleWorker(): Promise<Bundled> {
  const dir = mkdtempSync(join(tmpdir(), "balance-lab-"));
  const outfile = join(dir, "worker.mjs");
  await build({
    entryPoints: [fileURLToPath(new URL("./worker.ts", import.meta.url))],
    bundle: true,
    platform: "node",
    format: "esm",
    outfile,
    logLevel: "error",
  });
  return { url: pathToFileURL(outfile), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
