/**
 * The match screen: the turn bar, the map, the side's levers and shared draft, the trends, the events, the
 * facilitator's controls, and the debrief at the end. It draws what the server sends and sends intents back.
 */
import { seatLinksPanel } from "./seat-links.ts";
import type { DraftBroadcast, ErrorReply, ViewMessage } from "../../../shared/protocol.ts";
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
import { clear, h } from "../dom.ts";
import { compact, money, num, t } from "../i18n.ts";
import { playerLabel, type Net, type RoomMeta, type Welcome } from "../net.ts";
import { composer, describeOrder, orderCost } from "./orders.ts";
import { cards, eventText } from "./events.ts";
import { reasonText } from "./rules-text.ts";
import { reportDock } from "./report-view.tsx";
import { forecastDock } from "./forecast-view.tsx";

type Tab = "map" | "trends" | "events" | "facilitator" | "debrief";
type SideView = DeepReadonly<UsView | ChinaView>;

const GUIDE_KEY = "cf.guideSeen";

export class MatchScreen {
  readonly root = h("section", { class: "match", "aria-label": t("match.region") });
  private role: Role = "spectator";
  private welcomeInfo: Welcome | null = null;
  private viewMsg: ViewMessage | null = null;
  private metaInfo: RoomMeta | null = null;
  private draftInfo: DraftBroadcast | null = null;
  private lastError: ErrorReply | null = null;
  private tab: Tab = "map";
  private tick: number;
  private mapHandle: { update(view: DeepReadonly<View>): void; destroy(): void } | null = null;
  private mapLoading = false;
  private compose = composer((order) => void this.addOrder(order));
  private reportDock = reportDock(() => this.net.session?.code ?? "");
  private forecastDock = forecastDock(() => this.net.session?.code ?? "");

  constructor(
    private net: Net,
    private onLeave: () => void,
  ) {
    this.role = net.session?.role ?? "spectator";
    this.tick = window.setInterval(() => this.renderTimer(), 1000);
    this.rerender();
  }

  destroy(): void {
    window.clearInterval(this.tick);
    this.mapHandle?.destroy();
  }

  welcome(w: Welcome): void {
    this.welcomeInfo = w;
    this.role = w.role;
    this.rerender();
  }

  view(incoming: ViewMessage): void {
    const wasEnded = this.viewMsg?.view.phase === "ended";
    const v: ViewMessage = {
      ...incoming,
      view: mergeView(this.viewMsg?.view ?? null, incoming.view, incoming.from),
    };
    this.reportDock.view(this.viewMsg?.view ?? null, v.view);
    this.viewMsg = v;
    if (v.view.phase === "ended" && !wasEnded) this.tab = "debrief";
    if (v.options) this.compose.setOptions(v.options);
    this.rerender();
  }

  draft(d: DraftBroadcast): void {
    this.draftInfo = d;
    this.renderDraft();
  }

  meta(m: RoomMeta): void {
    const phaseChanged = this.metaInfo?.phase !== m.phase;
    this.metaInfo = m;
    this.renderBar();
    this.renderDraft();
    // The facilitator's pause button turns into "resume" (and back) when the synced phase changes.
    if (phaseChanged && this.tab === "facilitator") this.renderPanel();
  }

  error(e: ErrorReply): void {
    this.lastError = e;
    this.renderDraft();
  }

  // --- intents ----------------------------------------------------------------------------------------------

  private async sendDraft(orders: unknown[]): Promise<void> {
    try {
      await this.net.request("draft", { orders });
      this.lastError = null;
    } catch (e) {
      this.lastError = (e as { reason?: ErrorReply }).reason ?? { code: "invalid", message: String(e) };
    }
    this.renderDraft();
  }

  private async addOrder(order: Record<string, unknown>): Promise<void> {
    const orders = [...(this.draftInfo?.orders ?? []), order];
    await this.sendDraft(orders);
  }

  private async confirm(): Promise<void> {
    await this.sideRequest("confirm");
  }

  /** Takes the side's confirmation back, so that its draft may change again before the turn resolves. */
  private async unconfirm(): Promise<void> {
    await this.sideRequest("unconfirm");
  }

  private async sideRequest(type: "confirm" | "unconfirm"): Promise<void> {
    try {
      await this.net.request(type, { turn: this.viewMsg?.view.turn ?? 0 });
      this.lastError = null;
    } catch (e) {
      this.lastError = (e as { reason?: ErrorReply }).reason ?? { code: "invalid", message: String(e) };
    }
    this.renderDraft();
  }

  /** The facilitator's confirmation of the last event queued. */
  private injectedNote = "";

