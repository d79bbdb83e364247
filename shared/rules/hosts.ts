/**
 * Host countries move by themselves between turns: capacity grows, openness, strictness and each side's goodwill
 * drift back towards their starting stance, and while the US remote-access rule is in force each host where the
 * US has more goodwill than China decides whether to apply it, cutting Chinese leases where it does.
 */
import type { ResolveContext } from "./levers/lever.ts";
import { fmt } from "./levers/lever.ts";
import { clamp, leasableH100e } from "./model.ts";
import type { Scenario } from "./scenario.ts";
import type { Side } from "./types.ts";
import { HOSTS } from "./types.ts";

const REMOTE_SOURCE = "Law-firm commentary, Jan 2026 (Remote Access Security Act passed the House 369-22)";

/** Whether a host may apply the US remote-access rule at all: only where the US has more goodwill than China. */
export function usLeadsGoodwill(influence: Readonly<Record<Side, number>>): boolean {
  return influence.us > influence.china;
}

/**
 * The chance that a host applies the US remote-access rule this turn: only where the US has more goodwill there
 * than China, the more readily the larger the US's edge and the stricter the host's permits.
 */
export function remoteRuleChance(
  influence: Readonly<Record<Side, number>>,
  strictness: number,
  levers: Pick<Scenario["params"]["levers"], "remoteRuleBase" | "remoteRuleEdgeWeight">,
): number {
  if (!usLeadsGoodwill(influence)) return 0;
  const edge = (influence.us - influence.china) / Math.max(1, influence.us + influence.china);
  return clamp(levers.remoteRuleEdgeWeight * edge * (levers.remoteRuleBase + strictness), 0, 1);
}

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
    // Goodwill fades too: without new courting, open models or co-funding, a host's regard drifts back.
    const fade = p.levers.influenceDrift;
    host.influence.us = clamp(host.influence.us + (base.influenceUs - host.influence.us) * fade, 0, 100);
    host.influence.china = clamp(
      host.influence.china + (base.influenceChina - host.influence.china) * fade,
      0,
      100,
    );
    host.strictness = clamp(
      host.strictness + (base.strictness - host.strictness) * drift * p.levers.strictnessDriftShare,
      0,
      1,
    );

    // One roll per host every turn, used or not, so that one host's choice never shifts another's luck.
    const roll = ctx.dice("hosts").uniform();
    if (s.us.exportControlLevel === "banPlusRemoteAccess" && !host.appliesRemoteAccessRule) {
      if (roll < remoteRuleChance(host.influence, host.strictness, p.levers)) {
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
