/**
 * The debrief at the end: the outcome, the full reveal, the turning points, where the money went, the sources
 * behind the numbers, a turn-by-turn replay from any viewpoint, and the exports.
 */
import type {
  ChinaView,
  DeepReadonly,
  FacilitatorView,
  Outcome,
  UsView,
  View,
} from "../../../shared/rules/index.ts";
import { clear, h } from "../dom.ts";
import { compact, money, num, t, turnLabel } from "../i18n.ts";
import { fetchJson } from "../net.ts";
import { renderCharts } from "./charts.ts";
import { cardEcho, eventText } from "./events.ts";

interface Replay {
  outcome: Outcome;
  turns: DeepReadonly<View>[];
}

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
      h("a", { href: `/api/matches/${code}/export.json`, download: "" }, t("debrief.exportJson")),
      " · ",
      h("a", { href: `/api/matches/${code}/export.csv`, download: "" }, t("debrief.exportCsv")),
    ),
    h("h3", {}, t("debrief.sources")),
    h("p", {}, t("debrief.sourcesNote")),
  );
  const scenarioSources = h("details", { class: "sources" }, h("summary", {}, t("debrief.scenarioSources")));
  const eventSources = h("details", { class: "sources" }, h("summary", {}, t("debrief.eventSources")));
  box.append(scenarioSources, eventSources);
  void fetchJson<{ path: string; value: number | string; source: string; kind: string }[]>(
    `/api/scenarios/${last.scenario.id}/sources`,
  ).then((rows) => {
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
              h("td", {}, String(r.value)),
              h("td", {}, t(`debrief.kind.${r.kind}`)),
              h("td", {}, r.source),
            ),
          ),
        ),
      ),
    );
  });
  void fetchJson<{ id: string; source: string; echo: string }[]>("/api/events").then((cards) => {
    eventSources.append(h("ul", {}, ...cards.map((c) => h("li", {}, cardEcho(c)))));
  });
}

/** A signed number rounded first, so that a tiny fall shows as "0.0", never "-0.0". */
function signed(x: number): string {
  const rounded = Math.round(x * 10) / 10;
  return rounded > 0 ? `+${num(rounded, 1)}` : rounded < 0 ? num(rounded, 1) : num(0, 1);
}