  private async facilitator(type: string, payload: unknown = {}): Promise<void> {
    try {
      await this.net.request(type, payload);
      this.lastError = null;
    } catch (e) {
      this.lastError = (e as { reason?: ErrorReply }).reason ?? { code: "invalid", message: String(e) };
    }
    this.rerender();
  }

  // --- rendering ----------------------------------------------------------------------------------------------

  private bar = h("div", { class: "turn-bar", role: "region", "aria-label": t("match.turnBar") });
  private summary = h("div", { class: "summary-cards" });
  private tabs = h("div", { class: "tabs", role: "tablist" });
  private panel = h("div", { class: "tab-panel", role: "tabpanel", id: "tab-panel" });
  private side = h("aside", { class: "side-panel" });
  private draftBox = h("div", { class: "draft", id: "draft", "aria-live": "polite" });

  /** After a language switch: the lever composer and the guide keep their text between renders, so they are
   * built anew in the new language. */
  languageChanged(): void {
    this.compose = composer((order) => void this.addOrder(order));
    if (this.viewMsg?.options) this.compose.setOptions(this.viewMsg.options);
    this.root.querySelector("#guide")?.remove();
    this.root.setAttribute("aria-label", t("match.region"));
    this.bar.setAttribute("aria-label", t("match.turnBar"));
    this.rerender();
  }

  rerender(): void {
    if (!this.root.firstChild) {
      this.root.append(
        this.bar,
        this.summary,
        h(
          "div",
          { class: "match-grid" },
          h("div", { class: "main-col" }, this.reportDock.root, this.tabs, this.panel),
          this.side,
        ),
      );
    }
    this.renderBar();
    this.renderSummary();
    this.renderTabs();
    this.renderPanel();
    this.renderSide();
    this.maybeGuide();
  }

  private renderTimer(): void {
    const el = this.bar.querySelector(".timer");
    if (!el || !this.metaInfo) return;
    const m = this.metaInfo;
    let text = "";
    if (m.phase === "paused") text = t("match.paused");
    else if (m.phase === "waiting") text = t("match.waiting");
    else if (m.deadline > 0) {
      const s = Math.max(0, Math.round((m.deadline - Date.now()) / 1000));
      text = t("match.timeLeft", { time: `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}` });
    }
    el.textContent = text;
  }

  private renderBar(): void {
    const m = this.metaInfo;
    const v = this.viewMsg?.view;
    clear(this.bar);
    const code = m?.code ?? this.net.session?.code ?? "";
    this.bar.append(
      h("span", { class: "code", id: "match-code" }, t("match.code", { code })),
      h(
        "span",
        { class: "turn", id: "turn-label" },
        v?.phase === "ended"
          ? t("match.ended")
          : v
            ? t("match.turn", {
                turn: Math.min(v.turn + 1, v.scenario.turns),
                turns: v.scenario.turns,
                label: v.label,
              })
            : t("app.connecting"),
      ),
      h("span", { class: "role" }, t("match.youAre", { role: t(`roles.${this.role}`) })),
      h("span", { class: "timer", "aria-live": "off" }),
      h(
        "details",
        { class: "players" },
        h("summary", {}, `${t("match.players")} (${m?.players.length ?? 0})`),
        h(
          "ul",
          {},
          ...(m?.players ?? []).map((p) => h("li", {}, `${playerLabel(p)} · ${t(`roles.${p.role}`)}`)),
        ),
      ),
      h("button", { type: "button", class: "leave", onclick: () => this.onLeave() }, t("app.leave")),
    );
    this.renderTimer();
  }

