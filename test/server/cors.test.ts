/**
 * CORS with ALLOWED_ORIGINS set: a listed page gets its own origin back (with credentials, which the SDK sends)
 * on /api and /matchmake alike, preflights included; any other page, even one on the server's own address, is
 * refused and gets no CORS header.
 */
import { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { playerId, startTestServer, type TestServer, HOOK_TIMEOUT_MS } from "./helpers.ts";

const LISTED = "http://classroom.example";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ ALLOWED_ORIGINS: ` ${LISTED} , https://other.example` });
}, HOOK_TIMEOUT_MS);
afterAll(() => server.stop(), HOOK_TIMEOUT_MS);

const createBody = () => JSON.stringify({ role: "facilitator", name: "Tess", playerId: playerId("tess") });

describe("ALLOWED_ORIGINS set", () => {
  it("answers a listed page's preflight and requests with its own origin, never '*'", async () => {
    const preflight = await fetch(`${server.url}/matchmake/create/match`, {
      method: "OPTIONS",
      headers: {
        Origin: LISTED,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(LISTED);
    expect(preflight.headers.get("access-control-allow-credentials")).toBe("true");
    expect(preflight.headers.get("access-control-allow-methods")).toMatch(/\bPOST\b/);
    expect(preflight.headers.get("access-control-allow-headers")).toMatch(/Content-Type/i);
    expect(preflight.headers.get("vary")).toMatch(/Origin/);

    const create = await fetch(`${server.url}/matchmake/create/match`, {
      method: "POST",
      headers: { Origin: LISTED, "content-type": "application/json" },
      body: createBody(),
    });
    expect(create.status).toBe(200);
    expect(create.headers.get("access-control-allow-origin")).toBe(LISTED);
    const health = await fetch(`${server.url}/api/health`, { headers: { Origin: LISTED } });
    expect(health.status).toBe(200);
    expect(health.headers.get("access-control-allow-origin")).toBe(LISTED);

    const room = await new Client(server.url, { headers: { Origin: LISTED } }).create("match", {
      role: "facilitator",
      name: "Tess",
      playerId: playerId("tess"),
    });
    expect(room.roomId).toMatch(/^[A-Z0-9]{6}$/);
    await room.leave();
  });

  it("refuses any other page, even one on the server's own address, with no CORS header", async () => {
    for (const origin of ["http://evil.example", `http://127.0.0.1:${server.port}`, "null"]) {
      const preflight = await fetch(`${server.url}/matchmake/create/match`, {
        method: "OPTIONS",
        headers: { Origin: origin, "Access-Control-Request-Method": "POST" },
      });
      expect(preflight.status, origin).toBe(403);
      expect(preflight.headers.get("access-control-allow-origin"), origin).toBeNull();
      const create = await fetch(`${server.url}/matchmake/create/match`, {
        method: "POST",
        headers: { Origin: origin, "content-type": "application/json" },
        body: createBody(),
      });
      expect(create.status, origin).toBe(403);
      expect(create.headers.get("access-control-allow-origin"), origin).toBeNull();
      expect(((await create.json()) as { error: string }).error).toMatch(/ALLOWED_ORIGINS/);
    }
  });

  it("serves clients that send no Origin (the SDK from Node, curl) as before", async () => {
    const room = await new Client(server.url).create("match", {
      role: "facilitator",
      name: "Tess",
      playerId: playerId("tess"),
    });
    await room.leave();
  });
});
