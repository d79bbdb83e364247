/**
 * A server restart in the middle of a turn, as two students meet it in their browsers: the server process is
 * killed (kill -9) while the US team has a draft it has not confirmed, and a new process comes up on the same
 * port and data. Without anyone doing anything, both pages come back to their seats on the same turn, and the
 * US team's draft is there as they left it.
 */
import { rmSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Node, startNode } from "../support/cluster.ts";
import { freePort } from "../support/servers.ts";
import { tempDir } from "../server/helpers.ts";
import {
  closeAll,
  createMatch,
  ensureClientBuilt,
  joinMatch,
  launchBrowser,
  openPlayer,
  type Player,
  screenshot,
  waitForTurn,
} from "./helpers.ts";
import { poll } from "./poll.ts";

const draftItems = (page: Page) => page.locator("#draft .draft-list li").allTextContents();

describe("a server restart mid-turn, in the browser", () => {
  const dataDir = tempDir();
  let browser: Browser | undefined;
  let node: Node | undefined;
  const players: Player[] = [];
  let env: Record<string, string> = {};
  /** The one address both processes answer on, one after the other. */
  let url = "";

  beforeAll(async () => {
    await ensureClientBuilt();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    env = { PORT: String(port), PUBLIC_ADDRESS: `127.0.0.1:${port}`, DATA_DIR: dataDir };
    [node, browser] = await Promise.all([startNode(env), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await closeAll(browser, players);
    await node?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("brings both players back to their seats, with the team's unconfirmed draft", async () => {
    const open = async (name: string) => {
      const player = await openPlayer(browser!, url, { name, guide: false });
      players.push(player);
      return player;
    };
    const ann = await open("Ann");
    const bo = await open("Bo");
    const code = await createMatch(ann.page, { role: "us", bots: false, private: true });
    await joinMatch(bo.page, code, "china");
    await waitForTurn(ann.page, 1);
    await ann.page.selectOption("#lever", "fundAlgorithms");
    await ann.page.fill("#lever-amount", "5");
    await ann.page.click("#add-order");
    const draft = ["Algorithm research · 5 $B Remove"];
    await poll(() => draftItems(ann.page)).toEqual(draft);

    await node!.kill();
    node = await startNode(env);

    // Each page reopens the match by its code and takes its seat back by itself.
    const reconnected = (page: Page) => page.locator("#status").textContent();
    await poll(() => reconnected(ann.page), 40_000).toBe("Reconnected.");
    await poll(() => reconnected(bo.page), 40_000).toBe("Reconnected.");
    await poll(() => bo.page.locator(".role").textContent()).toBe("You play: China");
    // The draft on Ann's screen now is the server's: a reload forgets what the page held.
    await ann.page.reload();
    await poll(() => ann.page.locator(".role").textContent()).toBe("You play: United States");
    await waitForTurn(ann.page, 1);
    await poll(() => draftItems(ann.page)).toEqual(draft);
    expect(await ann.page.locator("#draft").textContent()).toContain("Last change by Ann");
    await screenshot(ann.page, "restart-draft-back");

    // And the match plays on: both confirm, turn 2.
    await ann.page.click("#confirm");
    await bo.page.click("#confirm");
    await waitForTurn(ann.page, 2);
    await waitForTurn(bo.page, 2);
    expect(ann.errors.filter((e) => !/WebSocket|ERR_CONNECTION|Failed to load/.test(e))).toEqual([]);
  });
});
