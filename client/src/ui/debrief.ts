/**
 * The debrief at the end: the outcome, the full reveal, the turning points, where the money went, the sources
 * behind the numbers, a turn-by-turn replay from any viewpoint, and the exports.
 */
import type {
  Debrief,
  DecompositionGroup,
  EventCardInfo,
  ForkResponse,
  ApiError,
  Replay,
  ScenarioSource,
} from "../../../shared/api.ts";
import type {
  ChinaView,
  DeepReadonly,
  FacilitatorView,
  Outcome,
  UsView,
  View,
} from "../../../shared/rules/index.ts";
import { clear, h } from "../dom.ts";
import { compact, language, money, num, t, turnLabel } from "../i18n.ts";
import { scenarioSourceDe } from "../locales/scenario-sources-de.ts";
import { fetchJson } from "../net.ts";
import { renderCharts } from "./charts.ts";
import { cardEcho, eventText } from "./events.ts";
import { itemText } from "./report-view.tsx";
import { joinUrl } from "../net.ts";
import { exportFileName } from "../../../server/export.ts";

export function renderDebrief(box: HTMLElement, v: DeepReadonly<View>, code: string): void {
  clear(box);
  box.append(h("p", {}, "…"));
  void fetchJson<Replay>(`/api/matches/${code}/replay?viewer=facilitator`).then(
    (replay) => show(box, replay, code),
    () => {
      clear(box);
      box.append(h("h2", {}, t("debrief.heading")), h("p", {}, t("match.ended")));
      renderCharts(box, v);
    },
  );
}

