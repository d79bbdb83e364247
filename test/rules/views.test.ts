/**
 * Hidden information: a side's view holds none of the other side's hidden values (only public facts and its
 * intelligence estimates, exact only where a detection made a value public); spectators see neither side's;
 * the facilitator sees everything. Checked on the serialized views, as the server would send them.
 */
import { describe, expect, it } from "vitest";
import type {
  DeepReadonly,
  Estimate,
  MatchState,
  Order,
  SideView,
  Viewer,
} from "../../shared/rules/index.ts";
import {
  BUILTIN_SCENARIOS,
  HOSTS,
  createMatch,
  injectEvent,
  keepValidOrders,
  orderOptions,
  resolveTurn,
  submitOrders,
  viewFor,
} from "../../shared/rules/index.ts";
import { domesticCapacity, fleetH100e, saturate, totalLeased } from "../../shared/rules/model.ts";
import { seedRng } from "../../shared/rules/rng.ts";
import { randomLegalBot } from "../../shared/bots/randomLegal.ts";
import { makeState, submit } from "./helpers.ts";

/** Hidden fields of China's state that must not reach the US view outside its own state and its estimates. */
const HIDDEN_FROM_US = [
  "leases",
  "leasesArriving",
  "leaseCommittedUntil",
  "enforcementStock",
  "reformProgress",
  "chipResearchStock",
  "smuggledTotal",
  "hbmStock",
  "intelStock",
  "fabWafersPerMonth",
];
/** Hidden fields of the US's state that must not reach the China view outside its own state and its estimates. */
const HIDDEN_FROM_CHINA = ["enforcementStock", "reformProgress", "intelStock"];
/** Fields only China's state has (so the US view's own state can hold none of them), and the other way round. */
const CHINA_ONLY = [
  "leases",
  "leasesArriving",
  "chipResearchStock",
  "smuggledTotal",
  "hbmStock",
  "fabWafersPerMonth",
];
const US_ONLY = ["enforcementStock", "reformProgress", "toolPressure"];

/** China's hidden numbers now, by name. */
function chinaSecrets(s: MatchState): Record<string, number> {
  const c = s.china;
  const out: Record<string, number> = {
    leasedH100e: totalLeased(c),
    chipResearchStock: c.chipResearchStock,
    smuggledTotal: c.smuggledTotal,
    hbmStock: c.hbmStock,
    intelStock: c.intelStock,
    fabWafersPerMonth: c.fabWafersPerMonth,
    cash: c.cash,
    homeH100e: fleetH100e(c.fleet),
    domesticCapacityH100e: domesticCapacity(s).h100e,
  };
  for (const h of HOSTS) {
    out[`leases.${h}`] = c.leases[h];
    out[`leasesArriving.${h}`] = c.leasesArriving[h];
  }
  return { ...out, ...pendingNumbers(s, "china") };
}

/** The amounts in a side's orders sent but not yet resolved. */
function pendingNumbers(s: MatchState, side: "us" | "china"): Record<string, number> {
  const out: Record<string, number> = {};
  (s.pending[side] ?? []).forEach((order, i) => {
    for (const [k, v] of Object.entries(order)) if (typeof v === "number") out[`pending[${i}].${k}`] = v;
  });
  return out;
}

/** The US's hidden numbers now, by name. */
function usSecrets(s: MatchState): Record<string, number> {
  const u = s.us;
  return {
    enforcementStock: u.enforcementStock,
    enforcement: saturate(u.enforcementStock, s.scenario.params.levers.enforcementRef),
    reformProgress: u.reformProgress,
    intelStock: u.intelStock,
    toolPressure: u.toolPressure,
    cash: u.cash,
    ...pendingNumbers(s, "us"),
  };
}

/** Numbers distinctive enough that finding their decimal form in a view means they leaked (not 0, not 45000). */
function distinctive(x: number): boolean {
  return Number.isFinite(x) && !Number.isInteger(x) && String(x).replace(/^-?0\.0*/, "").length >= 6;
}

/** The values a viewer's intelligence shows exactly (a detection made them public). */
function exactIntel(view: DeepReadonly<SideView>): Set<number> {
  return new Set(
    Object.values(view.intel)
      .filter((e) => e.exact)
      .map((e) => e.estimate),
  );
}

/** Names of secrets whose exact decimal form appears in the serialized view. */
function leaked(json: string, secrets: Record<string, number>, allowed: Set<number> = new Set()): string[] {
  return Object.entries(secrets)
    .filter(([, v]) => distinctive(v) && !allowed.has(v) && json.includes(String(v)))
    .map(([k, v]) => `${k} = ${v}`);
}

