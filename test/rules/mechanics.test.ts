/**
 * The world's own mechanics, without (or around) the levers: power and idle chips, retirement, running costs,
 * the pipeline, capability and the lead, the outcome, income, hosts, events and the calendar.
 */
import { describe, it, expect } from "vitest";
import type { HostId, MatchState } from "../../shared/rules/index.ts";
import {
  CHIP_TYPES,
  endMatch,
  EVENT_DECK,
  findCard,
  hashState,
  injectEvent,
  leadFromHistory,
  leadMonths,
  monthsPerOrderOfMagnitude,
  orderOptions,
  outcome,
  resolveTurn,
  submitOrders,
  turnLabel,
  viewFor,
} from "../../shared/rules/index.ts";
import { baseline, makeState, play, scenarioWith, submit } from "./helpers.ts";

const p = baseline.params;
const retained = 1 - p.world.retirementPerTurn;
const tensionKept = 1 - p.world.tensionDecayPerTurn;

/** A baseline scenario with some parameters replaced and the random event deck switched off. */
function quiet(patch: Parameters<typeof scenarioWith>[0]) {
  return scenarioWith({ ...patch, world: { ...patch.world, eventChancePerTurn: 0 } });
}

/** No new data centres or grid arriving by themselves, so that power is exactly what a test sets. */
const noPipeline = quiet({
  us: { energy: { pipelineGWPerTurn: 0 } },
  china: { energy: { pipelineGWPerTurn: 0 } },
});

function idle(state: MatchState, turns: number): MatchState {
  let s = state;
  for (let i = 0; i < turns; i++) s = play(s);
  return s;
}

/** Queues a card (the injection must be accepted). */
function inject(state: MatchState, eventId: string, turn = state.turn): MatchState {
  const result = injectEvent(state, eventId, turn);
  if (!result.ok) throw new Error(result.error);
  return result.state;
}

function fleetTotal(state: MatchState, side: "us" | "china"): number {
  let total = 0;
  for (const t of CHIP_TYPES) total += state[side].fleet[t].h100e;
  return total;
}

/** Effective FLOP of one turn's training run for this many usable H100e at this algorithmic efficiency. */
function runFlop(usableH100e: number, algoEfficiency: number): number {
  const w = p.world;
  return usableH100e * w.h100Flops * w.utilisation * w.hoursPerTurn * 3600 * w.trainingShare * algoEfficiency;
}

describe("power and idle chips", () => {
  it("chips without power sit idle: the powered fraction scales the usable compute", () => {
    const s = makeState(
      { us: { powerGW: { grid: p.us.energy.powerGW.grid / 2 } } },
      { scenario: noPipeline },
    );
    const control = play(makeState({}, { scenario: noPipeline }));
    const next = play(s);
    const demand = (p.us.fleetH100e * p.chips.legacyKwPerH100e * p.world.pue) / 1e6;
    const fraction = p.us.energy.powerGW.grid / 2 / demand;
    expect(next.us.last.demandGW).toBeCloseTo(demand, 9);
    expect(next.us.last.poweredFraction).toBeCloseTo(fraction, 9);
    expect(control.us.last.poweredFraction).toBe(1);
    expect(next.us.last.usableH100e).toBeCloseTo(p.us.fleetH100e * fraction, 3);
    expect(next.us.last.effectiveFlop / control.us.last.effectiveFlop).toBeCloseTo(fraction, 9);
  });

  it("power needs a data-centre hall to plug into: halls cap the usable power", () => {
    const s = makeState({ us: { dataCenterGW: 2, powerGW: { grid: 50 } } }, { scenario: noPipeline });
    const next = play(s);
    expect(next.us.last.availableGW).toBe(2);
    expect(next.us.last.poweredFraction).toBeCloseTo(2 / next.us.last.demandGW, 9);
  });

  it("only the firm share of intermittent power counts", () => {
    const s = makeState(
      { china: { dataCenterGW: 50, powerGW: { grid: 0, solar: 4 } } },
      { scenario: noPipeline },
    );
    expect(play(s).china.last.availableGW).toBeCloseTo(4 * p.power.sources.solar.firmFactor, 9);
  });

  it("power without chips earns nothing and costs nothing to run", () => {
    const empty = { h100e: 0, kw: 0 };
    const s = makeState(
      { us: { fleet: { frontier: empty, exportGrade: empty, domestic: empty }, powerGW: { grid: 40 } } },
      { scenario: noPipeline },
    );
    const next = play(s);
    expect(next.us.last.usableH100e).toBe(0);
    expect(next.us.last.effectiveFlop).toBe(0);
    expect(next.us.last.electricityCost).toBe(0);
    expect(next.us.energyTWh).toBe(0);
    expect(next.us.runningCostTotal).toBe(0);
  });

  it("energy and emissions follow the powered load and the grid's intensity", () => {
    const next = play(makeState({}, { scenario: noPipeline }));
    const twh = (next.us.last.demandGW * p.world.hoursPerTurn) / 1000;
    expect(next.us.energyTWh).toBeCloseTo(twh, 9);
    expect(next.us.emissionsMt).toBeCloseTo(twh * p.us.energy.gridEmissionsTPerMWh, 9);
  });
});

