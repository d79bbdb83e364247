/**
 * Golden tables for the balance formulas: inputs and the outputs worked out by hand from the formula's
 * definition and the baseline's sourced numbers (the arithmetic is written out in each row). A change to a
 * formula or to a baseline number that feeds it shows up here as a failing row to review.
 */
import { describe, expect, it } from "vitest";
import type { Fleet, HostId, Modifier } from "../../shared/rules/index.ts";
import { leadMonths, monthsPerOrderOfMagnitude, turnLabel } from "../../shared/rules/index.ts";
import {
  chipPrice,
  detectionChance,
  domesticCapacity,
  fleetDemandGW,
  leasableH100e,
  leasePrice,
  runningCost,
  saturate,
} from "../../shared/rules/model.ts";
import { baseline, makeState, scenarioWith } from "./helpers.ts";

type StatePatch = NonNullable<Parameters<typeof makeState>[0]>;

/** `actual` equals `expected` to about 12 significant digits (for values of any size). */
function expectSame(actual: number, expected: number): void {
  if (expected === 0) expect(actual).toBeCloseTo(0, 12);
  else expect(actual / expected).toBeCloseTo(1, 12);
}

function fleet(frontier: [number, number], exportGrade: [number, number], domestic: [number, number]): Fleet {
  return {
    frontier: { h100e: frontier[0], kw: frontier[1] },
    exportGrade: { h100e: exportGrade[0], kw: exportGrade[1] },
    domestic: { h100e: domestic[0], kw: domestic[1] },
  };
}

describe("monthsPerOrderOfMagnitude = 12 ln 10 / ln g", () => {
  it.each([
    { g: 10, months: 12, why: "10x a year: one order of magnitude is one year" },
    { g: 100, months: 6, why: "100x a year: half a year" },
    { g: 1000, months: 4, why: "1000x a year: a third of a year" },
    { g: Math.sqrt(10), months: 24, why: "3.16x a year: two years" },
    { g: 12.6, months: 10.90541731896134, why: "baseline 4.5 x 2.8: 12 x 2.302585 / 2.533697" },
    { g: 4.5, months: 18.370744201828174, why: "compute alone: 12 x 2.302585 / 1.504077" },
    { g: 2.8, months: 26.83614999372818, why: "algorithms alone: 12 x 2.302585 / 1.029619" },
    { g: 2, months: 39.863137138648355, why: "doubling a year: 12 x log2(10)" },
  ])("g = $g gives $months months ($why)", ({ g, months }) => {
    expectSame(monthsPerOrderOfMagnitude(g), months);
  });

  it("falls as growth speeds up", () => {
    expect(monthsPerOrderOfMagnitude(20)).toBeLessThan(monthsPerOrderOfMagnitude(12.6));
    expect(monthsPerOrderOfMagnitude(12.6)).toBeLessThan(monthsPerOrderOfMagnitude(4.5));
  });
});

describe("leadMonths = (capability US - capability China) x months per order of magnitude", () => {
  it.each([
    { us: 27, china: 26, g: 10, months: 12, why: "one order of magnitude at 10x a year" },
    { us: 26, china: 27, g: 10, months: -12, why: "China ahead: negative" },
    { us: 25, china: 25, g: 12.6, months: 0, why: "level" },
    { us: 26.5, china: 26, g: 100, months: 3, why: "half an order at 6 months each" },
    { us: 27, china: 26, g: 12.6, months: 10.90541731896134, why: "one order at the baseline growth" },
    { us: 28, china: 26, g: 4.5, months: 36.74148840365635, why: "two orders at 18.37 months" },
    {
      us: Math.log10(5.3520502464e26),
      china: Math.log10(1.1132264512512e26),
      g: 12.6,
      months: 7.436803917331835,
      why: "the baseline start: log10(5.352e26 / 1.113e26) = 0.6819 orders x 10.905",
    },
  ])("$us vs $china at g = $g gives $months months ($why)", ({ us, china, g, months }) => {
    expectSame(leadMonths(us, china, g), months);
  });
});

