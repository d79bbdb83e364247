/**
 * China's heuristic: one parametrised policy that the China personas (and the search bot's candidates) share.
 * Each turn it sets the power subsidy, buys the chips its power can run (smuggled, domestic, export-grade),
 * rents compute abroad, courts hosts, invests in fabs, HBM and chip design, and builds halls and power for the
 * chips of the coming turns.
 */
import type { HostId, OrderOptions, Scenario, Side } from "../rules/index.ts";
import {
  detectionChanceFrom,
  domesticKwPerH100e,
  generationAt,
  goodwillShare,
  HOSTS,
  saturate,
} from "../rules/index.ts";
import type { PowerMix } from "./capacity.ts";
import { buildCapacity, headroomGW } from "./capacity.ts";
import type { ChinaPolicyView } from "./context.ts";
import { turnsLeft } from "./context.ts";
import { Draft } from "./draft.ts";

export interface ChinaPlan {
  /** Power subsidy rate for domestic-chip data centres. */
  subsidy: number;
  /**
   * Publishes open-weight models while China is behind in capability: the rival ahead gains nothing and China's
   * run gains a little. Ahead, publishing would let the rival behind close more of its gap, so it holds them back.
   */
  publish: boolean;
  intelligence: number;
  /** Algorithm research: at most `algo` $B and at most `algoShare` of the money a turn. */
  algo: number;
  algoShare: number;
  /** Share of the smuggling cap to buy while frontier chips are banned, if the risk of a shipment being caught is at most `smuggleMaxRisk`. */
  smuggle: number;
  smuggleMaxRisk: number;
  /** Share of the domestic capacity and of the export-grade supply to buy. */
  domestic: number;
  exportGrade: number;
  /** Buys chips at home only from this turn on (earlier chips retire before the end). */
  chipsFrom: number;
  /**
   * Share of each turn's money (after long bets) for new leases abroad, and courting, before any chips: every
   * turn ("always", as Chinese firms did in 2025), or only in turns when renting beats buying ("whenItPays",
   * see `leasingPays`). Money the home route leaves over goes to leases in either case.
   */
  lease: number;
  leaseWhen: "always" | "whenItPays";
  /** $B a turn courting each of the `courtHosts` hosts with the most room to open, in turns when it rents. */
  court: number;
  courtHosts: number;
  /**
   * $B a turn courting each of the `keepOpenHosts` hosts with the most at stake, from the turn the US asks for a
   * remote-access rule: a host applies the rule only where the US has more goodwill than China.
   */
  keepOpen?: number;
  keepOpenHosts?: number;
  /** $B a turn on chip design, and on fabs and HBM lines while they can still pay off. */
  chipResearch: number;
  fabs: number;
  hbm: number;
  /** Power built for new chips, as shares of firm GW by source. */
  powerMix: PowerMix;
  /** What changes while the US remote-access rule is in force and doors abroad are closing. */
  whenDoorsClose?: Partial<Omit<ChinaPlan, "whenDoorsClose">>;
}

type View = ChinaPolicyView;

/** Hosts ranked by what courting could open up: AI-grade capacity still closed to Chinese customers. */
export function hostsByRoom(view: View, scenario: Scenario): HostId[] {
  const p = scenario.params;
  const score = (h: HostId): number => {
    const host = view.hosts[h];
    if (host.appliesRemoteAccessRule) return -1;
    const share = goodwillShare(host.influence, "china");
    return host.capacityGW * p.hosts[h].foreignAiShare * (1 - host.openness) * (0.5 + share);
  };
  return [...HOSTS].sort((a, b) => score(b) - score(a));
}

/**
 * Hosts ranked by what the US remote-access rule puts at stake: AI-grade capacity still open to Chinese
 * customers, weighted by the US's share of the host's goodwill (where the US leads, the host may apply the rule).
 * Hosts that already apply it are left out.
 */
export function hostsAtStake(view: View, scenario: Scenario): HostId[] {
  const p = scenario.params;
  const score = (h: HostId): number => {
    const host = view.hosts[h];
    const usShare = goodwillShare(host.influence, "us");
    return host.capacityGW * p.hosts[h].foreignAiShare * host.openness * usShare;
  };
  return HOSTS.filter((h) => !view.hosts[h].appliesRemoteAccessRule).sort((a, b) => score(b) - score(a));
}