describe("retirement", () => {
  it("retires the same share of every chip stock each turn and books it", () => {
    const s = makeState();
    const next = play(s);
    for (const t of CHIP_TYPES)
      for (const side of ["us", "china"] as const) {
        expect(next[side].fleet[t].h100e).toBeCloseTo(s[side].fleet[t].h100e * retained, 6);
        expect(next[side].fleet[t].kw).toBeCloseTo(s[side].fleet[t].kw * retained, 6);
      }
    expect(next.us.ledger.retired).toBeCloseTo(p.us.fleetH100e * p.world.retirementPerTurn, 3);
    expect(fleetTotal(idle(s, 4), "china")).toBeCloseTo(fleetTotal(s, "china") * retained ** 4, 3);
  });
});

describe("running costs", () => {
  it("electricity for the powered fleet is paid at the start of the next resolution", () => {
    const s = makeState();
    const rc = orderOptions(s, "us").runningCost;
    const powered = Math.min(s.us.last.demandGW, s.us.dataCenterGW);
    expect(rc).toBeCloseTo(powered * p.world.hoursPerTurn * p.us.energy.electricityPricePerKWh * 1e-3, 9);
    const next = play(s);
    expect(next.us.runningCostTotal).toBeCloseTo(rc, 9);
    expect(next.us.cash).toBeCloseTo(s.us.cash - rc + s.us.income, 9);
  });

  it("China also pays its leases abroad every turn, at each host's price", () => {
    const s = makeState();
    let leases = 0;
    for (const h of Object.keys(s.hosts) as HostId[])
      leases += s.china.leases[h] * s.hosts[h].leasePrice * (1 + s.hosts[h].strictness);
    expect(leases).toBeGreaterThan(0);
    const rc = orderOptions(s, "china").runningCost;
    expect(rc - s.china.last.electricityCost).toBeCloseTo(leases, 9);
    expect(play(s).china.cash).toBeCloseTo(s.china.cash - rc + s.china.income, 9);
  });

  it("short of money, electricity is paid first and leases lapse in proportion", () => {
    const s0 = makeState();
    const electricity = s0.china.last.electricityCost;
    const leases = orderOptions(s0, "china").runningCost - electricity;
    const s = makeState({ china: { cash: electricity + leases / 2 } });
    const next = play(s);
    for (const h of Object.keys(s.hosts) as HostId[])
      expect(next.china.leases[h]).toBeCloseTo(s.china.leases[h] / 2, 6);
    expect(next.china.cash).toBeCloseTo(s.china.income, 9);
    expect(next.events.find((e) => e.key === "lease.unpaid")?.message).toContain("50%");
  });
});

