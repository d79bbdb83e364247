/**
 * The HTTP surface, /matchmake included: bodies over the size limit get 413 before they are read, a page from
 * another origin is refused and never gets CORS headers, errors are short JSON without stacks or paths, and
 * each address may create and join only so many matches a minute.
 */
import { Client } from "@colyseus/sdk";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  leaveAll,
  playerId,
  Seat,
  startTestServer,
  type TestServer,
  HOOK_TIMEOUT_MS,
  webSocketOutcome,
} from "./helpers.ts";

const MAX_BODY_BYTES = 2048;
const CREATES = 3;
const JOINS = 4;

let server: TestServer;
const seats: Seat[] = [];

beforeAll(async () => {
  server = await startTestServer({
    MAX_BODY_BYTES,
    CREATE_LIMIT_PER_MINUTE: CREATES,
    JOIN_LIMIT_PER_MINUTE: JOINS,
    // Each test speaks from an address of its own (X-Forwarded-For from a trusted proxy), so that the limits
    // one test uses up do not throttle the next.
    TRUST_PROXY: 1,
  });
}, HOOK_TIMEOUT_MS);
afterAll(async () => {
  await leaveAll(seats);
  await server.stop();
}, HOOK_TIMEOUT_MS);

let nextAddress = 0;
/** Headers that make the server see a fresh client address. */
function freshAddress(): Record<string, string> {
  nextAddress += 1;
  return { "X-Forwarded-For": `203.0.113.${nextAddress}` };
}

const createOptions = (name: string) => ({ role: "facilitator" as const, name, playerId: playerId(name) });

async function post(path: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...freshAddress(), ...headers },
    body,
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/**
 * Starts a request whose body is `declared` bytes long (or streamed, with no length given), sends only the first
 * `sendBytes` of it, and resolves with the answer that comes while the rest is still owed: a server that waited
 * for the whole body would never answer.
 */
function sendPart(
  path: string,
  declared: number | "streamed",
  sendBytes: number,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "content-type": "application/json", ...freshAddress() };
    if (declared !== "streamed") headers["content-length"] = String(declared);
    const req = request(`${server.url}${path}`, { method: "POST", headers });
    const noAnswer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer within 10 s while the body was still coming (${path})`));
    }, 10_000);
    req.on("response", (res) => {
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => {
        clearTimeout(noAnswer);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on("error", () => undefined);
    req.write(Buffer.alloc(sendBytes, 0x20));
  });
}

function expectSafeJsonError(res: { headers: Headers; text: string }, message: RegExp): void {
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  const body = JSON.parse(res.text) as { error: string };
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error).toMatch(message);
  // No stack frame and no file path of this machine.
  expect(res.text).not.toMatch(/\bat .*\(|node_modules|\/work\/|\.ts\b|SyntaxError/);
}

async function matchCount(): Promise<number> {
  return (await server.running.store.unfinished()).length;
}

describe("the body size limit", () => {
  it("answers a body declared larger than MAX_BODY_BYTES on /matchmake with 413 before it is sent, and creates nothing", async () => {
    const before = await matchCount();
    const res = await sendPart("/matchmake/create/match", 512 * 1024 * 1024, 0);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toEqual({
      error: `the request body is too large (at most ${MAX_BODY_BYTES} bytes)`,
    });
    expect(await matchCount()).toBe(before);
  });

  it("answers a streamed body (no Content-Length) with 413 as soon as it passes the limit", async () => {
    const res = await sendPart("/matchmake/create/match", "streamed", MAX_BODY_BYTES + 1);
    expect(res.status).toBe(413);
  });

  it("holds on /api routes too", async () => {
    expect((await sendPart("/api/matches/ABCDEF/open", 1024 * 1024, 0)).status).toBe(413);
    expect((await sendPart("/api/matches/ABCDEF/open", "streamed", MAX_BODY_BYTES + 1)).status).toBe(413);
  });

  it("lets a body within the limit through: the SDK creates a match", async () => {
    const seat = await Seat.create(server.url, createOptions("Ann"));
    seats.push(seat);
    expect(seat.code).toMatch(/^[A-Z0-9]{6}$/);
  });
});

describe("errors", () => {
  it("answers malformed JSON with a short JSON error, on /api and on /matchmake", async () => {
    for (const path of ["/api/matches/ABCDEF/open", "/matchmake/create/match"]) {
      const res = await post(path, '{"role": "us",');
      expect(res.status, path).toBe(400);
      expectSafeJsonError(res, /^the request body is not valid JSON$/);
    }
    const notAnObject = await post("/matchmake/create/match", '"facilitator"');
    expect(notAnObject.status).toBe(400);
    expectSafeJsonError(notAnObject, /must be a JSON object/);
  });

  it("answers unknown addresses and malformed paths with JSON, without a stack or the framework's name", async () => {
    const missing = await fetch(`${server.url}/no/such/page`);
    expect(missing.status).toBe(404);
    expectSafeJsonError({ headers: missing.headers, text: await missing.text() }, /nothing at this address/);
    const api = await fetch(`${server.url}/api/nope`);
    expect(api.status).toBe(404);
    const malformed = await fetch(`${server.url}/api/matches/%E0%A4%A/export.json`);
    expect(malformed.status).toBe(400);
    expectSafeJsonError({ headers: malformed.headers, text: await malformed.text() }, /malformed/);
    expect(malformed.headers.get("x-powered-by")).toBeNull();
  });
});

describe("browser origins (ALLOWED_ORIGINS empty)", () => {
  const evil = "http://evil.example";

  it("refuses a page from another origin on every route, /matchmake included, and creates nothing", async () => {
    const before = await matchCount();
    const create = await post("/matchmake/create/match", JSON.stringify(createOptions("Eve")), {
      Origin: evil,
    });
    expect(create.status).toBe(403);
    expectSafeJsonError(create, /requests from the page at http:\/\/evil\.example are not allowed/);
    expect(create.headers.get("access-control-allow-origin")).toBeNull();
    expect(await matchCount()).toBe(before);
    const health = await fetch(`${server.url}/api/health`, { headers: { Origin: evil } });
    expect(health.status).toBe(403);
    expect(health.headers.get("access-control-allow-origin")).toBeNull();
    const preflight = await fetch(`${server.url}/matchmake/create/match`, {
      method: "OPTIONS",
      headers: { Origin: evil, "Access-Control-Request-Method": "POST" },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    expect(preflight.headers.get("access-control-allow-credentials")).toBeNull();
    await expect(
      new Client(server.url, { headers: { Origin: evil, ...freshAddress() } }).create(
        "match",
        createOptions("Eve"),
      ),
    ).rejects.toThrow(/not allowed/);
  });

  it("serves the pages it serves itself (same origin), with no CORS headers since they need none", async () => {
    const own = `http://127.0.0.1:${server.port}`;
    const create = await post("/matchmake/create/match", JSON.stringify(createOptions("Bo")), {
      Origin: own,
    });
    expect(create.status).toBe(200);
    expect(JSON.parse(create.text)).toMatchObject({ name: "match", roomId: expect.any(String) });
    expect(create.headers.get("access-control-allow-origin")).toBeNull();
    expect(create.headers.get("access-control-allow-credentials")).toBeNull();
    const health = await fetch(`${server.url}/api/health`);
    expect(health.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("applies the same rule to WebSocket connections", async () => {
    const outcome = (origin: string) => webSocketOutcome(server.port, origin);
    expect(await outcome(evil)).toMatch(/^refused 4\d\d$/);
    expect(await outcome(`http://127.0.0.1:${server.port}`)).not.toMatch(/^refused/);
  });
});

