/**
 * The browser's network module (client/src/net.ts) over real sockets, when the server process that runs its
 * match dies (SIGKILL) and another one comes up: the connection drops, the room's own reconnection fails (the
 * new process does not know the old one's sessions), and the module reopens the match by its code and takes
 * the seat back with the seat token this browser kept, without the player doing anything.
 */
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import type { ConnectionStatus, Handlers, Welcome } from "../../client/src/net.ts";
import type { ViewMessage } from "../../shared/protocol.ts";
import { type Node, startNode } from "../support/cluster.ts";
import { freePort, pollUntil } from "../support/servers.ts";
import { tempDir } from "./helpers.ts";

/** What a browser tab gives net.ts: storage, the page's address, fetch by a relative path, window timers. */
class MemoryStorage {
  private items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

function pretendBrowser(port: number): void {
  const origin = `http://127.0.0.1:${port}`;
  const nodeFetch = globalThis.fetch;
  Object.assign(globalThis, {
    window: globalThis,
    localStorage: new MemoryStorage(),
    sessionStorage: new MemoryStorage(),
    location: new URL(origin),
    document: { documentElement: {} },
    fetch: (input: string | URL, init?: RequestInit) =>
      nodeFetch(typeof input === "string" && input.startsWith("/") ? `${origin}${input}` : input, init),
  });
  if (!("navigator" in globalThis)) Object.assign(globalThis, { navigator: { language: "en" } });
}

describe("the browser client when its server process dies", () => {
  const dataDir = tempDir();
  const nodes: Node[] = [];

  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("reopens the match on the process that comes up and takes the seat back with its kept seat token", async () => {
    const port = await freePort();
    const env = { PORT: String(port), PUBLIC_ADDRESS: `127.0.0.1:${port}`, DATA_DIR: dataDir };
    nodes.push(await startNode(env));
    pretendBrowser(port);
    const { Net, SEATS_KEY } = await import("../../client/src/net.ts");

    const welcomes: Welcome[] = [];
    const statuses: ConnectionStatus[] = [];
    const views: ViewMessage[] = [];
    const handlers: Handlers = {
      welcome: (w) => welcomes.push(w),
      view: (v) => views.push(v),
      draft: () => undefined,
      meta: () => undefined,
      status: (s) => statuses.push(s),
      notice: () => undefined,
      error: () => undefined,
    };
    const net = new Net(handlers);
    await net.create({ role: "us", name: "Ada", bots: true });
    await pollUntil("the welcome and a first view", () => welcomes.length === 1 && views.length > 0);
    const first = welcomes[0]!;
    expect(first.seatToken).toBeTruthy();
    expect(localStorage.getItem(SEATS_KEY)).toContain(first.seatToken);

    await nodes[0]!.kill();
    nodes.push(await startNode(env));

    await pollUntil(
      "the seat to be taken back on the new process",
      () => {
        if (statuses.includes("lost")) throw new Error("the client gave the match up as lost");
        return welcomes.length === 2 && statuses.at(-1) === "connected";
      },
      120_000,
    );
    expect(statuses).toContain("reconnecting");
    expect(statuses).not.toContain("lost");
    const second = welcomes[1]!;
    expect({ code: second.code, role: second.role, playerId: second.playerId }).toEqual({
      code: first.code,
      role: "us",
      playerId: first.playerId,
    });
    // The seat is live again: the US confirms the current turn on the new process.
    const turn = views.at(-1)!.view.turn;
    await net.request("confirm", { turn });
    await net.leave();
  }, 240_000);
});
