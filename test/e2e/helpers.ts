/**
 * Helpers for the browser tests: the client build (made once, when dist/client is missing or older than its
 * sources), a real server on a free port, Debian's headless Chromium through playwright-core, and small
 * steps that a player takes in the lobby and on the match screen. Every wait polls a condition in the page.
 */
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll } from "vitest";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { startServer, type RunningServer } from "../../server/app.ts";
import { ConfigSchema } from "../../server/config.ts";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
/**
 * Where the screenshots the README and the docs show are written: docs/screenshots with UPDATE_SCREENSHOTS=1
 * (look at them, then commit them), otherwise beside the other test pictures, so that a test run leaves the
 * checkout as it was.
 */
export const DOCS_SHOTS =
  process.env.UPDATE_SCREENSHOTS === "1"
    ? join(ROOT, "docs", "screenshots")
    : join(ROOT, "test-results", "e2e", "docs-screenshots");
export const CLIENT_DIST = join(ROOT, "dist", "client");
/** Screenshots and other artefacts of the browser tests (git-ignored). */
export const ARTEFACTS = join(ROOT, "test-results", "e2e");

export const CHROMIUM_PATH = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** What the client bundle is built from: a change to any of these makes dist/client stale. */
const CLIENT_SOURCES = ["client", "shared", "package-lock.json"];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function clientIsStale(): boolean {
  const index = join(CLIENT_DIST, "index.html");
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return CLIENT_SOURCES.some((p) => existsSync(join(ROOT, p)) && newestMtime(join(ROOT, p)) > built);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `npm run build` once when dist/client is missing or older than the client's sources. Test files run in
 * parallel workers, so a lock directory makes the others wait for the one that builds (and then find the
 * build fresh); a server never serves a half-written dist/client.
 */
export async function ensureClientBuilt(): Promise<void> {
  const lock = join(ROOT, "dist", ".e2e-build.lock");
  mkdirSync(dirname(lock), { recursive: true });
  const until = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed run is older than any real build.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 120_000) rmdirSync(lock);
      if (Date.now() > until) throw new Error(`timed out waiting for the client build lock ${lock}`);
      await sleep(100);
    }
  }
  try {
    if (clientIsStale()) execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "pipe" });
  } finally {
    rmdirSync(lock);
  }
}

export interface E2EServer {
  url: string;
  running: RunningServer;
  stop(): Promise<void>;
}

/** A real server (in this worker process) on a port the system picks, with a fresh data directory. */
export async function startE2EServer(overrides: Record<string, unknown> = {}): Promise<E2EServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "cf-e2e-"));
  const running = await startServer(
    ConfigSchema.parse({
      PORT: 0,
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "silent",
      RECONNECT_SECONDS: 5,
      // Bots facing bots play at once here (the default paces them for people watching; test/server checks it).
      BOT_TURN_SECONDS: 0,
      ...overrides,
    }),
  );
  return {
    url: `http://127.0.0.1:${running.port}`,
    running,
    async stop() {
      await running.stop();
      rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

export interface Player {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors, to check that a screen ran cleanly. */
  errors: string[];
}

/**
 * A browser context of its own (its own localStorage, so its own player id) at 1280x720 in English, with the
 * lobby loaded. `guide: false` marks the first-match guide as seen so that it does not cover the screen.
 */
export async function openPlayer(
  browser: Browser,
  url: string,
  options: { name?: string; guide?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<Player> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 720 },
    locale: "en-US",
  });
  if (options.guide === false)
    await context.addInitScript(() => window.localStorage.setItem("cf.guideSeen", "1"));
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  await page.goto(url);
  await page.locator("#create-form").waitFor();
  if (options.name) await page.fill("#name", options.name);
  return { context, page, errors };
}

export interface World {
  readonly server: E2EServer;
  readonly browser: Browser;
  /** Every player opened with `open`, closed after the describe block. */
  readonly players: Player[];
  /** Opens a player (see openPlayer) in this world's browser, at this world's server. */
  open(options?: Parameters<typeof openPlayer>[2]): Promise<Player>;
}

/**
 * A server and a browser for one describe block: started before its tests (the client is built first if
 * needed) and closed after them, with every player opened through it.
 */
