/**
 * The live forecast beside a side's draft: what the draft does next turn and by the end on the side's own
 * numbers, the projected lead with its band, and for each spending lever of the draft its curve of
 * diminishing returns with a sensible range. The rules compute it (shared/rules/forecast.ts) from the side's
 * own view only; the rules engine is loaded on first use, so it does not weigh on the first page.
 *
 * Mount API:
 * - `mountForecast(el, { view, orders, scenario })` draws the forecast into `el` and returns
 *   `{ update(props), destroy() }`.
 * - `forecastDock(code)` is the match screen's hook: a persistent element (`root`) and `update(view, orders)`,
 *   to call whenever the view or the shared draft changes.
 */
import { render } from "preact";
import { signal, type Signal } from "@preact/signals";
import type {
  DeepReadonly,
  Order,
  OrderType,
  Scenario,
  SideView,
  View,
} from "../../../shared/rules/index.ts";
import type { DraftForecast, LeadOutlook, LeverGuide, TurnOutlook } from "../../../shared/rules/forecast.ts";
import { compact, money, num, onLanguageChange, t, turnLabel } from "../i18n.ts";
import { matchScenario } from "./report-view.tsx";

type Rules = typeof import("../../../shared/rules/forecast.ts");

export interface ForecastProps {
  view: DeepReadonly<SideView>;
  orders: readonly Order[];
  scenario: Scenario;
  /** The forecast module (loaded on demand by the dock; tests and callers may pass it in). */
  rules: Rules;
}

const pct = (x: number) => `${num(x * 100, 0)}%`;
const signed = (x: number) => `${x > 0 ? "+" : x < 0 ? "−" : "±"}${num(Math.abs(x), 1)}`;

function Outlook({ o, heading }: { o: TurnOutlook; heading: string }) {
  const c = o.capacity;
  return (
    <div class="forecast-col">
      <h4>{heading}</h4>
      <dl>
        <dt>{t("forecast.added")}</dt>
        <dd class="forecast-added">{compact(o.computeAdded)} H100e</dd>
        <dt>{t("forecast.powered")}</dt>
        <dd>{pct(o.poweredShare)}</dd>
        <dt>{t("forecast.power")}</dt>
        <dd>
          {t("forecast.against", {
            needed: num(c.neededGW, 1),
            built: num(c.powerGW, 1),
            building: num(c.powerGWBuilding, 1),
          })}
        </dd>
        <dt>{t("forecast.halls")}</dt>
        <dd>
          {t("forecast.against", {
            needed: num(c.neededGW, 1),
            built: num(c.hallsGW, 1),
            building: num(c.hallsGWBuilding, 1),
          })}
        </dd>
        <dt>{t("forecast.cash")}</dt>
        <dd>{money(o.cashLeft)}</dd>
      </dl>
    </div>
  );
}

/** The projected lead with its band, and the same without any orders, as a small line chart. */
function LeadChart({
  lead,
  idle,
  threshold,
}: {
  lead: LeadOutlook[];
  idle: LeadOutlook[];
  threshold: number;
}) {
  const w = 280;
  const hgt = 90;
  const values = [...lead.flatMap((r) => [r.low, r.high]), ...idle.map((r) => r.lead), threshold, 0];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const x = (i: number) => (lead.length > 1 ? (i / (lead.length - 1)) * (w - 10) + 5 : w / 2);
  const y = (v: number) => hgt - 5 - ((v - lo) / Math.max(1e-9, hi - lo)) * (hgt - 10);
  const line = (rows: LeadOutlook[]) => rows.map((r, i) => `${x(i)},${y(r.lead)}`).join(" ");
  const band = [
    ...lead.map((r, i) => `${x(i)},${y(r.high)}`),
    ...[...lead].reverse().map((r, i) => `${x(lead.length - 1 - i)},${y(r.low)}`),
  ].join(" ");
  return (
    <svg
      class="forecast-chart"
      width={w}
      height={hgt}
      viewBox={`0 0 ${w} ${hgt}`}
      role="img"
      aria-label={t("forecast.chart")}
    >
      <polygon points={band} fill="#2f6fb3" fill-opacity="0.15" />
      <line x1="0" x2={w} y1={y(threshold)} y2={y(threshold)} stroke="#888" stroke-dasharray="4 3" />
      <polyline points={line(idle)} fill="none" stroke="#888" stroke-width="1.5" />
      <polyline points={line(lead)} fill="none" stroke="#2f6fb3" stroke-width="2" />
    </svg>
  );
}

/** A lever's curve: effect against amount, with the sensible range marked. */
function GuideCurve({ guide, amount }: { guide: LeverGuide; amount: number }) {
  const w = 140;
  const hgt = 44;
  const top = guide.points[guide.points.length - 1]!;
  const maxEffect = Math.max(1e-9, top.effect);
  const x = (a: number) => (top.amount > 0 ? (a / top.amount) * (w - 4) + 2 : 2);
  const y = (e: number) => hgt - 3 - (e / maxEffect) * (hgt - 6);
  const points = guide.points.map((p) => `${x(p.amount)},${y(p.effect)}`).join(" ");
  return (
    <svg width={w} height={hgt} viewBox={`0 0 ${w} ${hgt}`} aria-hidden="true">
      <rect
        x={x(0)}
        y="0"
        width={x(guide.sensibleMax) - x(0)}
        height={hgt}
        fill="#2f6fb3"
        fill-opacity="0.08"
      />
      <polyline points={points} fill="none" stroke="#2f6fb3" stroke-width="1.5" />
      {amount > 0 && (
        <line
          x1={x(Math.min(amount, top.amount))}
          x2={x(Math.min(amount, top.amount))}
          y1="0"
          y2={hgt}
          stroke="#c0392b"
        />
      )}
    </svg>
  );
}

