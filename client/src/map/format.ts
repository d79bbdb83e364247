/**
 * Whole numbers for the map, in units that keep at least two significant digits: 8,400 H100e, 48k, 63M;
 * 57 GW, 800 MW; 35%. A chip is never shown as a fraction.
 */
import type { DeepReadonly, Estimate } from "../../../shared/rules/index.ts";
import { language, num, t } from "../i18n.ts";

/** A count of chips (H100e) as a whole number of units, thousands or millions. */
export function chips(x: number): string {
  const a = Math.abs(x);
  const de = language() === "de";
  if (a >= 1e7) return `${num(Math.round(x / 1e6), 0)}${de ? " Mio." : "M"}`;
  if (a >= 1e4) return `${num(Math.round(x / 1e3), 0)}${de ? " Tsd." : "k"}`;
  return num(Math.round(x), 0);
}

/** Every chip, with separators: the exact figure of a tooltip. */
export function chipsExact(x: number): string {
  return num(Math.round(x), 0);
}

/** Power in whole gigawatts, or whole megawatts below 10 GW. */
export function power(gw: number): string {
  return Math.abs(gw) >= 10 ? `${num(Math.round(gw), 0)} GW` : `${num(Math.round(gw * 1000), 0)} MW`;
}

/** A share (0..1) as a whole percentage. */
export function percent(share: number): string {
  return new Intl.NumberFormat(language(), { style: "percent", maximumFractionDigits: 0 }).format(share);
}

/** An estimate with its band ("≈48k (95%: 20k to 90k)"), or its value when a detection confirmed it. */
export function estimated(e: DeepReadonly<Estimate>, format: (x: number) => string): string {
  if (e.exact) return t("map.tip.confirmed", { value: format(e.estimate) });
  return t("map.tip.estimate", { value: format(e.estimate), low: format(e.low), high: format(e.high) });
}