function show(box: HTMLElement, replay: Replay, code: string): void {
  clear(box);
  const o = replay.outcome;
  const last = replay.turns.at(-1) as DeepReadonly<FacilitatorView>;
  box.append(
    h("h2", { id: "debrief-heading" }, t("debrief.heading")),
    h("p", { class: `verdict ${o.winner}`, id: "verdict" }, t(`debrief.winner.${o.winner}`)),
    o.endedEarlyAt
      ? h(
          "p",
          { id: "ended-early" },
          t(o.leadMonths >= o.thresholdMonths ? "debrief.endedEarlyAbove" : "debrief.endedEarlyBelow", {
            label: turnLabel(o.endedEarlyAt),
            lead: num(o.leadMonths, 1),
            threshold: num(o.thresholdMonths, 2),
          }),
        )
      : "",
    h("p", {}, t("debrief.margin", { lead: num(o.leadMonths, 1), threshold: num(o.thresholdMonths, 2) })),
  );
  // Secondary scores.
  const table = h(
    "table",
    { class: "scores" },
    h("caption", {}, t("debrief.scores")),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, ""),
        h("th", { scope: "col" }, t("sides.us")),
        h("th", { scope: "col" }, t("sides.china")),
      ),
    ),
  );
  const row = (label: string, f: (s: Outcome["scores"]["us"]) => string) =>
    h(
      "tr",
      {},
      h("th", { scope: "row" }, label),
      h("td", {}, f(o.scores.us)),
      h("td", {}, f(o.scores.china)),
    );
  table.append(
    h(
      "tbody",
      {},
      row(t("debrief.spent"), (s) => money(s.spent)),
      row(t("debrief.energy"), (s) => `${num(s.energyTWh, 0)} TWh`),
      row(t("debrief.emissions"), (s) => `${num(s.emissionsMt, 0)} Mt CO2`),
    ),
  );
  box.append(table, h("p", {}, t("debrief.peakTension", { n: num(o.peakTension, 0) })));
  // Turning points: the turns where the lead moved most.
  const rows = last.fullHistory;
  const moves = rows.slice(1).map((r, i) => ({
    label: turnLabel(r.label),
    delta: r.leadMonths - (rows[i]?.leadMonths ?? r.leadMonths),
  }));
  moves.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
  box.append(
    h("h3", {}, t("debrief.turningPoints")),
    h(
      "ul",
      {},
      ...moves
        .slice(0, 3)
        .map((m) => h("li", {}, t("debrief.turningPoint", { label: m.label, delta: signed(m.delta) }))),
    ),
  );
  // Where the money went, by lever and side.
  const spend = (side: "us" | "china") =>
    Object.entries(last[side].spentByLever)
      .filter(([, v]) => v > 0)
      .sort((a, b) => b[1] - a[1]);
  box.append(h("h3", {}, t("debrief.levers")));
  for (const side of ["us", "china"] as const) {
    box.append(
      h("h4", {}, t(`sides.${side}`)),
      h(
        "ul",
        {},
        ...(spend(side).length === 0
          ? [h("li", {}, t("debrief.nothingSpent"))]
          : spend(side).map(([lever, amount]) =>
              h("li", {}, `${t(`levers.${lever}.name`)}: ${money(amount)}`),
            )),
      ),
    );
  }
  box.append(
    h("h3", {}, t("debrief.reveal")),
    h(
      "p",
      {},
      `${t("sides.us")}: ${compact(last.us.last.homeH100e)} H100e · ${t("sides.china")}: ${compact(last.china.last.homeH100e)} + ${compact(last.china.last.leasedH100e)} H100e`,
    ),
  );
  // Why it ended this way: the server's counterfactual replays (loaded apart: they cost a moment).
  const causal = h("section", { class: "causal", id: "causal-debrief", "aria-live": "polite" });
  box.append(causal);
  renderCausal(causal, code, replay.turns);
  // Charts over the whole match (facilitator view: both sides).
  const charts = h("div", { class: "charts" });
  box.append(charts);
  renderCharts(charts, last);
  // Replay turn by turn.
  const viewer = h("select", { id: "replay-viewer" }) as HTMLSelectElement;
  for (const r of ["facilitator", "us", "china", "spectator"])
    viewer.append(h("option", { value: r }, t(`roles.${r}`)));
  const slider = h("input", {
    type: "range",
    id: "replay-turn",
    min: 0,
    max: replay.turns.length - 1,
    value: replay.turns.length - 1,
  }) as HTMLInputElement;
  const frame = h("div", { class: "replay-frame", "aria-live": "polite" });
  let turns = replay.turns;
  const draw = () => {
    const s = turns[Number(slider.value)];
    if (!s) return;
    const lines = [
      `${turnLabel(s.label)}: ${t("match.lead")} ${num(s.leadMonths, 1)} · ${t("match.tension")} ${num(s.tension, 0)} · ${t(`choices.level.${s.exportControlLevel}`)}`,
      `${t("match.capability")}: ${t("sides.us")} ${num(s.capability.us, 2)} · ${t("sides.china")} ${num(s.capability.china, 2)}`,
    ];
    // What this viewer knew of compute at that point: its own fleet exactly, or both for the full view.
    const sides =
      s.viewer === "facilitator"
        ? (["us", "china"] as const)
        : s.viewer === "us" || s.viewer === "china"
          ? [s.viewer]
          : [];
    for (const side of sides) {
      const own = s.viewer === "facilitator" ? s[side] : (s as DeepReadonly<UsView | ChinaView>).own;
      lines.push(
        `${t(`sides.${side}`)}: ${t("match.home")} ${compact(own.last.homeH100e)} H100e · ${t("match.abroad")} ${compact(own.last.leasedH100e)} · ${t("match.power")} ${num(own.last.availableGW, 1)} GW`,
      );
    }
    const events = s.events.filter((e) => e.turn === s.turn - 1 && e.key.startsWith("event."));
    for (const e of events) lines.push(eventText(e).title);
    frame.replaceChildren(...lines.map((line) => h("p", {}, line)));
  };
  viewer.addEventListener("change", () => {
    void fetchJson<Replay>(`/api/matches/${code}/replay?viewer=${viewer.value}`).then((r) => {
      turns = r.turns;
      draw();
    });
  });
  slider.addEventListener("input", draw);
  draw();
  box.append(
    h("h3", {}, t("debrief.replay")),
    h(
      "div",
      { class: "row" },
      h("label", { for: "replay-viewer" }, t("debrief.viewAs")),
      viewer,
      h("label", { for: "replay-turn", class: "visually-hidden" }, t("debrief.replay")),
      slider,
    ),
    frame,
    h(
      "p",
      {},
      h(
        "a",
        { href: `/api/matches/${code}/export.json`, download: exportFileName(code, "json") },
        t("debrief.exportJson"),
      ),
      " · ",
      h(
        "a",
        { href: `/api/matches/${code}/export.csv`, download: exportFileName(code, "csv") },
        t("debrief.exportCsv"),
      ),
    ),
    h("h3", {}, t("debrief.sources")),
    h("p", {}, t("debrief.sourcesNote")),
  );
  const scenarioSources = h("details", { class: "sources" }, h("summary", {}, t("debrief.scenarioSources")));
  const eventSources = h("details", { class: "sources" }, h("summary", {}, t("debrief.eventSources")));
  box.append(scenarioSources, eventSources);
  void fetchJson<ScenarioSource[]>(`/api/scenarios/${last.scenario.id}/sources`).then((rows) => {
    scenarioSources.append(
      h(
        "table",
        { class: "scores" },
        h(
          "tbody",
          {},
          ...rows.map((r) =>
            h(
              "tr",
              {},
              h("th", { scope: "row" }, r.path),
              h("td", {}, sourcedValue(r.value)),
              h("td", {}, t(`debrief.kind.${r.kind}`)),
              h("td", {}, sourceText(r.path, r.source)),
            ),
          ),
        ),
      ),
    );
  });
  void fetchJson<EventCardInfo[]>("/api/events").then((cards) => {
    eventSources.append(h("ul", {}, ...cards.map((c) => h("li", {}, cardEcho(c)))));
  });
}

