/**
 * The match screen: the turn bar, the map, the side's levers and shared draft, the trends, the events, the
 * facilitator's controls, and the debrief at the end. It draws what the server sends and sends intents back.
 *
 * The screen is a tree of Preact components over signals. Messages from the server only set signals; each
 * component re-renders what changed, so a new view, a patch or an injected event never clears what a player
 * is typing, never closes an open list and never moves focus. The map stays in Phaser, mounted once.
 */
import { batch, signal, useComputed, useSignal, type Signal } from "@preact/signals";
import { render } from "preact";
import { useEffect, useRef } from "preact/hooks";
import type { ClientMessages, DraftBroadcast, ErrorReply, ViewMessage } from "../../../shared/protocol.ts";
import { mergeView } from "../../../shared/view-delta.ts";
import type { Role } from "../../../shared/room.ts";
import type {
  ChinaView,
  DeepReadonly,
  FacilitatorView,
  GameEvent,
  UsView,
  View,
} from "../../../shared/rules/index.ts";
import { compact, language, money, num, t, turnLabel } from "../i18n.ts";
import { playerLabel, type Net, type RoomMeta, type Welcome } from "../net.ts";
import { Composer, describeOrder, orderCost, type DraftOrder, type LeverRequest } from "./orders.tsx";
import { cards, eventSource, eventText } from "./events.ts";
import { clipEstimate, isUnitRange, reasonText } from "./rules-text.ts";
import { Guide, GUIDE_KEY } from "./guide.tsx";
import { forecastDock } from "./forecast-view.tsx";
import { reportDock } from "./report-view.tsx";
import { seatLinksPanel } from "./seat-links.ts";

/** The panels of the screen. "orders" and "intel" are tabs of their own only on a narrow (phone) screen. */
type Tab = "orders" | "map" | "trends" | "events" | "intel" | "facilitator" | "debrief";
type SideView = DeepReadonly<UsView | ChinaView>;

/** Below this width the side panel becomes tabs of its own (phones held upright). */
const NARROW = "(max-width: 640px)";

/** Everything the server has told this screen, as signals the components read. */
interface MatchState {
  role: Signal<Role>;
  welcome: Signal<Welcome | null>;
  view: Signal<ViewMessage | null>;
  meta: Signal<RoomMeta | null>;
  draft: Signal<DraftBroadcast | null>;
  error: Signal<ErrorReply | null>;
  tab: Signal<Tab>;
  narrow: Signal<boolean>;
  lang: Signal<number>;
  now: Signal<number>;
  leverRequest: Signal<LeverRequest | null>;
  playersOpen: Signal<boolean>;
  injectedNote: Signal<string>;
  guideOpen: Signal<boolean>;
}

/** The requests of the facilitator's controls. */
type FacilitatorRequest = "start" | "pause" | "resume" | "extendTimer" | "injectEvent" | "endMatch";

interface Actions {
  sendDraft(orders: unknown[]): Promise<boolean>;
  sideRequest(type: "confirm" | "unconfirm"): Promise<void>;
  facilitator<K extends FacilitatorRequest>(type: K, payload?: ClientMessages[K]): Promise<boolean>;
  leave(): void;
  code(): string;
  facilitatorKey(): string | undefined;
  /** Panels built outside this tree (the why helper's report and forecast, the seat links), mounted as is. */
  reportRoot: HTMLElement;
  forecastRoot: HTMLElement;
  seatLinks(): HTMLElement;
}

export class MatchScreen {
  readonly root = document.createElement("section");
  private readonly s: MatchState;
  private readonly tick: number;
  private readonly onHost = (e: Event) => {
    const host = (e as CustomEvent<{ host?: unknown }>).detail?.host;
    if (typeof host !== "string") return;
    batch(() => {
      if (this.s.narrow.value) this.s.tab.value = "orders";
      this.s.leverRequest.value = { host, focus: true };
    });
  };
  private readonly media = window.matchMedia(NARROW);
  private readonly reportDock = reportDock(() => this.net.session?.code ?? "");
  private readonly forecastDock = forecastDock(() => this.net.session?.code ?? "");
  private readonly onMedia = () => this.setNarrow(this.media.matches);

