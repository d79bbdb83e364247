/**
 * Intelligence: each side's estimates of the other's hidden numbers. An estimate is the true value times
 * log-normal noise drawn from the seeded generator; its 95% band is drawn around the estimate (not the truth),
 * so a band never gives the true value away. Values that may be zero (leases, smuggling) are shifted by a floor
 * before the noise is applied, so that "none" is blurred like any other amount instead of showing as an exact
 * zero. Intelligence spending narrows the bands; a detection makes a value exact.
 */
import type { ResolveContext } from "./levers/lever.ts";
import { Dice } from "./rng.ts";
import { domesticCapacity, fleetH100e, firmPowerGW, intelQuality, saturate, totalLeased } from "./model.ts";
import type { Estimate, IntelReport, MatchState, Side } from "./types.ts";
import { HOSTS } from "./types.ts";

/** The hidden values of a side that the other side estimates, with their true values. */
export function hiddenValues(state: MatchState, about: Side): Record<string, number> {
  if (about === "china") {
    const c = state.china;
    const values: Record<string, number> = {
      homeH100e: fleetH100e(c.fleet),
      leasedH100e: totalLeased(c),
      domesticH100ePerChip: c.domesticH100ePerChip,
      domesticCapacityH100e: domesticCapacity(state).h100e,
      hbmStock: c.hbmStock,
      smuggledH100e: c.smuggledTotal,
      cash: c.cash,
      powerGW: firmPowerGW(state, "china"),
    };
    for (const h of HOSTS) values[`lease.${h}`] = c.leases[h];
    return values;
  }
  const u = state.us;
  return {
    homeH100e: fleetH100e(u.fleet),
    frontierSupply: u.frontierSupply,
    enforcement: saturate(u.enforcementStock, state.scenario.params.levers.enforcementRef),
    reformProgress: u.reformProgress,
    cash: u.cash,
    powerGW: firmPowerGW(state, "us"),
    dataCenterGW: u.dataCenterGW,
  };
}

/** Noise floors of values that may be zero, in their own units. */
const FLOORS: Record<string, number> = {
  leasedH100e: 20_000,
  smuggledH100e: 50_000,
  enforcement: 0.1,
  reformProgress: 0.1,
  cash: 10,
};

function floorOf(key: string): number {
  return key.startsWith("lease.") ? 20_000 : (FLOORS[key] ?? 0);
}

function estimate(value: number, sigma: number, dice: Dice, floor: number): Estimate {
  const shifted = (value + floor) * Math.exp(sigma * dice.normal());
  return {
    estimate: Math.max(0, shifted - floor),
    low: Math.max(0, shifted * Math.exp(-1.96 * sigma) - floor),
    high: Math.max(0, shifted * Math.exp(1.96 * sigma) - floor),
    exact: false,
  };
}

function exact(value: number): Estimate {
  return { estimate: value, low: value, high: value, exact: true };
}

/** Builds a side's intelligence report on the other side, using the dice for noise and detections. */
function buildReport(state: MatchState, viewer: Side, dice: Dice, exposed: readonly string[]): IntelReport {
  const about: Side = viewer === "us" ? "china" : "us";
  const q = intelQuality(state, viewer);
  const l = state.scenario.params.levers;
  const sigma = l.intelBaseSigma * (1 - 0.8 * q);
  const report: IntelReport = {};
  for (const [key, value] of Object.entries(hiddenValues(state, about))) {
    const host = key.startsWith("lease.") ? key.slice(6) : null;
    const detected =
      host !== null && value > 0 && (exposed.includes(host) || dice.chance(q * l.leaseDetectionMax));
    report[key] = detected ? exact(value) : estimate(value, sigma, dice, floorOf(key));
  }
  return report;
}

/**
 * A side's intelligence report on the other side for the current turn. Pure and repeatable: the noise comes
 * from the turn's seed in the state, so every call in a turn gives the same report.
 */
export function intelReport(state: MatchState, viewer: Side): IntelReport {
  return buildReport(state, viewer, new Dice(state.intelSeed[viewer]), viewer === "us" ? state.exposed : []);
}

/** Draws the seeds of the next reports at the end of a resolution, and keeps this turn's exposures. */
export function updateIntel(ctx: ResolveContext): void {
  ctx.s.intelSeed = { us: ctx.dice.int(2 ** 32), china: ctx.dice.int(2 ** 32) };
  ctx.s.exposed = [...ctx.exposed];
}