/** A scenario number as the table shows it: in the reader's number format, the only named value (an export-control level) in their words. */
function sourcedValue(value: number | string): string {
  return typeof value === "number" ? num(value, 6) : t(`choices.level.${value}`);
}

/** A scenario number's source in the reader's language (English where no German text matches it). */
function sourceText(path: string, english: string): string {
  return (language() === "de" && scenarioSourceDe(path, english)) || english;
}

/** A signed number rounded first, so that a tiny fall shows as "0.0", never "-0.0". */
function signed(x: number): string {
  const rounded = Math.round(x * 10) / 10;
  return rounded > 0 ? `+${num(rounded, 1)}` : rounded < 0 ? num(rounded, 1) : num(0, 1);
}

const GROUP_COLOURS: Record<DecompositionGroup, string> = {
  turnPassed: "#9e9e9e",
  "us.compute": "#1f4e89",
  "us.power": "#4f86c6",
  "us.algorithms": "#a9c8ec",
  "china.compute": "#8e1b10",
  "china.power": "#d9534f",
  "china.algorithms": "#f2b8b5",
  other: "#d4c27a",
};

const SVG = "http://www.w3.org/2000/svg";
function svg(tag: string, attrs: Record<string, string | number>): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** The lead's change each turn, stacked by cause (above the axis for the US, below for China). */
function decompositionChart(d: Debrief): Element {
  const w = 560;
  const hgt = 200;
  const rows = d.decomposition;
  let top = 1;
  let bottom = -1;
  for (const r of rows) {
    let up = 0;
    let down = 0;
    for (const v of Object.values(r.parts))
      if (v > 0) up += v;
      else down += v;
    top = Math.max(top, up);
    bottom = Math.min(bottom, down);
  }
  const y = (v: number) => 10 + ((top - v) / (top - bottom)) * (hgt - 30);
  const bw = (w - 20) / Math.max(1, rows.length);
  const chart = svg("svg", {
    width: w,
    height: hgt,
    viewBox: `0 0 ${w} ${hgt}`,
    role: "img",
    "aria-label": t("report.causal.chart"),
    class: "decomposition",
  });
  chart.append(svg("line", { x1: 10, x2: w - 10, y1: y(0), y2: y(0), stroke: "#666" }));
  rows.forEach((r, i) => {
    let up = 0;
    let down = 0;
    for (const [group, v] of Object.entries(r.parts) as [DecompositionGroup, number][]) {
      if (Math.abs(v) < 1e-6) continue;
      const from = v > 0 ? up : down;
      const to = from + v;
      if (v > 0) up = to;
      else down = to;
      const rect = svg("rect", {
        x: 10 + i * bw + 2,
        width: bw - 4,
        y: Math.min(y(from), y(to)),
        height: Math.abs(y(from) - y(to)),
        fill: GROUP_COLOURS[group],
      });
      const title = svg("title", {});
      title.textContent = `${turnLabel(r.label)}: ${t(`report.causal.group.${group}`)} ${signed(v)}`;
      rect.append(title);
      chart.append(rect);
    }
    if (i % 2 === 0) {
      const label = svg("text", {
        x: 10 + i * bw + bw / 2,
        y: hgt - 4,
        "font-size": 10,
        "text-anchor": "middle",
      });
      label.textContent = r.label.slice(0, 4);
      chart.append(label);
    }
  });
  return chart;
}

