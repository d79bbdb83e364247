/**
 * Intelligence: each side's estimates of the other's hidden numbers. An estimate is the true value times
 * log-normal noise drawn from the seeded generator; its 95% band is drawn around the estimate (not the truth),
 * so a band never gives the true value away. Values that may be zero (leases, smuggling) are shifted by a floor
 * before the noise is applied, so that "none" is blurred like any other amount instead of showing as an exact
 * zero. Intelligence spending narrows the bands; a detection makes a value exact.
 */
import type { ResolveContext } from "./levers/lever.ts";
import type { DiceBase } from "./rng.ts";
import { secretDice } from "./streams.ts";
import { domesticCapacity, fleetH100e, firmPowerGW, intelQuality, saturate, totalLeased } from "./model.ts";
import type { Estimate, IntelReport, MatchState, Side } from "./types.ts";
import { HOSTS } from "./types.ts";

/** Noise floors of values that may be zero, in their own units. */
const FLOOR = {
  lease: 20_000,
  leasedH100e: 20_000,
  smuggledH100e: 50_000,
  enforcement: 0.1,
  reformProgress: 0.1,
  cash: 10,
};

function estimate(value: number, sigma: number, dice: DiceBase, floor: number): Estimate {
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

/**
 * Builds a side's intelligence report on the other side, using the dice for noise and detections. The hidden
 * values are listed in a fixed order (the dice are drawn in that order, so the order is part of the rules).
 */
function buildReport(
  state: MatchState,
  viewer: Side,
  dice: DiceBase,
  exposed: readonly string[],
): IntelReport {
  const q = intelQuality(state, viewer);
  const l = state.scenario.params.levers;
  const sigma = l.intelBaseSigma * (1 - 0.8 * q);
  const report: IntelReport = {};
  const noisy = (key: string, value: number, floor = 0) => {
    report[key] = estimate(value, sigma, dice, floor);
  };
  if (viewer === "us") {
    const c = state.china;
    noisy("homeH100e", fleetH100e(c.fleet));
    noisy("leasedH100e", totalLeased(c), FLOOR.leasedH100e);
    noisy("domesticH100ePerChip", c.domesticH100ePerChip);
    noisy("domesticCapacityH100e", domesticCapacity(state).h100e);
    noisy("hbmStock", c.hbmStock);
    noisy("smuggledH100e", c.smuggledTotal, FLOOR.smuggledH100e);
    noisy("cash", c.cash, FLOOR.cash);
    noisy("powerGW", firmPowerGW(state, "china"));
    for (const h of HOSTS) {
      const value = c.leases[h];
      // A lease found this turn (by enforcement or by the report's own luck) is known exactly.
      const detected = value > 0 && (exposed.includes(h) || dice.chance(q * l.leaseDetectionMax));
      if (detected) report[`lease.${h}`] = exact(value);
      else noisy(`lease.${h}`, value, FLOOR.lease);
    }
    return report;
  }
  const u = state.us;
  noisy("homeH100e", fleetH100e(u.fleet));
  noisy("enforcement", saturate(u.enforcementStock, l.enforcementRef), FLOOR.enforcement);
  noisy("reformProgress", u.reformProgress, FLOOR.reformProgress);
  noisy("cash", u.cash, FLOOR.cash);
  noisy("powerGW", firmPowerGW(state, "us"));
  noisy("dataCenterGW", u.dataCenterGW);
  return report;
}

/**
 * A side's intelligence report on the other side for the current turn. Pure and repeatable: the noise comes
 * from the viewer's secret intelligence stream of this turn, so every call in a turn gives the same report,
 * and neither the seed nor any other turn's report tells what the noise is.
 */
export function intelReport(state: MatchState, viewer: Side): IntelReport {
  const dice = secretDice(state.secret, viewer === "us" ? "intel.us" : "intel.china", state.turn);
  return buildReport(state, viewer, dice, viewer === "us" ? state.exposed : []);
}

/** Keeps this turn's exposures for the reports read after the resolution. */
export function updateIntel(ctx: ResolveContext): void {
  ctx.s.exposed = [...ctx.exposed];
}
