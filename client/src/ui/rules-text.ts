/**
 * The rules' own sentences in the player's language: why an order is refused or a lever closed, and what a
 * lever would do now. The rules send a key and values with their English text; the locale files hold the words.
 */
import type { DeepReadonly, LeverOption, Reason } from "../../../shared/rules/index.ts";
import type { Estimate } from "../../../shared/rules/types.ts";
import { compact, money, num, t } from "../i18n.ts";

/** How each kind of value in a reason is shown. */
function say(name: string, value: string | number): string | number {
  if (typeof value === "string") {
    if (name === "host") return t(`choices.host.${value}`);
    if (name === "chipType") return t(`choices.chipType.${value}`);
    if (name === "level") return t(`choices.level.${value}`);
    if (name === "type") return t(`levers.${value}.name`);
    return value;
  }
  if (name === "cost" || name === "money") return money(value);
  if (name === "percent") return value;
  return compact(value);
}

export function reasonText(reason: DeepReadonly<Reason>): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(reason.params as Record<string, string | number>))
    params[name] = say(name, value);
  return t(`reasons.${reason.key}`, params);
}

/** A lever's forecast ("likely effect") with its numbers, in the player's language. */
export function effectText(lever: DeepReadonly<LeverOption>): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(lever.likelyEffectParams)) {
    if (name === "context") params.context = value;
    else if (name === "level") params.level = t(`choices.level.${value}`);
    else params[name] = typeof value === "number" ? num(value, Number.isInteger(value) ? 0 : 2) : value;
  }
  return t(`levers.${lever.type}.effect`, params);
}

/**
 * Intelligence on quantities with a fixed range (strengths and progress from 0 to 1): the rules blur the true
 * value with log-normal noise, which can leave the range; the screen shows the estimate and its band clipped
 * to it, so that "0-1" never reads 1.27.
 */
const RANGES: Record<string, readonly [number, number]> = {
  enforcement: [0, 1],
  reformProgress: [0, 1],
};

export function isUnitRange(key: string): boolean {
  return key in RANGES;
}

export function clipEstimate(key: string, e: DeepReadonly<Estimate>): DeepReadonly<Estimate> {
  const range = RANGES[key];
  if (!range) return e;
  const clip = (x: number) => Math.min(range[1], Math.max(range[0], x));
  return { ...e, estimate: clip(e.estimate), low: clip(e.low), high: clip(e.high) };
}
