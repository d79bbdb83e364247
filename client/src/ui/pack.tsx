/**
 * The debrief pack of a workshop: the class summary (the rooms side by side) and one printed page or more per
 * room (outcome, the lead over the years, turning points, each side's decisions by turn, the sources used),
 * then the scenario's numbers with their sources. It is a print-styled page (pack.css) that the browser
 * prints or saves as PDF, in the language the console is set to. A finished room shows everything its export
 * holds; a room still playing shows only what every spectator sees, and says so.
 */
import type { ReadonlySignal } from "@preact/signals";
import type { ComponentChildren } from "preact";
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { judgedLeadOf, winnerAt } from "../../../shared/rules/outcome.ts";
import type { DeepReadonly, GameEvent, Order, Side } from "../../../shared/rules/index.ts";
import { compact, language, money, num, t } from "../i18n.ts";
import type { ScenarioInfo, ScenarioSource } from "../../../shared/api.ts";
import { fetchJson } from "../net.ts";
import { eventText } from "./events.ts";
import { ChartFigure, roomStyle } from "./pack-charts.tsx";
import {
  cardById,
  cardsDrawn,
  decisionsByTurn,
  finalSpending,
  leadSeries,
  type MatchExport,
  type PackRoom,
  type PublicRoom,
  sameSeed,
  SPENDING_CATEGORIES,
  spendingByCategory,
  turningPoints,
} from "./pack-data.ts";
import { PALETTE } from "./palette.ts";
import "./pack.css";

export type PackMode = "pack" | "summary";

const SIDES: Side[] = ["us", "china"];
const CATEGORY_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9"];

/** A signed number rounded first, so that a tiny fall shows as "0.0", never "-0.0". */
function signed(x: number): string {
  const rounded = Math.round(x * 10) / 10;
  return rounded > 0 ? `+${num(rounded, 1)}` : num(rounded === 0 ? 0 : rounded, 1);
}

/** One order in words: the lever, its target and its amount. */
export function orderLine(order: DeepReadonly<Order>): string {
  const o = order as Readonly<Record<string, string | number>> & { type: string };
  const parts = [t(`levers.${o.type}.name`)];
  for (const field of ["level", "host", "chipType", "source"])
    if (typeof o[field] === "string") parts.push(t(`choices.${field}.${o[field]}`));
  const amount = (field: string) => (typeof o[field] === "number" ? (o[field] as number) : undefined);
  const amounts: [string, (x: number) => string][] = [
    ["amount", (x) => money(x)],
    ["h100e", (x) => `${compact(x)} H100e`],
    ["gw", (x) => `${num(x, 2)} GW`],
    ["wafersPerMonth", (x) => `${compact(x)} ${t("units.wafers/month")}`],
    ["stacksPerTurn", (x) => `${compact(x)} ${t("units.HBM stacks/turn")}`],
    ["rate", (x) => `${num(x * 100, 0)}%`],
  ];
  for (const [field, show] of amounts) {
    const x = amount(field);
    if (x !== undefined) parts.push(show(x));
  }
  return parts.join(" · ");
}

type Titles = Record<string, { en: string; de: string }>;

function scenarioTitle(titles: Titles, id: string): string {
  return titles[id]?.[language()] ?? id;
}

// --- the class summary ------------------------------------------------------------------------------------

interface RoomLine {
  code: string;
  finished: boolean;
  turn: number;
  turns: number;
  judged: number | null;
  threshold: number | null;
  last: number | null;
  winner: Side | null;
  spent: Record<Side, number> | null;
}

function roomLine(room: PackRoom): RoomLine {
  if (room.kind === "finished") {
    const o = room.match.outcome;
    return {
      code: room.code,
      finished: true,
      turn: room.match.history.length - 1,
      turns: room.match.history.length - 1,
      judged: o.leadMonths,
      threshold: o.thresholdMonths,
      last: o.currentLeadMonths,
      winner: o.winner,
      spent: { us: o.scores.us.spent, china: o.scores.china.spent },
    };
  }
  if (room.kind === "playing") {
    const r = room.room;
    // The lead is public, so the judged lead so far (a rule of the game) may be shown for a running room.
    const judged = judgedLeadOf(
      r.history.map((row) => row.leadMonths),
      r.judgedTurns,
    );
    return {
      code: room.code,
      finished: false,
      turn: r.turn,
      turns: r.turns,
      judged,
      threshold: r.victoryLeadMonths,
      last: r.history.at(-1)?.leadMonths ?? null,
      winner: winnerAt(judged, r.victoryLeadMonths),
      spent: null,
    };
  }
  return {
    code: room.code,
    finished: false,
    turn: 0,
    turns: 0,
    judged: null,
    threshold: null,
    last: null,
    winner: null,
    spent: null,
  };
}