  constructor(
    private net: Net,
    onLeave: () => void,
  ) {
    const role = net.session?.role ?? "spectator";
    this.s = {
      role: signal(role),
      welcome: signal(null),
      view: signal(null),
      meta: signal(null),
      draft: signal(null),
      error: signal(null),
      tab: signal("map"),
      narrow: signal(false),
      lang: signal(0),
      now: signal(Date.now()),
      leverRequest: signal(null),
      playersOpen: signal(false),
      injectedNote: signal(""),
      guideOpen: signal(!localStorage.getItem(GUIDE_KEY)),
    };
    this.setNarrow(this.media.matches);
    this.media.addEventListener("change", this.onMedia);
    this.tick = window.setInterval(() => (this.s.now.value = Date.now()), 1000);
    window.addEventListener("cf:host", this.onHost);
    const actions: Actions = {
      sendDraft: (orders) => this.sendDraft(orders),
      sideRequest: (type) => this.sideRequest(type),
      facilitator: (type, payload) => this.facilitator(type, payload),
      leave: onLeave,
      code: () => this.s.meta.value?.code ?? this.net.session?.code ?? "",
      facilitatorKey: () => this.net.session?.facilitatorKey,
      reportRoot: this.reportDock.root,
      forecastRoot: this.forecastDock.root,
      seatLinks: () => seatLinksPanel(this.net),
    };
    this.root.className = "match";
    render(<Match s={this.s} actions={actions} />, this.root);
  }

  destroy(): void {
    window.clearInterval(this.tick);
    window.removeEventListener("cf:host", this.onHost);
    this.media.removeEventListener("change", this.onMedia);
    render(null, this.root);
  }

  private setNarrow(narrow: boolean): void {
    const s = this.s;
    batch(() => {
      s.narrow.value = narrow;
      const sideTab = s.tab.value === "orders" || s.tab.value === "intel";
      if (narrow && s.tab.value === "map" && isSide(s.role.value)) s.tab.value = "orders";
      if (!narrow && sideTab) s.tab.value = "map";
    });
  }

  welcome(w: Welcome): void {
    batch(() => {
      this.s.welcome.value = w;
      this.s.role.value = w.role;
      this.setNarrow(this.media.matches);
    });
  }

  view(incoming: ViewMessage): void {
    const before = this.s.view.value;
    const v: ViewMessage = {
      ...incoming,
      view: mergeView(before?.view ?? null, incoming.view, incoming.from),
      // A delta without options keeps the ones the side already has.
      options: incoming.options ?? before?.options,
    } as ViewMessage;
    this.reportDock.view(before?.view ?? null, v.view);
    this.updateForecast(v.view, this.s.draft.value);
    batch(() => {
      this.s.view.value = v;
      if (v.view.phase === "ended" && before?.view.phase !== "ended") this.s.tab.value = "debrief";
    });
    // After a turn, focus that fell to the page (its element went away) goes to the turn heading.
    if (before && before.view.turn !== v.view.turn)
      queueMicrotask(() => {
        const active = document.activeElement;
        if (!active || active === document.body || !active.isConnected)
          document.getElementById("turn-label")?.focus({ preventScroll: true });
      });
  }

  draft(d: DraftBroadcast): void {
    this.s.draft.value = d;
    const v = this.s.view.value?.view;
    if (v) this.updateForecast(v, d);
  }

  private updateForecast(v: DeepReadonly<View>, d: DraftBroadcast | null): void {
    if (v.viewer === "us" || v.viewer === "china") this.forecastDock.update(v, d?.orders ?? []);
  }

  meta(m: RoomMeta): void {
    this.s.meta.value = m;
  }

  error(e: ErrorReply): void {
    this.s.error.value = e;
  }

  /** After a language switch every text is drawn anew; what is typed stays. */
  languageChanged(): void {
    this.s.lang.value += 1;
  }

  // --- intents ----------------------------------------------------------------------------------------------

  private fail(e: unknown): void {
    this.s.error.value = (e as { reason?: ErrorReply }).reason ?? { code: "invalid", message: String(e) };
  }

  private async sendDraft(orders: unknown[]): Promise<boolean> {
    try {
      await this.net.request("draft", { orders });
      this.s.error.value = null;
      return true;
    } catch (e) {
      this.fail(e);
      return false;
    }
  }

  private async sideRequest(type: "confirm" | "unconfirm"): Promise<void> {
    try {
      await this.net.request(type, { turn: this.s.view.value?.view.turn ?? 0 });
      this.s.error.value = null;
    } catch (e) {
      this.fail(e);
    }
  }

