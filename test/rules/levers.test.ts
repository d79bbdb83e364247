/**
 * One lever, one block: each order type is accepted when legal and does what its file says (measured against a
 * control match without the order, same seed), and is refused with a readable reason, changing nothing, when not.
 */
import { describe, it, expect } from "vitest";
import type { HostId, MatchState, Order, OrderType, Side } from "../../shared/rules/index.ts";
import {
  checkOrders,
  hashState,
  judgedLead,
  MAX_ORDERS,
  ORDER_TYPES,
  orderOptions,
  submitOrders,
  smugglingCap,
  viewFor,
} from "../../shared/rules/index.ts";
import { baseline, makeState, play, scenarioWith, submit } from "./helpers.ts";
import { remoteRuleChance } from "../../shared/rules/hosts.ts";

const p = baseline.params;
const retained = 1 - p.world.retirementPerTurn;
const tensionKept = 1 - p.world.tensionDecayPerTurn;

/** A baseline scenario with some parameters replaced and the random event deck switched off. */
function quiet(patch: Parameters<typeof scenarioWith>[0]) {
  return scenarioWith({ ...patch, world: { ...patch.world, eventChancePerTurn: 0 } });
}

/** Submits orders that must be refused; checks that the state is untouched and returns the reasons. */
function refusal(state: MatchState, side: unknown, orders: unknown): string {
  const before = hashState(state);
  const result = submitOrders(state, side, orders);
  expect(hashState(state)).toBe(before);
  expect(state.pending).toEqual({ us: null, china: null });
  if (result.ok) throw new Error(`orders were accepted: ${JSON.stringify(orders)}`);
  expect(result.errors.length).toBeGreaterThan(0);
  return result.errors.map((e) => `${e.path}: ${e.message}`).join("\n");
}

/** Plays one turn in which only `side` sends orders. */
function playAs(state: MatchState, side: Side, orders: Order[]): MatchState {
  return side === "us" ? play(state, orders) : play(state, [], orders);
}

/** Plays a few turns with no orders. */
function idle(state: MatchState, turns: number): MatchState {
  let s = state;
  for (let i = 0; i < turns; i++) s = play(s);
  return s;
}

function choiceMax(state: MatchState, side: Side, type: OrderType, value: string): number {
  const lever = orderOptions(state, side).levers.find((l) => l.type === type);
  const choice = lever?.choices.find((c) => c.value === value);
  if (!choice) throw new Error(`no choice ${value} for ${type}`);
  return choice.max;
}

/** Chips of a type a side holds, counting those bought this turn and installed next turn. */
function chips(state: MatchState, side: Side, type: "frontier" | "exportGrade" | "domestic"): number {
  return state[side].fleet[type].h100e + state[side].arriving[type].h100e;
}

function keysOf(state: MatchState): string[] {
  return state.events.map((e) => e.key);
}

function leasable(state: MatchState, host: HostId): number {
  const h = state.hosts[host];
  const gw = h.capacityGW * p.hosts[host].foreignAiShare * h.openness;
  return (gw * 1e6) / (state.us.frontierKwPerH100e * p.world.pue);
}

/** A legal example of every order type (the record type makes the compiler insist on all of them). */
const LEGAL: { [T in OrderType]: { side: Side; order: Extract<Order, { type: T }> } } = {
  setExportControls: { side: "us", order: { type: "setExportControls", level: "fullBan" } },
  pressureHost: { side: "us", order: { type: "pressureHost", host: "malaysia", amount: 2 } },
  pressureToolAllies: { side: "us", order: { type: "pressureToolAllies", amount: 2 } },
  fundEnforcement: { side: "us", order: { type: "fundEnforcement", amount: 1 } },
  buyChips: { side: "us", order: { type: "buyChips", chipType: "frontier", h100e: 1e6 } },
  smuggleChips: { side: "china", order: { type: "smuggleChips", h100e: 10_000 } },
  leaseCompute: { side: "china", order: { type: "leaseCompute", host: "japan", h100e: 20_000 } },
  fundChipResearch: { side: "china", order: { type: "fundChipResearch", amount: 2 } },
  expandFabs: { side: "china", order: { type: "expandFabs", wafersPerMonth: 5000 } },
  expandHbm: { side: "china", order: { type: "expandHbm", stacksPerTurn: 1e6 } },
  buildDataCenters: { side: "us", order: { type: "buildDataCenters", gw: 1 } },
  buildPower: { side: "china", order: { type: "buildPower", source: "solar", gw: 2 } },
  permittingReform: { side: "us", order: { type: "permittingReform", amount: 5 } },
  setPowerSubsidy: { side: "china", order: { type: "setPowerSubsidy", rate: 0.3 } },
  fundAlgorithms: { side: "us", order: { type: "fundAlgorithms", amount: 5 } },
  publishOpenModels: { side: "china", order: { type: "publishOpenModels" } },
  courtHost: { side: "china", order: { type: "courtHost", host: "singapore", amount: 2 } },
  subsidiseAllies: { side: "us", order: { type: "subsidiseAllies", host: "japan", amount: 3 } },
  fundIntelligence: { side: "china", order: { type: "fundIntelligence", amount: 1 } },
};

const US_ONLY: OrderType[] = [
  "setExportControls",
  "pressureHost",
  "pressureToolAllies",
  "fundEnforcement",
  "permittingReform",
  "subsidiseAllies",
];
const CHINA_ONLY: OrderType[] = [
  "smuggleChips",
  "leaseCompute",
  "fundChipResearch",
  "expandFabs",
  "expandHbm",
  "setPowerSubsidy",
  "courtHost",
];

describe("every lever", () => {
  it.each(ORDER_TYPES)("%s: a legal order is accepted and changes the outcome of the turn", (type) => {
    const s = makeState();
    const { side, order } = LEGAL[type];
    const result = submitOrders(s, side, [order]);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.state.pending[side]).toEqual([order]);
    const withOrder = playAs(s, side, [order]);
    const control = play(s);
    expect(hashState(withOrder)).not.toBe(hashState(control));
  });

  it.each(US_ONLY)("%s is refused for China, which has no such lever", (type) => {
    expect(refusal(makeState(), "china", [{ ...LEGAL[type].order }])).toContain(
      `China has no lever called ${type}`,
    );
  });

  it.each(CHINA_ONLY)("%s is refused for the US, which has no such lever", (type) => {
    expect(refusal(makeState(), "us", [{ ...LEGAL[type].order }])).toContain(
      `The US has no lever called ${type}`,
    );
  });

  it("each side's menu lists exactly the levers it may use", () => {
    const s = makeState();
    const us = orderOptions(s, "us").levers.map((l) => l.type);
    const china = orderOptions(s, "china").levers.map((l) => l.type);
    for (const t of US_ONLY) expect(china).not.toContain(t);
    for (const t of CHINA_ONLY) expect(us).not.toContain(t);
    expect(new Set([...us, ...china])).toEqual(new Set(ORDER_TYPES));
  });
});