describe("saturate(stock, ref) = 1 - exp(-max(0, stock) / ref), 0 for ref <= 0", () => {
  it.each([
    { stock: 0, ref: 1, value: 0 },
    { stock: 1, ref: 1, value: 0.6321205588285577 },
    { stock: 2, ref: 1, value: 0.8646647167633873 },
    { stock: 3, ref: 2, value: 0.7768698398515702 },
    { stock: 1, ref: 2, value: 0.3934693402873666 },
    { stock: -5, ref: 1, value: 0 },
    { stock: 1, ref: 0, value: 0 },
    { stock: 1, ref: -1, value: 0 },
    { stock: 1e9, ref: 1, value: 1 },
  ])("saturate($stock, $ref) = $value", ({ stock, ref, value }) => {
    expectSame(saturate(stock, ref), value);
  });
});

describe("domesticCapacity: the lesser of fab output and HBM, per half-year turn", () => {
  // Baseline: 45,000 wafers/month x 6 months x 25% for AI = 67,500 wafers; x 30% yield x 39 dies / 2 dies a chip.
  // HBM: (13M stock + 1.2M made this turn) / 8.1 stacks a chip. A chip is 0.6 H100e.
  it.each([
    {
      name: "the baseline start (fab-bound)",
      china: {},
      modifiers: [],
      fabChips: 394875, // 67,500 x 0.3 x 39 / 2
      hbmChips: 1753086.4197530865, // 14.2M / 8.1
      chips: 394875,
      h100e: 236925, // 394,875 x 0.6
    },
    {
      name: "80k wafers/month",
      china: { fabWafersPerMonth: 80000 },
      modifiers: [],
      fabChips: 702000, // 80,000 x 6 x 0.25 x 0.3 x 39 / 2
      hbmChips: 1753086.4197530865,
      chips: 702000,
      h100e: 421200,
    },
    {
      name: "50% yield",
      china: { fabYield: 0.5 },
      modifiers: [],
      fabChips: 658125, // 67,500 x 0.5 x 39 / 2
      hbmChips: 1753086.4197530865,
      chips: 658125,
      h100e: 394875,
    },
    {
      name: "no HBM stockpile left (HBM-bound)",
      china: { hbmStock: 0 },
      modifiers: [],
      fabChips: 394875,
      hbmChips: 148148.14814814815, // 1.2M / 8.1
      chips: 148148.14814814815,
      h100e: 88888.88888888889,
    },
    {
      name: "no stockpile and an HBM shortage halving output",
      china: { hbmStock: 0 },
      modifiers: [
        { target: "china.hbmProduction" as const, factor: 0.5, turnsLeft: 2, eventId: "hbmShortage" },
      ],
      fabChips: 394875,
      hbmChips: 74074.07407407407, // 0.6M / 8.1
      chips: 74074.07407407407,
      h100e: 44444.44444444444,
    },
    {
      name: "a better chip design (0.78 H100e a chip)",
      china: { domesticH100ePerChip: 0.78 },
      modifiers: [],
      fabChips: 394875,
      hbmChips: 1753086.4197530865,
      chips: 394875,
      h100e: 308002.5, // 394,875 x 0.78
    },
  ] as {
    name: string;
    china: StatePatch["china"];
    modifiers: Modifier[];
    fabChips: number;
    hbmChips: number;
    chips: number;
    h100e: number;
  }[])("$name", ({ china, modifiers, fabChips, hbmChips, chips, h100e }) => {
    const state = makeState({ china, modifiers });
    const cap = domesticCapacity(state);
    expectSame(cap.fabChips, fabChips);
    expectSame(cap.hbmChips, hbmChips);
    expectSame(cap.chips, chips);
    expectSame(cap.h100e, h100e);
  });
});

describe("fleetDemandGW = system kW x PUE / 1e6", () => {
  it.each([
    {
      name: "US start at PUE 1.3",
      fleet: fleet([5.2e6, 5.98e6], [0, 0], [0, 0]),
      pue: 1.3,
      gw: 7.774, // 5.2M x 1.15 kW x 1.3
    },
    {
      name: "China start at PUE 1.3",
      fleet: fleet([830000, 954500], [150000, 660000], [60000, 150000]),
      pue: 1.3,
      gw: 2.29385, // (954,500 + 660,000 + 150,000) kW x 1.3
    },
    {
      name: "China start at PUE 1",
      fleet: fleet([830000, 954500], [150000, 660000], [60000, 150000]),
      pue: 1,
      gw: 1.7645,
    },
    {
      name: "1M H100e of Blackwell-class chips at PUE 1.56 (industry average)",
      fleet: fleet([1e6, 810000], [0, 0], [0, 0]),
      pue: 1.56,
      gw: 1.2636, // 1M x 0.81 kW x 1.56
    },
    { name: "no chips", fleet: fleet([0, 0], [0, 0], [0, 0]), pue: 1.3, gw: 0 },
  ])("$name: $gw GW", ({ fleet: f, pue, gw }) => {
    expectSame(fleetDemandGW(f, pue), gw);
  });

  it("the starting fleets draw what the scenario's sources say", () => {
    const s = makeState();
    expectSame(fleetDemandGW(s.us.fleet, baseline.params.world.pue), 7.774);
    // (954,500 + 660,000 + 60,000 x 2.3 x 1.15) kW x 1.3: the domestic chips at 2.3x the H100's power.
    expectSame(fleetDemandGW(s.china.fleet, baseline.params.world.pue), 2.30516);
  });
});