describe("the pipeline", () => {
  it("adds halls and grid power each turn for the scenario's pipeline turns, then stops", () => {
    const s = makeState();
    const e = p.us.energy;
    expect(play(s).us.dataCenterGW).toBeCloseTo(e.dataCenterGW + e.pipelineGWPerTurn, 9);
    const full = idle(s, e.pipelineTurns);
    expect(full.us.dataCenterGW).toBeCloseTo(e.dataCenterGW + e.pipelineTurns * e.pipelineGWPerTurn, 9);
    expect(full.us.powerGW.grid).toBeCloseTo(e.powerGW.grid + e.pipelineTurns * e.pipelineGWPerTurn, 9);
    expect(play(full).us.dataCenterGW).toBeCloseTo(full.us.dataCenterGW, 9);
  });
});

describe("capability", () => {
  it("is log10 of the best training run, from usable compute and algorithms", () => {
    const s = makeState();
    expect(s.us.last.effectiveFlop).toBeCloseTo(runFlop(p.us.fleetH100e, 1), -10);
    expect(s.us.capability).toBeCloseTo(Math.log10(s.us.last.effectiveFlop), 12);
    const next = play(s);
    expect(
      next.us.last.effectiveFlop / runFlop(next.us.last.usableH100e, next.us.algoEfficiency),
    ).toBeCloseTo(1, 12);
    expect(next.us.algoEfficiency).toBeCloseTo(Math.sqrt(p.world.algoGrowthPerYear), 12);
    expect(next.us.capability).toBeCloseTo(Math.log10(next.us.bestRunFlop), 12);
  });

  it("never falls when a later run is smaller", () => {
    const s = play(makeState({}, { scenario: noPipeline }));
    const dark = play({ ...s, us: { ...s.us, powerGW: { ...s.us.powerGW, grid: 0.5 }, dataCenterGW: 0.5 } });
    expect(dark.us.last.effectiveFlop).toBeLessThan(s.us.last.effectiveFlop / 5);
    expect(dark.us.capability).toBe(s.us.capability);
    expect(dark.us.bestRunFlop).toBe(s.us.bestRunFlop);
  });
});

describe("the lead", () => {
  it("is about 11 months per order of magnitude at 12.6x a year", () => {
    const months = monthsPerOrderOfMagnitude(12.6);
    expect(months).toBeCloseTo((12 * Math.log(10)) / Math.log(12.6), 12);
    expect(months).toBeCloseTo(10.9, 1);
    expect(leadMonths(28, 27, 12.6)).toBeCloseTo(months, 12);
    expect(leadMonths(27, 28.5, 12.6)).toBeCloseTo(-1.5 * months, 12);
    expect(leadMonths(28, 27, 10)).toBeCloseTo(12, 12);
  });

  it("is told as 'China is where the US was N months ago', read off the US's own history", () => {
    const g = p.world.leadGrowthPerYear;
    // The US went 27 -> 28 -> 29 over two turns: China at 28 is one turn (6 months) behind, at 28.5 three months.
    expect(leadFromHistory([27, 28, 29], [26, 27, 28], g)).toBeCloseTo(6, 12);
    expect(leadFromHistory([27, 28, 29], [26, 27, 28.5], g)).toBeCloseTo(3, 12);
    expect(leadFromHistory([27, 28, 29], [26, 27, 29], g)).toBe(0);
    // Below where the US started: the two turns of the match plus the pre-2025 trend for the rest.
    expect(leadFromHistory([27, 28, 29], [25, 25.5, 26], g)).toBeCloseTo(
      12 + monthsPerOrderOfMagnitude(g),
      12,
    );
    // China ahead: the same measure the other way round, negative.
    expect(leadFromHistory([27, 28, 28.5], [26, 28, 29], g)).toBeCloseTo(-3, 12);
  });

  it("the history and the views report it, and a US that stalls loses lead month by month", () => {
    const next = play(makeState());
    const lead = leadFromHistory(
      next.history.map((row) => row.sides.us.capability),
      next.history.map((row) => row.sides.china.capability),
      p.world.leadGrowthPerYear,
    );
    expect(next.history.at(-1)?.leadMonths).toBeCloseTo(lead, 12);
    expect(viewFor(next, "spectator").leadMonths).toBeCloseTo(lead, 12);
    // At the start the lead is the capability gap at the pre-2025 trend, as sources.md reports it.
    const start = makeState();
    expect(start.history[0]?.leadMonths).toBeCloseTo(
      leadMonths(start.us.capability, start.china.capability, p.world.leadGrowthPerYear),
      12,
    );
  });
});