describe("refusals common to all orders", () => {
  it("refuses a second order of the same kind for the same target", () => {
    const reasons = refusal(makeState(), "us", [
      { type: "fundAlgorithms", amount: 1 },
      { type: "fundAlgorithms", amount: 2 },
    ]);
    expect(reasons).toContain("orders[1]: A second fundAlgorithms order");
  });

  it("accepts the same per-host lever aimed at two different hosts, refuses it twice at one host", () => {
    const s = makeState();
    expect(
      submitOrders(s, "us", [
        { type: "pressureHost", host: "japan", amount: 1 },
        { type: "pressureHost", host: "malaysia", amount: 1 },
      ]).ok,
    ).toBe(true);
    expect(
      refusal(s, "us", [
        { type: "pressureHost", host: "japan", amount: 1 },
        { type: "pressureHost", host: "japan", amount: 1 },
      ]),
    ).toContain("A second pressureHost order for the same target");
  });

  it("refuses orders that cost more than the cash left after running costs, and accepts exactly that much", () => {
    const s = makeState();
    const money = orderOptions(s, "china").spendable;
    expect(money).toBeCloseTo(s.china.cash - orderOptions(s, "china").runningCost, 9);
    expect(money).toBeLessThan(s.china.cash);
    expect(refusal(s, "china", [{ type: "fundAlgorithms", amount: money + 0.5 }])).toMatch(
      /cost .* \$B but only .* \$B can be spent this turn/,
    );
    expect(submitOrders(s, "china", [{ type: "fundAlgorithms", amount: money }]).ok).toBe(true);
  });

  it("checks the budget for the whole list, not order by order", () => {
    const s = makeState();
    const half = orderOptions(s, "china").spendable * 0.6;
    expect(submitOrders(s, "china", [{ type: "fundAlgorithms", amount: half }]).ok).toBe(true);
    expect(
      refusal(s, "china", [
        { type: "fundAlgorithms", amount: half },
        { type: "fundIntelligence", amount: half },
      ]),
    ).toContain("can be spent this turn");
  });

  it.each([
    ["an unknown order type", [{ type: "launchMissiles" }], "orders[0].type"],
    [
      "a negative amount",
      [{ type: "fundAlgorithms", amount: -1 }],
      "orders[0].amount: must be more than zero",
    ],
    ["a zero amount", [{ type: "fundEnforcement", amount: 0 }], "orders[0].amount: must be more than zero"],
    ["a missing amount", [{ type: "fundAlgorithms" }], "orders[0].amount"],
    ["an amount given as text", [{ type: "fundAlgorithms", amount: "5" }], "orders[0].amount"],
    ["an infinite amount", [{ type: "fundAlgorithms", amount: Infinity }], "orders[0].amount"],
    ["NaN", [{ type: "buyChips", chipType: "frontier", h100e: NaN }], "orders[0].h100e"],
    ["an absurd amount", [{ type: "fundAlgorithms", amount: 2e9 }], "orders[0].amount"],
    ["an extra field", [{ type: "publishOpenModels", free: true }], 'Unrecognized key: "free"'],
    ["an unknown host", [{ type: "pressureHost", host: "france", amount: 1 }], "orders[0].host"],
    ["an unknown chip type", [{ type: "buyChips", chipType: "b200", h100e: 1 }], "orders[0].chipType"],
    ["an unknown power source", [{ type: "buildPower", source: "coal", gw: 1 }], "orders[0].source"],
    ["an unknown control level", [{ type: "setExportControls", level: "total" }], "orders[0].level"],
    ["a lease change of zero", [{ type: "leaseCompute", host: "japan", h100e: 0 }], "must not be zero"],
    ["a subsidy above 100%", [{ type: "setPowerSubsidy", rate: 1.5 }], "orders[0].rate"],
    ["a list that is not a list", { type: "fundAlgorithms", amount: 1 }, "orders: "],
    ["null", null, "orders: "],
  ])("refuses %s with the path of the bad value", (_what, orders, expected) => {
    expect(refusal(makeState(), "china", orders)).toContain(expected);
  });

  it(`refuses more than ${MAX_ORDERS} orders in one turn`, () => {
    const orders = Array.from({ length: MAX_ORDERS + 1 }, (_, i) => ({
      type: "buildPower",
      source: "solar",
      gw: i + 1,
    }));
    expect(refusal(makeState(), "us", orders)).toContain(`at most ${MAX_ORDERS} orders a turn`);
  });

  it("refuses orders from something that is not a side", () => {
    expect(refusal(makeState(), "taiwan", [])).toContain("Orders come from a side");
  });

  it("refuses all orders once the match is over", () => {
    const over = makeState({ phase: "ended" });
    expect(refusal(over, "us", [{ type: "fundAlgorithms", amount: 1 }])).toContain("The match is over");
  });

  it("reports every bad order of a list, each with its index, and accepts none of them", () => {
    const reasons = refusal(makeState(), "us", [
      { type: "fundAlgorithms", amount: 1 },
      { type: "leaseCompute", host: "japan", h100e: 10 },
      { type: "buyChips", chipType: "domestic", h100e: 10 },
    ]);
    expect(reasons).toContain("orders[1]: The US has no lever called leaseCompute");
    expect(reasons).toContain("orders[2]: buyChips: the US buys only its own frontier chips");
    expect(reasons).not.toContain("orders[0]");
  });

  it("a second submission replaces the first", () => {
    const once = submit(makeState(), "us", [{ type: "fundAlgorithms", amount: 1 }]);
    const twice = submit(once, "us", [{ type: "fundIntelligence", amount: 2 }]);
    expect(twice.pending.us).toEqual([{ type: "fundIntelligence", amount: 2 }]);
  });
});