function effectText(guide: LeverGuide, effect: number): string {
  return guide.effect === "designLevels" ? num(effect, 2) : pct(effect);
}

function Guides({ view, orders, scenario, rules }: ForecastProps) {
  const spent = new Map<OrderType, number>();
  for (const o of orders) if ("amount" in o) spent.set(o.type, (spent.get(o.type) ?? 0) + o.amount);
  const guides = [...spent.keys()]
    .map((type) => rules.leverGuide(view, type, scenario))
    .filter((g): g is LeverGuide => g !== null);
  if (guides.length === 0) return <p class="hint">{t("forecast.guideNone")}</p>;
  return (
    <ul class="forecast-guides">
      {guides.map((g) => {
        const amount = spent.get(g.type) ?? 0;
        const at = g.points.reduce((best, p) =>
          Math.abs(p.amount - amount) < Math.abs(best.amount - amount) ? p : best,
        );
        return (
          <li data-lever={g.type}>
            <strong>{t(`levers.${g.type}.name`)}</strong> <GuideCurve guide={g} amount={amount} />
            <br />
            <small>
              {t("forecast.guideText", {
                half: money(g.halfAt),
                max: money(g.sensibleMax),
                effect: t(`forecast.effect.${g.effect}`),
                now: effectText(g, amount > (g.points.at(-1)?.amount ?? 0) ? g.fullEffect : at.effect),
              })}
              {amount > g.sensibleMax * 1.05 && (
                <span class="forecast-waste"> {t("forecast.waste", { max: money(g.sensibleMax) })}</span>
              )}
            </small>
          </li>
        );
      })}
    </ul>
  );
}

export function ForecastView(props: ForecastProps) {
  const { view, orders, scenario, rules } = props;
  const f: DraftForecast = rules.forecastDraft(view, orders, scenario);
  if (!f.ok)
    return (
      <section class="card forecast" id="forecast" aria-labelledby="forecast-title">
        <h3 id="forecast-title">{t("forecast.title")}</h3>
        <p role="status">{t("forecast.refused")}</p>
      </section>
    );
  const endLead = f.lead.at(-1)!;
  const idleLead = f.leadIfIdle.at(-1)!;
  const endLabel = turnLabel(endLead.label);
  return (
    <section class="card forecast" id="forecast" aria-labelledby="forecast-title">
      <h3 id="forecast-title">{t("forecast.title")}</h3>
      <div class="forecast-cols">
        <Outlook o={f.next} heading={t("forecast.next")} />
        <Outlook o={f.end} heading={t("forecast.end", { label: endLabel })} />
      </div>
      <h4>{t("forecast.lead")}</h4>
      <p id="forecast-lead">
        {t("forecast.leadBand", {
          lead: num(endLead.lead, 1),
          low: num(endLead.low, 1),
          high: num(endLead.high, 1),
          label: endLabel,
        })}{" "}
        {t("forecast.vsIdle", { delta: signed(endLead.lead - idleLead.lead) })}
      </p>
      <LeadChart lead={f.lead} idle={f.leadIfIdle} threshold={view.scenario.victoryLeadMonths} />
      <p class="hint">{t("forecast.legend")}</p>
      <h4>{t("forecast.guide")}</h4>
      <Guides {...props} />
      <p class="hint">{t("forecast.note")}</p>
    </section>
  );
}

/** Draws a forecast into `el`; `update` redraws it with new props, `destroy` empties `el`. */
export function mountForecast(
  el: HTMLElement,
  props: ForecastProps,
): { update(props: ForecastProps): void; destroy(): void } {
  render(<ForecastView {...props} />, el);
  return {
    update: (next) => render(<ForecastView {...next} />, el),
    destroy: () => render(null, el),
  };
}

type V = DeepReadonly<View>;

function Dock({ props, language }: { props: Signal<ForecastProps | null>; language: Signal<number> }) {
  const p = props.value;
  // Read so that a language switch draws the forecast again in the new language.
  void language.value;
  return p ? <ForecastView {...p} /> : null;
}

/**
 * The match screen's hook: `update(view, orders)` with the side's view and shared draft redraws the forecast
 * (nothing for spectators, the facilitator or an ended match).
 */
export function forecastDock(code: () => string): {
  root: HTMLElement;
  update(view: V, orders: readonly unknown[]): void;
} {
  const root = document.createElement("div");
  root.className = "forecast-dock";
  const props = signal<ForecastProps | null>(null);
  const language = signal(0);
  onLanguageChange(() => (language.value += 1));
  render(<Dock props={props} language={language} />, root);
  let loading: Promise<[Scenario, Rules]> | null = null;
  let latest = 0;
  return {
    root,
    update(view, orders) {
      if ((view.viewer !== "us" && view.viewer !== "china") || view.phase === "ended") {
        props.value = null;
        return;
      }
      loading ??= Promise.all([matchScenario(code()), import("../../../shared/rules/forecast.ts")]);
      const ticket = ++latest;
      void loading.then(
        ([scenario, rules]) => {
          if (ticket !== latest) return;
          props.value = { view: view as DeepReadonly<SideView>, orders: orders as Order[], scenario, rules };
        },
        () => (loading = null),
      );
    },
  };
}
