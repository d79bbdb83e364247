/**
 * The workshop console: a teacher opens several rooms at once, shows each room's join code (as text, link and
 * QR code) to the group that plays it, follows every room's turn and confirmations on one page, pauses,
 * resumes, injects an event or ends the match in all rooms at once, and downloads the results of all rooms.
 * It holds one facilitator connection per room; the rooms and their facilitator keys are kept in this
 * browser, so a reload (or another tab) finds the workshop again.
 */
import { Client, type Room } from "@colyseus/sdk";
import { ROOM_NAME } from "../../../shared/room.ts";
import type { Outcome } from "../../../shared/rules/index.ts";
import { clear, field, h } from "../dom.ts";
import { cards } from "./events.ts";
import { language, money, num, t } from "../i18n.ts";
import {
  fetchJson,
  joinOrOpen,
  joinUrl,
  NAME_KEY,
  playerLabel,
  randomId,
  readMeta,
  savedWorkshop,
  serverUrl,
  WORKSHOP_KEY,
  type RoomMeta,
  type Workshop,
  type WorkshopRoom,
} from "../net.ts";

const MAX_ROOMS = 12;

interface Tracked {
  code: string;
  room?: Room;
  meta?: RoomMeta;
  problem?: string;
  outcome?: Outcome;
}

function teacherName(): string {
  return localStorage.getItem(NAME_KEY)?.trim() || "Facilitator";
}

export class WorkshopConsole {
  readonly root = h("section", { class: "workshop", "aria-labelledby": "workshop-heading" });
  private readonly client = new Client(serverUrl());
  /** A fresh player id for this page's connections (the key, not the id, makes them facilitators). */
  private readonly id = `ws-${randomId()}`;
  private workshop: Workshop | null = savedWorkshop();
  private readonly tracked = new Map<string, Tracked>();
  private readonly grid = h("div", { class: "rooms", id: "workshop-rooms" });
  private readonly message = h("p", { class: "error", role: "alert", id: "workshop-error" });
  private readonly summary = h("p", { id: "workshop-summary", "aria-live": "polite" });
  private readonly results = h("section", {
    id: "workshop-results",
    "aria-labelledby": "ws-results-heading",
  });
  private redraw = 0;
  private readonly qrCodes = new Map<string, Promise<string>>();

  constructor(private readonly onClose: () => void) {
    this.render();
    if (this.workshop) this.connectAll(this.workshop.rooms);
  }

  destroy(): void {
    for (const t of this.tracked.values()) void t.room?.leave(true);
    this.tracked.clear();
  }

  languageChanged(): void {
    this.render();
  }

  // --- setting up -------------------------------------------------------------------------------------------