describe("setExportControls", () => {
  it("a tighter level raises tension by tensionPerStep and costs US chip makers tighteningCostPerStep", () => {
    const s = makeState();
    const control = play(s);
    const oneStep = play(s, [{ type: "setExportControls", level: "fullBan" }]);
    const step = p.exportControls.tensionPerStep * tensionKept;
    expect(oneStep.us.exportControlLevel).toBe("fullBan");
    expect(oneStep.tension - control.tension).toBeCloseTo(step, 9);
    expect(control.us.cash - oneStep.us.cash).toBeCloseTo(p.exportControls.tighteningCostPerStep, 9);
    expect(keysOf(oneStep)).toContain("exportControls.changed");
  });

  it("the remote-access rule needs a law: the ban now, a bill before Congress, the rule when it passes", () => {
    const s = makeState();
    const asked = play(s, [{ type: "setExportControls", level: "banPlusRemoteAccess" }]);
    expect(asked.us.exportControlLevel).toBe("fullBan");
    expect(asked.us.remoteAccessBillTurns).toBe(p.exportControls.remoteAccessLawTurns - 1);
    expect(keysOf(asked)).toContain("remoteAccess.bill");
    expect(viewFor(asked, "china").remoteAccessBillTurns).toBe(asked.us.remoteAccessBillTurns);
    expect(refusal(asked, "us", [{ type: "setExportControls", level: "banPlusRemoteAccess" }])).toContain(
      "already before Congress",
    );
    const law = idle(asked, p.exportControls.remoteAccessLawTurns - 1);
    expect(law.us.exportControlLevel).toBe("banPlusRemoteAccess");
    expect(keysOf(law)).toContain("remoteAccess.law");
    // Loosening before it passes drops the bill.
    const dropped = play(asked, [{ type: "setExportControls", level: "performanceCap" }]);
    expect(dropped.us.remoteAccessBillTurns).toBe(0);
    expect(idle(dropped, 3).us.exportControlLevel).toBe("performanceCap");
  });

  it("opening trade lowers tension", () => {
    const s = makeState();
    const opened = play(s, [{ type: "setExportControls", level: "open" }]);
    expect(opened.us.exportControlLevel).toBe("open");
    expect(play(s).tension - opened.tension).toBeCloseTo(p.exportControls.tensionPerStep * tensionKept, 9);
  });

  it("a ban announced this turn blocks China's export-grade purchase written in the same turn; the money is kept", () => {
    const s = makeState();
    const buy: Order = { type: "buyChips", chipType: "exportGrade", h100e: 50_000 };
    expect(submitOrders(s, "china", [buy]).ok).toBe(true);
    const banned = play(s, [{ type: "setExportControls", level: "fullBan" }], [buy]);
    const bought = play(s, [], [buy]);
    const control = play(s, [{ type: "setExportControls", level: "fullBan" }]);
    expect(chips(banned, "china", "exportGrade")).toBeCloseTo(chips(control, "china", "exportGrade"), 6);
    expect(banned.china.cash).toBeCloseTo(control.china.cash, 9);
    expect(chips(bought, "china", "exportGrade")).toBeGreaterThan(chips(control, "china", "exportGrade"));
    const blocked = banned.events.find((e) => e.key === "buyChips.blocked");
    expect(blocked?.audience).toBe("china");
    expect(blocked?.message).toContain("No money was spent");
  });

  it("refuses the level already in force", () => {
    expect(refusal(makeState(), "us", [{ type: "setExportControls", level: "performanceCap" }])).toContain(
      "is already in force",
    );
  });

  it("refuses to reopen chip trade when tension is at the escalation level", () => {
    const tense = makeState({ tension: p.world.escalationTension });
    expect(refusal(tense, "us", [{ type: "setExportControls", level: "open" }])).toContain(
      "tension is too high to reopen chip trade",
    );
    expect(submitOrders(tense, "us", [{ type: "setExportControls", level: "fullBan" }]).ok).toBe(true);
  });

  it("leaving the remote-access rule lifts it in the hosts that applied it", () => {
    const s = makeState({
      us: { exportControlLevel: "banPlusRemoteAccess" },
      hosts: { japan: { appliesRemoteAccessRule: true } },
    });
    const next = play(s, [{ type: "setExportControls", level: "fullBan" }]);
    expect(next.hosts.japan.appliesRemoteAccessRule).toBe(false);
    expect(next.china.leases.japan).toBeCloseTo(s.china.leases.japan, 6);
    expect(submitOrders(next, "china", [{ type: "leaseCompute", host: "japan", h100e: 1000 }]).ok).toBe(true);
  });
});

describe("pressureHost", () => {
  it("makes the host stricter and less open, costs US goodwill and raises tension; other hosts are untouched", () => {
    const s = makeState();
    const control = play(s);
    const pressed = play(s, [{ type: "pressureHost", host: "malaysia", amount: 2 }]);
    expect(pressed.hosts.malaysia.strictness).toBeGreaterThan(control.hosts.malaysia.strictness);
    expect(pressed.hosts.malaysia.openness).toBeLessThan(control.hosts.malaysia.openness);
    expect(pressed.hosts.malaysia.influence.us).toBeLessThan(control.hosts.malaysia.influence.us);
    expect(pressed.tension).toBeGreaterThan(control.tension);
    expect(pressed.hosts.japan).toEqual(control.hosts.japan);
    expect(pressed.us.cash).toBeCloseTo(control.us.cash - 2, 9);
    expect(choiceMax(pressed, "china", "leaseCompute", "malaysia")).toBeLessThan(
      choiceMax(control, "china", "leaseCompute", "malaysia"),
    );
  });

  it("works less where China has more goodwill than the US", () => {
    const drop = (us: number, china: number) => {
      const s = makeState({ hosts: { singapore: { influence: { us, china } } } });
      const order: Order = { type: "pressureHost", host: "singapore", amount: 2 };
      return play(s).hosts.singapore.openness - play(s, [order]).hosts.singapore.openness;
    };
    expect(drop(90, 10)).toBeGreaterThan(drop(10, 90));
    expect(drop(10, 90)).toBeGreaterThan(0);
  });
});

describe("pressureToolAllies", () => {
  it("adds to tool pressure and tension, making China's next fab expansion dearer and slower", () => {
    const s = makeState();
    const control = play(s);
    const pressed = play(s, [{ type: "pressureToolAllies", amount: 5 }]);
    const l = p.levers;
    expect(pressed.us.toolPressure).toBeCloseTo(5, 9);
    expect(play(pressed).us.toolPressure).toBeCloseTo(5 * (1 - l.toolPressureDecay), 9);
    expect(pressed.tension - control.tension).toBeCloseTo(
      3 * (1 - Math.exp(-5 / l.toolPressureRef)) * tensionKept,
      9,
    );
    const fab: Order = { type: "expandFabs", wafersPerMonth: 10_000 };
    const baseCost = (10_000 * p.china.domestic.fabCostPer1kWpm) / 1000;
    const level = 1 - Math.exp(-pressed.us.toolPressure / l.toolPressureRef);
    expect(checkOrders(control, "china", [fab]).cost).toBeCloseTo(baseCost, 9);
    expect(checkOrders(pressed, "china", [fab]).cost).toBeCloseTo(baseCost * (1 + level), 9);
    const slow = play(pressed, [], [fab]).china.projects.find((x) => x.kind === "fab");
    const fast = play(control, [], [fab]).china.projects.find((x) => x.kind === "fab");
    expect(fast?.turnsLeft).toBe(p.china.domestic.fabLeadTurns);
    expect(slow?.turnsLeft).toBe(p.china.domestic.fabLeadTurns + 1);
  });
});

/** Share of seeds in which one smuggling shipment is caught, with this much US enforcement money in the same turn. */
function caughtShare(enforcement: number, seeds: number): number {
  let caught = 0;
  for (let seed = 1; seed <= seeds; seed++) {
    const s = makeState({}, { seed });
    const us: Order[] = enforcement > 0 ? [{ type: "fundEnforcement", amount: enforcement }] : [];
    const next = play(s, us, [{ type: "smuggleChips", h100e: 10_000 }]);
    if (keysOf(next).includes("smuggleChips.caught")) caught++;
  }
  return caught / seeds;
}

describe("fundEnforcement", () => {
  it("builds an enforcement stock that works in full on its turn and decays from the next", () => {
    const s = play(makeState(), [{ type: "fundEnforcement", amount: 2 }]);
    expect(s.us.enforcementStock).toBeCloseTo(2, 9);
    expect(play(s).us.enforcementStock).toBeCloseTo(2 * (1 - p.levers.enforcementDecay), 9);
  });

  it("smuggling is caught much more often under heavy enforcement (over many seeds)", () => {
    const l = p.levers;
    let strictness = 0;
    for (const h of Object.values(p.hosts)) strictness += h.strictness / 5;
    // 1,000 seeds: the shares sit within 0.05 of their chance with more than three standard deviations to spare.
    const light = caughtShare(0, 1000);
    const heavy = caughtShare(10, 1000);
    expect(light).toBeCloseTo(l.detectionBase + (l.detectionMax - l.detectionBase) * strictness, 1);
    expect(heavy).toBeCloseTo(l.detectionMax, 1);
    expect(heavy - light).toBeGreaterThan(0.2);
  });
});