  private renderSummary(): void {
    clear(this.summary);
    const v = this.viewMsg?.view;
    if (!v) return;
    const lead = v.leadMonths;
    this.summary.append(
      h(
        "div",
        { class: `card lead ${lead >= v.scenario.victoryLeadMonths ? "us-ahead" : "china-ahead"}` },
        h("h2", {}, t("match.lead")),
        h("p", { class: "big", id: "lead-value" }, t("match.leadValue", { months: num(lead, 1) })),
        h("small", {}, t("match.threshold", { n: num(v.scenario.victoryLeadMonths, 2) })),
      ),
      h(
        "div",
        { class: "card" },
        h("h2", {}, t("match.capability")),
        h(
          "p",
          {},
          `${t("sides.us")} ${num(v.capability.us, 2)} · ${t("sides.china")} ${num(v.capability.china, 2)}`,
        ),
      ),
      h(
        "div",
        { class: "card" },
        h("h2", {}, t("match.controls")),
        h("p", {}, t(`choices.level.${v.exportControlLevel}`)),
        h("small", {}, `${t("match.tension")}: ${num(v.tension, 0)}/100`),
      ),
    );
    if (v.viewer === "us" || v.viewer === "china") {
      const own = (v as SideView).own;
      const home = own.last.homeH100e;
      this.summary.append(
        h(
          "div",
          { class: "card own" },
          h("h2", {}, t("match.cash")),
          h("p", {}, money(own.cash)),
          h(
            "small",
            {},
            `${t("match.spendable")}: ${money((v as SideView).spendable)} · ${t("match.runningCost")}: ${money((v as SideView).runningCost)}`,
          ),
        ),
        h(
          "div",
          { class: "card own" },
          h("h2", {}, t("match.compute")),
          h("p", {}, `${t("match.home")} ${compact(home)} H100e`),
          h(
            "small",
            {},
            `${t("match.abroad")} ${compact(own.last.leasedH100e)} · ${t("match.powered")} ${num(own.last.poweredFraction * 100, 0)}% · ${t("match.power")} ${num(own.last.availableGW, 1)} GW`,
          ),
        ),
      );
    } else if (v.viewer === "spectator") {
      this.summary.append(h("div", { class: "card" }, h("p", {}, t("match.spectating"))));
    }
  }

  private renderTabs(): void {
    clear(this.tabs);
    const ended = this.viewMsg?.view.phase === "ended";
    const tabs: Tab[] = ["map", "trends", "events"];
    if (this.role === "facilitator") tabs.push("facilitator");
    if (ended) tabs.unshift("debrief");
    for (const tab of tabs) {
      const label = tab === "debrief" ? t("match.debrief") : t(`match.tabs.${tab}`);
      this.tabs.append(
        h(
          "button",
          {
            type: "button",
            role: "tab",
            id: `tab-${tab}`,
            "aria-selected": tab === this.tab ? "true" : "false",
            "aria-controls": "tab-panel",
            onclick: () => {
              this.tab = tab;
              this.renderTabs();
              this.renderPanel();
            },
          },
          label,
        ),
      );
    }
  }

  private renderPanel(): void {
    const v = this.viewMsg?.view;
    this.panel.setAttribute("aria-labelledby", `tab-${this.tab}`);
    if (this.tab !== "map" && this.mapHandle) {
      this.mapHandle.destroy();
      this.mapHandle = null;
    }
    if (!v) return;
    if (this.tab === "map") {
      if (this.mapHandle) {
        this.mapHandle.update(v);
        return;
      }
      clear(this.panel);
      const box = h("div", { class: "map", id: "map" });
      this.panel.append(box);
      if (this.mapLoading) return;
      this.mapLoading = true;
      void import("../map/map.ts").then(({ mountMap }) => {
        this.mapLoading = false;
        if (this.tab !== "map" || !this.viewMsg) return;
        const target = this.panel.querySelector("#map") as HTMLElement | null;
        if (target) this.mapHandle = mountMap(target, this.viewMsg.view);
      });
      return;
    }
    clear(this.panel);
    if (this.tab === "events") this.panel.append(this.eventsList(v));
    else if (this.tab === "trends") {
      const box = h("div", { class: "charts", id: "charts" });
      this.panel.append(box);
      void import("./charts.ts").then(({ renderCharts }) => renderCharts(box, v));
    } else if (this.tab === "facilitator")
      this.panel.append(this.facilitatorPanel(v as DeepReadonly<FacilitatorView>));
    else if (this.tab === "debrief") {
      const box = h("div", { class: "debrief", id: "debrief" });
      this.panel.append(box);
      void import("./debrief.ts").then(({ renderDebrief }) =>
        renderDebrief(box, v, this.metaInfo?.code ?? this.net.session?.code ?? ""),
      );
    }
  }

  private eventsList(v: DeepReadonly<View>): HTMLElement {
    const events = [...v.events].reverse();
    if (events.length === 0) return h("p", {}, t("match.noEvents"));
    return h(
      "ol",
      { class: "events", reversed: true },
      ...events.slice(0, 80).map((e: DeepReadonly<GameEvent>) => {
        const text = eventText(e);
        return h(
          "li",
          { class: `event ${e.audience}` },
          h("span", { class: "when" }, labelOf(v, e.turn)),
          " ",
          text.title ? h("strong", {}, `${text.title}: `) : null,
          text.body,
          e.source ? h("small", { class: "source" }, ` (${e.source})`) : null,
        );
      }),
    );
  }