export function e2eWorld(config: Record<string, unknown> = {}): World {
  let server: E2EServer | undefined;
  let browser: Browser | undefined;
  const players: Player[] = [];
  beforeAll(async () => {
    await ensureClientBuilt();
    [server, browser] = await Promise.all([startE2EServer(config), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await closeAll(browser, players);
    await server?.stop();
  });
  const must = <T>(x: T | undefined, what: string): T => {
    if (!x) throw new Error(`the ${what} is not started`);
    return x;
  };
  return {
    get server() {
      return must(server, "server");
    },
    get browser() {
      return must(browser, "browser");
    },
    players,
    async open(options) {
      const player = await openPlayer(must(browser, "browser"), must(server, "server").url, options);
      players.push(player);
      return player;
    },
  };
}

/** Creates a match from the lobby form and returns its join code (read from the match screen). */
export async function createMatch(
  page: Page,
  options: { role: string; bots: boolean; scenario?: string; private?: boolean; botChina?: string },
): Promise<string> {
  // The scenario list arrives from /api/scenarios after the form is drawn.
  await page.locator("#scenario option").first().waitFor({ state: "attached" });
  if (options.scenario) await page.selectOption("#scenario", options.scenario);
  await page.selectOption("#create-role", options.role);
  await page.setChecked("#bots", options.bots);
  if (options.botChina) {
    // The bot menus fill from /api/bots after the form is drawn.
    await page.locator(`#bot-china option[value="${options.botChina}"]`).waitFor({ state: "attached" });
    await page.selectOption("#bot-china", options.botChina);
  }
  await page.setChecked("#private", options.private ?? false);
  await page.click("#create-button");
  await enteredMatch(page);
  return matchCode(page);
}

/** Joins a match by its code from the lobby's join form. */
export async function joinMatch(
  page: Page,
  code: string,
  role: string,
  facilitatorKey?: string,
): Promise<void> {
  await page.fill("#code", code);
  await page.selectOption("#join-role", role);
  if (facilitatorKey) await page.fill("#facilitator-key", facilitatorKey);
  await page.click("#join-button");
  await enteredMatch(page);
}

/** Waits for the match screen; fails with the lobby's error message if the lobby shows one instead. */
async function enteredMatch(page: Page): Promise<void> {
  const handle = await page.waitForFunction(() => {
    if (document.getElementById("match-code")) return "ok";
    const error = document.getElementById("lobby-error")?.textContent;
    return error ? `lobby error: ${error}` : false;
  });
  const outcome = (await handle.jsonValue()) as string;
  if (outcome !== "ok") throw new Error(outcome);
}

/** The join code shown on the match screen ("Code XXXXXX"), once the room has sent it. */
export async function matchCode(page: Page): Promise<string> {
  const handle = await page.waitForFunction(() => {
    const text = document.getElementById("match-code")?.textContent ?? "";
    return /\b([2-9A-HJ-NP-Z]{6})\b/.exec(text)?.[1] ?? false;
  });
  return (await handle.jsonValue()) as string;
}

/** The 1-based turn shown in #turn-label ("Turn 3 of 16: 2026 H1"), or 0 before the first view arrives. */
export async function shownTurn(page: Page): Promise<number> {
  const text = (await page.locator("#turn-label").textContent()) ?? "";
  return Number(/(\d+)\D+\d+/.exec(text)?.[1] ?? 0);
}

/** Waits until #turn-label shows turn `turn` (1-based) of the match. */
export async function waitForTurn(page: Page, turn: number): Promise<void> {
  await page.waitForFunction((n) => {
    const text = document.getElementById("turn-label")?.textContent ?? "";
    return Number(/(\d+)\D+\d+/.exec(text)?.[1] ?? 0) === n;
  }, turn);
}

/** Saves a full-page screenshot as a test artefact and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTEFACTS, { recursive: true });
  const path = join(ARTEFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * The text a person meets in the page: visible text nodes, every option of a visible select (one opens it to
 * read them), and the labels a screen reader announces (aria-label, title, placeholder, alt) of visible
 * elements. Visually hidden text for screen readers counts as visible (it has a 1-pixel box). Elements that
 * match `skip` are left out.
 */
export async function visibleTexts(page: Page, skip = "script"): Promise<string[]> {
  return page.evaluate((skipSelector) => {
    const out: string[] = [];
    const clean = (text: string | null | undefined) => text?.replace(/\s+/g, " ").trim() ?? "";
    const shown = (el: Element) => {
      if (el.closest("[hidden], script, style") || el.closest(skipSelector)) return false;
      const style = getComputedStyle(el);
      return style.visibility !== "hidden" && style.display !== "none" && el.getClientRects().length > 0;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = clean(node.textContent);
      const parent = node.parentElement;
      if (!text || !parent || parent.closest("select")) continue;
      if (shown(parent)) out.push(text);
    }
    for (const select of document.querySelectorAll("select"))
      if (shown(select))
        for (const option of select.options) if (clean(option.text)) out.push(clean(option.text));
    for (const el of document.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
      if (!shown(el)) continue;
      for (const attr of ["aria-label", "title", "placeholder", "alt"]) {
        const text = clean(el.getAttribute(attr));
        if (text) out.push(text);
      }
    }
    out.push(document.title);
    return out;
  }, skip);
}

/** Closes every context and the browser, ignoring a context that is already gone. */
export async function closeAll(browser: Browser | undefined, players: Player[]): Promise<void> {
  for (const p of players) await p.context.close().catch(() => undefined);
  await browser?.close();
}

const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe on the page as it is now and returns its serious and critical violations, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<unknown> } })
      .axe;
    const result = (await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
      resultTypes: ["violations"],
    })) as { violations: Violation[] };
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