describe("buyChips", () => {
  it("the US buys frontier chips: paid now at the frontier price, installed next turn, then drawing power", () => {
    const s = makeState();
    const blackwell = p.chips.frontierRoadmap[0]!;
    const control = play(s);
    const bought = play(s, [{ type: "buyChips", chipType: "frontier", h100e: 1e6 }]);
    expect(bought.us.fleet.frontier.h100e).toBeCloseTo(control.us.fleet.frontier.h100e, 3);
    expect(bought.us.arriving.frontier.h100e).toBe(1e6);
    expect(bought.us.arriving.frontier.kw).toBeCloseTo(1e6 * blackwell.kwPerH100e, 3);
    expect(bought.us.last.usableH100e).toBeCloseTo(control.us.last.usableH100e, 3);
    expect(control.us.cash - bought.us.cash).toBeCloseTo(1e6 * blackwell.usdPerH100e * 1e-9, 9);
    expect(bought.us.spentByLever.buyChips).toBeCloseTo(15.4, 9);
    const installed = play(bought);
    const control2 = play(control);
    expect(installed.us.fleet.frontier.h100e - control2.us.fleet.frontier.h100e).toBeCloseTo(
      1e6 * retained,
      3,
    );
    expect(installed.us.arriving.frontier.h100e).toBe(0);
    expect(installed.us.ledger.acquired).toBe(1e6);
    expect(installed.us.last.demandGW).toBeGreaterThan(control2.us.last.demandGW);
  });

  it("refuses the US anything but frontier chips", () => {
    const s = makeState();
    for (const chipType of ["exportGrade", "domestic"])
      expect(refusal(s, "us", [{ type: "buyChips", chipType, h100e: 1000 }])).toContain(
        "the US buys only its own frontier chips",
      );
  });

  it("refuses more chips than the supply on offer", () => {
    const reasons = refusal(makeState(), "us", [
      { type: "buyChips", chipType: "frontier", h100e: p.us.frontierSupplyPerTurn + 1000 },
    ]);
    expect(reasons).toContain("frontier chips on offer (H100e): at most 4.10M");
  });

  it("refuses China what the export controls ban", () => {
    const cap = makeState();
    expect(refusal(cap, "china", [{ type: "buyChips", chipType: "frontier", h100e: 1000 }])).toContain(
      "US export controls ban frontier chips for China",
    );
    expect(submitOrders(cap, "china", [{ type: "buyChips", chipType: "exportGrade", h100e: 1000 }]).ok).toBe(
      true,
    );
    const ban = makeState({ us: { exportControlLevel: "fullBan" } });
    expect(refusal(ban, "china", [{ type: "buyChips", chipType: "exportGrade", h100e: 1000 }])).toContain(
      "ban even export-grade chips",
    );
    expect(submitOrders(ban, "china", [{ type: "buyChips", chipType: "domestic", h100e: 1000 }]).ok).toBe(
      true,
    );
    const open = makeState({ us: { exportControlLevel: "open" } });
    expect(submitOrders(open, "china", [{ type: "buyChips", chipType: "frontier", h100e: 1000 }]).ok).toBe(
      true,
    );
  });

  it("refuses China US chips when tension has escalated", () => {
    const tense = makeState({ tension: p.world.escalationTension + 1, us: { exportControlLevel: "open" } });
    expect(refusal(tense, "china", [{ type: "buyChips", chipType: "exportGrade", h100e: 1000 }])).toContain(
      "Beijing has told its firms to stop buying US chips",
    );
  });

  it("with exports open and more frontier chips ordered than made, each side gets the same share of its order", () => {
    const s = makeState({ us: { exportControlLevel: "open" } });
    const supply = p.us.frontierSupplyPerTurn;
    const china: Order[] = [{ type: "buyChips", chipType: "frontier", h100e: 500_000 }];
    const usBuys: Order[] = [{ type: "buyChips", chipType: "frontier", h100e: supply - 100_000 }];
    const alone = play(s, [], china);
    const shared = play(s, usBuys, china);
    const share = supply / (supply + 400_000);
    expect(alone.china.arriving.frontier.h100e).toBeCloseTo(500_000, 3);
    expect(shared.china.arriving.frontier.h100e).toBeCloseTo(500_000 * share, 3);
    expect(shared.us.arriving.frontier.h100e).toBeCloseTo((supply - 100_000) * share, 3);
    expect(shared.us.arriving.frontier.h100e + shared.china.arriving.frontier.h100e).toBeCloseTo(supply, 3);
    expect(alone.china.cash - shared.china.cash).toBeCloseTo(
      -500_000 * (1 - share) * p.chips.frontierRoadmap[0]!.usdPerH100e * 1e-9,
      9,
    );
    expect(shared.events.some((e) => e.key === "buyChips.done" && e.message.includes("supply ran out"))).toBe(
      true,
    );
  });

  it("China's domestic chips use up HBM stacks", () => {
    const s = makeState();
    const h100e = 100_000;
    const bought = play(s, [], [{ type: "buyChips", chipType: "domestic", h100e }]);
    const control = play(s);
    const stacks = (h100e / p.china.domestic.h100ePerChip) * p.china.domestic.hbmStacksPerChip;
    expect(control.china.hbmStock - bought.china.hbmStock).toBeCloseTo(stacks, 3);
    expect(chips(bought, "china", "domestic") - chips(control, "china", "domestic")).toBeCloseTo(h100e, 3);
  });

  it("China's domestic chips are capped by fab output", () => {
    const s = makeState();
    const d = p.china.domestic;
    const fabCap =
      ((d.wafersPerMonth * 6 * d.aiFabShare * d.yield * d.diesPerWafer) / d.diesPerChip) * d.h100ePerChip;
    expect(choiceMax(s, "china", "buyChips", "domestic")).toBeCloseTo(fabCap, 3);
    expect(refusal(s, "china", [{ type: "buyChips", chipType: "domestic", h100e: fabCap * 1.01 }])).toContain(
      "domestic chips on offer (H100e): at most",
    );
    expect(submitOrders(s, "china", [{ type: "buyChips", chipType: "domestic", h100e: fabCap }]).ok).toBe(
      true,
    );
  });

  it("China's domestic chips are capped by HBM when memory is short", () => {
    const d = p.china.domestic;
    const s = makeState({ china: { hbmStock: 0, hbmProductionPerTurn: 810_000 } });
    const hbmCap = (810_000 / d.hbmStacksPerChip) * d.h100ePerChip;
    expect(choiceMax(s, "china", "buyChips", "domestic")).toBeCloseTo(hbmCap, 3);
    expect(refusal(s, "china", [{ type: "buyChips", chipType: "domestic", h100e: hbmCap + 1000 }])).toContain(
      "at most 60.0k",
    );
    const next = play(s, [], [{ type: "buyChips", chipType: "domestic", h100e: hbmCap }]);
    expect(next.china.hbmStock).toBeCloseTo(0, 3);
  });
});