/** The chance that a smuggled shipment is caught, as far as China can tell (its estimate of US enforcement). */
export function smuggleRisk(view: View, scenario: Scenario): number {
  return detectionChanceFrom(
    scenario.params.levers,
    view.intel.enforcement?.estimate ?? 0,
    view.hosts,
    saturate(view.own.intelStock, scenario.params.levers.intelRef),
  );
}

/** Leases in the cheapest open hosts first, up to `budget` $B. */
export function leaseCheapest(draft: Draft, budget: number): void {
  const lever = draft.lever("leaseCompute");
  if (!lever || budget <= 0) return;
  const open = lever.choices
    .filter((c) => c.available && c.max > 0)
    .sort((a, b) => a.costPerUnit - b.costPerUnit);
  let money = Math.min(budget, draft.left);
  for (const c of open) {
    if (money <= 0.005) break;
    const got = draft.buy("leaseCompute", money / c.costPerUnit, c.value);
    money -= got * c.costPerUnit;
  }
}

/**
 * Whether renting abroad is worth it this turn: a lease signed now, paid for every turn from the next to the
 * end, costs no more per H100e than the cheapest chip China could buy or smuggle now, which would serve the
 * same turns. Early on a chip wins (a lease costs about half a chip's price a half-year); in the last turns, or
 * when no chip is on offer at home, a lease does.
 */
export function leasingPays(draft: Draft, turnsLeft: number): boolean {
  const leases = draft.lever("leaseCompute")?.choices.filter((c) => c.available && c.max > 0) ?? [];
  if (leases.length === 0) return false;
  const lease = Math.min(...leases.map((c) => c.costPerUnit));
  const chips = [
    draft.choice("smuggleChips"),
    ...(draft.lever("buyChips")?.choices ?? []).filter((c) => c.value !== "exportGrade"),
  ].filter((c) => c !== undefined && c.available && c.max > 0);
  if (chips.length === 0) return true;
  const chip = Math.min(...chips.map((c) => c!.costPerUnit));
  return lease * Math.max(1, turnsLeft - 1) <= chip;
}

/**
 * Whether releasing open models helps the side that views: only while it is behind in capability (public). A
 * rival behind the publisher closes more of its gap that turn; a rival ahead gains nothing.
 */
export function publishingHelps(view: {
  readonly viewer: Side;
  readonly capability: Readonly<Record<Side, number>>;
}): boolean {
  const rival = view.viewer === "us" ? "china" : "us";
  return view.capability[view.viewer] < view.capability[rival];
}

