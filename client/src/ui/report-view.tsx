/**
 * The turn report: after each resolved turn, why the lead moved, in the player's language. The numbers come
 * from the rules (shared/rules/report.ts), computed here from the two views this client already holds, so the
 * report can show nothing the player's views do not.
 *
 * Mount API:
 * - `mountTurnReport(el, { report })` draws one report into `el` and returns `{ update(props), destroy() }`.
 * - `reportDock(code)` is the match screen's hook: a persistent element (`root`) that, given each new view
 *   (`view(previous, next)`), computes the turn's report when a turn resolves, opens it, and keeps a button to
 *   reopen the last one. The scenario figures it needs come once from /api/matches/:code/scenario.
 */
import { render } from "preact";
import { signal, type Signal } from "@preact/signals";
import type { MatchScenario } from "../../../shared/api.ts";
import type { DeepReadonly, GameEvent, View } from "../../../shared/rules/index.ts";
import type { Contribution, ReportItem, TurnReport } from "../../../shared/rules/report.ts";
import { compact, num, onLanguageChange, t, turnLabel } from "../i18n.ts";
import { eventText } from "./events.ts";

export interface TurnReportProps {
  report: TurnReport;
  onClose?: () => void;
}

const sideName = (side: string) => (side === "us" || side === "china" ? t(`sides.${side}`) : "");

function signed(months: number): string {
  return `${months > 0 ? "+" : months < 0 ? "−" : "±"}${num(Math.abs(months), 1)}`;
}

/** The figures of a part, formatted for its sentence. */
function partParams(side: string, p: Record<string, number | string>): Record<string, string | number> {
  const n = (k: string, d: number) => (typeof p[k] === "number" ? (p[k] as number) : d);
  return {
    side: sideName(side),
    h100e: compact(n("h100e", 0)),
    before: `${num(n("before", 0) * 100, 0)}%`,
    after: `${num(n("after", 0) * 100, 0)}%`,
    factor: num(n("factor", 1), 2),
    spent: num(n("spent", 0), 1),
  };
}

function partLabel(c: Contribution): string {
  return t(`report.part.${c.key}`, partParams(c.side ?? "", c.params));
}

/**
 * One of the report's "what mattered most" items (also the debrief's causes of a turning point) in plain words,
 * from the item alone.
 */
export function itemText(item: ReportItem, events: readonly DeepReadonly<GameEvent>[] = []): string {
  const p = item.params;
  if (item.key === "top.event") {
    const e = events.find((ev) => ev.key === p.event) ?? {
      key: String(p.event),
      turn: 0,
      audience: "public",
      message: "",
    };
    const text = eventText(e as DeepReadonly<GameEvent>);
    return t("report.top.event", { title: text.title || text.body });
  }
  const months = Number(p.months ?? 0);
  const trend = Number(p.trendMonths ?? 0);
  const effect =
    Math.abs(months) >= 0.05
      ? t("report.moved", { months: signed(months) })
      : t("report.banked", { months: signed(trend) });
  return `${t(`report.part.${item.key.slice(4)}`, partParams(String(p.side ?? ""), p))}: ${effect}`;
}

/** One horizontal bar for a part: right of the axis favours the US, left favours China. */
function Bar({ months, scale }: { months: number; scale: number }) {
  const width = scale > 0 ? Math.min(50, (Math.abs(months) / scale) * 50) : 0;
  const left = months >= 0 ? 50 : 50 - width;
  return (
    <svg class="report-bar" width="120" height="12" viewBox="0 0 100 12" aria-hidden="true">
      <line x1="50" x2="50" y1="0" y2="12" stroke="currentColor" stroke-opacity="0.4" />
      <rect x={left} y="2" width={width} height="8" fill={months >= 0 ? "#2f6fb3" : "#c0392b"} />
    </svg>
  );
}

function changeText(item: ReportItem): string {
  const p = item.params;
  const host = typeof p.host === "string" ? t(`choices.host.${p.host}`) : "";
  const level = (x: unknown) => (typeof x === "string" ? t(`choices.level.${x}`) : "");
  const pct = (x: unknown) => `${num(Number(x) * 100, 0)}%`;
  switch (item.key) {
    case "change.controls":
      return t("report.change.controls", { from: level(p.from), to: level(p.to) });
    case "change.tension":
      return t("report.change.tension", { from: num(Number(p.from), 0), to: num(Number(p.to), 0) });
    case "change.hostCapacity":
      return t("report.change.hostCapacity", {
        host,
        from: num(Number(p.from), 1),
        to: num(Number(p.to), 1),
      });
    case "change.subsidy":
    case "change.permitReform":
    case "change.hostOpenness":
    case "change.hostStrictness":
      return t(`report.${item.key}`, { host, from: pct(p.from), to: pct(p.to) });
    default:
      return t(`report.${item.key}`, { host, turns: Number(p.turns ?? 0) });
  }
}

/** Parts worth a line: those that moved the lead, and the viewer's own parts that banked growth. */
function shownParts(report: TurnReport): Contribution[] {
  return report.contributions.filter(
    (c) => Math.abs(c.months) >= 0.01 || Math.abs(c.trendMonths) >= 0.05 || c.estimate !== undefined,
  );
}