/** Field names found as keys in the serialized value. */
function keysIn(json: string, names: readonly string[]): string[] {
  return names.filter((n) => json.includes(`"${n}":`));
}

function sideView(state: MatchState, side: "us" | "china"): DeepReadonly<SideView> {
  const v = viewFor(state, side);
  if (v.viewer !== side) throw new Error(`asked for the ${side} view, got ${v.viewer}`);
  return v as DeepReadonly<SideView>;
}

/** Everything a side view holds apart from its own state and its estimates. */
function withoutOwn(view: DeepReadonly<SideView>): string {
  return JSON.stringify({ ...view, own: undefined, intel: undefined });
}

/** A side view serialized without the estimates a detection made exact. */
function withoutExact(view: DeepReadonly<SideView>): string {
  const intel = Object.fromEntries(Object.entries(view.intel).filter(([, e]) => !e.exact));
  return JSON.stringify({ ...view, intel });
}

/** Checks every viewer's projection of a state; returns nothing, fails with the leaked names. */
function expectNoLeaks(state: MatchState): void {
  const us = sideView(state, "us");
  const china = sideView(state, "china");
  const usJson = JSON.stringify(us);
  const chinaJson = JSON.stringify(china);
  const spectatorJson = JSON.stringify(viewFor(state, "spectator"));

  expect(leaked(usJson, chinaSecrets(state), exactIntel(us))).toEqual([]);
  expect(leaked(chinaJson, usSecrets(state), exactIntel(china))).toEqual([]);
  expect(leaked(spectatorJson, { ...chinaSecrets(state), ...usSecrets(state) })).toEqual([]);

  expect(keysIn(withoutOwn(us), HIDDEN_FROM_US)).toEqual([]);
  expect(keysIn(withoutOwn(china), HIDDEN_FROM_CHINA)).toEqual([]);
  expect(keysIn(JSON.stringify(us.own), CHINA_ONLY)).toEqual([]);
  expect(keysIn(JSON.stringify(china.own), US_ONLY)).toEqual([]);
  expect(keysIn(spectatorJson, [...new Set([...HIDDEN_FROM_US, ...HIDDEN_FROM_CHINA])])).toEqual([]);
  // Estimates are estimates: an estimate, a band and whether it is exact, nothing else.
  for (const view of [us, china])
    for (const e of Object.values(view.intel))
      expect(Object.keys(e).sort()).toEqual(["estimate", "exact", "high", "low"]);
}

const US_ORDERS: Order[][] = [
  [
    { type: "fundEnforcement", amount: 0.987654 },
    { type: "permittingReform", amount: 1.234567 },
    { type: "fundIntelligence", amount: 0.432198 },
    { type: "pressureToolAllies", amount: 0.246813 },
  ],
  [
    { type: "fundEnforcement", amount: 0.123987 },
    { type: "fundIntelligence", amount: 0.222233 },
  ],
  [],
];
const CHINA_ORDERS: Order[][] = [
  [
    { type: "leaseCompute", host: "malaysia", h100e: 12345.678 },
    { type: "fundChipResearch", amount: 0.555557 },
    { type: "smuggleChips", h100e: 7777.77 },
    { type: "buyChips", chipType: "domestic", h100e: 11111.111 },
    { type: "fundIntelligence", amount: 0.357913 },
  ],
  [
    { type: "leaseCompute", host: "malaysia", h100e: 2222.333 },
    { type: "smuggleChips", h100e: 3333.33 },
    { type: "fundChipResearch", amount: 0.444449 },
  ],
  [{ type: "leaseCompute", host: "japan", h100e: -1234.5 }],
];

/** Plays the scripted turns, returning the state after each submission and after each resolution. */
function scripted(inject = false): MatchState[] {
  let s = makeState({}, { seed: 7 });
  if (inject) {
    const queued = injectEvent(s, "hardDrivesExposed", 1);
    if (!queued.ok) throw new Error(queued.error);
    s = queued.state;
  }
  const seen: MatchState[] = [s];
  for (let t = 0; t < US_ORDERS.length; t++) {
    s = submit(s, "china", CHINA_ORDERS[t]!);
    seen.push(s);
    s = submit(s, "us", US_ORDERS[t]!);
    seen.push(s);
    s = resolveTurn(s).state;
    seen.push(s);
  }
  return seen;
}

