/**
 * The lever panel and the side's shared draft, built from the options the server sends. Both are Preact
 * components: a new view, a patch or an injected event re-renders what changed and never clears what a
 * player is typing, closes a list or moves focus.
 */
import { useSignal, useSignalEffect, type Signal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import type { DeepReadonly, LeverOption, OrderOptions } from "../../../shared/rules/index.ts";
import { compact, language, money, num, t } from "../i18n.ts";
import { effectText, reasonText } from "./rules-text.ts";

export type DraftOrder = Record<string, unknown> & { type: string };

/** A request from elsewhere on the screen (the map, the guide) to open a lever, optionally at a target. */
export interface LeverRequest {
  type?: string;
  host?: string;
  /** Moves focus into the panel: only for a request the player made by a click. */
  focus: boolean;
}

export function choiceLabel(field: string | null, value: string): string {
  if (!field || !value) return "";
  return t(`choices.${field}.${value}`);
}

/** The subsidy's rate is entered and shown in percent; every other amount in its own unit. */
const PERCENT_FIELDS = new Set(["rate"]);

function isPercent(lever: DeepReadonly<LeverOption> | undefined): boolean {
  return !!lever?.amountField && PERCENT_FIELDS.has(lever.amountField);
}

/** An amount as the player reads it: "30%" for a rate, "1.5k H100e" for chips. */
function amountText(lever: DeepReadonly<LeverOption>, amount: number): string {
  return isPercent(lever) ? `${num(amount * 100, 0)}%` : `${compact(amount)} ${t(`units.${lever.unit}`)}`;
}

/** A line describing an order in the player's language. */
export function describeOrder(order: DraftOrder, options: OrderOptions | null): string {
  const lever = options?.levers.find((l) => l.type === order.type);
  const parts = [t(`levers.${order.type}.name`)];
  if (lever?.choiceField) parts.push(choiceLabel(lever.choiceField, String(order[lever.choiceField] ?? "")));
  if (lever?.amountField) parts.push(amountText(lever, Number(order[lever.amountField])));
  return parts.filter(Boolean).join(" · ");
}

export function orderCost(order: DraftOrder, options: OrderOptions | null): number {
  const lever = options?.levers.find((l) => l.type === order.type);
  if (!lever?.amountField) return 0;
  const choice = lever.choiceField
    ? lever.choices.find((c) => c.value === order[lever.choiceField as string])
    : lever.choices[0];
  return Math.max(0, Number(order[lever.amountField]) || 0) * (choice?.costPerUnit ?? 0);
}

/** A price per unit in $B, shown in dollars when it is small (a chip costs thousands, not billions). */
function unitPrice(billions: number): string {
  return billions >= 0.01 ? money(billions) : `${num(billions * 1e9, 0)} $`;
}

/**
 * Parses an amount typed in the player's language: German "1.500,5" and English "1,500.5" are both 1500.5; a
 * German "1,5" is one and a half.
 */
export function parseAmount(text: string): number {
  const trimmed = text.trim().replace(/[\s\u00a0]/g, "");
  if (trimmed === "") return Number.NaN;
  const [group, decimal] = language() === "de" ? [".", ","] : [",", "."];
  const normal = trimmed.split(group).join("").replace(decimal, ".");
  return /^-?(\d+\.?\d*|\.\d+)$/.test(normal) ? Number(normal) : Number.NaN;
}

interface ComposerProps {
  options: Signal<OrderOptions | null>;
  /** Bumps when the language changes, so that every text is drawn anew. */
  lang: Signal<number>;
  request: Signal<LeverRequest | null>;
  /** False while the side's draft is locked (confirmed) or the match waits. */
  locked: boolean;
  onAdd: (order: DraftOrder) => Promise<boolean>;
}

/** Pick a lever, a target and an amount; "add" hands a complete order to `onAdd`. */
export function Composer({ options, lang, request, locked, onAdd }: ComposerProps) {
  void lang.value;
  const leverType = useSignal("");
  const choice = useSignal("");
  const amount = useSignal("");
  const problem = useSignal("");
  const leverRef = useRef<HTMLSelectElement>(null);
  const amountRef = useRef<HTMLInputElement>(null);
  const opts = options.value;
  const levers = opts?.levers ?? [];
  const lever = levers.find((l) => l.type === leverType.value) ?? levers[0];
  const choices = lever?.choices ?? [];
  const current = lever?.choiceField
    ? (choices.find((c) => c.value === choice.value) ?? choices.find((c) => c.available) ?? choices[0])
    : choices[0];

  // A request from the map or the guide opens its lever (and target) in the panel.
  useSignalEffect(() => {
    const r = request.value;
    const list = options.value?.levers ?? [];
    if (!r || list.length === 0) return;
    const wanted = r.host
      ? (list.find(
          (l) => l.type === r.type && l.choiceField === "host" && l.choices.some((c) => c.value === r.host),
        ) ??
        list.find(
          (l) => l.available && l.choiceField === "host" && l.choices.some((c) => c.value === r.host),
        ) ??
        list.find((l) => l.choiceField === "host" && l.choices.some((c) => c.value === r.host)))
      : list.find((l) => l.type === r.type);
    request.value = null;
    if (!wanted) return;
    if (wanted.type !== leverType.value) amount.value = "";
    leverType.value = wanted.type;
    choice.value = r.host ?? "";
    problem.value = "";
    if (r.focus) queueMicrotask(() => (wanted.amountField ? amountRef : leverRef).current?.focus());
  });

  useEffect(() => {
    if (!leverType.value && levers[0]) leverType.value = levers[0].type;
  }, [levers.length]);

  if (!opts || !lever) return null;
  const percent = isPercent(lever);
  const shownMax = current ? (percent ? current.max * 100 : current.max) : 0;
  const shownMin = current ? (percent ? current.min * 100 : current.min) : 0;
  const closedReason = !lever.available
    ? lever.reason
    : current && !current.available
      ? current.reason
      : null;
  const closed = !lever.available || (current ? !current.available : false);
  const limits: string[] = [];
  if (lever.amountField && current) {
    limits.push(t("match.max", { max: amountText(lever, current.max) }));
    if (current.costPerUnit > 0 && lever.unit !== "$B")
      limits.push(
        t("match.cost", { cost: `${unitPrice(current.costPerUnit)} / ${t(`units.${lever.unit}`)}` }),
      );
  }

  const submit = async (e: Event) => {
    e.preventDefault();
    if (closed) {
      problem.value = closedReason ? reasonText(closedReason) : t("match.unavailable");
      return;
    }
    const order: DraftOrder = { type: lever.type };
    if (lever.choiceField && current) order[lever.choiceField] = current.value;
    if (lever.amountField && current) {
      const typed = parseAmount(amount.value);
      if (!Number.isFinite(typed)) {
        problem.value = t("match.amountMissing");
        amountRef.current?.focus();
        return;
      }
      if (typed < shownMin || typed > shownMax) {
        problem.value = t("match.amountRange", {
          min: amountText(lever, current.min),
          max: amountText(lever, current.max),
        });
        amountRef.current?.focus();
        return;
      }
      order[lever.amountField] = percent ? typed / 100 : typed;
    }
    problem.value = "";
    if (await onAdd(order)) amount.value = "";
  };

  return (
    <form class="composer" id="composer" aria-label={t("match.levers")} noValidate onSubmit={submit}>
      <div class="field">
        <label for="lever">{t("match.levers")}</label>
        <select
          id="lever"
          ref={leverRef}
          value={lever.type}
          onChange={(e) => {
            leverType.value = (e.currentTarget as HTMLSelectElement).value;
            choice.value = "";
            amount.value = "";
            problem.value = "";
          }}
        >
          {levers.map((l) => (
            <option key={l.type} value={l.type}>
              {t(`levers.${l.type}.name`) + (l.available ? "" : ` (${t("match.unavailable")})`)}
            </option>
          ))}
        </select>
      </div>
      <p class="explanation" id="lever-explain">
        {t(`levers.${lever.type}.explanation`)}
      </p>
      <p class="explanation effect">{effectText(lever)}</p>
      <div class="row-fields">
        <div class="field" hidden={!lever.choiceField}>
          <label for="lever-choice">{t("match.choice")}</label>
          <select
            id="lever-choice"
            value={current?.value ?? ""}
            onChange={(e) => {
              choice.value = (e.currentTarget as HTMLSelectElement).value;
              problem.value = "";
            }}
          >
            {lever.choiceField
              ? choices.map((c) => (
                  <option key={c.value} value={c.value}>
                    {choiceLabel(lever.choiceField, c.value) + (c.available ? "" : ` (${t("match.closed")})`)}
                  </option>
                ))
              : null}
          </select>
        </div>
        <div class="field" hidden={!lever.amountField}>
          <label for="lever-amount">
            {t("match.amount")} ({percent ? "%" : t(`units.${lever.unit}`)})
          </label>
          <input
            id="lever-amount"
            ref={amountRef}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={amount.value}
            aria-describedby="lever-explain lever-limits"
            aria-invalid={problem.value ? "true" : "false"}
            onInput={(e) => {
              amount.value = (e.currentTarget as HTMLInputElement).value;
              problem.value = "";
            }}
          />
        </div>
      </div>
      <p class="limits" id="lever-limits">
        {limits.join(" · ")}
      </p>
      {closedReason || closed ? (
        <p class="why-closed" id="lever-closed">
          {closedReason ? reasonText(closedReason) : t("match.unavailable")}
        </p>
      ) : null}
      {problem.value ? (
        <p class="error" id="amount-error" role="alert">
          {problem.value}
        </p>
      ) : null}
      <button type="submit" id="add-order" disabled={locked}>
        {t("match.add")}
      </button>
    </form>
  );
}
