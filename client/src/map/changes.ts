/**
 * What moved in a turn's resolution, as far as one viewer may see it: found by comparing the view before the
 * resolution with the view after it. Only the viewer's own view is read, so a move the viewer may not know
 * (China's smuggling, seen from the US) is never derived; estimates only count when a detection made them exact.
 */
import {
  CONTROL_LEVELS,
  HOSTS,
  type ChinaState,
  type ControlLevel,
  type DeepReadonly,
  type HostId,
  type Side,
  type UsState,
  type View,
} from "../../../shared/rules/index.ts";

export type Move =
  | { kind: "shipped"; h100e: number | null }
  | { kind: "smuggled"; h100e: number }
  | { kind: "made"; h100e: number }
  | { kind: "bought"; h100e: number }
  | { kind: "leaseOpened" | "leaseCut" | "leaseFound"; host: HostId; h100e: number }
  | { kind: "power" | "halls"; side: Side; gw: number }
  | { kind: "hostHalls"; host: HostId; gw: number }
  | { kind: "tightened" | "loosened"; level: ControlLevel }
  | { kind: "remoteRule"; host: HostId };

/** Changes smaller than these are rounding, not moves. */
const MIN_H100E = 1;
const MIN_GW = 0.001;

type Known = { us?: DeepReadonly<UsState>; china?: DeepReadonly<ChinaState> };

/** The sides' states this viewer sees exactly: its own, or both for the facilitator. */
function known(v: DeepReadonly<View>): Known {
  if (v.viewer === "us") return { us: v.own };
  if (v.viewer === "china") return { china: v.own };
  if (v.viewer === "facilitator") return { us: v.us, china: v.china };
  return {};
}

const sum = (xs: Record<string, number> | DeepReadonly<Record<string, number>>) =>
  Object.values(xs).reduce((a, b) => a + b, 0);

/**
 * The moves between two views of the same viewer; empty unless `next` is a later turn than `prev`. The list
 * is in a fixed order (controls, chips, leases, building), which is also the order they are animated in.
 */
export function movesBetween(prev: DeepReadonly<View>, next: DeepReadonly<View>): Move[] {
  if (next.turn <= prev.turn || next.viewer !== prev.viewer) return [];
  const moves: Move[] = [];
  const before = CONTROL_LEVELS.indexOf(prev.exportControlLevel);
  const after = CONTROL_LEVELS.indexOf(next.exportControlLevel);
  if (after !== before)
    moves.push({ kind: after > before ? "tightened" : "loosened", level: next.exportControlLevel });
  for (const host of HOSTS)
    if (next.hosts[host].appliesRemoteAccessRule && !prev.hosts[host].appliesRemoteAccessRule)
      moves.push({ kind: "remoteRule", host });

  const [was, now] = [known(prev), known(next)];
  if (was.china && now.china) {
    const smuggled = now.china.smuggledTotal - was.china.smuggledTotal;
    // Chips that arrive in China this turn from the US: bought legally, or smuggled past the controls.
    const fromUs = now.china.arriving.frontier.h100e + now.china.arriving.exportGrade.h100e;
    const shipped = fromUs - Math.max(0, smuggled);
    if (shipped >= MIN_H100E) moves.push({ kind: "shipped", h100e: shipped });
    if (smuggled >= MIN_H100E) moves.push({ kind: "smuggled", h100e: smuggled });
    if (now.china.arriving.domestic.h100e >= MIN_H100E)
      moves.push({ kind: "made", h100e: now.china.arriving.domestic.h100e });
  } else if (now.us && now.us.exportRevenueDue > 0) {
    // The US earns a share of China's legal purchases: it knows chips were shipped, not how many.
    moves.push({ kind: "shipped", h100e: null });
  }
  if (now.us && now.us.arriving.frontier.h100e >= MIN_H100E)
    moves.push({ kind: "bought", h100e: now.us.arriving.frontier.h100e });

  for (const host of HOSTS) {
    if (was.china && now.china) {
      const delta =
        now.china.leases[host] +
        now.china.leasesArriving[host] -
        (was.china.leases[host] + was.china.leasesArriving[host]);
      if (delta >= MIN_H100E) moves.push({ kind: "leaseOpened", host, h100e: delta });
      else if (delta <= -MIN_H100E) moves.push({ kind: "leaseCut", host, h100e: -delta });
    } else if (next.viewer === "us" && prev.viewer === "us") {
      const found = next.intel[`lease.${host}`];
      const earlier = prev.intel[`lease.${host}`];
      if (found?.exact && !(earlier?.exact && earlier.estimate === found.estimate))
        moves.push({ kind: "leaseFound", host, h100e: found.estimate });
    }
  }

  for (const side of ["us", "china"] as const) {
    const a = was[side];
    const b = now[side];
    if (!a || !b) continue;
    const power = sum(b.powerGW) - sum(a.powerGW);
    if (power >= MIN_GW) moves.push({ kind: "power", side, gw: power });
    const halls = b.dataCenterGW - a.dataCenterGW;
    if (halls >= MIN_GW) moves.push({ kind: "halls", side, gw: halls });
  }
  // Halls a host builds in its own pipeline every turn are no decision; halls the US co-funds are.
  for (const host of HOSTS) {
    const gw = next.hosts[host].alliedGW - prev.hosts[host].alliedGW;
    if (gw >= MIN_GW) moves.push({ kind: "hostHalls", host, gw });
  }
  return moves;
}