  private async facilitator<K extends FacilitatorRequest>(
    type: K,
    payload?: ClientMessages[K],
  ): Promise<boolean> {
    try {
      await this.net.request(type, payload);
      this.s.error.value = null;
      return true;
    } catch (e) {
      this.fail(e);
      return false;
    }
  }
}

function isSide(role: string): role is "us" | "china" {
  return role === "us" || role === "china";
}

// --- the screen -------------------------------------------------------------------------------------------

function Match({ s, actions }: { s: MatchState; actions: Actions }) {
  void s.lang.value;
  const v = s.view.value?.view;
  const sideView = v && (v.viewer === "us" || v.viewer === "china") ? (v as SideView) : null;
  const narrow = s.narrow.value;
  const showSide = !!sideView && !narrow;
  return (
    <div class={`match-inner${narrow ? " narrow" : ""}`} role="region" aria-label={t("match.region")}>
      <TurnBar s={s} actions={actions} />
      <div class={`match-grid${showSide ? "" : " no-side"}`}>
        <div class="main-col">
          {narrow ? null : <SummaryCards s={s} />}
          {/* The turn report (report-view.tsx) opens here when a turn resolves. */}
          <Mount el={actions.reportRoot} />
          <Tabs s={s} />
          <div class="tab-panel" role="tabpanel" id="tab-panel" aria-labelledby={`tab-${s.tab.value}`}>
            <Panel s={s} actions={actions} />
          </div>
          {/* Under the board, where the space is: the intelligence on the other side. */}
          {showSide && sideView ? <Intel v={sideView} /> : null}
        </div>
        {showSide && sideView ? (
          <aside class="side-panel" aria-label={t("match.levers")}>
            <SidePanel s={s} actions={actions} v={sideView} intel={false} />
          </aside>
        ) : null}
      </div>
      {s.guideOpen.value && sideView && isSide(s.role.value) ? (
        <Guide
          side={sideView.viewer as "us" | "china"}
          narrow={narrow}
          options={s.view.value?.options ?? null}
          onOpenLever={(type) =>
            batch(() => {
              if (narrow) s.tab.value = "orders";
              s.leverRequest.value = { type, focus: false };
            })
          }
          onClose={() => {
            localStorage.setItem(GUIDE_KEY, "1");
            s.guideOpen.value = false;
          }}
        />
      ) : null}
    </div>
  );
}

function TurnBar({ s, actions }: { s: MatchState; actions: Actions }) {
  const m = s.meta.value;
  const v = s.view.value?.view;
  const players = m?.players ?? [];
  return (
    <div class="turn-bar" role="region" aria-label={t("match.turnBar")}>
      <span class="code" id="match-code">
        {t("match.code", { code: actions.code() })}
      </span>
      <h2 class="turn" id="turn-label" tabIndex={-1}>
        {v?.phase === "ended"
          ? t("match.ended")
          : v
            ? t("match.turn", {
                turn: Math.min(v.turn + 1, v.scenario.turns),
                turns: v.scenario.turns,
                label: turnLabel(v.label),
              })
            : t("app.connecting")}
      </h2>
      <span class="role">{t("match.youAre", { role: t(`roles.${s.role.value}`) })}</span>
      <Timer s={s} />
      <details
        class="players"
        open={s.playersOpen.value}
        onToggle={(e) => (s.playersOpen.value = (e.currentTarget as HTMLDetailsElement).open)}
      >
        <summary>{`${t("match.players")} (${players.length})`}</summary>
        <ul>
          {players.map((p) => (
            <li key={p.name + p.role}>{`${playerLabel(p)} · ${t(`roles.${p.role}`)}`}</li>
          ))}
        </ul>
      </details>
      <button type="button" class="leave" onClick={() => actions.leave()}>
        {t("app.leave")}
      </button>
    </div>
  );
}

function Timer({ s }: { s: MatchState }) {
  const m = s.meta.value;
  let text = "";
  if (m?.phase === "paused") text = t("match.paused");
  else if (m?.phase === "waiting") text = t("match.waiting");
  else if (m && m.deadline > 0) {
    const left = Math.max(0, Math.round((m.deadline - s.now.value) / 1000));
    text = t("match.timeLeft", { time: `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}` });
  }
  return (
    <span class="timer" aria-live="off">
      {text}
    </span>
  );
}

