/**
 * The server's WebSocket transport pings its clients in slices spread over the ping interval, not all at once
 * (a burst of thousands of writes held up every room), and still closes a client that stops answering.
 */
import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { GameTransport } from "../../server/ws-transport.ts";
import { waitFor } from "./helpers.ts";

const INTERVAL_MS = 400;

/**
 * The transport with no rooms behind it: a socket stays open (the stock one closes a socket that names no room
 * after a second) and answers pings as the stock one counts them (a pong resets the count).
 */
class TestTransport extends GameTransport {
  protected override onConnection(rawClient: WebSocket & { pingCount: number }): Promise<void> {
    rawClient.pingCount = 0;
    rawClient.on("pong", () => (rawClient.pingCount = 0));
    return Promise.resolve();
  }
}

describe("the WebSocket transport's keep-alive pings", () => {
  let server: Server | undefined;
  let transport: TestTransport | undefined;
  const sockets: WebSocket[] = [];
  afterEach(() => {
    for (const s of sockets.splice(0)) s.terminate();
    transport?.shutdown();
    server?.close();
  });

  async function start(): Promise<string> {
    server = createServer();
    transport = new TestTransport({ server, pingInterval: INTERVAL_MS, pingMaxRetries: 2 });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    if (typeof address !== "object" || !address) throw new Error("no address");
    return `ws://127.0.0.1:${address.port}/`;
  }

  async function connect(url: string, autoPong = true): Promise<WebSocket> {
    const socket = new WebSocket(url, { autoPong });
    sockets.push(socket);
    await new Promise((resolve, reject) => socket.once("open", resolve).once("error", reject));
    return socket;
  }

  it("spreads one round of pings over the interval", async () => {
    const url = await start();
    const clients = await Promise.all(Array.from({ length: 8 }, () => connect(url)));
    const firstPing = new Map<WebSocket, number>();
    for (const c of clients) c.once("ping", () => firstPing.set(c, performance.now()));
    await waitFor("every client pinged", () => firstPing.size === clients.length, 5000);
    const times = [...firstPing.values()];
    // Four slices 100 ms apart: the round's last ping comes well after its first.
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(150);
  });

  it("closes a client that stops answering pings, and keeps one that answers", async () => {
    const url = await start();
    const answering = await connect(url);
    const silent = await connect(url, false);
    let pings = 0;
    answering.on("ping", () => pings++);
    const closed = new Promise((resolve) => silent.once("close", resolve));
    await closed;
    expect(answering.readyState).toBe(WebSocket.OPEN);
    expect(pings).toBeGreaterThanOrEqual(2);
  });
});