  private facilitatorPanel(v: DeepReadonly<FacilitatorView>): HTMLElement {
    // A reload takes the seat back by reconnecting, which brings no new welcome: the key is in the session.
    const key = this.welcomeInfo?.facilitatorKey ?? this.net.session?.facilitatorKey;
    const select = h("select", { id: "inject-event" }) as HTMLSelectElement;
    for (const c of cards()) select.append(h("option", { value: c.id }, c.title));
    // Turns are numbered from 1 on the screen, as in the header ("Turn 10 of 16"); the rules count from 0.
    const turn = h("input", {
      id: "inject-turn",
      type: "number",
      min: v.turn + 1,
      max: v.scenario.turns,
      value: v.turn + 1,
    }) as HTMLInputElement;
    const paused = this.metaInfo?.phase === "paused";
    return h(
      "section",
      { class: "facilitator", "aria-labelledby": "fac-heading" },
      h("h2", { id: "fac-heading" }, t("facilitator.heading")),
      key ? h("p", {}, t("facilitator.key", { key })) : null,
      this.metaInfo?.phase === "waiting"
        ? h(
            "div",
            { class: "row" },
            h(
              "button",
              {
                type: "button",
                id: "start",
                class: "primary",
                onclick: () => void this.facilitator("start"),
              },
              t("facilitator.start"),
            ),
          )
        : null,
      h(
        "div",
        { class: "row" },
        h(
          "button",
          {
            type: "button",
            id: paused ? "resume" : "pause",
            onclick: () => void this.facilitator(paused ? "resume" : "pause"),
          },
          paused ? t("facilitator.resume") : t("facilitator.pause"),
        ),
        h(
          "button",
          {
            type: "button",
            id: "extend",
            onclick: () => void this.facilitator("extendTimer", { seconds: 60 }),
          },
          t("facilitator.extend"),
        ),
      ),
      h(
        "div",
        { class: "row" },
        h("label", { for: "inject-event" }, t("facilitator.inject")),
        select,
        h("label", { for: "inject-turn" }, t("facilitator.injectTurn")),
        turn,
        h(
          "button",
          {
            type: "button",
            id: "inject",
            onclick: () =>
              void this.facilitator("injectEvent", {
                eventId: select.value,
                turn: Number(turn.value) - 1,
              }).then(() => {
                if (!this.lastError)
                  this.injectedNote = t("facilitator.queued", {
                    card: select.selectedOptions[0]?.textContent ?? select.value,
                    turn: turn.value,
                  });
                this.rerender();
              }),
          },
          t("facilitator.inject"),
        ),
      ),
      this.injectedNote
        ? h("p", { class: "ok", id: "inject-note", role: "status" }, this.injectedNote)
        : null,
      h(
        "div",
        { class: "row" },
        h(
          "button",
          {
            type: "button",
            id: "end-match",
            class: "danger",
            onclick: () => {
              if (window.confirm(t("facilitator.confirmEnd"))) void this.facilitator("endMatch");
            },
          },
          t("facilitator.end"),
        ),
      ),
      seatLinksPanel(this.net),
      this.lastError ? h("p", { class: "error", role: "alert" }, this.lastError.message) : null,
    );
  }

  /** A problem of the draft in the player's language: the lever it concerns, then the rules' reason. */
  private problemText(p: DraftBroadcast["errors"][number]): string {
    if (!p.reason) return p.message;
    const index = /^orders\[(\d+)\]$/.exec(p.path)?.[1];
    const order = index === undefined ? undefined : this.draftInfo?.orders[Number(index)];
    const type = (order as { type?: unknown } | undefined)?.type;
    const own = p.reason.key !== "duplicate" && p.reason.key !== "noSuchLever";
    return own && typeof type === "string"
      ? `${t(`levers.${type}.name`)}: ${reasonText(p.reason)}`
      : reasonText(p.reason);
  }

  private renderSide(): void {
    clear(this.side);
    const v = this.viewMsg?.view;
    if (!v) return;
    if ((v.viewer === "us" || v.viewer === "china") && v.phase !== "ended") {
      this.side.append(this.compose.root, this.draftBox, this.forecastDock.root);
      this.renderDraft();
      this.side.append(this.intelPanel(v as SideView));
    } else if (v.viewer === "us" || v.viewer === "china") {
      this.side.append(this.intelPanel(v as SideView));
    }
  }