function SummaryCards({ s }: { s: MatchState }) {
  const v = s.view.value?.view;
  if (!v) return <div class="summary-cards" />;
  const lead = v.leadMonths;
  const side = v.viewer === "us" || v.viewer === "china" ? (v as SideView) : null;
  return (
    <div class="summary-cards">
      <div class={`card lead ${lead >= v.scenario.victoryLeadMonths ? "us-ahead" : "china-ahead"}`}>
        <h2>{t("match.lead")}</h2>
        <p class="big" id="lead-value">
          {t("match.leadValue", { months: num(lead, 1) })}
        </p>
        <small>{t("match.threshold", { n: num(v.scenario.victoryLeadMonths, 2) })}</small>
      </div>
      <div class="card">
        <h2>{t("match.capability")}</h2>
        <p>{`${t("sides.us")} ${num(v.capability.us, 2)} · ${t("sides.china")} ${num(v.capability.china, 2)}`}</p>
        <h2 class="sub">{t("match.controls")}</h2>
        <p>
          {t(`choices.level.${v.exportControlLevel}`)}
          <small>{` · ${t("match.tension")}: ${num(v.tension, 0)}/100`}</small>
        </p>
      </div>
      {side ? <OwnCards v={side} /> : null}
      {v.viewer === "spectator" ? (
        <div class="card">
          <p>{t("match.spectating")}</p>
        </div>
      ) : null}
    </div>
  );
}

/** The side's own money, compute and power. Halls and generation are named apart, as on the charts. */
function OwnCards({ v }: { v: SideView }) {
  const own = v.own;
  const last = own.last;
  return (
    <>
      <div class="card own">
        <h2>{t("match.cash")}</h2>
        <p>{money(own.cash)}</p>
        <small>{`${t("match.spendable")}: ${money(v.spendable)} · ${t("match.runningCost")}: ${money(v.runningCost)}`}</small>
      </div>
      <div class="card own" id="compute-card">
        <h2>{t("match.compute")}</h2>
        <p>{`${t("match.home")} ${compact(last.homeH100e)} H100e`}</p>
        <small>
          {`${t("match.abroad")} ${compact(last.leasedH100e)} · ${t("match.powered")} ${num(last.poweredFraction * 100, 0)}%`}
        </small>
        <br />
        <small id="power-line">
          {`${t("match.halls")} ${num(own.dataCenterGW, 1)} GW · ${t("match.generation")} ${num(firmGeneration(v), 1)} GW · ${t("match.power")} ${num(last.availableGW, 1)} GW`}
        </small>
      </div>
    </>
  );
}

/** The side's firm generation, as the power chart draws it (the last resolved turn's record). */
function firmGeneration(v: SideView): number {
  return v.ownHistory.at(-1)?.powerGW ?? 0;
}

function tabsOf(s: MatchState): Tab[] {
  const v = s.view.value?.view;
  const side = !!v && (v.viewer === "us" || v.viewer === "china");
  const tabs: Tab[] = [];
  if (s.narrow.value && side && v?.phase !== "ended") tabs.push("orders");
  tabs.push("map", "trends", "events");
  if (s.narrow.value && side) tabs.push("intel");
  if (s.role.value === "facilitator") tabs.push("facilitator");
  if (v?.phase === "ended") tabs.unshift("debrief");
  return tabs;
}

function Tabs({ s }: { s: MatchState }) {
  const tabs = tabsOf(s);
  return (
    <div class="tabs" role="tablist">
      {tabs.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          id={`tab-${tab}`}
          aria-selected={tab === s.tab.value ? "true" : "false"}
          aria-controls="tab-panel"
          onClick={() => (s.tab.value = tab)}
        >
          {tab === "debrief" ? t("match.debrief") : t(`match.tabs.${tab}`)}
        </button>
      ))}
    </div>
  );
}

