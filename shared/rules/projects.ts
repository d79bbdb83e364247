/**
 * Long projects (power plants, data centres, fabs, HBM lines, allied data centres): paid when started,
 * delivering after their lead time. US projects at home also wait for permits and meet local opposition.
 */
import type { ResolveContext } from "./levers/lever.ts";
import { usPermitDelay } from "./model.ts";
import type { BuildableSource, HostId, Project, ProjectKind, Side } from "./types.ts";

export interface ProjectSpec {
  kind: ProjectKind;
  amount: number;
  leadTurns: number;
  /** Base permitting delay for a US project at home (ignored for China and abroad). */
  usPermitDelayTurns?: number;
  source?: BuildableSource;
  host?: HostId;
}

/** Starts a project for a side; returns it (already placed in the side's pipeline). */
export function startProject(ctx: ResolveContext, side: Side, spec: ProjectSpec): Project {
  const delay =
    side === "us" && spec.usPermitDelayTurns !== undefined
      ? usPermitDelay(ctx.s, spec.usPermitDelayTurns)
      : 0;
  const project: Project = {
    id: ctx.s.nextProjectId++,
    kind: spec.kind,
    amount: spec.amount,
    turnsLeft: spec.leadTurns + delay,
    delayTurns: delay,
    ...(spec.source ? { source: spec.source } : {}),
    ...(spec.host ? { host: spec.host } : {}),
  };
  ctx.s[side].projects.push(project);
  return project;
}

function projectName(p: Project): string {
  if (p.kind === "power") return `${p.amount.toFixed(1)} GW of ${p.source} power`;
  if (p.kind === "dataCenter") return `${p.amount.toFixed(1)} GW of data centres`;
  if (p.kind === "fab") return `${Math.round(p.amount)} wafers/month of fab capacity`;
  if (p.kind === "hbm") return `${(p.amount / 1e6).toFixed(2)}M HBM stacks/turn of memory capacity`;
  return `${p.amount.toFixed(2)} GW of allied data centres in ${p.host}`;
}

/** Advances every project by a turn, applies local opposition to US projects at home, and delivers the finished ones. */
export function advanceProjects(ctx: ResolveContext, side: Side): void {
  const s = ctx.s;
  const mine = s[side];
  const opposition = s.scenario.params.us.oppositionChancePerTurn * (1 - s.us.permitReform);
  const remaining: Project[] = [];
  for (const p of mine.projects) {
    const atHome = p.kind === "power" || p.kind === "dataCenter";
    if (side === "us" && atHome && ctx.dice("projects.us").chance(opposition)) {
      p.turnsLeft += 1;
      p.delayTurns += 1;
      ctx.emit("us", "project.opposed", `Local opposition delays ${projectName(p)} by a turn.`, {
        project: p.id,
      });
    }
    p.turnsLeft -= 1;
    if (p.turnsLeft > 0) {
      remaining.push(p);
      continue;
    }
    deliver(ctx, side, p);
    ctx.emit(side, "project.done", `Finished: ${projectName(p)}.`, { project: p.id });
  }
  mine.projects = remaining;
}

function deliver(ctx: ResolveContext, side: Side, p: Project): void {
  const s = ctx.s;
  switch (p.kind) {
    case "power":
      if (p.source) s[side].powerGW[p.source] += p.amount;
      return;
    case "dataCenter":
      s[side].dataCenterGW += p.amount;
      return;
    case "fab":
      s.china.fabWafersPerMonth += p.amount;
      return;
    case "hbm":
      s.china.hbmProductionPerTurn += p.amount;
      return;
    case "hostCapacity":
      if (p.host) {
        // Co-funded halls come on top of the host's own pipeline, for trusted customers only (see leasableH100e).
        const host = s.hosts[p.host];
        host.capacityGW += p.amount;
        host.alliedGW += p.amount;
      }
      return;
  }
}