  private renderDraft(): void {
    const v = this.viewMsg?.view;
    if (!v || (v.viewer !== "us" && v.viewer !== "china")) return;
    clear(this.draftBox);
    this.forecastDock.update(v, this.draftInfo?.orders ?? []);
    const orders = (this.draftInfo?.orders ?? []) as (Record<string, unknown> & { type: string })[];
    const options = this.viewMsg?.options ?? null;
    const total = orders.reduce((sum, o) => sum + orderCost(o, options), 0);
    const confirmed = v.viewer === "us" ? this.metaInfo?.usConfirmed : this.metaInfo?.chinaConfirmed;
    const otherConfirmed = v.viewer === "us" ? this.metaInfo?.chinaConfirmed : this.metaInfo?.usConfirmed;
    this.draftBox.append(
      h("h2", {}, t("match.draft")),
      orders.length === 0
        ? h("p", {}, t("match.draftEmpty"))
        : h(
            "ul",
            { class: "draft-list" },
            ...orders.map((o, i) =>
              h(
                "li",
                {},
                describeOrder(o, options),
                " ",
                // A confirmed draft is locked: what resolves is what the side confirmed.
                confirmed
                  ? ""
                  : h(
                      "button",
                      {
                        type: "button",
                        class: "remove",
                        "aria-label": `${t("match.remove")}: ${describeOrder(o, options)}`,
                        onclick: () => void this.sendDraft(orders.filter((_, j) => j !== i)),
                      },
                      t("match.remove"),
                    ),
              ),
            ),
          ),
      h(
        "p",
        { class: "total" },
        t("match.total", { cost: money(total), money: money((v as SideView).spendable) }),
      ),
      this.draftInfo?.by ? h("small", {}, t("match.draftBy", { name: this.draftInfo.by })) : "",
    );
    const problems = this.draftInfo?.errors ?? [];
    if (problems.length > 0)
      this.draftBox.append(
        h(
          "div",
          { class: "problems", role: "alert" },
          h("p", {}, t("match.problems")),
          h("ul", {}, ...problems.map((p) => h("li", {}, this.problemText(p)))),
        ),
      );
    if (this.lastError)
      this.draftBox.append(
        h(
          "p",
          { class: "error", role: "alert" },
          // A refusal's reasons are listed above in the player's language; the server's summary is English.
          this.lastError.code === "refused" && this.lastError.errors
            ? t("match.refused")
            : this.lastError.message,
        ),
      );
    const paused = this.metaInfo?.phase === "paused" || this.metaInfo?.phase === "waiting";
    this.draftBox.append(
      confirmed
        ? h(
            "button",
            { type: "button", id: "unconfirm", onclick: () => void this.unconfirm() },
            t("match.unconfirm"),
          )
        : h(
            "button",
            {
              type: "button",
              id: "confirm",
              class: "primary",
              disabled: paused,
              onclick: () => void this.confirm(),
            },
            t("match.confirm"),
          ),
    );
    if (confirmed) this.draftBox.append(h("p", { class: "ok", id: "confirmed-note" }, t("match.confirmed")));
    else if (otherConfirmed) this.draftBox.append(h("p", {}, t("match.otherConfirmed")));
  }

  private intelPanel(v: SideView): HTMLElement {
    const other = v.viewer === "us" ? "china" : "us";
    const rows = Object.entries(v.intel);
    return h(
      "details",
      { class: "intel", open: true },
      h("summary", {}, t("match.intel", { side: t(`sides.${other}`) })),
      h(
        "dl",
        {},
        ...rows.flatMap(([key, e]) => [
          h(
            "dt",
            {},
            key.startsWith("lease.")
              ? t("intel.lease", { host: t(`choices.host.${key.slice(6)}`) })
              : t(`intel.${key}`),
          ),
          h(
            "dd",
            {},
            e.exact
              ? t("match.exact", { value: compact(e.estimate) })
              : t("match.estimate", {
                  value: compact(e.estimate),
                  low: compact(e.low),
                  high: compact(e.high),
                }),
          ),
        ]),
      ),
    );
  }

  private maybeGuide(): void {
    if (
      localStorage.getItem(GUIDE_KEY) ||
      (this.role !== "us" && this.role !== "china") ||
      !this.viewMsg ||
      document.getElementById("guide")
    )
      return;
    const close = () => {
      localStorage.setItem(GUIDE_KEY, "1");
      dialog.remove();
    };
    const dialog = h(
      "div",
      {
        class: "guide",
        id: "guide",
        role: "dialog",
        "aria-modal": "false",
        "aria-labelledby": "guide-heading",
      },
      h("h2", { id: "guide-heading" }, t("guide.heading")),
      h(
        "ol",
        {},
        h("li", {}, t("guide.hint1")),
        h("li", {}, t("guide.hint2")),
        h("li", {}, t("guide.hint3")),
      ),
      h("button", { type: "button", id: "guide-close", onclick: close }, t("guide.skip")),
    );
    this.root.append(dialog);
  }
}

function labelOf(v: DeepReadonly<View>, turn: number): string {
  const row = v.history.find((r) => r.turn === turn);
  return row?.label ?? "";
}