describe("outcome", () => {
  /** A match whose resolved turns had these leads (in months), judged against a threshold. */
  const withLeads = (leads: number[], threshold = 10, state: Parameters<typeof makeState>[0] = {}) => {
    const s = makeState(state, { scenario: quiet({ victory: { leadMonths: threshold } }) });
    const start = s.history[0]!;
    return { ...s, history: [start, ...leads.map((leadMonths, turn) => ({ ...start, turn, leadMonths }))] };
  };
  const judged = p.victory.judgedTurns;

  it("judges the mean lead over the final turns, not the last one", () => {
    const leads = [3, 20, 8, 9, 11, 12];
    const o = outcome(withLeads(leads));
    const last = leads.slice(-judged);
    expect(o.leadMonths).toBeCloseTo(last.reduce((a, b) => a + b, 0) / last.length, 12);
    expect(o.currentLeadMonths).toBe(12);
    expect(o.judgedTurns).toBe(judged);
    // A last-turn spurt alone does not carry the match, and a lead held for two years survives a last-turn dip.
    expect(outcome(withLeads([2, 2, 2, 30], 10)).winner).toBe("china");
    expect(outcome(withLeads([12, 12, 12, 5], 10)).winner).toBe("us");
  });

  it("the US wins with a judged lead exactly at the threshold", () => {
    const o = outcome(withLeads([9, 10, 11, 10], 10));
    expect(o.winner).toBe("us");
    expect(o.marginMonths).toBeCloseTo(0, 12);
  });

  it("China wins when the judged lead is just below the threshold, or when it leads", () => {
    const o = outcome(withLeads([9, 10, 11, 10], 10.01));
    expect(o.winner).toBe("china");
    expect(o.marginMonths).toBeCloseTo(0.01, 9);
    const ahead = outcome(withLeads([-1, -2, -3, -4], 10));
    expect(ahead.winner).toBe("china");
    expect(ahead.leadMonths).toBeLessThan(0);
  });

  it("says when the facilitator ended the match early, and nothing when it ran its course", () => {
    expect(outcome(endMatch(idle(makeState(), 3))).endedEarlyAt).toBe("2026 H2");
    expect(outcome(idle(makeState(), p.time.turns)).endedEarlyAt).toBeNull();
  });

  it("is only finished once the match has ended, and keeps the peak tension", () => {
    expect(outcome(withLeads([10, 10, 10, 10])).finished).toBe(false);
    expect(outcome(withLeads([10, 10, 10, 10], 10, { phase: "ended" })).finished).toBe(true);
    const s = play(makeState(), [{ type: "setExportControls", level: "banPlusRemoteAccess" }]);
    const later = idle(s, 3);
    const o = outcome(later);
    expect(o.tension).toBeLessThan(s.tension);
    expect(o.peakTension).toBeCloseTo(s.tension, 12);
  });
});

describe("income and export revenue", () => {
  it("income arrives each turn and grows by the scenario's rate", () => {
    const s = makeState();
    const one = play(s);
    const two = play(one);
    expect(one.us.income).toBeCloseTo(p.us.incomePerTurn * (1 + p.us.incomeGrowthPerTurn), 9);
    expect(two.china.income).toBeCloseTo(p.china.incomePerTurn * (1 + p.china.incomeGrowthPerTurn) ** 2, 9);
    expect(two.us.cash).toBeCloseTo(one.us.cash - orderOptions(one, "us").runningCost + one.us.income, 9);
  });

  it("the US earns a share of China's legal purchases of US chips in the same resolution", () => {
    const s = makeState();
    const h100e = 50_000;
    const next = play(s, [], [{ type: "buyChips", chipType: "exportGrade", h100e }]);
    const control = play(s);
    const h20 = p.chips.exportGradeRoadmap[0]!;
    const revenue = h100e * h20.usdPerH100e * 1e-9 * h20.revenueShare;
    expect(next.us.cash - control.us.cash).toBeCloseTo(revenue, 9);
    expect(next.us.exportRevenueDue).toBe(0);
    const notice = next.events.find((e) => e.key === "exportRevenue");
    expect(notice?.audience).toBe("us");
  });

  it("domestic chips earn the US nothing", () => {
    const s = makeState();
    const next = play(s, [], [{ type: "buyChips", chipType: "domestic", h100e: 50_000 }]);
    expect(next.us.cash).toBeCloseTo(play(s).us.cash, 9);
    expect(next.events.map((e) => e.key)).not.toContain("exportRevenue");
  });
});