  private setupForm(): HTMLElement {
    const scenario = h("select", { id: "ws-scenario" }) as HTMLSelectElement;
    void fetchJson<{ id: string; title: { en: string; de: string } }[]>("/api/scenarios").then((list) => {
      const lang = language();
      for (const s of list) scenario.append(h("option", { value: s.id }, s.title[lang]));
    });
    const rooms = h("input", {
      id: "ws-rooms",
      type: "number",
      min: 1,
      max: MAX_ROOMS,
      value: 4,
      required: true,
    }) as HTMLInputElement;
    const timer = h("select", { id: "ws-timer" }) as HTMLSelectElement;
    timer.append(h("option", { value: "" }, t("lobby.timerNone")));
    for (const s of [120, 180, 300, 600])
      timer.append(
        h("option", { value: String(s), selected: s === 300 }, t("lobby.timerMinutes", { n: s / 60 })),
      );
    const bots = h("input", { type: "checkbox", id: "ws-bots", checked: true }) as HTMLInputElement;
    const sameLuck = h("input", { type: "checkbox", id: "ws-same-luck", checked: true }) as HTMLInputElement;
    const name = h("input", {
      id: "ws-name",
      autocomplete: "nickname",
      maxlength: 40,
      required: true,
      value: localStorage.getItem(NAME_KEY) ?? "",
    }) as HTMLInputElement;
    const form = h(
      "form",
      { class: "card", id: "workshop-form" },
      h("h3", {}, t("workshop.setup")),
      h("p", { class: "summary" }, t("workshop.setupHelp")),
      field(t("lobby.name"), name),
      field(t("lobby.scenario"), scenario),
      field(t("workshop.rooms", { max: MAX_ROOMS }), rooms),
      field(t("lobby.timer"), timer),
      h("div", { class: "check" }, bots, h("label", { for: "ws-bots" }, t("workshop.bots"))),
      h("div", { class: "check" }, sameLuck, h("label", { for: "ws-same-luck" }, t("workshop.sameLuck"))),
      h("button", { type: "submit", id: "workshop-open" }, t("workshop.open")),
    );
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const teacher = name.value.trim();
      if (!teacher) {
        this.message.textContent = t("lobby.errorName");
        name.focus();
        return;
      }
      localStorage.setItem(NAME_KEY, teacher);
      const n = Number(rooms.value);
      if (!Number.isInteger(n) || n < 1 || n > MAX_ROOMS) {
        this.message.textContent = t("workshop.errorRooms", { max: MAX_ROOMS });
        return;
      }
      void this.openRooms(n, {
        scenario: scenario.value || "baseline-2025",
        timerSeconds: timer.value ? Number(timer.value) : null,
        bots: bots.checked,
        // One seed for all rooms: the same events and the same luck, so that the groups' choices can be compared.
        ...(sameLuck.checked ? { seed: crypto.getRandomValues(new Uint32Array(1))[0]! % 2 ** 31 } : {}),
      });
    });
    return form;
  }

  private async openRooms(
    n: number,
    settings: { scenario: string; timerSeconds: number | null; bots: boolean; seed?: number },
  ): Promise<void> {
    const name = teacherName();
    this.message.textContent = "";
    const opened: WorkshopRoom[] = [];
    try {
      for (let i = 0; i < n; i++) {
        const room = await this.client.create(ROOM_NAME, {
          role: "facilitator",
          name,
          playerId: this.id,
          private: true,
          // Workshop rooms wait for the teacher: students join and draft, nothing resolves, no bot plays.
          waitForStart: true,
          ...settings,
        });
        const key = await new Promise<string>((resolve) =>
          room.onMessage("welcome", (w: { facilitatorKey?: string }) => resolve(w.facilitatorKey ?? "")),
        );
        opened.push({ code: room.roomId, facilitatorKey: key });
        this.track(room.roomId, room);
      }
    } catch (e) {
      this.message.textContent = e instanceof Error ? e.message : String(e);
    }
    if (opened.length === 0) return;
    this.workshop = { scenario: settings.scenario, rooms: opened };
    localStorage.setItem(WORKSHOP_KEY, JSON.stringify(this.workshop));
    this.render();
  }

  // --- following the rooms ----------------------------------------------------------------------------------

  private connectAll(rooms: WorkshopRoom[]): void {
    for (const r of rooms) {
      this.tracked.set(r.code, { code: r.code });
      void joinOrOpen(this.client, r.code, {
        role: "facilitator",
        name: teacherName(),
        playerId: this.id,
        facilitatorKey: r.facilitatorKey,
      }).then(
        (room) => this.track(r.code, room),
        (e: unknown) => {
          // A finished match closes its room: its results are still on the server.
          this.tracked.set(r.code, { code: r.code, problem: e instanceof Error ? e.message : String(e) });
          void this.fetchOutcome(r.code);
          this.schedule();
        },
      );
    }
  }

  private track(code: string, room: Room): void {
    const entry: Tracked = { code, room };
    this.tracked.set(code, entry);
    // The facilitator's views and the teams' drafts are for the room's own screen; the console reads the
    // room's public state only.
    for (const type of ["welcome", "view", "draft", "notice", "error"]) room.onMessage(type, () => undefined);
    room.onStateChange((state: unknown) => {
      const before = entry.meta?.phase;
      entry.meta = readMeta(state);
      if (entry.meta.phase === "ended" && before !== "ended") void this.fetchOutcome(code);
      this.schedule();
    });
    room.onLeave(() => {
      entry.room = undefined;
      this.schedule();
    });
  }

  private async fetchOutcome(code: string): Promise<void> {
    try {
      const result = await fetchJson<{ outcome: Outcome }>(`/api/matches/${code}/export.json`);
      const entry = this.tracked.get(code);
      if (entry) entry.outcome = result.outcome;
      this.schedule();
    } catch {
      // Not finished yet: no results to show.
    }
  }

  /** Redraws the room cards at most once per frame, however many rooms changed. */
  private schedule(): void {
    if (this.redraw) return;
    this.redraw = requestAnimationFrame(() => {
      this.redraw = 0;
      this.renderRooms();
    });
  }

  // --- acting on all rooms ----------------------------------------------------------------------------------

  private async all(type: string, payload: unknown = {}, only?: (m: RoomMeta) => boolean): Promise<void> {
    this.message.textContent = "";
    const problems: string[] = [];
    await Promise.all(
      [...this.tracked.values()].map(async (entry) => {
        if (!entry.room || !entry.meta || entry.meta.phase === "ended") return;
        if (only && !only(entry.meta)) return;
        try {
          await entry.room.request(type, payload);
        } catch (e) {
          problems.push(`${entry.code}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }),
    );
    if (problems.length > 0) this.message.textContent = problems.join("; ");
  }

  private controls(): HTMLElement {
    const select = h("select", { id: "ws-event" }) as HTMLSelectElement;
    for (const c of cards()) select.append(h("option", { value: c.id }, c.title));
    const codes = this.workshop?.rooms.map((r) => r.code).join(",") ?? "";
    // The rooms' facilitator keys, so that running rooms' rows are filled too (turn, lead, spending, seats).
    const keys = this.workshop?.rooms.map((r) => encodeURIComponent(r.facilitatorKey)).join(",") ?? "";
    return h(
      "div",
      { class: "card ws-controls" },
      h("h3", {}, t("workshop.allRooms")),
      h(
        "div",
        { class: "row" },
        h(
          "button",
          {
            type: "button",
            id: "ws-start",
            class: "primary",
            onclick: () => void this.all("start", {}, (m) => m.phase === "waiting"),
          },
          t("workshop.startAll"),
        ),
        h(
          "button",
          {
            type: "button",
            id: "ws-pause",
            onclick: () => void this.all("pause", {}, (m) => m.phase === "orders" || m.phase === "waiting"),
          },
          t("workshop.pauseAll"),
        ),
        h(
          "button",
          {
            type: "button",
            id: "ws-resume",
            onclick: () => void this.all("resume", {}, (m) => m.phase === "paused"),
          },
          t("workshop.resumeAll"),
        ),
        h(
          "button",
          { type: "button", id: "ws-extend", onclick: () => void this.all("extendTimer", { seconds: 60 }) },
          t("facilitator.extend"),
        ),
      ),
      h(
        "div",
        { class: "row" },
        h("label", { for: "ws-event" }, t("workshop.injectAll")),
        select,
        h(
          "button",
          {
            type: "button",
            id: "ws-inject",
            onclick: () => void this.all("injectEvent", { eventId: select.value }),
          },
          t("facilitator.inject"),
        ),
      ),
      h(
        "div",
        { class: "row" },
        h(
          "a",
          { href: `/api/matches/results.csv?codes=${codes}&keys=${keys}`, id: "ws-results", download: "" },
          t("workshop.results"),
        ),
        h(
          "button",
          {
            type: "button",
            id: "ws-end",
            class: "danger",
            onclick: () => {
              if (window.confirm(t("workshop.confirmEnd"))) void this.all("endMatch");
            },
          },
          t("workshop.endAll"),
        ),
        h(
          "button",
          {
            type: "button",
            id: "ws-close",
            onclick: () => {
              if (!window.confirm(t("workshop.confirmClose"))) return;
              localStorage.removeItem(WORKSHOP_KEY);
              this.destroy();
              this.workshop = null;
              this.render();
            },
          },
          t("workshop.close"),
        ),
      ),
    );
  }

  // --- drawing ----------------------------------------------------------------------------------------------

  private render(): void {
    clear(this.root);
    this.root.append(
      h(
        "div",
        { class: "ws-head" },
        h("h2", { id: "workshop-heading" }, t("workshop.heading")),
        h("button", { type: "button", id: "ws-lobby", onclick: () => this.onClose() }, t("workshop.toLobby")),
      ),
      this.message,
    );
    if (!this.workshop) {
      this.root.append(this.setupForm());
      return;
    }
    this.root.append(this.controls(), this.summary, this.grid, this.results);
    this.renderRooms();
  }

  private renderRooms(): void {
    if (!this.workshop) return;
    clear(this.grid);
    let ended = 0;
    for (const { code } of this.workshop.rooms) {
      const entry = this.tracked.get(code) ?? { code };
      if (entry.meta?.phase === "ended" || entry.outcome) ended++;
      this.grid.append(this.roomCard(entry));
    }
    this.summary.textContent = t("workshop.summary", { rooms: this.workshop.rooms.length, ended });
    this.renderResults();
  }

  /** The finished rooms side by side, for the closing discussion: who won, by how much, at what cost. */
  private renderResults(): void {
    clear(this.results);
    const done = (this.workshop?.rooms ?? [])
      .map((r) => ({ code: r.code, o: this.tracked.get(r.code)?.outcome }))
      .filter((r): r is { code: string; o: Outcome } => r.o !== undefined);
    if (done.length === 0) return;
    const cell = (text: string) => h("td", {}, text);
    const head = [
      t("workshop.table.room"),
      t("workshop.table.winner"),
      t("workshop.table.lead"),
      `${t("debrief.spent")} (${t("sides.us")})`,
      `${t("debrief.spent")} (${t("sides.china")})`,
      `${t("debrief.emissions")} (${t("sides.us")})`,
      `${t("debrief.emissions")} (${t("sides.china")})`,
      t("workshop.table.tension"),
    ];
    this.results.append(
      h("h3", { id: "ws-results-heading" }, t("workshop.table.heading")),
      h(
        "table",
        { class: "ws-results" },
        h("thead", {}, h("tr", {}, ...head.map((text) => h("th", { scope: "col" }, text)))),
        h(
          "tbody",
          {},
          ...done.map(({ code, o }) =>
            h(
              "tr",
              {},
              h("th", { scope: "row" }, code),
              cell(t(`sides.${o.winner}`)),
              cell(`${num(o.leadMonths, 1)} / ${num(o.thresholdMonths, 1)}`),
              cell(money(o.scores.us.spent)),
              cell(money(o.scores.china.spent)),
              cell(`${num(o.scores.us.emissionsMt, 0)} Mt`),
              cell(`${num(o.scores.china.emissionsMt, 0)} Mt`),
              cell(num(o.peakTension, 0)),
            ),
          ),
        ),
      ),
    );
  }

  /** A room's join link as a QR code (an SVG data address), made once per room however often cards redraw. */
  private qrCode(code: string): Promise<string> {
    let made = this.qrCodes.get(code);
    if (!made) {
      made = import("qrcode").then(({ toString }) =>
        toString(joinUrl(code), { type: "svg", margin: 1 }).then(
          (svg) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`,
        ),
      );
      this.qrCodes.set(code, made);
    }
    return made;
  }

  private roomCard(entry: Tracked): HTMLElement {
    const m = entry.meta;
    const code = entry.code;
    const qr = h("img", {
      class: "qr",
      alt: t("workshop.qrAlt", { url: joinUrl(code) }),
      width: 132,
      height: 132,
    });
    void this.qrCode(code).then((src) => qr.setAttribute("src", src));
    const side = (s: "us" | "china") => {
      const people = (m?.players ?? []).filter((p) => p.role === s);
      const confirmed = s === "us" ? m?.usConfirmed : m?.chinaConfirmed;
      const names = people.map(playerLabel);
      return h(
        "li",
        { class: confirmed ? "confirmed" : "" },
        h("strong", {}, t(`sides.${s}`)),
        " ",
        names.length > 0 ? names.join(", ") : t("workshop.nobody"),
        confirmed ? ` · ${t("workshop.confirmed")}` : "",
      );
    };
    let state: string;
    if (entry.outcome)
      state = t("workshop.outcome", {
        winner: t(`sides.${entry.outcome.winner}`),
        lead: num(entry.outcome.leadMonths, 1),
      });
    else if (!m) state = entry.problem ?? t("workshop.connecting");
    else if (m.phase === "ended") state = t("match.ended");
    else {
      // A paused room still shows where it is.
      state = t("match.turn", { turn: m.turn + 1, turns: m.turns, label: m.label });
      if (m.phase === "paused") state = `${state} · ${t("match.paused")}`;
      else if (m.phase === "waiting") state = `${state} · ${t("match.waiting")}`;
    }
    return h(
      "article",
      { class: "card room", id: `room-${code}`, "aria-label": t("match.code", { code }) },
      h("h3", { class: "code" }, code),
      qr,
      h("p", {}, h("a", { href: joinUrl(code), target: "_blank", rel: "noopener" }, joinUrl(code))),
      h("p", { class: "room-state" }, state),
      h("ul", { class: "sides" }, side("us"), side("china")),
      h(
        "p",
        {},
        h(
          "a",
          { href: `/?code=${code}&facilitator=1`, target: "_blank", rel: "noopener", class: "open-room" },
          t("workshop.openRoom"),
        ),
      ),
    );
  }
}