/** China's heuristic for one turn. */
export function chinaOrders(view: View, options: OrderOptions, scenario: Scenario, given: ChinaPlan): Draft {
  const plan =
    given.whenDoorsClose && view.exportControlLevel === "banPlusRemoteAccess"
      ? { ...given, ...given.whenDoorsClose }
      : given;
  const draft = new Draft(options);
  const p = scenario.params;
  const own = view.own;
  const left = turnsLeft(view);
  const last = left <= 1;

  draft.setSubsidy(plan.subsidy);
  if (plan.publish && publishingHelps(view)) draft.publish();
  const d = p.china.domestic;
  // On the last turn only research counts: chips and leases bought now would arrive after the end.
  if (last) {
    draft.spend("fundAlgorithms", Math.min(plan.algo, plan.algoShare * draft.left));
    return draft;
  }
  {
    draft.spend("fundIntelligence", plan.intelligence);
    draft.spend("fundAlgorithms", Math.min(plan.algo, plan.algoShare * draft.left));
    // Long bets first: chip design, fabs and HBM lines (while they can still pay off), friendly hosts.
    draft.spend("fundChipResearch", plan.chipResearch);
    const fab = draft.choice("expandFabs");
    if (fab && plan.fabs > 0 && left - 1 > d.fabLeadTurns + 1)
      draft.buy("expandFabs", plan.fabs / fab.costPerUnit);
    const hbm = draft.choice("expandHbm");
    if (hbm && plan.hbm > 0 && left - 1 > d.hbmLeadTurns) draft.buy("expandHbm", plan.hbm / hbm.costPerUnit);
    // Once the US asks for a remote-access rule, court the hosts with the most at stake to keep them open.
    const ruleLooms = view.exportControlLevel === "banPlusRemoteAccess" || view.remoteAccessBillTurns > 0;
    const keepOpen = plan.keepOpen ?? 0;
    if (ruleLooms && keepOpen > 0)
      for (const h of hostsAtStake(view, scenario).slice(0, plan.keepOpenHosts ?? 0))
        draft.spend("courtHost", keepOpen, h);
    // While renting beats buying, court the hosts for room and lease a share of the money before any chips.
    if (plan.lease > 0 && (plan.leaseWhen === "always" || leasingPays(draft, left))) {
      if (plan.court > 0)
        for (const h of hostsByRoom(view, scenario).slice(0, plan.courtHosts))
          draft.spend("courtHost", plan.court, h);
      leaseCheapest(draft, draft.left * plan.lease);
    }
  }

  // Chips for the power there will be at this resolution, cheapest compute first.
  const pue = p.world.pue;
  const exportRow = generationAt(p.chips.exportGradeRoadmap, view.turn);
  const frontierKw = (generationAt(p.chips.frontierRoadmap, view.turn).kwPerH100e * pue) / 1e6;
  const domesticKw = (domesticKwPerH100e(p, view.turn) * pue) / 1e6;
  const exportKw = (exportRow.kwPerH100e * pue) / 1e6;
  const domesticMax = draft.choice("buyChips", "domestic")?.max ?? 0;
  const smuggleMax = draft.choice("smuggleChips")?.max ?? 0;
  let room = headroomGW(scenario, view);
  if (view.turn >= plan.chipsFrom) {
    if (plan.smuggle > 0 && room > 0 && smuggleRisk(view, scenario) <= plan.smuggleMaxRisk)
      room -= draft.buy("smuggleChips", Math.min(smuggleMax * plan.smuggle, room / frontierKw)) * frontierKw;
    if (room > 0) room -= draft.buy("buyChips", room / frontierKw, "frontier") * frontierKw;
    // Export-grade chips only when they are no dearer per unit of compute than domestic ones (the H200 of the
    // 2026 opening is; the H20 of 2025, at about twice the price, is not worth it for training). Domestic output
    // is capped by the fabs, so both are bought while the power lasts; whichever draws less power per unit comes
    // first (the H200 while the domestic roadmap is behind it, domestic parts once they pass it).
    const exportOffer = draft.choice("buyChips", "exportGrade");
    const worthIt =
      plan.exportGrade > 0 &&
      exportOffer !== undefined &&
      exportOffer.costPerUnit <= p.chips.domesticUsdPerH100e * 1e-9;
    const buyExportGrade = (): void => {
      if (worthIt && room > 0)
        room -=
          draft.buy(
            "buyChips",
            Math.min(exportRow.supplyPerTurn * plan.exportGrade, room / exportKw),
            "exportGrade",
          ) * exportKw;
    };
    const buyDomestic = (): void => {
      if (plan.domestic > 0 && room > 0)
        room -=
          draft.buy("buyChips", Math.min(domesticMax * plan.domestic, room / domesticKw), "domestic") *
          domesticKw;
    };
    if (exportKw <= domesticKw) {
      buyExportGrade();
      buyDomestic();
    } else {
      buyDomestic();
      buyExportGrade();
    }
  }
  // Halls and power for the chips of the coming turns, as far as the money of those turns reaches: about 70% of
  // the income not leased or saved goes to chips, and what the fabs can make grows about 10% a turn.
  const growth = 1 + p.china.incomeGrowthPerTurn;
  const chipMoney = own.income * (1 - plan.lease) * 0.7;
  const domesticPrice = p.chips.domesticUsdPerH100e * 1e-9;
  const capacityGW =
    smuggleMax * plan.smuggle * frontierKw +
    domesticMax * plan.domestic * domesticKw +
    exportRow.supplyPerTurn * plan.exportGrade * exportKw;
  buildCapacity(draft, view, scenario, {
    budget: draft.left,
    mix: plan.powerMix,
    reform: 0,
    addedGW: (ahead) =>
      Math.min(
        capacityGW * Math.pow(1.1, ahead),
        ((chipMoney * Math.pow(growth, ahead)) / domesticPrice) * domesticKw,
      ),
    firstChipTurn: plan.chipsFrom,
  });
  // Money the home route could not use goes to leases too: compute now beats cash that lapses.
  if (!last && plan.lease > 0) leaseCheapest(draft, draft.left);
  return draft;
}