describe("hosts", () => {
  it("drift back towards their starting stance, strictness at half the pace, while capacity grows", () => {
    const s = makeState({ hosts: { japan: { openness: 0.9, strictness: 0.9 } } });
    const next = play(s);
    const base = p.hosts.japan;
    const drift = p.levers.hostDrift;
    expect(next.hosts.japan.openness).toBeCloseTo(0.9 + (base.openness - 0.9) * drift, 12);
    expect(next.hosts.japan.strictness).toBeCloseTo(0.9 + (base.strictness - 0.9) * drift * 0.5, 12);
    expect(next.hosts.japan.capacityGW).toBeCloseTo(base.capacityGW * (1 + base.capacityGrowthPerTurn), 12);
    const later = idle(next, 8);
    expect(Math.abs(later.hosts.japan.openness - base.openness)).toBeLessThan(
      Math.abs(next.hosts.japan.openness - base.openness) / 2,
    );
  });

  it("a host that closes lets leases above its new limit lapse", () => {
    const s = makeState({ hosts: { japan: { openness: 0.02 } } });
    const next = play(s);
    const h = next.hosts.japan;
    const limit =
      (h.capacityGW * p.hosts.japan.foreignAiShare * h.openness * 1e6) /
      (next.us.frontierKwPerH100e * p.world.pue);
    expect(limit).toBeLessThan(s.china.leases.japan);
    expect(next.china.leases.japan).toBeCloseTo(limit, 6);
    expect(next.events.map((e) => e.key)).toContain("lease.shrunk");
  });
});