describe("smuggleChips", () => {
  it("is refused while frontier chips can be bought legally", () => {
    const open = makeState({ us: { exportControlLevel: "open" } });
    expect(refusal(open, "china", [{ type: "smuggleChips", h100e: 1000 }])).toContain(
      "frontier chips can be bought legally while exports are open",
    );
  });

  it("is refused above what smuggling networks can move in a turn", () => {
    expect(
      refusal(makeState(), "china", [{ type: "smuggleChips", h100e: smugglingCap(makeState()) + 1 }]),
    ).toContain("what smuggling networks can move in a turn");
  });

  it("a shipment that gets through adds frontier chips at a premium price", () => {
    const s = makeState({}, { scenario: quiet({ levers: { detectionBase: 0, detectionMax: 0 } }) });
    const control = play(s);
    const next = play(s, [], [{ type: "smuggleChips", h100e: 50_000 }]);
    expect(chips(next, "china", "frontier") - chips(control, "china", "frontier")).toBeCloseTo(50_000, 3);
    expect(next.china.smuggledTotal).toBe(50_000);
    expect(control.china.cash - next.china.cash).toBeCloseTo(
      50_000 * p.chips.frontierRoadmap[0]!.usdPerH100e * 1e-9 * (1 + p.chips.smugglingPremium),
      9,
    );
    expect(keysOf(next)).toContain("smuggleChips.arrived");
  });

  it("a caught shipment is lost, paid for, and raises tension and a transit host's strictness", () => {
    const s = makeState({}, { scenario: quiet({ levers: { detectionBase: 1, detectionMax: 1 } }) });
    const control = play(s);
    const next = play(s, [], [{ type: "smuggleChips", h100e: 50_000 }]);
    expect(chips(next, "china", "frontier")).toBeCloseTo(chips(control, "china", "frontier"), 3);
    expect(next.china.smuggledTotal).toBe(0);
    expect(next.china.cash).toBeLessThan(control.china.cash);
    expect(next.tension - control.tension).toBeCloseTo(5 * tensionKept, 9);
    const caught = next.events.find((e) => e.key === "smuggleChips.caught");
    expect(caught?.audience).toBe("public");
    const host = caught?.params?.host as HostId;
    expect(next.hosts[host].strictness).toBeGreaterThan(control.hosts[host].strictness);
  });
});

describe("leaseCompute", () => {
  it("adds leased compute abroad at the host's price, dearer where the host is strict, running from next turn", () => {
    const s = makeState();
    const control = play(s);
    const next = play(s, [], [{ type: "leaseCompute", host: "japan", h100e: 50_000 }]);
    expect(next.china.leasesArriving.japan).toBeCloseTo(50_000, 6);
    expect(next.china.leases.japan).toBeCloseTo(control.china.leases.japan, 6);
    expect(next.china.last.leasedH100e).toBeCloseTo(control.china.last.leasedH100e, 6);
    const price = p.hosts.japan.leaseUsdPerH100eTurn * 1e-9 * (1 + p.hosts.japan.strictness);
    // The first turn is paid when the lease is signed; from the next turn on it is a running cost.
    expect(control.china.cash - next.china.cash).toBeCloseTo(50_000 * price, 9);
    const running = play(next);
    const control2 = play(control);
    expect(running.china.leases.japan - control2.china.leases.japan).toBeCloseTo(50_000, 6);
    expect(running.china.last.leasedH100e - control2.china.last.leasedH100e).toBeCloseTo(50_000, 6);
    expect(orderOptions(running, "china").runningCost).toBeGreaterThan(
      orderOptions(control2, "china").runningCost,
    );
  });

  it("a new lease binds for leaseMinTurns turns: releasing it before then is refused", () => {
    const signed = play(makeState(), [], [{ type: "leaseCompute", host: "japan", h100e: 20_000 }]);
    expect(signed.china.leaseCommittedUntil.japan).toBe(p.levers.leaseMinTurns);
    const early = idle(signed, p.levers.leaseMinTurns - 2);
    expect(refusal(early, "china", [{ type: "leaseCompute", host: "japan", h100e: -10_000 }])).toContain(
      "the leases in japan are committed until",
    );
    const due = idle(signed, p.levers.leaseMinTurns - 1);
    expect(submitOrders(due, "china", [{ type: "leaseCompute", host: "japan", h100e: -10_000 }]).ok).toBe(
      true,
    );
  });

  it("is capped by host capacity x foreign share x openness", () => {
    const s = makeState();
    const room = leasable(s, "japan") - s.china.leases.japan;
    expect(choiceMax(s, "china", "leaseCompute", "japan")).toBeCloseTo(room, 3);
    expect(refusal(s, "china", [{ type: "leaseCompute", host: "japan", h100e: room + 1000 }])).toContain(
      "japan can rent at most",
    );
    expect(submitOrders(s, "china", [{ type: "leaseCompute", host: "japan", h100e: room }]).ok).toBe(true);
    const halfOpen = makeState({ hosts: { australia: { openness: p.hosts.australia.openness / 2 } } });
    expect(choiceMax(halfOpen, "china", "leaseCompute", "australia")).toBeCloseTo(
      choiceMax(s, "china", "leaseCompute", "australia") / 2,
      3,
    );
  });

  it("is cut off where a host applies the remote-access rule", () => {
    const s = makeState({
      us: { exportControlLevel: "banPlusRemoteAccess" },
      hosts: { japan: { appliesRemoteAccessRule: true } },
    });
    expect(choiceMax(s, "china", "leaseCompute", "japan")).toBe(0);
    expect(refusal(s, "china", [{ type: "leaseCompute", host: "japan", h100e: 1000 }])).toContain(
      "japan applies the US remote-access rule",
    );
    const next = play(s);
    expect(next.china.leases.japan).toBeCloseTo(s.china.leases.japan * (1 - p.levers.remoteRuleCutShare), 6);
    expect(keysOf(next)).toContain("lease.cut");
  });

  it("a remote-access rule can close a willing host in the turn it becomes law", () => {
    // With all the goodwill and strict permits, the host applies the rule for sure.
    const s = makeState({
      hosts: { japan: { influence: { us: 100, china: 0 }, strictness: 1 } },
      us: { exportControlLevel: "fullBan", remoteAccessBillTurns: 1 },
    });
    const next = play(s);
    expect(next.us.exportControlLevel).toBe("banPlusRemoteAccess");
    expect(next.hosts.japan.appliesRemoteAccessRule).toBe(true);
    expect(next.china.leases.japan).toBeCloseTo(s.china.leases.japan * (1 - p.levers.remoteRuleCutShare), 6);
    expect(next.china.leases.malaysia).toBeGreaterThan(0);
  });

  it("a host where China has at least as much goodwill as the US never applies the remote-access rule", () => {
    // The strictest host, the rule in force, and China level with the US or ahead: never, in any seed.
    for (let seed = 1; seed <= 40; seed++) {
      const s = makeState(
        {
          hosts: { malaysia: { influence: { us: 60, china: 80 }, strictness: 1 } },
          us: { exportControlLevel: "banPlusRemoteAccess" },
        },
        { seed },
      );
      expect(play(s).hosts.malaysia.appliesRemoteAccessRule).toBe(false);
    }
    const l = p.levers;
    expect(remoteRuleChance({ us: 50, china: 50 }, 1, l)).toBe(0);
    expect(remoteRuleChance({ us: 40, china: 60 }, 1, l)).toBe(0);
    // A US edge makes it likelier, the more so the stricter the host.
    expect(remoteRuleChance({ us: 60, china: 40 }, 0.3, l)).toBeGreaterThan(0);
    expect(remoteRuleChance({ us: 80, china: 20 }, 0.3, l)).toBeGreaterThan(
      remoteRuleChance({ us: 60, china: 40 }, 0.3, l),
    );
    expect(remoteRuleChance({ us: 60, china: 40 }, 0.8, l)).toBeGreaterThan(
      remoteRuleChance({ us: 60, china: 40 }, 0.3, l),
    );
  });

  it("goodwill fades back towards each host's starting stance without new effort", () => {
    const s = makeState({ hosts: { japan: { influence: { us: 100, china: 100 } } } });
    const next = play(s);
    const start = p.hosts.japan;
    const f = p.levers.influenceDrift;
    expect(next.hosts.japan.influence.us).toBeCloseTo(100 + (start.influenceUs - 100) * f, 9);
    expect(next.hosts.japan.influence.china).toBeCloseTo(100 + (start.influenceChina - 100) * f, 9);
  });

  it("a negative change releases leases at no cost; releasing more than held is refused", () => {
    const s = makeState();
    const held = s.china.leases.japan;
    const next = play(s, [], [{ type: "leaseCompute", host: "japan", h100e: -10_000 }]);
    expect(next.china.leases.japan).toBeCloseTo(held - 10_000, 6);
    expect(next.china.cash).toBeCloseTo(play(s).china.cash, 9);
    expect(refusal(s, "china", [{ type: "leaseCompute", host: "japan", h100e: -(held + 1000) }])).toContain(
      "only 34.0k H100e are leased in japan",
    );
  });
});