describe("per-address limits on creating and joining", () => {
  it(`lets one address create ${CREATES} matches a minute, then answers 429 with a readable JSON message`, async () => {
    const from = freshAddress();
    const client = new Client(server.url, { headers: from });
    for (let i = 0; i < CREATES; i++) {
      const room = await client.create("match", createOptions(`Host ${i}`));
      await room.leave();
    }
    const refused = await post("/matchmake/create/match", JSON.stringify(createOptions("One more")), from);
    expect(refused.status).toBe(429);
    expectSafeJsonError(
      refused,
      /^too many new matches from this address \(at most 3 a minute\): wait a minute/,
    );
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    await expect(client.create("match", createOptions("Again"))).rejects.toThrow(/too many new matches/);
    // Another address is not affected.
    const other = new Client(server.url, { headers: freshAddress() });
    const room = await other.create("match", createOptions("Elsewhere"));
    await room.leave();
  });

  it("counts joins, reconnections and reopened rooms against one join limit", async () => {
    const host = await Seat.create(server.url, createOptions("Teacher"));
    seats.push(host);
    const from = freshAddress();
    const client = new Client(server.url, { headers: from });
    const spectate = (name: string) =>
      client.joinById(host.code, { role: "spectator", name, playerId: playerId(name) });
    await (await spectate("Cy")).leave();
    await (await spectate("Di")).leave();
    const open = await post(`/api/matches/${host.code}/open`, "", from);
    expect(open.status).toBe(200);
    // A reconnection with a made-up token is refused by Colyseus, but it was asked for and counts.
    const reconnect = await post(`/matchmake/reconnect/${host.code}`, '{"reconnectionToken":"x:y"}', from);
    expect(reconnect.status).not.toBe(429);
    await expect(spectate("Ed")).rejects.toThrow(/too many joins from this address \(at most 4 a minute\)/);
    expect((await post(`/api/matches/${host.code}/open`, "", from)).status).toBe(429);
    // Spelling the method another way does not get around the limits.
    expect((await post("/matchmake/%6AoinById/match", "{}", from)).status).toBe(429);
    const elsewhere = new Client(server.url, { headers: freshAddress() });
    await (
      await elsewhere.joinById(host.code, { role: "spectator", name: "Fay", playerId: playerId("fay") })
    ).leave();
  });
});