describe("a side's view holds none of the other side's hidden values", () => {
  it("after China leases 12,345.678 H100e in Malaysia and the US funds enforcement with 0.987654 $B", () => {
    const states = scripted();
    const after = states[3]!;
    // The distinctive amounts are in the state...
    // (A new lease runs from the turn after it is signed.)
    expect(after.china.leasesArriving.malaysia).toBeCloseTo(12345.678, 6);
    expect(states[6]!.china.leases.malaysia).toBeCloseTo(2400 + 12345.678, 6);
    expect(after.us.enforcementStock).toBeCloseTo(0.987654, 9);
    expect(JSON.stringify(viewFor(after, "facilitator"))).toContain("12345.678");
    // Enough of them are distinctive for the leak checks below to bite.
    expect(Object.values(chinaSecrets(after)).filter(distinctive).length).toBeGreaterThanOrEqual(6);
    expect(Object.values(usSecrets(after)).filter(distinctive).length).toBeGreaterThanOrEqual(5);
    // ...and in no view of the other side (but for estimates a detection made exact), nor of a spectator.
    const us = withoutExact(sideView(after, "us"));
    const china = withoutExact(sideView(after, "china"));
    const spectator = JSON.stringify(viewFor(after, "spectator"));
    for (const secret of ["12345.678", String(after.china.chipResearchStock)])
      expect(us).not.toContain(secret);
    for (const secret of [
      "0.987654",
      "1.234567",
      String(after.us.reformProgress),
      String(after.us.intelStock),
    ])
      expect(china).not.toContain(secret);
    for (const secret of ["12345.678", "0.987654", String(after.china.chipResearchStock)])
      expect(spectator).not.toContain(secret);
  });

  it("at every step of the scripted turns, for every hidden value and field name", () => {
    for (const s of scripted()) expectNoLeaks(s);
  });

  it("orders sent but not yet resolved are seen by their side only", () => {
    const s = submit(makeState(), "china", CHINA_ORDERS[0]!);
    const us = sideView(s, "us");
    expect(us.submitted.china).toBe(true);
    expect(JSON.stringify(us)).not.toContain("12345.678");
    expect(JSON.stringify(viewFor(s, "spectator"))).not.toContain("12345.678");
    expect(sideView(s, "china").pendingOrders).toEqual(CHINA_ORDERS[0]);
    expect(JSON.stringify(viewFor(s, "facilitator"))).toContain("12345.678");
  });

  it("a detection makes a lease public: the US sees it exactly, and still nothing else", () => {
    const states = scripted(true);
    // The exposure card fires when turn 1 resolves: the US's report on that state is exact for Malaysia.
    const exposed = states[6]!;
    expect(exposed.exposed).toContain("malaysia");
    const lease = sideView(exposed, "us").intel["lease.malaysia"] as Estimate;
    expect(lease.exact).toBe(true);
    expect(lease.estimate).toBe(exposed.china.leases.malaysia);
    expect(JSON.stringify(viewFor(exposed, "us"))).toContain(String(exposed.china.leases.malaysia));
    for (const s of states) expectNoLeaks(s);
    // A turn later the exposure is over and the estimate is noisy again.
    const later = states[9]!;
    expect((sideView(later, "us").intel["lease.malaysia"] as Estimate).exact).toBe(false);
  });

  it.each([1, 2, 3, 4, 5])("throughout a random match (seed %i), for all four viewers", (seed) => {
    let state = createMatch(BUILTIN_SCENARIOS["baseline-2025"]!.scenario, seed);
    const rngs = { us: seedRng(seed * 2 + 1), china: seedRng(seed * 2 + 2) };
    while (state.phase !== "ended") {
      for (const side of ["us", "china"] as const) {
        const decided = randomLegalBot.decide(
          { options: orderOptions(state, side), view: sideView(state, side) },
          rngs[side],
        );
        rngs[side] = decided.rng;
        const result = submitOrders(state, side, keepValidOrders(state, side, decided.orders));
        if (!result.ok) throw new Error(JSON.stringify(result.errors));
        state = result.state;
      }
      expectNoLeaks(state);
      state = resolveTurn(state).state;
      expectNoLeaks(state);
    }
  });
});

describe("the facilitator sees everything", () => {
  it("both sides' full states, both reports, pending orders, and every event", () => {
    const states = scripted();
    const s = states[states.length - 1]!;
    const v = viewFor(s, "facilitator");
    if (v.viewer !== "facilitator") throw new Error("not a facilitator view");
    expect(v.us).toEqual(s.us);
    expect(v.china).toEqual(s.china);
    expect(Object.keys(v.intel).sort()).toEqual(["china", "us"]);
    expect(v.events).toEqual(s.events);
    expect(v.fullHistory).toEqual(s.history);
    const json = JSON.stringify(v);
    for (const name of [...HIDDEN_FROM_US, ...HIDDEN_FROM_CHINA]) expect(json).toContain(`"${name}":`);
    for (const secret of [
      s.china.leases.malaysia,
      s.china.chipResearchStock,
      s.us.reformProgress,
      s.us.enforcementStock,
    ])
      expect(json).toContain(String(secret));
    // The leak check finds them where they are.
    expect(leaked(json, chinaSecrets(s)).length).toBeGreaterThanOrEqual(4);
    expect(leaked(json, usSecrets(s)).length).toBeGreaterThanOrEqual(3);
    const pending = viewFor(states[1]!, "facilitator");
    if (pending.viewer !== "facilitator") throw new Error("not a facilitator view");
    expect(pending.pending.china).toEqual(CHINA_ORDERS[0]);
  });
});