function Panel({ s, actions }: { s: MatchState; actions: Actions }) {
  const v = s.view.value?.view;
  if (!v) return null;
  const tab = tabsOf(s).includes(s.tab.value) ? s.tab.value : "map";
  const side = v.viewer === "us" || v.viewer === "china" ? (v as SideView) : null;
  switch (tab) {
    case "orders":
      return side ? (
        <div class="side-panel phone">
          <OwnStrip v={side} />
          <SidePanel s={s} actions={actions} v={side} intel={false} />
        </div>
      ) : null;
    case "intel":
      return side ? (
        <>
          <SummaryCards s={s} />
          <Intel v={side} />
        </>
      ) : null;
    case "map":
      return <MapPanel v={v} />;
    case "trends":
      return <ChartsPanel v={v} lang={s.lang.value} />;
    case "events":
      return <EventsList v={v} />;
    case "facilitator":
      return <FacilitatorPanel s={s} actions={actions} v={v as DeepReadonly<FacilitatorView>} />;
    case "debrief":
      return <DebriefPanel v={v} code={actions.code()} lang={s.lang.value} />;
  }
}

/** On a phone, the lead and the money above the levers, on one line each. */
function OwnStrip({ v }: { v: SideView }) {
  return (
    <p class="own-strip">
      <span id="lead-value">{t("match.leadValue", { months: num(v.leadMonths, 1) })}</span>
      {` ${t("match.lead")} · ${t("match.spendable")}: ${money(v.spendable)}`}
    </p>
  );
}

function MapPanel({ v }: { v: DeepReadonly<View> }) {
  const box = useRef<HTMLDivElement>(null);
  const handle = useRef<{ update(view: DeepReadonly<View>): void; destroy(): void } | null>(null);
  const latest = useRef(v);
  latest.current = v;
  useEffect(() => {
    let gone = false;
    void import("../map/map.ts").then(({ mountMap }) => {
      if (gone || !box.current) return;
      handle.current = mountMap(box.current, latest.current);
    });
    return () => {
      gone = true;
      handle.current?.destroy();
      handle.current = null;
    };
  }, []);
  // The map's own labels follow the language too.
  const lang = language();
  useEffect(() => handle.current?.update(v), [v, lang]);
  return <div class="map" id="map" ref={box} />;
}

function ChartsPanel({ v, lang }: { v: DeepReadonly<View>; lang: number }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let gone = false;
    void import("./charts.ts").then(({ renderCharts }) => {
      if (gone || !box.current) return;
      box.current.replaceChildren();
      renderCharts(box.current, v);
    });
    return () => {
      gone = true;
    };
  }, [v, lang]);
  return <div class="charts" id="charts" ref={box} />;
}

function DebriefPanel({ v, code, lang }: { v: DeepReadonly<View>; code: string; lang: number }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let gone = false;
    void import("./debrief.ts").then(({ renderDebrief }) => {
      if (gone || !box.current) return;
      box.current.replaceChildren();
      renderDebrief(box.current, v, code);
    });
    return () => {
      gone = true;
    };
  }, [v, code, lang]);
  return <div class="debrief" id="debrief" ref={box} />;
}

function EventsList({ v }: { v: DeepReadonly<View> }) {
  const events = [...v.events].reverse();
  if (events.length === 0) return <p>{t("match.noEvents")}</p>;
  return (
    <ol class="events" reversed>
      {events.slice(0, 80).map((e: DeepReadonly<GameEvent>, i) => {
        const text = eventText(e);
        const source = e.source ? eventSource(e) : "";
        return (
          <li key={`${e.turn}-${events.length - i}`} class={`event ${e.audience}`}>
            <span class="when">{labelOf(v, e.turn)}</span>{" "}
            {text.title ? <strong>{`${text.title}: `}</strong> : null}
            {text.body}
            {source ? <small class="source">{` (${source})`}</small> : null}
          </li>
        );
      })}
    </ol>
  );
}

