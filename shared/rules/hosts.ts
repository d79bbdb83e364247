/**
 * Host countries move by themselves between turns: capacity grows, openness and strictness drift back towards
 * their starting stance, and while the US remote-access rule is in force each host decides whether to apply it,
 * cutting Chinese leases where it does.
 */
import type { ResolveContext } from "./levers/lever.ts";
import { fmt } from "./levers/lever.ts";
import { clamp, leasableH100e } from "./model.ts";
import { HOSTS } from "./types.ts";

const REMOTE_SOURCE = "Law-firm commentary, Jan 2026 (Remote Access Security Act passed the House 369-22)";

export function updateHosts(ctx: ResolveContext): void {
  const { s } = ctx;
  const p = s.scenario.params;
  const drift = p.levers.hostDrift;
  for (const id of HOSTS) {
    const host = s.hosts[id];
    const base = p.hosts[id];
    // The host's own pipeline grows to its sourced size; capacity the US co-funds comes on top of it.
    const own = host.capacityGW - host.alliedGW;
    if (own < base.capacityMaxGW)
      host.capacityGW = Math.min(base.capacityMaxGW, own * (1 + base.capacityGrowthPerTurn)) + host.alliedGW;
    host.openness = clamp(host.openness + (base.openness - host.openness) * drift, 0, 1);
    host.strictness = clamp(
      host.strictness + (base.strictness - host.strictness) * drift * p.levers.strictnessDriftShare,
      0,
      1,
    );

    if (s.us.exportControlLevel === "banPlusRemoteAccess" && !host.appliesRemoteAccessRule) {
      // A host applies the US rule more readily where the US has the goodwill and the host enforces permits.
      const usShare = host.influence.us / Math.max(1, host.influence.us + host.influence.china);
      if (ctx.dice("hosts").chance(clamp(usShare * (p.levers.remoteRuleBase + host.strictness), 0, 1))) {
        host.appliesRemoteAccessRule = true;
        ctx.emit(
          "public",
          "host.appliesRemoteRule",
          `${id} applies the US remote-access rule: no more AI compute for Chinese firms there.`,
          { host: id },
          REMOTE_SOURCE,
        );
      }
    }

    const held = s.china.leases[id];
    if (held <= 0) continue;
    if (host.appliesRemoteAccessRule) {
      const cut = held * p.levers.remoteRuleCutShare;
      s.china.leases[id] = held - cut;
      ctx.emit(
        "china",
        "lease.cut",
        `${id} enforces the remote-access rule: ${fmt(cut)} H100e of leases are cut off.`,
        { host: id, h100e: cut },
      );
      continue;
    }
    const limit = leasableH100e(s, id);
    if (held > limit) {
      s.china.leases[id] = limit;
      ctx.emit(
        "china",
        "lease.shrunk",
        `${id} is less open to Chinese customers: ${fmt(held - limit)} H100e of leases lapse.`,
        { host: id, h100e: held - limit },
      );
    }
  }
}