describe("runningCost: electricity for the powered fleet (less China's off-budget subsidy), plus leases", () => {
  // Electricity in $B = powered GW x 4,380 h x price $/kWh x 1e-3.
  it.each([
    {
      name: "US at the start",
      side: "us" as const,
      patch: {},
      electricity: 2.75805972, // 7.774 GW x 4,380 x 0.081 / 1000
      leases: 0,
      subsidyOffBudget: 0,
    },
    {
      name: "US with halls for only 5 GW (idle chips cost nothing)",
      side: "us" as const,
      patch: { us: { dataCenterGW: 5 } },
      electricity: 1.7739, // 5 x 4,380 x 0.081 / 1000
      leases: 0,
      subsidyOffBudget: 0,
    },
    {
      name: "China at the start, no subsidy",
      side: "china" as const,
      patch: {},
      electricity: 0.8885008704, // 2.30516 GW x 4,380 x 0.088 / 1000
      // japan 34,000 x $6,800 x 1.30 + malaysia 2,400 x $6,800 x 1.20 + indonesia 5,200 x $6,800 x 1.15
      leases: 0.360808,
      subsidyOffBudget: 0,
    },
    {
      name: "China at the start with a 50% subsidy",
      side: "china" as const,
      patch: { china: { subsidyRate: 0.5 } },
      // subsidy = 0.38544 $B/GW x 0.20631 GW of domestic chips x 50% = 0.0397600632; provinces pay 70%
      electricity: 0.86066882616,
      leases: 0.360808,
      subsidyOffBudget: 0.02783204424,
    },
    {
      name: "China with a 50% subsidy but no domestic chips",
      side: "china" as const,
      patch: { china: { subsidyRate: 0.5, fleet: { domestic: { h100e: 0, kw: 0 } } } },
      electricity: 0.808980744, // (2.30516 - 0.20631) GW x 0.38544 $B per GW
      leases: 0.360808,
      subsidyOffBudget: 0,
    },
  ] as {
    name: string;
    side: "us" | "china";
    patch: StatePatch;
    electricity: number;
    leases: number;
    subsidyOffBudget: number;
  }[])("$name", ({ side, patch, electricity, leases, subsidyOffBudget }) => {
    const cost = runningCost(makeState(patch), side);
    expectSame(cost.electricity, electricity);
    expectSame(cost.leases, leases);
    expectSame(cost.subsidyOffBudget, subsidyOffBudget);
    expectSame(cost.total, electricity + leases);
  });
});

describe("leasableH100e = capacity x foreign AI share x openness / (0.81 kW x PUE 1.3), at the start", () => {
  it.each([
    { host: "japan", h100e: 132953.46628679964, why: "1.4 GW x 0.2 x 0.5 = 0.14 GW / 1.053 kW" },
    { host: "australia", h100e: 91168.09116809117, why: "1.2 GW x 0.2 x 0.4 = 0.096 GW / 1.053 kW" },
    { host: "singapore", h100e: 132953.46628679964, why: "1.4 GW x 0.2 x 0.5 = 0.14 GW / 1.053 kW" },
    { host: "malaysia", h100e: 45584.04558404558, why: "0.4 GW x 0.2 x 0.6 = 0.048 GW / 1.053 kW" },
    { host: "indonesia", h100e: 33048.43304843305, why: "0.29 GW x 0.2 x 0.6 = 0.0348 GW / 1.053 kW" },
  ] as { host: HostId; h100e: number; why: string }[])("$host: $h100e H100e ($why)", ({ host, h100e }) => {
    expectSame(leasableH100e(makeState(), host), h100e);
  });

  it("is zero where a host applies the remote-access rule, and grows with openness", () => {
    const closed = makeState({ hosts: { malaysia: { appliesRemoteAccessRule: true } } });
    expect(leasableH100e(closed, "malaysia")).toBe(0);
    const open = makeState({ hosts: { malaysia: { openness: 1 } } });
    expectSame(leasableH100e(open, "malaysia"), 75973.40930674264); // 0.4 x 0.2 x 1 = 0.08 GW / 1.053 kW
  });
});