/** The original's and the branch's lead over the years. */
function branchChart(branch: NonNullable<Debrief["branch"]>): Element {
  const w = 560;
  const hgt = 160;
  const all = branch.leads.flatMap((r) => [r.original, r.branch]).filter((v): v is number => v !== null);
  const lo = Math.min(0, ...all);
  const hi = Math.max(1, ...all);
  const x = (i: number) => 10 + (i / Math.max(1, branch.leads.length - 1)) * (w - 20);
  const y = (v: number) => 10 + ((hi - v) / (hi - lo)) * (hgt - 20);
  const line = (pick: (r: (typeof branch.leads)[number]) => number | null, colour: string, dash: string) =>
    svg("polyline", {
      points: branch.leads
        .map((r, i) => [i, pick(r)] as const)
        .filter(([, v]) => v !== null)
        .map(([i, v]) => `${x(i)},${y(v!)}`)
        .join(" "),
      fill: "none",
      stroke: colour,
      "stroke-width": 2,
      "stroke-dasharray": dash,
    });
  const chart = svg("svg", {
    width: w,
    height: hgt,
    viewBox: `0 0 ${w} ${hgt}`,
    role: "img",
    "aria-label": t("report.causal.branchChart"),
  });
  chart.append(
    line((r) => r.original, "#666", "5 3"),
    line((r) => r.branch, "#1f4e89", ""),
  );
  return chart;
}

