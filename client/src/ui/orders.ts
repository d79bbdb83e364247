/** The lever composer and the side's shared draft, built from the options the server sends. */
import type { LeverOption, OrderOptions } from "../../../shared/rules/index.ts";
import { h, uid } from "../dom.ts";
import { compact, money, num, t } from "../i18n.ts";
import { effectText, reasonText } from "./rules-text.ts";

type DraftOrder = Record<string, unknown> & { type: string };

export function choiceLabel(field: string | null, value: string): string {
  if (!field || !value) return "";
  return t(`choices.${field}.${value}`);
}

/** A line describing an order in the player's language. */
export function describeOrder(order: DraftOrder, options: OrderOptions | null): string {
  const lever = options?.levers.find((l) => l.type === order.type);
  const parts = [t(`levers.${order.type}.name`)];
  if (lever?.choiceField) parts.push(choiceLabel(lever.choiceField, String(order[lever.choiceField] ?? "")));
  if (lever?.amountField) {
    const amount = Number(order[lever.amountField]);
    parts.push(
      lever.amountField === "rate"
        ? `${num(amount * 100, 0)}%`
        : `${compact(amount)} ${t(`units.${lever.unit}`)}`,
    );
  }
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
  return billions >= 0.01 ? money(billions) : `$${num(billions * 1e9, 0)}`;
}

export interface Composer {
  root: HTMLElement;
  setOptions(options: OrderOptions): void;
}

/** Pick a lever, a target and an amount; "add" hands a complete order to `onAdd`. */
export function composer(onAdd: (order: DraftOrder) => void): Composer {
  let options: OrderOptions | null = null;
  const leverSelect = h("select", { id: "lever" }) as HTMLSelectElement;
  const choiceSelect = h("select", { id: "lever-choice" }) as HTMLSelectElement;
  const amountInput = h("input", {
    id: "lever-amount",
    type: "number",
    step: "any",
    inputmode: "decimal",
  }) as HTMLInputElement;
  const explanation = h("p", { class: "explanation", id: uid("explain") });
  const limits = h("p", { class: "limits", "aria-live": "polite" });
  const effect = h("p", { class: "explanation effect" });
  const choiceWrap = h(
    "div",
    { class: "field" },
    h("label", { for: "lever-choice" }, t("match.choice")),
    choiceSelect,
  );
  const amountWrap = h(
    "div",
    { class: "field" },
    h("label", { for: "lever-amount" }, t("match.amount")),
    amountInput,
  );
  const addButton = h("button", { type: "submit", id: "add-order" }, t("match.add"));
  const current = (): LeverOption | undefined => options?.levers.find((l) => l.type === leverSelect.value);

  const showLimits = () => {
    const lever = current();
    const choice = lever?.choiceField
      ? lever.choices.find((c) => c.value === choiceSelect.value)
      : lever?.choices[0];
    if (!lever || !choice) return;
    const bits: string[] = [];
    if (lever.amountField) {
      bits.push(
        t("match.max", {
          max:
            lever.amountField === "rate"
              ? `${num(choice.max * 100, 0)}%`
              : `${compact(choice.max)} ${t(`units.${lever.unit}`)}`,
        }),
      );
      if (choice.costPerUnit > 0 && lever.unit !== "$B")
        bits.push(
          t("match.cost", { cost: `${unitPrice(choice.costPerUnit)} / ${t(`units.${lever.unit}`)}` }),
        );
      amountInput.max = String(choice.max);
      amountInput.min = String(choice.min);
    }
    if (!choice.available) bits.push(t("match.unavailable"));
    limits.textContent = bits.join(" · ");
    limits.title = choice.reason ? reasonText(choice.reason) : "";
  };

  const showLever = () => {
    const lever = current();
    if (!lever) return;
    explanation.textContent = t(`levers.${lever.type}.explanation`);
    effect.textContent = effectText(lever);
    choiceSelect.replaceChildren();
    choiceWrap.hidden = !lever.choiceField;
    for (const c of lever.choices) {
      if (!lever.choiceField) break;
      choiceSelect.append(
        h("option", { value: c.value, disabled: !c.available }, choiceLabel(lever.choiceField, c.value)),
      );
    }
    const firstOpen = lever.choices.find((c) => c.available);
    if (firstOpen && lever.choiceField) choiceSelect.value = firstOpen.value;
    amountWrap.hidden = !lever.amountField;
    amountInput.value = "";
    amountInput.setAttribute("aria-describedby", explanation.id);
    showLimits();
  };
  leverSelect.addEventListener("change", showLever);
  choiceSelect.addEventListener("change", showLimits);

  const form = h(
    "form",
    { class: "composer", id: "composer", "aria-label": t("match.levers") },
    h("div", { class: "field" }, h("label", { for: "lever" }, t("match.levers")), leverSelect),
    explanation,
    effect,
    choiceWrap,
    amountWrap,
    limits,
    addButton,
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const lever = current();
    if (!lever) return;
    const order: DraftOrder = { type: lever.type };
    if (lever.choiceField) order[lever.choiceField] = choiceSelect.value;
    if (lever.amountField) {
      const value = Number(amountInput.value);
      if (!Number.isFinite(value) || amountInput.value.trim() === "") {
        amountInput.focus();
        return;
      }
      order[lever.amountField] = value;
    }
    onAdd(order);
    amountInput.value = "";
  });

  return {
    root: form,
    setOptions(next) {
      const keep = leverSelect.value;
      options = next;
      leverSelect.replaceChildren();
      for (const l of next.levers)
        leverSelect.append(
          h(
            "option",
            { value: l.type },
            t(`levers.${l.type}.name`) + (l.available ? "" : ` (${t("match.unavailable")})`),
          ),
        );
      if (keep && next.levers.some((l) => l.type === keep)) leverSelect.value = keep;
      showLever();
    },
  };
}