describe("fundChipResearch", () => {
  it("adds design generations beyond the roadmap, making domestic chips stronger", () => {
    const s = makeState();
    const control = play(s);
    const next = play(s, [], [{ type: "fundChipResearch", amount: 5 }]);
    const l = p.levers;
    const extra = l.chipResearchLevelsMax * (1 - Math.exp(-5 / l.chipResearchRef));
    expect(next.china.chipDesignLevel - control.china.chipDesignLevel).toBeCloseTo(extra, 9);
    expect(next.china.domesticH100ePerChip / control.china.domesticH100ePerChip).toBeCloseTo(
      (1 + p.china.domestic.perfGainPerLevel) ** extra,
      9,
    );
    expect(next.china.chipResearchStock).toBe(5);
    expect(control.china.cash - next.china.cash).toBeCloseTo(5, 9);
  });
});

describe("expandFabs", () => {
  it("starts a fab project that raises wafer output after its lead time", () => {
    const s = makeState();
    const lead = p.china.domestic.fabLeadTurns;
    const next = play(s, [], [{ type: "expandFabs", wafersPerMonth: 10_000 }]);
    expect(play(s).china.cash - next.china.cash).toBeCloseTo(
      (10_000 * p.china.domestic.fabCostPer1kWpm) / 1000,
      9,
    );
    expect(next.china.projects).toMatchObject([{ kind: "fab", amount: 10_000, turnsLeft: lead }]);
    expect(idle(next, lead - 1).china.fabWafersPerMonth).toBe(p.china.domestic.wafersPerMonth);
    const done = idle(next, lead);
    expect(done.china.fabWafersPerMonth).toBe(p.china.domestic.wafersPerMonth + 10_000);
    expect(done.china.projects).toEqual([]);
    expect(choiceMax(done, "china", "buyChips", "domestic")).toBeGreaterThan(
      choiceMax(idle(play(s), lead), "china", "buyChips", "domestic"),
    );
  });
});

describe("expandHbm", () => {
  it("starts an HBM line that raises stack output after its lead time", () => {
    const s = makeState();
    const lead = p.china.domestic.hbmLeadTurns;
    const next = play(s, [], [{ type: "expandHbm", stacksPerTurn: 1e6 }]);
    expect(play(s).china.cash - next.china.cash).toBeCloseTo(p.china.domestic.hbmCostPerMStacks, 9);
    expect(idle(next, lead - 1).china.hbmProductionPerTurn).toBe(p.china.domestic.hbmProductionPerTurn);
    expect(idle(next, lead).china.hbmProductionPerTurn).toBe(p.china.domestic.hbmProductionPerTurn + 1e6);
  });
});

describe("buildDataCenters", () => {
  it("US halls wait for permits; China's do not; reform shortens the US wait", () => {
    const order: Order = { type: "buildDataCenters", gw: 1 };
    const s = makeState();
    const both = play(s, [order], [order]);
    const lead = p.power.dataCenterLeadTurns;
    const delay = p.power.usDataCenterPermitDelayTurns;
    expect(both.us.projects).toMatchObject([
      { kind: "dataCenter", turnsLeft: lead + delay, delayTurns: delay },
    ]);
    expect(both.china.projects).toMatchObject([{ kind: "dataCenter", turnsLeft: lead, delayTurns: 0 }]);
    const reformed = play(makeState({ us: { permitReform: 0.5 } }), [order]);
    expect(reformed.us.projects).toMatchObject([{ turnsLeft: lead + Math.round(delay * 0.5) }]);
  });

  it("delivers the halls after the lead time, at the side's building cost", () => {
    const s = makeState();
    const next = play(s, [], [{ type: "buildDataCenters", gw: 2 }]);
    const control = play(s);
    expect(control.china.cash - next.china.cash).toBeCloseTo(
      2 * p.power.dataCenterCostPerGW * p.china.energy.buildCostFactor,
      9,
    );
    const lead = p.power.dataCenterLeadTurns;
    expect(idle(next, lead - 1).china.dataCenterGW).toBeCloseTo(
      idle(control, lead - 1).china.dataCenterGW,
      9,
    );
    expect(idle(next, lead).china.dataCenterGW - idle(control, lead).china.dataCenterGW).toBeCloseTo(2, 9);
  });
});

describe("buildPower", () => {
  it("US plants take longer than China's (permitting delay) and reform shortens them", () => {
    const s = makeState();
    const orders: Order[] = [
      { type: "buildPower", source: "solar", gw: 1 },
      { type: "buildPower", source: "gas", gw: 1 },
      { type: "buildPower", source: "nuclear", gw: 1 },
    ];
    const next = play(s, orders, orders);
    const reformed = play(makeState({ us: { permitReform: 0.5 } }), orders);
    for (const source of ["solar", "gas", "nuclear"] as const) {
      const src = p.power.sources[source];
      const us = next.us.projects.find((x) => x.source === source);
      const china = next.china.projects.find((x) => x.source === source);
      const eased = reformed.us.projects.find((x) => x.source === source);
      expect(china?.turnsLeft).toBe(src.leadTurns);
      expect(us?.turnsLeft).toBe(src.leadTurns + src.usPermitDelayTurns);
      expect(us?.delayTurns).toBe(src.usPermitDelayTurns);
      expect(eased?.turnsLeft).toBe(src.leadTurns + Math.round(src.usPermitDelayTurns * 0.5));
      expect(us?.turnsLeft).toBeGreaterThan(eased?.turnsLeft ?? Infinity);
    }
  });

  it("delivers firm power after the lead time, at the source's cost", () => {
    const s = makeState();
    const next = play(s, [], [{ type: "buildPower", source: "solar", gw: 4 }]);
    const control = play(s);
    const solar = p.power.sources.solar;
    expect(control.china.cash - next.china.cash).toBeCloseTo(
      4 * solar.costPerGW * p.china.energy.buildCostFactor,
      9,
    );
    const after = idle(next, solar.leadTurns);
    expect(after.china.powerGW.solar).toBe(4);
    expect(after.history.at(-1)?.sides.china.powerGW).toBeCloseTo(
      (idle(control, solar.leadTurns).history.at(-1)?.sides.china.powerGW ?? 0) + 4 * solar.firmFactor,
      9,
    );
  });

  it("refuses two orders for the same source in one turn", () => {
    expect(
      refusal(makeState(), "us", [
        { type: "buildPower", source: "gas", gw: 1 },
        { type: "buildPower", source: "gas", gw: 2 },
      ]),
    ).toContain("A second buildPower order");
  });
});