/** The causal debrief: lever and event attributions, turning points with causes, intelligence scores, forks. */
function renderCausal(box: HTMLElement, code: string, turns: readonly DeepReadonly<View>[]): void {
  box.append(h("h3", {}, t("report.causal.heading")), h("p", {}, "…"));
  void fetchJson<Debrief>(`/api/matches/${code}/debrief`).then(
    (d) => {
      clear(box);
      box.append(
        h("h3", {}, t("report.causal.heading")),
        h("p", { class: "hint" }, t("report.causal.method")),
      );
      const leverRows = d.levers.map((l) =>
        h(
          "tr",
          {},
          h("th", { scope: "row" }, `${t(`sides.${l.side}`)}: ${t(`levers.${l.lever}.name`)}`),
          h("td", {}, money(l.spent)),
          h(
            "td",
            {},
            t("report.causal.months", { months: signed(l.months) }),
            l.flipsWinner ? ` (${t("report.causal.flips")})` : "",
          ),
        ),
      );
      box.append(
        h(
          "table",
          { class: "scores", id: "lever-attribution" },
          h("caption", {}, t("report.causal.levers")),
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              h("th", { scope: "col" }, t("report.causal.lever")),
              h("th", { scope: "col" }, t("report.causal.spent")),
              h("th", { scope: "col" }, t("report.causal.worth")),
            ),
          ),
          h("tbody", {}, ...leverRows),
        ),
      );
      if (d.events.length > 0)
        box.append(
          h("h4", {}, t("report.causal.events")),
          h(
            "ul",
            {},
            ...d.events.map((e) =>
              h(
                "li",
                {},
                t("report.causal.event", {
                  label: turnLabel(e.label),
                  events: e.events
                    .map((key) => eventText({ key, turn: e.turn, audience: "public", message: "" }).title)
                    .join(", "),
                  months: signed(e.months),
                }),
              ),
            ),
          ),
        );
      const lastView = turns[turns.length - 1];
      box.append(
        h("h4", {}, t("report.causal.turningPoints")),
        h(
          "ul",
          { id: "causal-turning-points" },
          ...d.turningPoints.map((tp) =>
            h(
              "li",
              {},
              t("report.causal.turningPoint", { label: turnLabel(tp.label), delta: signed(tp.change) }),
              h("ul", {}, ...tp.causes.map((c) => h("li", {}, itemText(c, lastView?.events ?? [])))),
            ),
          ),
        ),
        h("h4", {}, t("report.causal.chartHeading")),
        decompositionChart(d),
        h(
          "ul",
          { class: "legend" },
          ...(Object.keys(GROUP_COLOURS) as DecompositionGroup[]).map((g) =>
            h(
              "li",
              {},
              h("span", {
                style: `display:inline-block;width:10px;height:10px;background:${GROUP_COLOURS[g]}`,
              }),
              " ",
              t(`report.causal.group.${g}`),
            ),
          ),
        ),
        h("h4", {}, t("report.causal.intel")),
        h(
          "ul",
          {},
          ...d.intel.map((s) =>
            h(
              "li",
              {},
              t("report.causal.intelScore", {
                side: t(`sides.${s.side}`),
                within: num(s.withinBand * 100, 0),
                factor: num(s.typicalFactor, 2),
                n: s.estimates,
              }),
            ),
          ),
        ),
      );
      if (d.branch)
        box.append(
          h("h4", {}, t("report.causal.branch", { code: d.branch.of, turn: d.branch.fromTurn + 1 })),
          branchChart(d.branch),
          h("p", { class: "hint" }, t("report.causal.branchLegend")),
        );
      box.append(forkForm(code, turns));
    },
    (e: unknown) => {
      clear(box);
      box.append(h("p", { role: "status" }, t("report.causal.unavailable", { reason: String(e) })));
    },
  );
}

/** Fork a new match from a turn of this one: the same seed and log up to that turn, then other orders. */
function forkForm(code: string, turns: readonly DeepReadonly<View>[]): Element {
  const select = h("select", { id: "fork-turn" }) as HTMLSelectElement;
  turns.slice(0, -1).forEach((v, i) => select.append(h("option", { value: i }, turnLabel(v.label))));
  const out = h("p", { id: "fork-result", "aria-live": "polite" });
  const button = h(
    "button",
    {
      type: "button",
      id: "fork-button",
      onclick: async () => {
        const res = await fetch(`/api/matches/${code}/fork`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ turn: Number(select.value) }),
        });
        const body = (await res.json()) as ForkResponse | ApiError;
        if (!res.ok || !("code" in body)) {
          const reason = "error" in body ? body.error : String(res.status);
          out.replaceChildren(t("report.causal.forkFailed", { reason }));
          return;
        }
        out.replaceChildren(
          t("report.causal.forked", { code: body.code }),
          " ",
          // In a new tab: the debrief stays open beside the branch, to compare them.
          h(
            "a",
            { href: joinUrl(body.code), id: "fork-link", target: "_blank", rel: "noopener" },
            joinUrl(body.code),
          ),
        );
      },
    },
    t("report.causal.fork"),
  );
  return h(
    "div",
    { class: "fork" },
    h("h4", {}, t("report.causal.forkHeading")),
    h("p", { class: "hint" }, t("report.causal.forkHelp")),
    h("div", { class: "row" }, h("label", { for: "fork-turn" }, t("report.causal.forkFrom")), select, button),
    out,
  );
}