describe("events", () => {
  it("the deck holds at least 15 cards, each with a unique id, a source and texts", () => {
    expect(EVENT_DECK.length).toBeGreaterThanOrEqual(15);
    expect(new Set(EVENT_DECK.map((c) => c.id)).size).toBe(EVENT_DECK.length);
    for (const card of EVENT_DECK) {
      expect(card.source.length).toBeGreaterThanOrEqual(8);
      expect(card.title.en.length).toBeGreaterThan(0);
      expect(card.text.de.length).toBeGreaterThan(0);
      expect(findCard(card.id)).toBe(card);
    }
  });

  it("an injected card fires on its chosen turn, not before, with its source", () => {
    const s = inject(makeState(), "deepseekShock", 1);
    const first = play(s);
    expect(first.events.map((e) => e.key)).not.toContain("event.deepseekShock");
    const second = play(first);
    const fired = second.events.find((e) => e.key === "event.deepseekShock");
    expect(fired?.turn).toBe(1);
    expect(fired?.audience).toBe("public");
    expect(fired?.source).toBe(findCard("deepseekShock")?.source);
    expect(fired?.params?.injected).toBe("yes");
    expect(second.drawn).toContain("deepseekShock");
    expect(second.injected).toEqual([]);
  });

  it("algoShock: the side's algorithms jump and the rival gets part of it", () => {
    const s = makeState();
    const shocked = play(inject(s, "deepseekShock"));
    const control = play(s);
    expect(shocked.china.algoEfficiency / control.china.algoEfficiency).toBeCloseTo(1.5, 12);
    expect(shocked.us.algoEfficiency / control.us.algoEfficiency).toBeCloseTo(1.5 ** 0.4, 12);
  });

  it("powerCut: the side's data-centre power falls this turn, then recovers", () => {
    const s = makeState();
    const cut = play(inject(s, "gridEmergencyUs"));
    const control = play(s);
    expect(cut.us.last.availableGW / control.us.last.availableGW).toBeCloseTo(0.85, 12);
    expect(cut.china.last.availableGW).toBe(control.china.last.availableGW);
    expect(play(cut).us.last.availableGW).toBeCloseTo(play(control).us.last.availableGW, 12);
  });

  it("hbmShortage: part of the stockpile is lost and the next turn's output halves", () => {
    const s = makeState();
    const short = play(inject(s, "hbmShortage"));
    const control = play(s);
    expect(short.china.hbmStock / control.china.hbmStock).toBeCloseTo(0.9, 12);
    const added = play(short).china.hbmStock - short.china.hbmStock;
    expect(added).toBeCloseTo(s.china.hbmProductionPerTurn * 0.5, 3);
  });

  it("supplyShock: tension soars and next turn's frontier supply falls to 30%", () => {
    const s = makeState();
    const crisis = play(inject(s, "taiwanCrisis"));
    const control = play(s);
    expect(crisis.tension - control.tension).toBeCloseTo(20 * tensionKept, 9);
    const offer = (x: MatchState) =>
      orderOptions(x, "us")
        .levers.find((l) => l.type === "buyChips")
        ?.choices.find((c) => c.value === "frontier")?.max ?? NaN;
    expect(offer(crisis) / offer(control)).toBeCloseTo(0.3, 9);
    const reasons = submitOrders(crisis, "us", [
      { type: "buyChips", chipType: "frontier", h100e: offer(control) },
    ]);
    expect(reasons.ok).toBe(false);
  });

  it("capacityBoom and yieldBreakthrough add host capacity and fab yield", () => {
    const s = makeState();
    const control = play(s);
    const boom = play(inject(inject(s, "johorBoom"), "yieldBreakthrough"));
    expect(boom.hosts.malaysia.capacityGW - control.hosts.malaysia.capacityGW).toBeCloseTo(1, 12);
    expect(boom.china.fabYield - control.china.fabYield).toBeCloseTo(0.1, 12);
  });

  it("smugglingBust: seizes a share of the smuggled chips and raises tension", () => {
    const s = makeState({ china: { smuggledTotal: 100_000 } });
    const bust = play(inject(s, "singaporeFraud"));
    const control = play(s);
    expect(control.china.fleet.frontier.h100e - bust.china.fleet.frontier.h100e).toBeCloseTo(
      15_000 * retained,
      3,
    );
    expect(bust.china.ledger.seized).toBeCloseTo(15_000, 6);
    expect(bust.china.smuggledTotal).toBeCloseTo(85_000, 6);
    expect(bust.tension - control.tension).toBeCloseTo(5 * tensionKept, 9);
  });

  it("projectDelay: US data-centre projects wait longer", () => {
    const sc = quiet({ us: { oppositionChancePerTurn: 0 } });
    const s = play(makeState({}, { scenario: sc }), [{ type: "buildDataCenters", gw: 1 }]);
    const delayed = play(inject(s, "dataCentreMoratorium"));
    const control = play(s);
    expect((delayed.us.projects[0]?.turnsLeft ?? 0) - (control.us.projects[0]?.turnsLeft ?? 0)).toBe(2);
    expect(delayed.us.projects[0]?.delayTurns).toBe((control.us.projects[0]?.delayTurns ?? 0) + 2);
  });

  it("an injected card replaces the random draw of its turn", () => {
    const always = scenarioWith({ world: { eventChancePerTurn: 1 } });
    const s = makeState({}, { scenario: always });
    expect(play(s).events.filter((e) => e.key.startsWith("event.")).length).toBe(1);
    const next = play(inject(s, "johorBoom"));
    expect(next.events.filter((e) => e.key.startsWith("event.")).map((e) => e.key)).toEqual([
      "event.johorBoom",
    ]);
  });

  it.each([
    ["an unknown card", "noSuchCard", 0, "There is no event card called"],
    ["a card id that is not text", 42, 0, "There is no event card called"],
    ["a turn that is not whole", "johorBoom", 1.5, "whole number"],
    ["a turn given as text", "johorBoom", "3", "whole number"],
    ["a turn after the last", "johorBoom", 16, "Events can be queued for turns 0 to 15"],
  ])("refuses %s and changes nothing", (_what, id, turn, message) => {
    const s = makeState();
    const result = injectEvent(s, id, turn);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
    expect(s.injected).toEqual([]);
  });

  it("refuses a turn already resolved, a card queued twice, and an ended match", () => {
    const later = play(play(makeState()));
    const past = injectEvent(later, "johorBoom", 1);
    expect(past.ok ? "" : past.error).toContain("Events can be queued for turns 2 to 15");
    const twice = injectEvent(inject(later, "johorBoom", 5), "johorBoom", 5);
    expect(twice.ok ? "" : twice.error).toContain("already queued");
    const over = injectEvent(makeState({ phase: "ended" }), "johorBoom", 0);
    expect(over.ok ? "" : over.error).toContain("The match is over");
  });
});