function FacilitatorPanel({
  s,
  actions,
  v,
}: {
  s: MatchState;
  actions: Actions;
  v: DeepReadonly<FacilitatorView>;
}) {
  // What the facilitator picks and types is the component's own: a new view does not reset it.
  const card = useSignal(cards()[0]?.id ?? "");
  const turn = useSignal(String(v.turn + 1));
  // A reload takes the seat back by reconnecting, which brings no new welcome: the key is in the session.
  const key = s.welcome.value?.facilitatorKey ?? actions.facilitatorKey();
  const phase = s.meta.value?.phase;
  const paused = phase === "paused";
  const error = s.error.value;
  const inject = async () => {
    const ok = await actions.facilitator("injectEvent", {
      eventId: card.value,
      turn: Number(turn.value) - 1,
    });
    if (ok)
      s.injectedNote.value = t("facilitator.queued", {
        card: cards().find((c) => c.id === card.value)?.title ?? card.value,
        turn: turn.value,
      });
  };
  return (
    <section class="facilitator" aria-labelledby="fac-heading">
      <h2 id="fac-heading">{t("facilitator.heading")}</h2>
      {key ? <p>{t("facilitator.key", { key })}</p> : null}
      {phase === "waiting" ? (
        <div class="row">
          <button type="button" id="start" class="primary" onClick={() => void actions.facilitator("start")}>
            {t("facilitator.start")}
          </button>
        </div>
      ) : null}
      <div class="row">
        <button
          type="button"
          id={paused ? "resume" : "pause"}
          onClick={() => void actions.facilitator(paused ? "resume" : "pause")}
        >
          {paused ? t("facilitator.resume") : t("facilitator.pause")}
        </button>
        <button
          type="button"
          id="extend"
          onClick={() => void actions.facilitator("extendTimer", { seconds: 60 })}
        >
          {t("facilitator.extend")}
        </button>
      </div>
      <div class="row">
        <label for="inject-event">{t("facilitator.inject")}</label>
        <select
          id="inject-event"
          value={card.value}
          onChange={(e) => (card.value = (e.currentTarget as HTMLSelectElement).value)}
        >
          {cards().map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
        <label for="inject-turn">{t("facilitator.injectTurn")}</label>
        <input
          id="inject-turn"
          type="number"
          min={v.turn + 1}
          max={v.scenario.turns}
          value={turn.value}
          onInput={(e) => (turn.value = (e.currentTarget as HTMLInputElement).value)}
        />
        <button type="button" id="inject" onClick={() => void inject()}>
          {t("facilitator.inject")}
        </button>
      </div>
      {s.injectedNote.value ? (
        <p class="ok" id="inject-note" role="status">
          {s.injectedNote.value}
        </p>
      ) : null}
      <div class="row">
        <button
          type="button"
          id="end-match"
          class="danger"
          onClick={() => {
            if (window.confirm(t("facilitator.confirmEnd"))) void actions.facilitator("endMatch");
          }}
        >
          {t("facilitator.end")}
        </button>
      </div>
      <SeatLinks make={actions.seatLinks} />
      {error ? (
        <p class="error" role="alert">
          {error.message}
        </p>
      ) : null}
    </section>
  );
}

/** The levers, the draft and (on a wide screen) the intelligence of a side. */
function SidePanel({
  s,
  actions,
  v,
  intel = true,
}: {
  s: MatchState;
  actions: Actions;
  v: SideView;
  intel?: boolean;
}) {
  const ended = v.phase === "ended";
  const confirmed = confirmedOf(s, v);
  const options = useComputed(() => s.view.value?.options ?? null);
  return (
    <>
      {ended ? null : (
        <Composer
          options={options}
          lang={s.lang}
          request={s.leverRequest}
          locked={confirmed}
          onAdd={(order) => actions.sendDraft([...(s.draft.value?.orders ?? []), order])}
        />
      )}
      {ended ? null : <Draft s={s} actions={actions} v={v} />}
      {/* The draft's forecast (forecast-view.tsx). */}
      {ended ? null : <Mount el={actions.forecastRoot} />}
      {intel ? <Intel v={v} /> : null}
    </>
  );
}

function confirmedOf(s: MatchState, v: SideView): boolean {
  const m = s.meta.value;
  return !!(v.viewer === "us" ? m?.usConfirmed : m?.chinaConfirmed);
}

/** A problem of the draft in the player's language: the lever it concerns, then the rules' reason. */
function problemText(p: DraftBroadcast["errors"][number], orders: readonly DraftOrder[]): string {
  if (!p.reason) return p.message;
  const index = /^orders\[(\d+)\]$/.exec(p.path)?.[1];
  const order = index === undefined ? undefined : orders[Number(index)];
  const own = p.reason.key !== "duplicate" && p.reason.key !== "noSuchLever";
  return own && order ? `${t(`levers.${order.type}.name`)}: ${reasonText(p.reason)}` : reasonText(p.reason);
}

function Draft({ s, actions, v }: { s: MatchState; actions: Actions; v: SideView }) {
  const draft = s.draft.value;
  const orders = (draft?.orders ?? []) as DraftOrder[];
  const options = s.view.value?.options ?? null;
  const total = orders.reduce((sum, o) => sum + orderCost(o, options), 0);
  const confirmed = confirmedOf(s, v);
  const m = s.meta.value;
  const otherConfirmed = v.viewer === "us" ? m?.chinaConfirmed : m?.usConfirmed;
  const waiting = m?.phase === "paused" || m?.phase === "waiting";
  const problems = draft?.errors ?? [];
  const error = s.error.value;
  return (
    <div class="draft" id="draft" aria-live="polite">
      <h2>{t("match.draft")}</h2>
      {orders.length === 0 ? (
        <p class="draft-empty">{t("match.draftEmpty")}</p>
      ) : (
        <ul class="draft-list">
          {orders.map((o, i) => (
            <li key={`${i}-${o.type}`}>
              {describeOrder(o, options)}{" "}
              {/* A confirmed draft is locked: what resolves is what the side confirmed. */}
              {confirmed ? (
                ""
              ) : (
                <button
                  type="button"
                  class="remove"
                  aria-label={`${t("match.remove")}: ${describeOrder(o, options)}`}
                  onClick={() => void actions.sendDraft(orders.filter((_, j) => j !== i))}
                >
                  {t("match.remove")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <p class="total">{t("match.total", { cost: money(total), money: money(v.spendable) })}</p>
      {draft?.by ? <small>{t("match.draftBy", { name: draft.by })}</small> : null}
      {problems.length > 0 ? (
        <div class="problems" role="alert">
          <p>{t("match.problems")}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{problemText(p, orders)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {/* A refusal's reasons are listed above in the player's language; the server's summary is English. */}
          {error.code === "refused" && error.errors ? t("match.refused") : error.message}
        </p>
      ) : null}
      <div class="confirm-row">
        {/* One button that changes its job keeps the focus when a confirmation is made or taken back. */}
        <button
          key="confirm"
          type="button"
          id={confirmed ? "unconfirm" : "confirm"}
          class={confirmed ? "" : "primary"}
          disabled={!confirmed && waiting}
          onClick={() => void actions.sideRequest(confirmed ? "unconfirm" : "confirm")}
        >
          {confirmed ? t("match.unconfirm") : t("match.confirm")}
        </button>
        {confirmed ? (
          <p class="ok" id="confirmed-note">
            {t("match.confirmed")}
          </p>
        ) : otherConfirmed ? (
          <p>{t("match.otherConfirmed")}</p>
        ) : null}
      </div>
    </div>
  );
}

function Intel({ v }: { v: SideView }) {
  const other = v.viewer === "us" ? "china" : "us";
  const rows = Object.entries(v.intel);
  const fmt = (key: string, x: number) => (isUnitRange(key) ? num(x, 2) : compact(x));
  return (
    <details class="intel" open>
      <summary>{t("match.intel", { side: t(`sides.${other}`) })}</summary>
      <dl>
        {rows.map(([key, raw]) => {
          const e = clipEstimate(key, raw);
          return (
            <div key={key}>
              <dt>
                {key.startsWith("lease.")
                  ? t("intel.lease", { host: t(`choices.host.${key.slice(6)}`) })
                  : t(`intel.${key}`)}
              </dt>
              <dd id={`intel-${key.replace(".", "-")}`}>
                {e.exact
                  ? t("match.exact", { value: fmt(key, e.estimate) })
                  : t("match.estimate", {
                      value: fmt(key, e.estimate),
                      low: fmt(key, e.low),
                      high: fmt(key, e.high),
                    })}
              </dd>
            </div>
          );
        })}
      </dl>
    </details>
  );
}

function labelOf(v: DeepReadonly<View>, turn: number): string {
  const row = v.history.find((r) => r.turn === turn);
  return row ? turnLabel(row.label) : "";
}

/** Puts an element built outside this tree (and kept by its owner across renders) into the tree. */
function Mount({ el }: { el: HTMLElement }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.append(el);
    return () => el.remove();
  }, [el]);
  return <div class="mount" ref={box} />;
}

/** The facilitator's seat links, built once per visit of the tab. */
function SeatLinks({ make }: { make: () => HTMLElement }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = make();
    box.current?.append(el);
    return () => el.remove();
  }, []);
  return <div ref={box} />;
}