describe("permittingReform", () => {
  it("money moves the bill towards a vote", () => {
    const next = play(makeState(), [{ type: "permittingReform", amount: 5 }]);
    expect(next.us.reformProgress).toBeCloseTo(5 / p.us.reformCostToVote, 9);
    expect(next.us.permitReform).toBe(0);
  });

  it("a passing vote eases permits, also for waiting projects and those started the same turn, at a dip in income", () => {
    const sc = quiet({ us: { reformPassChance: 1, oppositionChancePerTurn: 0 } });
    const s = play(makeState({}, { scenario: sc }), [{ type: "buildDataCenters", gw: 1 }]);
    const delay = p.power.usDataCenterPermitDelayTurns;
    expect(s.us.projects[0]?.delayTurns).toBe(delay);
    const reform: Order = { type: "permittingReform", amount: p.us.reformCostToVote };
    const solar: Order = { type: "buildPower", source: "solar", gw: 1 };
    const next = play(s, [reform, solar]);
    const control = play(s, [solar]);
    expect(next.us.permitReform).toBe(p.us.reformStep);
    expect(keysOf(next)).toContain("permittingReform.passed");
    const hall = next.us.projects.find((x) => x.kind === "dataCenter");
    const hallControl = control.us.projects.find((x) => x.kind === "dataCenter");
    expect(hall?.delayTurns).toBe(delay - Math.floor(delay * p.us.reformStep));
    expect(hallControl?.turnsLeft ?? 0).toBeGreaterThan(hall?.turnsLeft ?? Infinity);
    const src = p.power.sources.solar;
    expect(next.us.projects.find((x) => x.kind === "power")?.turnsLeft).toBe(
      src.leadTurns + Math.round(src.usPermitDelayTurns * (1 - p.us.reformStep)),
    );
    expect(control.us.cash - next.us.cash).toBeCloseTo(
      p.us.reformCostToVote + s.us.income * p.us.reformIncomeCost,
      6,
    );
  });

  it("a failing vote sends the bill back to half-way", () => {
    const s = makeState({}, { scenario: quiet({ us: { reformPassChance: 0 } }) });
    const next = play(s, [{ type: "permittingReform", amount: p.us.reformCostToVote }]);
    expect(next.us.permitReform).toBe(0);
    expect(next.us.reformProgress).toBe(0.5);
    expect(keysOf(next)).toContain("permittingReform.failed");
  });

  it("is refused once reform is complete", () => {
    const done = makeState({ us: { permitReform: 1 } });
    expect(refusal(done, "us", [{ type: "permittingReform", amount: 1 }])).toContain(
      "permitting reform is already complete",
    );
  });
});

describe("setPowerSubsidy", () => {
  it("lowers China's electricity bill by the subsidy share paid outside the central budget", () => {
    const s = makeState();
    const rate = p.china.subsidyMax;
    const offBudget = rate * (1 - p.china.subsidyCentralShare);
    const subsidised = play(s, [], [{ type: "setPowerSubsidy", rate }]);
    const control = play(s);
    expect(subsidised.china.subsidyRate).toBe(rate);
    const domesticShare = (x: MatchState) => {
      const f = x.china.fleet;
      return f.domestic.kw / (f.frontier.kw + f.exportGrade.kw + f.domestic.kw);
    };
    const full = control.china.last.electricityCost;
    expect(subsidised.china.last.electricityCost).toBeCloseTo(full * (1 - domesticShare(s) * offBudget), 9);
    const saving = orderOptions(control, "china").runningCost - orderOptions(subsidised, "china").runningCost;
    expect(saving).toBeGreaterThan(0);
    const fullNext = play(control).china.last.electricityCost;
    expect(saving).toBeCloseTo(fullNext * domesticShare(control) * offBudget, 9);
    expect(play(subsidised).china.cash - play(control).china.cash).toBeCloseTo(saving, 9);
    expect(play(subsidised).china.subsidyCostTotal).toBeCloseTo(
      saving / (1 - p.china.subsidyCentralShare),
      9,
    );
  });

  it("is refused above the maximum or at the rate already in force", () => {
    const s = makeState();
    expect(refusal(s, "china", [{ type: "setPowerSubsidy", rate: p.china.subsidyMax + 0.1 }])).toContain(
      "at most 50% of the power bill",
    );
    expect(refusal(s, "china", [{ type: "setPowerSubsidy", rate: 0 }])).toContain(
      "that subsidy rate is already in force",
    );
  });
});

describe("fundAlgorithms", () => {
  it.each(["us", "china"] as const)("raises %s algorithmic efficiency with diminishing returns", (side) => {
    const s = makeState();
    const control = play(s);
    const small = playAs(s, side, [{ type: "fundAlgorithms", amount: 5 }]);
    const big = playAs(s, side, [{ type: "fundAlgorithms", amount: 20 }]);
    const l = p.levers;
    expect(small[side].algoEfficiency / control[side].algoEfficiency).toBeCloseTo(
      1 + l.algoMaxBoost * (1 - Math.exp(-5 / l.algoRef)),
      9,
    );
    const gainSmall = small[side].algoEfficiency / control[side].algoEfficiency - 1;
    const gainBig = big[side].algoEfficiency / control[side].algoEfficiency - 1;
    expect(gainBig).toBeGreaterThan(gainSmall);
    expect(gainBig).toBeLessThan(4 * gainSmall);
    expect(small[side].capability).toBeGreaterThan(control[side].capability);
  });
});