describe("intelligence estimates", () => {
  /** Width of the 95% band of the US's estimate of China's home fleet, in log terms, after one turn of funding. */
  function bandWidth(side: "us" | "china", amount: number): number {
    const orders: Order[] = amount > 0 ? [{ type: "fundIntelligence", amount }] : [];
    let s = makeState({}, { seed: 3 });
    s = submit(s, side, orders);
    s = resolveTurn(s).state;
    const e = sideView(s, side).intel.homeH100e as Estimate;
    expect(e.low).toBeLessThan(e.estimate);
    expect(e.estimate).toBeLessThan(e.high);
    return Math.log(e.high / e.low);
  }

  it.each(["us", "china"] as const)(
    "the %s band narrows with fundIntelligence, as the formula says",
    (side) => {
      const amounts = [0, 0.25, 1, 4];
      const widths = amounts.map((a) => bandWidth(side, a));
      for (let i = 1; i < widths.length; i++) expect(widths[i]).toBeLessThan(widths[i - 1]!);
      // 95% band = estimate x exp(+-1.96 sigma), sigma = 0.5 x (1 - 0.8 x saturate(spent, 1 $B)).
      amounts.forEach((a, i) =>
        expect(widths[i]).toBeCloseTo(2 * 1.96 * 0.5 * (1 - 0.8 * (1 - Math.exp(-a))), 9),
      );
    },
  );

  it("the same state gives the same report however often it is read", () => {
    const s = scripted()[3]!;
    expect(sideView(s, "us").intel).toEqual(sideView(s, "us").intel);
    expect(JSON.stringify(viewFor(s, "china"))).toBe(JSON.stringify(viewFor(s, "china")));
  });

  it("an estimate is not the true value unless it is marked exact", () => {
    const s = scripted()[3]!;
    const truth = chinaSecrets(s);
    const intel = sideView(s, "us").intel;
    const pairs: [string, string][] = [
      ["homeH100e", "homeH100e"],
      ["leasedH100e", "leasedH100e"],
      ["hbmStock", "hbmStock"],
      ["cash", "cash"],
      ["lease.malaysia", "leases.malaysia"],
    ];
    for (const [key, secret] of pairs) {
      const e = intel[key] as Estimate;
      if (e.exact) expect(e.estimate).toBe(truth[secret]);
      else expect(e.estimate).not.toBe(truth[secret]);
    }
  });
});

describe("events reach only their audience", () => {
  const viewers: Viewer[] = ["us", "china", "spectator", "facilitator"];

  it("a side never sees the other side's events; spectators see only public ones", () => {
    let state = createMatch(BUILTIN_SCENARIOS["baseline-2025"]!.scenario, 11);
    const rngs = { us: seedRng(1), china: seedRng(2) };
    const seenKeys = new Set<string>();
    while (state.phase !== "ended") {
      for (const side of ["us", "china"] as const) {
        const decided = randomLegalBot.decide(
          { options: orderOptions(state, side), view: sideView(state, side) },
          rngs[side],
        );
        rngs[side] = decided.rng;
        state = submit(state, side, keepValidOrders(state, side, decided.orders));
      }
      state = resolveTurn(state).state;
      for (const viewer of viewers) {
        const events = viewFor(state, viewer).events;
        const allowed = (a: string) =>
          viewer === "facilitator" || a === "public" || (a === viewer && viewer !== "spectator");
        expect(events.filter((e) => !allowed(e.audience))).toEqual([]);
        expect(events).toEqual(state.events.filter((e) => allowed(e.audience)));
      }
      for (const e of state.events) seenKeys.add(e.audience);
    }
    // The match had events for each audience, so the filter was put to work.
    expect([...seenKeys].sort()).toEqual(["china", "public", "us"]);
  });

  it("China's lease events stay out of the US view and the spectator view", () => {
    const s = scripted()[3]!;
    const keys = (viewer: Viewer) => viewFor(s, viewer).events.map((e) => e.key);
    expect(keys("china")).toContain("leaseCompute.done");
    expect(keys("facilitator")).toContain("leaseCompute.done");
    expect(keys("us")).not.toContain("leaseCompute.done");
    expect(keys("spectator")).not.toContain("leaseCompute.done");
  });
});
