/**
 * The cost of exports: a finished match's exports, replays and result row are made from its log once and then
 * kept (bounded), a running match is read fresh on every request, and a workshop's results list takes each
 * code once and at most MAX_RESULT_CODES of them.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { MAX_RESULT_CODES } from "../../server/app.ts";
import { FinishedMatchCache } from "../../server/export-cache.ts";
import { getJson, leaveAll, playerId, Seat, startTestServer, type TestServer, waitFor } from "./helpers.ts";
import { HOOK_TIMEOUT_MS } from "./helpers.ts";

let server: TestServer;
const seats: Seat[] = [];
let finished: string;

beforeAll(async () => {
  server = await startTestServer({ BOT_TURN_SECONDS: 0 });
  // Bots on both sides play the whole match at once.
  const teacher = await Seat.create(server.url, {
    role: "facilitator",
    name: "Tess",
    playerId: playerId("tess"),
    bots: true,
    seed: 5,
  });
  seats.push(teacher);
  finished = teacher.code;
  await waitFor("the bots to finish the match", () => server.running.store.get(finished)?.finished, 20_000);
}, HOOK_TIMEOUT_MS);
afterAll(async () => {
  await leaveAll(seats);
  await server.stop();
}, HOOK_TIMEOUT_MS);

async function text(path: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${server.url}${path}`);
  return { status: res.status, text: await res.text() };
}

describe("a workshop's results list", () => {
  it("answers a code given many times with one row", async () => {
    const res = await text(`/api/matches/results.csv?codes=${Array(60).fill(finished).join(",")}`);
    expect(res.status).toBe(200);
    const lines = res.text.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(new RegExp(`^${finished},baseline-2025,5,yes,16,`));
  });

  it(`refuses more than ${MAX_RESULT_CODES} different codes with a message that says so`, async () => {
    const alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    const codes = Array.from(
      { length: MAX_RESULT_CODES + 1 },
      (_, i) => `ZZZZ${alphabet[i % 32]}${alphabet[0]}`,
    );
    const res = await getJson(`${server.url}/api/matches/results.csv?codes=${codes.join(",")}`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: `codes: at most ${MAX_RESULT_CODES} different matches at once (${MAX_RESULT_CODES + 1} given)`,
    });
  });
});

describe("a finished match", () => {
  it("has its exports, replays and result row made from its log once, then sent as they were", async () => {
    const paths = [
      `/api/matches/${finished}/export.json`,
      `/api/matches/${finished}/export.csv`,
      `/api/matches/${finished}/replay?viewer=china`,
      `/api/matches/${finished}/replay`,
      `/api/matches/results.csv?codes=${finished}`,
    ];
    const first = await Promise.all(paths.map(text));
    for (const [i, res] of first.entries()) expect(res.status, paths[i]).toBe(200);
    const reads = vi.spyOn(server.running.store, "actions");
    try {
      const again = await Promise.all(paths.map(text));
      expect(again).toEqual(first);
      expect(reads).not.toHaveBeenCalled();
    } finally {
      reads.mockRestore();
    }
    const replay = JSON.parse(first[2]?.text ?? "") as { turns: { viewer: string }[] };
    expect(replay.turns.every((t) => t.viewer === "china")).toBe(true);
  });
});

describe("a running match", () => {
  it("is read afresh on every request: its row follows the turns played", async () => {
    const ann = await Seat.create(server.url, {
      role: "us",
      name: "Ann",
      playerId: playerId("ann"),
      bots: true,
    });
    seats.push(ann);
    const row = async () =>
      (await text(`/api/matches/results.csv?codes=${ann.code}`)).text.trim().split("\n")[1];
    expect(await row()).toBe(`${ann.code},baseline-2025,,no,0${",".repeat(11)},2025 H1,orders,1,0,0`);
    await ann.waitTurn(0);
    // China's bot has confirmed already; Ann's confirmation resolves the turn.
    await ann.request("confirm", { turn: 0 });
    await ann.waitTurn(1);
    expect(await row()).toBe(`${ann.code},baseline-2025,,no,1${",".repeat(11)},2025 H2,orders,1,0,0`);
    expect((await getJson(`${server.url}/api/matches/${ann.code}/export.json`)).status).toBe(403);
  });
});

describe("FinishedMatchCache", () => {
  it("keeps at most its bound, dropping the match used longest ago", () => {
    const cache = new FinishedMatchCache(10);
    let made = 0;
    const make = (body: string) => () => {
      made += 1;
      return body;
    };
    expect(cache.get("AAAAAA", "csv", make("12345"))).toBe("12345");
    cache.get("BBBBBB", "csv", make("12345"));
    // A is used again, so B is now the one used longest ago.
    expect(cache.get("AAAAAA", "csv", make("other"))).toBe("12345");
    cache.get("CCCCCC", "csv", make("12345"));
    expect(made).toBe(3);
    expect([cache.has("AAAAAA"), cache.has("BBBBBB"), cache.has("CCCCCC")]).toEqual([true, false, true]);
    expect(cache.bytes).toBe(10);
    // A body larger than the bound is sent but not kept.
    expect(cache.get("DDDDDD", "json", make("x".repeat(11)))).toHaveLength(11);
    expect(cache.has("DDDDDD")).toBe(false);
    expect(cache.bytes).toBe(10);
  });
});