describe("publishOpenModels", () => {
  const noFollow = scenarioWith({ world: { eventChancePerTurn: 0, fastFollowShare: 0 } });

  it("raises the publisher's influence with every host and its run by the boost in the turn it publishes", () => {
    const s = makeState();
    const control = play(s);
    const next = play(s, [], [{ type: "publishOpenModels" }]);
    const l = p.levers;
    // The goodwill won this turn fades by the hosts' drift in the same resolution, as all goodwill does.
    for (const h of Object.keys(s.hosts) as HostId[])
      expect(next.hosts[h].influence.china - control.hosts[h].influence.china).toBeCloseTo(
        l.publishInfluence * (1 - l.influenceDrift),
        9,
      );
    expect(next.china.last.effectiveFlop / control.china.last.effectiveFlop).toBeCloseTo(
      1 + l.publishSelfBoost,
      9,
    );
    // The boost is on the turn's run, not the stock of methods, and the turn's record shows it.
    expect(next.china.algoEfficiency).toBeCloseTo(control.china.algoEfficiency, 12);
    expect(next.history.at(-1)!.sides.china.algoEfficiency / control.china.algoEfficiency).toBeCloseTo(
      1 + l.publishSelfBoost,
      9,
    );
    expect(next.china.cash).toBeCloseTo(control.china.cash, 9);
    expect(next.events.find((e) => e.key === "publishOpenModels")?.source).toBeTruthy();
  });

  it("does not build up: publishing every turn keeps the run the boost above not publishing, not the boost compounded", () => {
    let published = makeState({}, { scenario: noFollow });
    let silent = published;
    for (let t = 0; t < 4; t++) {
      published = play(published, [], [{ type: "publishOpenModels" }]);
      silent = play(silent);
      expect(published.china.last.effectiveFlop / silent.china.last.effectiveFlop).toBeCloseTo(
        1 + p.levers.publishSelfBoost,
        9,
      );
    }
    // A turn without publishing runs at the level of never having published.
    const stopped = play(published);
    expect(stopped.china.last.effectiveFlop / play(silent).china.last.effectiveFlop).toBeCloseTo(1, 9);
  });

  it("lets a rival behind the publisher follow faster: it closes the spillover share more of its capability gap", () => {
    const s = makeState();
    const gap = s.us.capability - s.china.capability;
    const control = play(s);
    const next = play(s, [{ type: "publishOpenModels" }]);
    expect(Math.log10(next.china.algoEfficiency / control.china.algoEfficiency)).toBeCloseTo(
      p.levers.publishSpillover * gap,
      9,
    );
  });

  it("gives a rival ahead of the publisher nothing", () => {
    const s = makeState();
    const next = play(s, [], [{ type: "publishOpenModels" }]);
    expect(next.us.algoEfficiency).toBeCloseTo(play(s).us.algoEfficiency, 12);
  });

  it("narrows the lead for China when China publishes every turn of a match (the way its text says)", () => {
    let published = makeState();
    let silent = published;
    for (let t = 0; t < baseline.params.time.turns; t++) {
      published = play(published, [], [{ type: "publishOpenModels" }]);
      silent = play(silent);
    }
    expect(judgedLead(published)).toBeLessThan(judgedLead(silent));
  });
});

describe("courtHost", () => {
  it("wins Chinese influence and openness in the host, so more can be leased there", () => {
    const s = makeState({}, { scenario: quiet({ levers: { diplomacyUncertainty: 0 } }) });
    const control = play(s);
    const next = play(s, [], [{ type: "courtHost", host: "japan", amount: 2 }]);
    expect(next.hosts.japan.influence.china - control.hosts.japan.influence.china).toBeCloseTo(
      p.levers.courtInfluence * (1 - Math.exp(-2 / p.levers.courtRef)) * (1 - p.levers.influenceDrift),
      9,
    );
    expect(next.hosts.japan.openness).toBeGreaterThan(control.hosts.japan.openness);
    expect(choiceMax(next, "china", "leaseCompute", "japan")).toBeGreaterThan(
      choiceMax(control, "china", "leaseCompute", "japan"),
    );
    expect(next.hosts.australia).toEqual(control.hosts.australia);
  });

  it("works by an uncertain amount, so the US cannot read the spend back from the host's goodwill", () => {
    const u = p.levers.diplomacyUncertainty;
    const mean =
      p.levers.courtInfluence * (1 - Math.exp(-2 / p.levers.courtRef)) * (1 - p.levers.influenceDrift);
    const gains = new Set<number>();
    for (let seed = 1; seed <= 12; seed++) {
      const s = makeState({}, { seed });
      const gain =
        play(s, [], [{ type: "courtHost", host: "japan", amount: 2 }]).hosts.japan.influence.china -
        play(s).hosts.japan.influence.china;
      expect(gain).toBeGreaterThanOrEqual(mean * (1 - u) - 1e-9);
      expect(gain).toBeLessThanOrEqual(mean * (1 + u) + 1e-9);
      gains.add(Math.round(gain * 1e6));
    }
    expect(gains.size).toBe(12);
  });

  it("works less where the US has more goodwill", () => {
    const gain = (us: number, china: number) => {
      const s = makeState({ hosts: { singapore: { influence: { us, china } } } });
      const order: Order = { type: "courtHost", host: "singapore", amount: 2 };
      return play(s, [], [order]).hosts.singapore.openness - play(s).hosts.singapore.openness;
    };
    expect(gain(10, 90)).toBeGreaterThan(gain(90, 10));
    expect(gain(90, 10)).toBeGreaterThan(0);
  });
});

describe("subsidiseAllies", () => {
  it("wins US influence, makes the host less open to China, and adds host capacity after the lead time", () => {
    const s = makeState();
    const control = play(s);
    const amount = p.power.dataCenterCostPerGW;
    const next = play(s, [{ type: "subsidiseAllies", host: "japan", amount }]);
    expect(next.hosts.japan.influence.us).toBeGreaterThan(control.hosts.japan.influence.us);
    expect(next.hosts.japan.openness).toBeLessThan(control.hosts.japan.openness);
    expect(next.us.projects).toMatchObject([
      { kind: "hostCapacity", host: "japan", amount: 1, delayTurns: 0 },
    ]);
    const lead = p.power.dataCenterLeadTurns;
    const built = idle(next, lead);
    expect(built.hosts.japan.capacityGW - idle(control, lead).hosts.japan.capacityGW).toBeCloseTo(1, 9);
    expect(built.hosts.japan.alliedGW).toBe(1);
    // The new GW and as much again of Japan's own capacity are kept for trusted customers: less room for China.
    expect(choiceMax(built, "china", "leaseCompute", "japan")).toBeLessThan(
      choiceMax(idle(control, lead), "china", "leaseCompute", "japan"),
    );
  });
});

describe("fundIntelligence", () => {
  it("narrows the bands of the side's estimates of the rival", () => {
    const s = makeState();
    const control = play(s);
    const next = play(s, [{ type: "fundIntelligence", amount: 2 }]);
    const l = p.levers;
    expect(next.us.intelStock).toBeCloseTo(2, 9);
    expect(play(next).us.intelStock).toBeCloseTo(2 * (1 - l.intelDecay), 9);
    const width = (x: MatchState) => {
      const view = viewFor(x, "us");
      if (view.viewer !== "us") throw new Error("not the US view");
      const e = view.intel.homeH100e;
      if (!e) throw new Error("no estimate");
      return Math.log(e.high / e.low);
    };
    const sigma = (x: MatchState) =>
      l.intelBaseSigma * (1 - 0.8 * (1 - Math.exp(-x.us.intelStock / l.intelRef)));
    expect(width(control)).toBeCloseTo(2 * 1.96 * l.intelBaseSigma, 9);
    expect(width(next)).toBeCloseTo(2 * 1.96 * sigma(next), 9);
    expect(width(next)).toBeLessThan(0.7 * width(control));
    expect(width(play(s, [], [{ type: "fundIntelligence", amount: 2 }]))).toBeCloseTo(width(control), 9);
  });
});
