/**
 * The figures a tooltip shows for a place, from the view the client already has: exact for what the viewer
 * may see (its own side, the public facts, everything for the facilitator), estimates with their band for the
 * rival's hidden numbers, and "secret" where the viewer has neither.
 */
import type {
  ChinaState,
  DeepReadonly,
  HostId,
  IntelReport,
  Side,
  UsState,
  View,
} from "../../../shared/rules/index.ts";
import { usLeadsGoodwill } from "../../../shared/rules/index.ts";
import { num, t } from "../i18n.ts";
import { chips, chipsExact, estimated, percent, power } from "./format.ts";

export type Place = Side | HostId;

export interface Figures {
  title: string;
  lines: string[];
}

type SideState = DeepReadonly<UsState> | DeepReadonly<ChinaState>;

/** The side's state if this viewer sees it exactly. */
export function exactSide(v: DeepReadonly<View>, side: Side): SideState | undefined {
  if (v.viewer === side) return v.own;
  if (v.viewer === "facilitator") return v[side];
  return undefined;
}

/** The viewer's intelligence on `side`, if it is the rival of a side's player. */
function intelOn(v: DeepReadonly<View>, side: Side): DeepReadonly<IntelReport> | undefined {
  return (v.viewer === "us" && side === "china") || (v.viewer === "china" && side === "us")
    ? v.intel
    : undefined;
}

const powerSum = (s: SideState) => Object.values(s.powerGW).reduce((a, b) => a + b, 0);

function sideFigures(v: DeepReadonly<View>, side: Side): Figures {
  const lines = [t("map.tip.capability", { value: num(v.capability[side], 1) })];
  const own = exactSide(v, side);
  const intel = intelOn(v, side);
  if (own) {
    lines.push(t("map.tip.computeHome", { value: chipsExact(own.last.homeH100e) }));
    if (side === "china") lines.push(t("map.tip.computeAbroad", { value: chipsExact(own.last.leasedH100e) }));
    lines.push(t("map.tip.power", { value: power(powerSum(own)) }));
    lines.push(t("map.tip.halls", { value: power(own.dataCenterGW) }));
    lines.push(t("map.tip.powered", { value: percent(own.last.poweredFraction) }));
  } else if (intel) {
    const estimate = (key: string, line: string, format: (x: number) => string) => {
      const e = intel[key];
      if (e) lines.push(t(line, { value: estimated(e, format) }));
    };
    estimate("homeH100e", "map.tip.computeHome", chips);
    estimate("leasedH100e", "map.tip.computeAbroad", chips);
    estimate("powerGW", "map.tip.firmPower", power);
    estimate("dataCenterGW", "map.tip.halls", power);
  }
  if (side === "us") lines.push(t("map.tip.controls", { value: t(`choices.level.${v.exportControlLevel}`) }));
  return { title: t(`roles.${side}`), lines };
}

/** China's leases in a host as this viewer sees them: exact, an estimate with its band, or secret. */
export function leaseSeen(
  v: DeepReadonly<View>,
  host: HostId,
): { value: number; exact: boolean; line: string; arriving?: number } | undefined {
  const china = exactSide(v, "china") as DeepReadonly<ChinaState> | undefined;
  if (china)
    return {
      value: china.leases[host],
      exact: true,
      line: t("map.tip.leases", { value: chipsExact(china.leases[host]) }),
      arriving: china.leasesArriving[host],
    };
  const e = v.viewer === "us" ? v.intel[`lease.${host}`] : undefined;
  if (!e) return undefined;
  return { value: e.estimate, exact: e.exact, line: t("map.tip.leases", { value: estimated(e, chips) }) };
}

function hostFigures(v: DeepReadonly<View>, host: HostId): Figures {
  const h = v.hosts[host];
  const lines = [
    t("map.tip.capacity", { value: power(h.capacityGW) }),
    t("map.tip.openness", { value: percent(h.openness) }),
    t("map.tip.strictness", { value: percent(h.strictness) }),
    t("map.tip.goodwill", { us: num(h.influence.us, 0), china: num(h.influence.china, 0) }),
  ];
  const lease = leaseSeen(v, host);
  lines.push(lease ? lease.line : t("map.tip.leasesSecret"));
  if (lease?.arriving) lines.push(t("map.tip.leasesArriving", { value: chipsExact(lease.arriving) }));
  if (h.appliesRemoteAccessRule) lines.push(t("map.tip.remoteRule"));
  else if (v.exportControlLevel === "banPlusRemoteAccess")
    lines.push(t(usLeadsGoodwill(h.influence) ? "map.tip.ruleMay" : "map.tip.ruleWillNot"));
  lines.push(t("map.tip.openLevers"));
  return { title: t(`choices.host.${host}`), lines };
}

export function figuresOf(v: DeepReadonly<View>, place: Place): Figures {
  return place === "us" || place === "china" ? sideFigures(v, place) : hostFigures(v, place);
}