describe("prices and chances", () => {
  it.each([
    { host: "japan", price: 8.84e-6, why: "$6,800 x (1 + 0.30)" },
    { host: "australia", price: 9.18e-6, why: "$6,800 x (1 + 0.35)" },
    { host: "singapore", price: 9.52e-6, why: "$6,800 x (1 + 0.40)" },
    { host: "malaysia", price: 8.16e-6, why: "$6,800 x (1 + 0.20)" },
    { host: "indonesia", price: 7.82e-6, why: "$6,800 x (1 + 0.15)" },
  ] as { host: HostId; price: number; why: string }[])(
    "a lease in $host costs $price billion dollars per H100e a turn ($why)",
    ({ host, price }) => {
      expectSame(leasePrice(makeState(), host), price);
    },
  );

  it("a lease falls with Nvidia's price per H100e: on Rubin (2026 H2) japan costs $6,800 x 10,200 / 15,400 x 1.30", () => {
    expectSame(leasePrice(makeState({ turn: 3 }), "japan"), ((6800 * 10200) / 15400) * 1.3 * 1e-9);
    expect(leasePrice(makeState({ turn: 5 }), "japan")).toBeLessThan(
      leasePrice(makeState({ turn: 3 }), "japan"),
    );
  });

  it.each([
    { chipType: "frontier" as const, price: 1.54e-5, why: "$35,000 / 2.28 H100e" },
    { chipType: "exportGrade" as const, price: 7.3e-5, why: "$11,000 / 0.15 H100e" },
    { chipType: "domestic" as const, price: 3.7e-5, why: "$22,000 / 0.6 H100e" },
  ])("a $chipType H100e costs $price billion dollars ($why)", ({ chipType, price }) => {
    expectSame(chipPrice(makeState(), chipType), price);
  });

  it.each([
    { enforcementStock: 0, chance: 0.282, why: "0.1 + 0.65 x mean host strictness 0.28" },
    {
      enforcementStock: 1.5,
      chance: 0.46614365125448753,
      why: "0.1 + 0.65 x (1 - (1 - saturate(1.5, 3)) x (1 - 0.28)) = 0.1 + 0.65 x 0.5633",
    },
    { enforcementStock: 1e9, chance: 0.75, why: "the ceiling" },
  ])(
    "a smuggling shipment is caught with chance $chance at an enforcement stock of $enforcementStock ($why)",
    ({ enforcementStock, chance }) => {
      expectSame(detectionChance(makeState({ us: { enforcementStock } })), chance);
    },
  );
});

describe("the starting training runs: H100e x 989 TFLOPS x 33% x 4,380 h x 3,600 s x 2% training share", () => {
  it.each([
    { side: "us" as const, usable: 5.2e6, flop: 5.3520502464e26 },
    { side: "china" as const, usable: 1081600, flop: 1.1132264512512e26 }, // 1.04M at home + 41,600 leased
  ])("$side: $usable H100e give $flop FLOP", ({ side, usable, flop }) => {
    const s = makeState();
    expectSame(s[side].last.usableH100e, usable);
    expectSame(s[side].last.effectiveFlop, flop);
    expectSame(s[side].capability, Math.log10(flop));
  });
});

describe("turnLabel", () => {
  it.each([
    { turn: -1, label: "start" },
    { turn: 0, label: "2025 H1" },
    { turn: 1, label: "2025 H2" },
    { turn: 2, label: "2026 H1" },
    { turn: 7, label: "2028 H2" },
    { turn: 15, label: "2032 H2" },
  ])("baseline turn $turn is $label", ({ turn, label }) => {
    expect(turnLabel(baseline.params, turn)).toBe(label);
  });

  it.each([
    { turn: 0, label: "2025 H2" },
    { turn: 1, label: "2026 H1" },
    { turn: 2, label: "2026 H2" },
  ])("starting in the second half, turn $turn is $label", ({ turn, label }) => {
    expect(turnLabel(scenarioWith({ time: { startHalf: 2 } }).params, turn)).toBe(label);
  });
});