export function TurnReportView({ report, onClose }: TurnReportProps) {
  const parts = shownParts(report);
  const scale = Math.max(0.1, ...parts.map((c) => Math.abs(c.months)));
  const top = report.top.map((i) => itemText(i, report.events));
  return (
    <section class="card turn-report" id="turn-report" aria-labelledby="turn-report-title" tabIndex={-1}>
      <h2 id="turn-report-title">{t("report.title", { label: turnLabel(report.label) })}</h2>
      <p class="report-lead" id="report-lead">
        {t("report.lead", {
          before: num(report.leadBefore, 1),
          after: num(report.leadAfter, 1),
          change: signed(report.leadChange),
        })}
      </p>
      {top.length > 0 && (
        <>
          <h3>{t("report.topHeading")}</h3>
          <ol class="report-top">
            {top.map((s) => (
              <li>{s}</li>
            ))}
          </ol>
        </>
      )}
      <h3>{t("report.why")}</h3>
      <p class="hint">{t("report.axis")}</p>
      <table class="report-parts">
        <tbody>
          {parts.map((c) => (
            <tr data-part={`${c.side ?? "time"}.${c.key}`}>
              <th scope="row" style="text-align:left;font-weight:normal">
                {partLabel(c)}
                {c.estimate && (
                  <small class="report-estimate">
                    <br />
                    {t("report.estimate", {
                      after: compact(c.estimate.after.estimate),
                      low: compact(c.estimate.after.low),
                      high: compact(c.estimate.after.high),
                      before: compact(c.estimate.before.estimate),
                    })}
                  </small>
                )}
              </th>
              <td>
                <Bar months={c.months} scale={scale} />
              </td>
              <td class="num">
                {signed(c.months)}
                {Math.abs(c.months) < 0.01 && Math.abs(c.trendMonths) >= 0.05 && (
                  <small>
                    <br />
                    {t("report.banked", { months: signed(c.trendMonths) })}
                  </small>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {parts.some((c) => Math.abs(c.months) < 0.01 && Math.abs(c.trendMonths) >= 0.05) && (
        <p class="hint">{t("report.bankedNote")}</p>
      )}
      <h3>{t("report.changes")}</h3>
      {report.changes.length === 0 ? (
        <p>{t("report.noChanges")}</p>
      ) : (
        <ul class="report-changes">
          {report.changes.map((c) => (
            <li>{changeText(c)}</li>
          ))}
        </ul>
      )}
      {report.events.length > 0 && (
        <details>
          <summary>{t("report.events", { n: report.events.length })}</summary>
          <ul>
            {report.events.map((e) => {
              const text = eventText(e);
              return <li>{text.title ? `${text.title}: ${text.body}` : text.body}</li>;
            })}
          </ul>
        </details>
      )}
      {onClose && (
        <button type="button" id="report-close" onClick={onClose}>
          {t("report.close")}
        </button>
      )}
    </section>
  );
}

/** Draws a report into `el`; `update` redraws it with new props, `destroy` empties `el`. */
export function mountTurnReport(
  el: HTMLElement,
  props: TurnReportProps,
): { update(props: TurnReportProps): void; destroy(): void } {
  render(<TurnReportView {...props} />, el);
  return {
    update: (next) => render(<TurnReportView {...next} />, el),
    destroy: () => render(null, el),
  };
}

const scenarios = new Map<string, Promise<MatchScenario>>();

/** The match's scenario, fetched once per code (its figures are public: they are the scenario file's). */
export function matchScenario(code: string): Promise<MatchScenario> {
  let found = scenarios.get(code);
  if (!found) {
    found = fetch(`/api/matches/${encodeURIComponent(code)}/scenario`).then((r) => {
      if (!r.ok) throw new Error(`scenario of ${code}: HTTP ${r.status}`);
      return r.json() as Promise<MatchScenario>;
    });
    scenarios.set(code, found);
  }
  return found;
}

type V = DeepReadonly<View>;

interface DockState {
  report: Signal<TurnReport | null>;
  open: Signal<boolean>;
  /** Counts language switches, so that the report is drawn again in the new language. */
  language: Signal<number>;
}

function Dock({ state }: { state: DockState }) {
  const report = state.report.value;
  void state.language.value;
  if (!report) return null;
  if (!state.open.value)
    return (
      <button
        type="button"
        id="report-reopen"
        class="report-reopen"
        onClick={() => (state.open.value = true)}
      >
        {t("report.reopen", { label: turnLabel(report.label) })}
      </button>
    );
  return <TurnReportView report={report} onClose={() => (state.open.value = false)} />;
}

/**
 * The match screen's hook: call `view(previous, next)` with each merged view; when `next` is one turn past
 * `previous`, the turn's report is computed and opened (focus moves to it), and stays one click away after.
 */
export function reportDock(code: () => string): {
  root: HTMLElement;
  view(previous: V | null, next: V): void;
} {
  const root = document.createElement("div");
  root.className = "report-dock";
  const state: DockState = { report: signal(null), open: signal(false), language: signal(0) };
  onLanguageChange(() => (state.language.value += 1));
  render(<Dock state={state} />, root);
  return {
    root,
    view(previous, next) {
      if (!previous || previous.viewer !== next.viewer) return;
      if (next.history.length !== previous.history.length + 1) return;
      void Promise.all([matchScenario(code()), import("../../../shared/rules/report.ts")]).then(
        ([scenario, rules]) => {
          state.report.value = rules.turnReport(previous, next, scenario.params);
          state.open.value = true;
          // The report takes the focus, unless the player is typing or choosing in a field: a new turn never
          // takes away what someone is entering.
          requestAnimationFrame(() => {
            const active = document.activeElement;
            if (active instanceof HTMLInputElement || active instanceof HTMLSelectElement) return;
            root.querySelector<HTMLElement>("#turn-report")?.focus();
          });
        },
        () => undefined,
      );
    },
  };
}