function statusText(line: RoomLine, room: PackRoom): string {
  if (line.finished) return t("pack.summary.finished");
  if (room.kind === "playing") return t("pack.summary.playing", { turn: line.turn + 1, turns: line.turns });
  return t("pack.noData");
}

/** A history row's label in the reader's language (the row before the first turn is "start"). */
function rowLabel(label: string): string {
  return label === "start" ? t("pack.start") : label;
}

/** The rooms side by side. `titled` gives it a heading of its own (in the pack, below the pack's title). */
function ClassSummary({ rooms, titled }: { rooms: readonly PackRoom[]; titled: boolean }) {
  const lines = rooms.map(roomLine);
  const threshold = lines.find((l) => l.threshold !== null)?.threshold ?? null;
  const leads = leadSeries(rooms);
  const finished = rooms.filter((r): r is Extract<PackRoom, { kind: "finished" }> => r.kind === "finished");
  const same = sameSeed(rooms);
  const withLead = lines.filter((l) => l.judged !== null);
  return (
    <section
      class="pack-summary"
      id="pack-summary"
      aria-labelledby={titled ? "pack-summary-heading" : "pack-heading"}
    >
      {titled && <h2 id="pack-summary-heading">{t("pack.summary.heading")}</h2>}
      <p>{t("pack.summary.intro")}</p>
      {same !== null && (
        <p id="pack-luck">{same ? t("pack.summary.sameLuck") : t("pack.summary.otherLuck")}</p>
      )}
      <table class="pack-table" id="pack-summary-table">
        <thead>
          <tr>
            <th scope="col">{t("workshop.table.room")}</th>
            <th scope="col">{t("pack.summary.status")}</th>
            <th scope="col">{t("workshop.table.winner")}</th>
            <th scope="col">{t("pack.summary.judged")}</th>
            <th scope="col">{t("pack.summary.last")}</th>
            <th scope="col">{`${t("debrief.spent")} (${t("sides.us")})`}</th>
            <th scope="col">{`${t("debrief.spent")} (${t("sides.china")})`}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => (
            <tr key={l.code}>
              <th scope="row">{l.code}</th>
              <td>{statusText(l, rooms[i]!)}</td>
              <td>
                {l.winner === null
                  ? "–"
                  : l.finished
                    ? t(`sides.${l.winner}`)
                    : t("pack.summary.wouldWin", { side: t(`sides.${l.winner}`) })}
              </td>
              <td>{l.judged === null ? "–" : `${num(l.judged, 1)} / ${num(l.threshold ?? 0, 1)}`}</td>
              <td>{l.last === null ? "–" : num(l.last, 1)}</td>
              <td>{l.spent ? money(l.spent.us) : t("pack.hidden")}</td>
              <td>{l.spent ? money(l.spent.china) : t("pack.hidden")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {leads.series.length > 0 && (
        <ChartFigure
          id="pack-chart-leads"
          title={t("pack.summary.leadsChart")}
          summary={leads.series
            .map((s) => `${s.code}: ${num(s.leads.filter((x) => x !== null).at(-1) ?? 0, 1)}`)
            .join("; ")}
          height={300}
          config={{
            type: "line",
            data: {
              labels: leads.labels.map(rowLabel),
              datasets: [
                ...leads.series.map((s, i) => ({
                  label: s.code,
                  data: s.leads,
                  borderColor: roomStyle(i).color,
                  backgroundColor: roomStyle(i).color,
                  borderDash: roomStyle(i).dash,
                  pointRadius: 2,
                  tension: 0.2,
                })),
                ...(threshold === null
                  ? []
                  : [
                      {
                        label: t("charts.threshold"),
                        data: leads.labels.map(() => threshold),
                        borderColor: PALETTE.neutral,
                        backgroundColor: PALETTE.neutral,
                        borderDash: [2, 4],
                        pointRadius: 0,
                      },
                    ]),
              ],
            },
            options: {},
          }}
        />
      )}
      {withLead.length > 0 && (
        <ChartFigure
          id="pack-chart-judged"
          title={t("pack.summary.judgedChart")}
          summary={withLead
            .map((l) => `${l.code}: ${num(l.judged ?? 0, 1)} (${l.winner ? t(`sides.${l.winner}`) : ""})`)
            .join("; ")}
          config={{
            type: "bar",
            data: {
              labels: withLead.map((l) => (l.finished ? l.code : `${l.code}*`)),
              datasets: [
                {
                  label: t("pack.summary.judged"),
                  data: withLead.map((l) => l.judged ?? 0),
                  backgroundColor: withLead.map((l) => (l.winner === "china" ? PALETTE.china : PALETTE.us)),
                },
                ...(threshold === null
                  ? []
                  : [
                      {
                        type: "line" as const,
                        label: t("charts.threshold"),
                        data: withLead.map(() => threshold),
                        borderColor: PALETTE.neutral,
                        backgroundColor: PALETTE.neutral,
                        borderDash: [2, 4],
                        pointRadius: 0,
                      },
                    ]),
              ],
            },
            options: { plugins: { legend: { display: false } } },
          }}
        />
      )}
      {withLead.some((l) => !l.finished) && <p class="pack-note">{t("pack.summary.runningNote")}</p>}
      {finished.length > 0 &&
        SIDES.map((side) => {
          const bySide = finished.map((r) => spendingByCategory(finalSpending(r.match, side)));
          return (
            <ChartFigure
              key={side}
              id={`pack-chart-spending-${side}`}
              title={t("pack.summary.spendingChart", { side: t(`sides.${side}`) })}
              summary={finished
                .map((r, i) => `${r.code}: ${money(Object.values(bySide[i]!).reduce((a, b) => a + b, 0))}`)
                .join("; ")}
              config={{
                type: "bar",
                data: {
                  labels: finished.map((r) => r.code),
                  datasets: SPENDING_CATEGORIES.map((c, k) => ({
                    label: t(`pack.category.${c}`),
                    data: bySide.map((s) => s[c]),
                    backgroundColor: CATEGORY_COLOURS[k],
                  })),
                },
                options: { scales: { x: { stacked: true }, y: { stacked: true } } },
              }}
            />
          );
        })}
      {finished.length < rooms.length && <p class="pack-note">{t("pack.summary.spendingNote")}</p>}
    </section>
  );
}

// --- one room ---------------------------------------------------------------------------------------------

function LeadChart({
  code,
  history,
  threshold,
}: {
  code: string;
  history: readonly { label: string; leadMonths: number }[];
  threshold: number;
}) {
  return (
    <ChartFigure
      title={t("pack.leadChart")}
      summary={history.map((r) => `${rowLabel(r.label)} ${num(r.leadMonths, 1)}`).join("; ")}
      id={`pack-lead-${code}`}
      config={{
        type: "line",
        data: {
          labels: history.map((r) => rowLabel(r.label)),
          datasets: [
            {
              label: t("match.lead"),
              data: history.map((r) => r.leadMonths),
              borderColor: PALETTE.us,
              backgroundColor: PALETTE.us,
              pointRadius: 2,
              tension: 0.2,
            },
            {
              label: t("charts.threshold"),
              data: history.map(() => threshold),
              borderColor: PALETTE.neutral,
              backgroundColor: PALETTE.neutral,
              borderDash: [6, 4],
              pointRadius: 0,
            },
          ],
        },
        options: {},
      }}
    />
  );
}

/** The turns where the lead moved most, each with what happened in public that turn. */
function TurningPoints({
  history,
  events,
}: {
  history: readonly { turn: number; label: string; leadMonths: number }[];
  events: readonly DeepReadonly<GameEvent>[];
}) {
  const points = turningPoints(history);
  if (points.length === 0) return <p>{t("pack.noTurns")}</p>;
  return (
    <ul class="pack-turning">
      {points.map((p) => {
        const said = events
          .filter((e) => e.turn === p.turn && e.audience === "public")
          .map((e) => eventText(e))
          .map((x) => x.title || x.body)
          .filter(Boolean);
        return (
          <li key={p.turn}>
            {t("debrief.turningPoint", { label: p.label, delta: signed(p.delta) })}
            {said.length > 0 && (
              <span class="pack-said">{` ${t("pack.thatTurn")} ${said.slice(0, 4).join("; ")}`}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function Orders({ orders }: { orders: readonly DeepReadonly<Order>[] }) {
  if (orders.length === 0) return <span class="pack-muted">{t("pack.noOrders")}</span>;
  return (
    <ul>
      {orders.map((o, i) => (
        <li key={i}>{orderLine(o)}</li>
      ))}
    </ul>
  );
}

function Decisions({ match }: { match: MatchExport }) {
  const turns = decisionsByTurn(match.actions, match.history);
  return (
    <table class="pack-table pack-decisions">
      <caption>{t("pack.decisions")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("pack.turn")}</th>
          <th scope="col">{t("sides.us")}</th>
          <th scope="col">{t("sides.china")}</th>
        </tr>
      </thead>
      <tbody>
        {turns.map((d) => (
          <tr key={d.turn}>
            <th scope="row">
              {d.label}
              {d.injected.map((id) => (
                <div key={id} class="pack-injected">
                  {t("pack.injected", { title: cardById(id)?.title[language()] ?? id })}
                </div>
              ))}
            </th>
            <td>
              <Orders orders={d.orders.us} />
            </td>
            <td>
              <Orders orders={d.orders.china} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CardSources({ events }: { events: readonly DeepReadonly<GameEvent>[] }) {
  const cards = cardsDrawn(events);
  return (
    <>
      <h3>{t("pack.sources")}</h3>
      {cards.length === 0 ? (
        <p>{t("pack.noCards")}</p>
      ) : (
        <ul class="pack-sources">
          {cards.map((c) => (
            <li key={c.id}>
              <strong>{c.title[language()]}</strong>
              {`: ${c.echo} (${c.source})`}
            </li>
          ))}
        </ul>
      )}
      <p class="pack-note">{t("pack.sourcesNote")}</p>
    </>
  );
}

function Outcome({ match }: { match: MatchExport }) {
  const o = match.outcome;
  return (
    <>
      <p class={`verdict ${o.winner}`}>{t(`debrief.winner.${o.winner}`)}</p>
      {o.endedEarlyAt && (
        <p>
          {t(o.leadMonths >= o.thresholdMonths ? "debrief.endedEarlyAbove" : "debrief.endedEarlyBelow", {
            label: o.endedEarlyAt,
            lead: num(o.leadMonths, 1),
            threshold: num(o.thresholdMonths, 2),
          })}
        </p>
      )}
      <p>{t("debrief.margin", { lead: num(o.leadMonths, 1), threshold: num(o.thresholdMonths, 2) })}</p>
      <table class="pack-table pack-scores">
        <thead>
          <tr>
            <td />
            <th scope="col">{t("sides.us")}</th>
            <th scope="col">{t("sides.china")}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t("debrief.spent")}</th>
            <td>{money(o.scores.us.spent)}</td>
            <td>{money(o.scores.china.spent)}</td>
          </tr>
          <tr>
            <th scope="row">{t("debrief.energy")}</th>
            <td>{`${num(o.scores.us.energyTWh, 0)} TWh`}</td>
            <td>{`${num(o.scores.china.energyTWh, 0)} TWh`}</td>
          </tr>
          <tr>
            <th scope="row">{t("debrief.emissions")}</th>
            <td>{`${num(o.scores.us.emissionsMt, 0)} Mt CO2`}</td>
            <td>{`${num(o.scores.china.emissionsMt, 0)} Mt CO2`}</td>
          </tr>
        </tbody>
      </table>
      <p>{t("debrief.peakTension", { n: num(o.peakTension, 0) })}</p>
    </>
  );
}

function PublicEvents({ room }: { room: PublicRoom }) {
  const cards = room.events.filter((e) => e.key.startsWith("event."));
  return (
    <>
      <h3>{t("pack.publicEvents")}</h3>
      {cards.length === 0 ? (
        <p>{t("pack.noCards")}</p>
      ) : (
        <ul>
          {cards.map((e, i) => (
            <li
              key={i}
            >{`${room.history.find((r) => r.turn === e.turn)?.label ?? ""} ${eventText(e).title}`}</li>
          ))}
        </ul>
      )}
    </>
  );
}

function RoomPage({ room, titles }: { room: PackRoom; titles: Titles }) {
  const heading = `pack-room-${room.code}`;
  let body: ComponentChildren;
  if (room.kind === "finished") {
    const m = room.match;
    body = (
      <>
        <p class="pack-muted">
          {t("pack.scenario", { title: scenarioTitle(titles, m.scenario), seed: m.seed })}
        </p>
        <h3>{t("pack.outcome")}</h3>
        <Outcome match={m} />
        <LeadChart code={room.code} history={m.history} threshold={m.outcome.thresholdMonths} />
        <h3>{t("debrief.turningPoints")}</h3>
        <TurningPoints history={m.history} events={m.events} />
        <Decisions match={m} />
        <CardSources events={m.events} />
      </>
    );
  } else if (room.kind === "playing") {
    const r = room.room;
    body = (
      <>
        <p class="pack-unfinished">
          {t("pack.unfinished", { turn: r.turn + 1, turns: r.turns, label: r.label })}
        </p>
        <p class="pack-muted">
          {t("pack.scenario", { title: scenarioTitle(titles, r.scenario), seed: "–" })}
        </p>
        <LeadChart code={room.code} history={r.history} threshold={r.victoryLeadMonths} />
        <h3>{t("debrief.turningPoints")}</h3>
        <TurningPoints history={r.history} events={r.events} />
        <PublicEvents room={r} />
      </>
    );
  } else
    body = (
      <p class="pack-unfinished">
        {room.problem ? `${t("pack.noData")} (${room.problem})` : t("pack.noData")}
      </p>
    );
  return (
    <section class="pack-room" id={`pack-${room.code}`} aria-labelledby={heading}>
      <h2 id={heading}>{t("pack.room", { code: room.code })}</h2>
      {body}
    </section>
  );
}

/** Every number of the scenarios played, with its source and kind: once for the whole pack. */
function ScenarioSources({ ids, titles }: { ids: string[]; titles: Titles }) {
  const [rows, setRows] = useState<Record<string, ScenarioSource[]>>({});
  const wanted = ids.join(",");
  useEffect(() => {
    for (const id of ids)
      void fetchJson<ScenarioSource[]>(`/api/scenarios/${id}/sources`).then(
        (list) => setRows((held) => ({ ...held, [id]: list })),
        () => undefined,
      );
    // The list of scenarios is compared by its joined ids.
  }, [wanted]);
  return (
    <section class="pack-room pack-appendix" aria-labelledby="pack-appendix-heading">
      <h2 id="pack-appendix-heading">{t("debrief.sources")}</h2>
      <p>{t("debrief.sourcesNote")}</p>
      {ids.map((id) => (
        // Closed, the list is left out of the printout (it runs to many pages); open, it is printed.
        <details key={id} class="pack-details">
          <summary>
            {t("pack.scenarioSources", { title: scenarioTitle(titles, id) })}
            {` (${t("pack.openToPrint", { n: rows[id]?.length ?? 0 })})`}
          </summary>
          <table class="pack-table pack-numbers">
            <tbody>
              {(rows[id] ?? []).map((r) => (
                <tr key={r.path}>
                  <th scope="row">{r.path}</th>
                  <td>{String(r.value)}</td>
                  <td>{t(`debrief.kind.${r.kind}`)}</td>
                  <td>{r.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
    </section>
  );
}

interface PackProps {
  rooms: ReadonlySignal<readonly PackRoom[]>;
  mode: PackMode;
  onBack: () => void;
}

function Pack({ rooms, mode, onBack }: PackProps) {
  const [titles, setTitles] = useState<Titles>({});
  useEffect(() => {
    void fetchJson<ScenarioInfo[]>("/api/scenarios").then(
      (list) => setTitles(Object.fromEntries(list.map((s) => [s.id, s.title]))),
      () => undefined,
    );
  }, []);
  const list = rooms.value;
  const scenarios = [
    ...new Set(
      list.flatMap((r) =>
        r.kind === "finished" ? [r.match.scenario] : r.kind === "playing" ? [r.room.scenario] : [],
      ),
    ),
  ];
  const finished = list.filter((r) => r.kind === "finished").length;
  return (
    <div class={`pack pack-${mode}`} id="pack">
      <div class="pack-toolbar" role="toolbar" aria-label={t("pack.toolbar")}>
        <button type="button" class="primary" id="pack-print" onClick={() => window.print()}>
          {t("pack.print")}
        </button>
        <button type="button" id="pack-back" onClick={onBack}>
          {t("pack.back")}
        </button>
      </div>
      <header class="pack-title">
        <h1 id="pack-heading">{mode === "pack" ? t("pack.heading") : t("pack.summary.heading")}</h1>
        <p id="pack-status">{t("workshop.summary", { rooms: list.length, ended: finished })}</p>
      </header>
      {mode === "pack" && finished < list.length && <p class="pack-unfinished">{t("pack.someUnfinished")}</p>}
      <ClassSummary rooms={list} titled={mode === "pack"} />
      {mode === "pack" && (
        <>
          {list.map((room) => (
            <RoomPage key={room.code} room={room} titles={titles} />
          ))}
          {scenarios.length > 0 && <ScenarioSources ids={scenarios} titles={titles} />}
        </>
      )}
    </div>
  );
}

/** Draws the pack (or the class summary alone) into `box`; it follows `rooms` as they change. */
export function mountPack(
  box: HTMLElement,
  rooms: ReadonlySignal<readonly PackRoom[]>,
  mode: PackMode,
  onBack: () => void,
): void {
  render(<Pack rooms={rooms} mode={mode} onBack={onBack} />, box);
}

/** Takes the pack out of `box` (its charts are destroyed with it). */
export function unmountPack(box: HTMLElement): void {
  render(null, box);
}
