/**
 * Hidden information over a whole match: every message payload, every synced state snapshot and every raw
 * frame a US client, a China client and a spectator receive is searched for the other side's hidden values,
 * including after a dropped connection comes back and after a player changes sides.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Order } from "../../shared/rules/index.ts";
import { person, seatMatch } from "../support/seats.ts";
import {
  confirmTurn,
  leaveAll,
  Seat,
  startTestServer,
  type TestServer,
  waitFor,
  HOOK_TIMEOUT_MS,
} from "./helpers.ts";

/** China leases exactly this many H100e in Australia (where it leases nothing at the start). */
const LEASED = 12345.678;
/** The US funds enforcement with exactly this many $B. */
const ENFORCEMENT = 0.987654;
const SEED = 5;

/** Hidden fields of China's state: the US sees them only as intelligence estimates, if at all. */
const CHINA_KEYS = [
  "leases",
  "chipResearchStock",
  "hbmStock",
  "smuggledTotal",
  "subsidyCostTotal",
  "fabYield",
];
/**
 * Hidden fields of the US state. (Pressure on tool makers and the frontier supply are public facts, in every
 * view: see docs/security.md.)
 */
const US_KEYS = ["enforcementStock", "reformProgress", "exportRevenueDue", "politicalCostTurns"];

interface Scan {
  /** Every number received, except those inside an estimate marked exact (a detection the rules allow). */
  numbers: Set<number>;
  /** Key paths whose value is not an intelligence estimate. */
  keys: Map<string, string>;
  /** Whether an exact estimate of a lease reached this client. */
  exactLease: boolean;
  draftSides: Set<string>;
}

function isEstimate(v: unknown): v is { estimate: number; exact: boolean } {
  return typeof v === "object" && v !== null && "estimate" in v && "low" in v && "high" in v && "exact" in v;
}

function scan(seat: Seat): Scan {
  const out: Scan = { numbers: new Set(), keys: new Map(), exactLease: false, draftSides: new Set() };
  const walk = (v: unknown, path: string): void => {
    if (typeof v === "number") out.numbers.add(v);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (typeof v === "object" && v !== null) {
      for (const [k, x] of Object.entries(v)) {
        if (isEstimate(x)) {
          if (x.exact) {
            if (k.startsWith("lease.")) out.exactLease = true;
            continue;
          }
        } else out.keys.set(k, `${path}.${k}`);
        walk(x, `${path}.${k}`);
      }
    }
  };
  for (const json of seat.received) {
    const parsed = JSON.parse(json) as { type?: string; payload?: { side?: string } };
    if (parsed.type === "draft" && parsed.payload?.side) out.draftSides.add(parsed.payload.side);
    walk(parsed, "");
  }
  return out;
}

/** Whether the bytes of `value` (text, or a float64 either way round) are anywhere in the raw frames. */
function inFrames(seat: Seat, value: number): boolean {
  const be = Buffer.alloc(8);
  be.writeDoubleBE(value);
  const le = Buffer.alloc(8);
  le.writeDoubleLE(value);
  const text = Buffer.from(String(value));
  return seat.frames.some((f) => {
    const b = Buffer.from(f);
    return b.includes(be) || b.includes(le) || b.includes(text);
  });
}

/** Values with enough digits that finding one elsewhere cannot be a coincidence. */
function distinctive(x: unknown): x is number {
  return typeof x === "number" && !Number.isInteger(x) && String(x).replace(/[^0-9]/g, "").length >= 8;
}

let server: TestServer;
const seats: Seat[] = [];
let ann: Seat; // US throughout; her connection drops mid-match and comes back
let bo: Seat; // China throughout
let bea: Seat; // China, then changes sides
let beaUs: Seat; // Bea's seat on the US side
let fan: Seat; // spectator
const chinaSecrets = new Set<number>();
const usSecrets = new Set<number>();