describe("temporary event effects last as many turns of orders as their cards say", () => {
  const exportGrade = [{ type: "buyChips", chipType: "exportGrade", h100e: 50_000 }] as const;

  it("an export pause drawn this turn blocks China's export-grade purchase in the next turn of orders", () => {
    const paused = play(inject(makeState(), "exportLicenceShock"));
    const open = play(makeState());
    expect(play(open, [], [...exportGrade]).china.arriving.exportGrade.h100e).toBeCloseTo(50_000, 6);
    const refused = submitOrders(paused, "china", [...exportGrade]);
    expect(refused.ok).toBe(false);
    const offer = orderOptions(paused, "china")
      .levers.find((l) => l.type === "buyChips")
      ?.choices.find((c) => c.value === "exportGrade");
    expect(offer?.max).toBe(0);
    // One turn later the pause is over.
    expect(submitOrders(play(paused), "china", [...exportGrade]).ok).toBe(true);
  });

  it("an HBM shortage halves HBM output for two turns, then output recovers", () => {
    const production = p.china.domestic.hbmProductionPerTurn;
    let s = play(inject(makeState(), "hbmShortage"));
    const added: number[] = [];
    for (let turn = 0; turn < 3; turn++) {
      const next = play(s);
      added.push(next.china.hbmStock - s.china.hbmStock);
      s = next;
    }
    expect(added[0]).toBeCloseTo(production * 0.5, 3);
    expect(added[1]).toBeCloseTo(production * 0.5, 3);
    expect(added[2]).toBeCloseTo(production, 3);
  });
});

describe("the calendar and the end", () => {
  it("turn labels run 2025 H1 .. 2032 H2 over 16 turns", () => {
    expect(p.time.turns).toBe(16);
    expect(turnLabel(p, 0)).toBe("2025 H1");
    expect(turnLabel(p, 1)).toBe("2025 H2");
    expect(turnLabel(p, 2)).toBe("2026 H1");
    expect(turnLabel(p, 15)).toBe("2032 H2");
    const end = idle(makeState(), 16);
    const labels = end.history.map((row) => row.label);
    expect(labels[0]).toBe("start");
    expect(labels.slice(1)).toEqual(
      Array.from({ length: 16 }, (_, i) => `${2025 + Math.floor(i / 2)} H${(i % 2) + 1}`),
    );
    expect(end.phase).toBe("ended");
    expect(end.turn).toBe(16);
  });

  it("the match ends after the last turn, and resolving an ended match changes nothing", () => {
    const last = idle(makeState(), 15);
    expect(last.phase).toBe("orders");
    const end = play(last);
    expect(end.phase).toBe("ended");
    expect(outcome(end).finished).toBe(true);
    const before = hashState(end);
    const again = resolveTurn(end);
    expect(again.state).toBe(end);
    expect(again.events).toEqual([]);
    expect(hashState(end)).toBe(before);
  });

  it("resolving never changes the state it is given", () => {
    const s = submit(makeState(), "us", [
      { type: "buildDataCenters", gw: 1 },
      { type: "fundAlgorithms", amount: 3 },
    ]);
    const before = hashState(s);
    resolveTurn(submit(s, "china", [{ type: "leaseCompute", host: "japan", h100e: 10_000 }]));
    expect(hashState(s)).toBe(before);
  });
});
