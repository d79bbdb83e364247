/**
 * The browser client's size and start-up: the gzipped JavaScript the lobby page loads before anything else
 * (the entry script and its static imports, which index.html also lists as modulepreloads; the lazily
 * imported map, charts and debrief chunks are not part of it), the gzipped size of the map's chunks (Phaser and
 * the map code, loaded when the map tab first opens), the gzipped size of all chunks, and the time
 * from navigation to the first frame that shows the lobby's form, in Debian's headless Chromium.
 * Run through test/bench/run.ts (not bundled: what it measures is the built client in dist/client).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { CLIENT_DIST, ensureClientBuilt, launchBrowser, startE2EServer } from "../e2e/helpers.ts";

/** Fresh browser contexts (nothing cached) whose median first frame is reported. */
const RUNS = Number(process.env.BENCH_CLIENT_RUNS ?? 7);

const gzipKb = (file: string) => gzipSync(readFileSync(join(CLIENT_DIST, file))).length / 1024;

/** The JS files index.html loads at once: its module scripts, its modulepreloads, and their static imports. */
export function initialScripts(): string[] {
  const html = readFileSync(join(CLIENT_DIST, "index.html"), "utf8");
  const pending = [
    ...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\.?\/?([^"]+\.js)"/g),
  ]
    .map((m) => m[1]!)
    .filter((src) => !/^https?:/.test(src));
  const seen = new Set<string>();
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const dir = file.includes("/") ? file.slice(0, file.lastIndexOf("/") + 1) : "";
    // Static imports only: `import x from"./a.js"`, `import"./a.js"`, `export * from"./a.js"`; not `import("./a.js")`.
    const code = readFileSync(join(CLIENT_DIST, file), "utf8");
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([^"']+\.js)["']/g))
      pending.push(dir + m[1]!);
  }
  return [...seen].sort();
}

/** The built client's manifest: for each source module, its file and the chunks it imports. */
type Manifest = Record<string, { file: string; imports?: string[]; dynamicImports?: string[] }>;

/** The JS the map tab loads on top of the initial scripts: the map module's chunk and its static imports. */
export function mapScripts(): string[] {
  const manifest = JSON.parse(readFileSync(join(CLIENT_DIST, ".vite", "manifest.json"), "utf8")) as Manifest;
  const initial = new Set(initialScripts());
  const seen = new Set<string>();
  const pending = ["src/map/map.ts"];
  while (pending.length > 0) {
    const key = pending.pop()!;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the client manifest has no ${key}`);
    if (seen.has(chunk.file)) continue;
    seen.add(chunk.file);
    pending.push(...(chunk.imports ?? []));
  }
  return [...seen].filter((f) => f.endsWith(".js") && !initial.has(f)).sort();
}

function allScripts(): string[] {
  return readdirSync(join(CLIENT_DIST, "assets"))
    .filter((f) => f.endsWith(".js"))
    .map((f) => `assets/${f}`);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Marks the first animation frame in which the lobby's form is in the page: requestAnimationFrame callbacks
 * run just before a frame is painted. A string, so that no loader rewrites it before the page runs it.
 */
const FIRST_FRAME_PROBE = `
  window.__lobbyFrame = new Promise(function (resolve) {
    function tick() {
      if (document.getElementById("create-form")) resolve(performance.now());
      else requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
  });
`;

async function lobbyFirstFrame(runs: number): Promise<{ frameMs: number; fcpMs: number }> {
  const server = await startE2EServer();
  const browser = await launchBrowser();
  try {
    const frames: number[] = [];
    const paints: number[] = [];
    // One warm-up visit: the first start of a renderer process is not what a player's tab pays.
    for (let run = -1; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: "en-US" });
      await context.addInitScript({ content: FIRST_FRAME_PROBE });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.waitForSelector("#create-form");
      const frame = (await page.evaluate("window.__lobbyFrame")) as number;
      const fcp = (await page.evaluate(
        "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN",
      )) as number;
      if (run >= 0) {
        // The frame that shows the form is painted after its animation-frame callback, and no earlier than
        // the first contentful paint (nothing visible is drawn before the lobby).
        frames.push(Math.max(frame, Number.isFinite(fcp) ? fcp : 0));
        paints.push(fcp);
      }
      await context.close();
    }
    return { frameMs: median(frames), fcpMs: median(paints) };
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** The client's sizes and its lobby's first frame; `smoke` measures one visit after the warm-up, not RUNS. */
export async function benchClient(smoke = false): Promise<Record<string, number>> {
  await ensureClientBuilt();
  const initial = initialScripts();
  const sum = (files: string[]) => Math.round(files.reduce((kb, f) => kb + gzipKb(f), 0));
  const { frameMs, fcpMs } = await lobbyFirstFrame(smoke ? 1 : RUNS);
  return {
    "client.initial_js_gzip_kb": sum(initial),
    "client.map_chunk_gzip_kb": sum(mapScripts()),
    "client.total_js_gzip_kb": sum(allScripts()),
    "client.lobby_first_frame_ms": Math.round(frameMs),
    "client.lobby_first_contentful_paint_ms": Math.round(fcpMs),
  };
}