beforeAll(async () => {
  server = await startTestServer({ MAX_MESSAGES_PER_SECOND: 1000, RECONNECT_SECONDS: 30 });
  [ann, bo, bea, fan] = await seatMatch(
    server.url,
    seats,
    { ...person("us", "Ann"), seed: SEED },
    person("china", "Bo"),
    person("china", "Bea"),
    person("spectator", "Fan"),
  );
  await Promise.all(seats.map((s) => s.waitTurn(0)));

  const usOrders: Order[] = [{ type: "fundEnforcement", amount: ENFORCEMENT }];
  const chinaOrders: Order[] = [{ type: "leaseCompute", host: "australia", h100e: LEASED }];
  await ann.request("draft", { orders: usOrders });
  await bea.request("draft", { orders: chinaOrders });
  await confirmTurn(ann, bo, [bea, fan]);

  while (ann.view.phase !== "ended") {
    const turn = ann.view.turn;
    if (turn === 5) {
      ann.dropConnection();
      await waitFor("Ann's reconnection", () => ann.reconnects === 1 && ann.views.at(-1)?.turn === 5);
    }
    if (turn === 8) {
      await bea.leave();
      beaUs = await Seat.join(server.url, ann.code, { ...bea.options, role: "us" });
      seats.push(beaUs);
      await beaUs.waitTurn(8);
    }
    await confirmTurn(ann, bo, turn >= 8 ? [beaUs, fan] : [bea, fan]);
  }

  // Every exact hidden value each side held during the match, as its own views showed them.
  for (const v of bo.views) {
    const own = (v as unknown as { own?: Record<string, unknown> & { leases: Record<string, number> } }).own;
    if (!own) continue;
    const arriving = own.leasesArriving as Record<string, number>;
    for (const x of [
      ...Object.values(own.leases),
      ...Object.values(arriving),
      own.chipResearchStock,
      own.hbmStock,
      own.cash,
    ])
      if (distinctive(x)) chinaSecrets.add(x);
  }
  for (const v of ann.views) {
    const own = (v as unknown as { own?: Record<string, unknown> }).own;
    if (!own) continue;
    for (const k of [...US_KEYS, "cash"]) if (distinctive(own[k])) usSecrets.add(own[k]);
  }
}, HOOK_TIMEOUT_MS);

afterAll(async () => {
  await leaveAll(seats);
  await server.stop();
}, HOOK_TIMEOUT_MS);

describe("hidden information over a whole match", () => {
  it("the planted values reached their own side (so the search below can find them)", () => {
    // A lease runs from the turn after it is signed.
    const china = bo.views.find((v) => v.turn === 1) as unknown as {
      own: { leasesArriving: Record<string, number> };
    };
    expect(china.own.leasesArriving.australia).toBe(LEASED);
    expect(scan(bo).numbers.has(LEASED)).toBe(true);
    expect(scan(ann).numbers.has(ENFORCEMENT)).toBe(true);
    expect(inFrames(ann, ENFORCEMENT)).toBe(true);
    expect(inFrames(bo, LEASED)).toBe(true);
    expect(ann.reconnects).toBe(1);
    expect(beaUs.views.every((v) => v.viewer === "us")).toBe(true);
    expect(ann.view.phase).toBe("ended");
    expect(chinaSecrets.size).toBeGreaterThan(5);
    expect(usSecrets.size).toBeGreaterThan(5);
  });

  it("no US client ever receives China's leased amount, its other hidden numbers or their fields", () => {
    for (const seat of [ann, beaUs]) {
      const s = scan(seat);
      expect(s.numbers.has(LEASED), seat.options.name).toBe(false);
      if (!s.exactLease) expect(inFrames(seat, LEASED), seat.options.name).toBe(false);
      expect(
        [...chinaSecrets].filter((x) => s.numbers.has(x)),
        seat.options.name,
      ).toEqual([]);
      expect(CHINA_KEYS.filter((k) => s.keys.has(k)).map((k) => s.keys.get(k))).toEqual([]);
      expect([...s.draftSides]).toEqual(["us"]);
    }
  });

  it("no China client ever receives the US enforcement money, its other hidden numbers or their fields", () => {
    for (const seat of [bo, bea]) {
      const s = scan(seat);
      expect(s.numbers.has(ENFORCEMENT), seat.options.name).toBe(false);
      expect(inFrames(seat, ENFORCEMENT), seat.options.name).toBe(false);
      expect(
        [...usSecrets].filter((x) => s.numbers.has(x)),
        seat.options.name,
      ).toEqual([]);
      expect(US_KEYS.filter((k) => s.keys.has(k)).map((k) => s.keys.get(k))).toEqual([]);
      expect([...s.draftSides]).toEqual(["china"]);
    }
  });

  it("the spectator receives neither side's hidden numbers, no estimates and no drafts", () => {
    const s = scan(fan);
    expect(s.numbers.has(LEASED)).toBe(false);
    expect(s.numbers.has(ENFORCEMENT)).toBe(false);
    expect(inFrames(fan, LEASED)).toBe(false);
    expect(inFrames(fan, ENFORCEMENT)).toBe(false);
    expect([...chinaSecrets, ...usSecrets].filter((x) => s.numbers.has(x))).toEqual([]);
    expect([...CHINA_KEYS, ...US_KEYS, "own", "intel", "pendingOrders"].filter((k) => s.keys.has(k))).toEqual(
      [],
    );
    expect(s.draftSides.size).toBe(0);
  });
});
