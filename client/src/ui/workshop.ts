/**
 * The workshop console: a teacher opens several rooms at once, shows each room's join code (as text, link and
 * QR code) to the group that plays it, follows every room's turn and confirmations on one page, pauses,
 * resumes, injects an event or ends the match in all rooms at once, and downloads the results of all rooms.
 * It holds one facilitator connection per room; the rooms and their facilitator keys are kept in this
 * browser, so a reload (or another tab) finds the workshop again. From here the teacher opens the debrief pack
 * of all rooms (printable, see pack.tsx) or the class summary alone.
 */
import { Client, type Room } from "@colyseus/sdk";
import { signal } from "@preact/signals";
import type { MatchExportResponse, ScenarioInfo } from "../../../shared/api.ts";
import type { ViewMessage, WelcomeMessage } from "../../../shared/protocol.ts";
import { ROOM_NAME } from "../../../shared/room.ts";
import type { DeepReadonly, FacilitatorView, Outcome } from "../../../shared/rules/index.ts";
import { mergeView } from "../../../shared/view-delta.ts";
import { clear, field, h } from "../dom.ts";
import { cards } from "./events.ts";
import { language, t } from "../i18n.ts";
import {
  fetchJson,
  joinOrOpen,
  joinUrl,
  NAME_KEY,
  randomId,
  readMeta,
  savedWorkshop,
  serverUrl,
  WORKSHOP_KEY,
  type RoomMeta,
  type Workshop,
  type WorkshopRoom,
} from "../net.ts";
import { mountPack, type PackMode, unmountPack } from "./pack.tsx";
import { mountRooms, type RoomCardData, unmountRooms } from "./workshop-rooms.tsx";
import type { MatchExport, PackRoom } from "./pack-data.ts";
import { publicPart } from "./pack-data.ts";

const MAX_ROOMS = 12;

interface Tracked {
  code: string;
  room?: Room;
  meta?: RoomMeta;
  problem?: string;
  outcome?: Outcome;
  /** The finished match's export (its whole log), for the debrief pack. */
  match?: MatchExport;
  /** The room's latest facilitator view, rebuilt from the trimmed views the room sends. */
  view?: DeepReadonly<FacilitatorView>;
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
  private readonly message = h("p", { class: "error", role: "alert", id: "workshop-error" });
  /** What the last action on all rooms did, for the teacher (an injected event, say). */
  private readonly notice = h("p", { role: "status", id: "workshop-notice" });
  /** The room cards and the results table (workshop-rooms.tsx), following `cardRooms`. */
  private readonly roomsBox = h("div", { class: "ws-live" });
  private readonly cardRooms = signal<readonly RoomCardData[]>([]);
  private redraw = 0;
  private readonly qrCodes = new Map<string, Promise<string>>();
  /** What the console shows below its controls: the room cards, the debrief pack, or the class summary. */
  private mode: "rooms" | PackMode = "rooms";
  private readonly packBox = h("div", { class: "pack-box" });
  private readonly packRooms = signal<readonly PackRoom[]>([]);

  constructor(private readonly onClose: () => void) {
    this.render();
    if (this.workshop) this.connectAll(this.workshop.rooms);
  }

  destroy(): void {
    for (const t of this.tracked.values()) void t.room?.leave(true);
    this.tracked.clear();
    unmountPack(this.packBox);
    unmountRooms(this.roomsBox);
  }

  languageChanged(): void {
    this.render();
  }

  // --- setting up -------------------------------------------------------------------------------------------

  private setupForm(): HTMLElement {
    const scenario = h("select", { id: "ws-scenario" }) as HTMLSelectElement;
    void fetchJson<ScenarioInfo[]>("/api/scenarios").then((list) => {
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
    const autoStart = h("input", { type: "checkbox", id: "ws-auto-start" }) as HTMLInputElement;
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
      h("div", { class: "check" }, autoStart, h("label", { for: "ws-auto-start" }, t("workshop.autoStart"))),
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
        autoStart: autoStart.checked,
        // One seed for all rooms: the same events and the same luck, so that the groups' choices can be compared.
        ...(sameLuck.checked ? { seed: crypto.getRandomValues(new Uint32Array(1))[0]! % 2 ** 31 } : {}),
      });
    });
    return form;
  }

  private async openRooms(
    n: number,
    settings: {
      scenario: string;
      timerSeconds: number | null;
      bots: boolean;
      autoStart: boolean;
      seed?: number;
    },
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
          room.onMessage("welcome", (w: WelcomeMessage) => resolve(w.facilitatorKey ?? "")),
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
    for (const type of ["welcome", "draft", "notice", "error"]) room.onMessage(type, () => undefined);
    // The latest view is kept for the debrief pack of a room still playing, which shows its public part only.
    room.onMessage("view", (m: ViewMessage) => {
      if (m.view.viewer !== "facilitator") return;
      try {
        entry.view = mergeView(entry.view ?? null, m.view, m.from);
      } catch {
        // A view that does not fit the one held: the next full view (on a rejoin) replaces it.
        entry.view = undefined;
      }
      if (this.mode !== "rooms") this.schedule();
    });
    // The room's first state may have come while the room was being opened, before this listener: a room
    // nobody joins would then stay "connecting" and be left out of "Start all".
    const first = room.state as { code?: string } | undefined;
    if (first?.code) {
      entry.meta = readMeta(first);
      if (entry.meta.phase === "ended") void this.fetchOutcome(code);
    }
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
      const result = await fetchJson<MatchExportResponse>(`/api/matches/${code}/export.json`);
      const entry = this.tracked.get(code);
      // Only a finished match's whole log makes a debrief; anything else waits for the end of the match.
      if (!result.outcome?.finished || !Array.isArray(result.history) || !Array.isArray(result.actions))
        return;
      if (entry) {
        entry.outcome = result.outcome;
        entry.match = result;
      }
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

  /** Sends a facilitator action to every room still playing; returns how many rooms took it. */
  private async all(type: string, payload: unknown = {}, only?: (m: RoomMeta) => boolean): Promise<number> {
    this.message.textContent = "";
    this.notice.textContent = "";
    const problems: string[] = [];
    let done = 0;
    await Promise.all(
      [...this.tracked.values()].map(async (entry) => {
        if (!entry.room || !entry.meta || entry.meta.phase === "ended") return;
        if (only && !only(entry.meta)) return;
        try {
          await entry.room.request(type, payload);
          done++;
        } catch (e) {
          problems.push(`${entry.code}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }),
    );
    if (problems.length > 0) this.message.textContent = problems.join("; ");
    return done;
  }

  /** Injects the chosen event card in every room, on each room's current turn, and says so to the teacher. */
  private async injectAll(eventId: string): Promise<void> {
    const labels = new Set(
      [...this.tracked.values()].flatMap((e) => (e.meta && e.meta.phase !== "ended" ? [e.meta.label] : [])),
    );
    const rooms = await this.all("injectEvent", { eventId });
    if (rooms === 0) return;
    const card = cards().find((c) => c.id === eventId)?.title ?? eventId;
    this.notice.textContent = t("pack.injectedAll", { card, rooms, turn: [...labels].sort().join(", ") });
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
            onclick: () => void this.injectAll(select.value),
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
        h("button", { type: "button", id: "ws-pack", onclick: () => this.show("pack") }, t("pack.open")),
        h(
          "button",
          { type: "button", id: "ws-summary", onclick: () => this.show("summary") },
          t("pack.openSummary"),
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
              this.mode = "rooms";
              this.render();
            },
          },
          t("workshop.close"),
        ),
      ),
    );
  }

  // --- drawing ----------------------------------------------------------------------------------------------

  /** Shows the room cards, the debrief pack or the class summary below the controls. */
  private show(mode: "rooms" | PackMode): void {
    if (mode !== this.mode) unmountPack(this.packBox);
    this.mode = mode;
    // A finished room whose log could not be read when it ended is asked again.
    if (mode !== "rooms")
      for (const entry of this.tracked.values())
        if (!entry.match && (entry.meta?.phase === "ended" || !entry.room))
          void this.fetchOutcome(entry.code);
    this.render();
    if (mode !== "rooms") this.packBox.querySelector("h1")?.scrollIntoView();
  }

  /** Every room as the pack sees it: its export once finished, else the public part of its view. */
  private packList(): PackRoom[] {
    return (this.workshop?.rooms ?? []).map(({ code }): PackRoom => {
      const entry = this.tracked.get(code);
      if (entry?.match) return { code, kind: "finished", match: entry.match };
      if (entry?.view) return { code, kind: "playing", room: publicPart(entry.view) };
      return { code, kind: "unknown", ...(entry?.problem ? { problem: entry.problem } : {}) };
    });
  }

  private render(): void {
    clear(this.root);
    this.root.classList.toggle("packing", this.mode !== "rooms");
    this.root.append(
      h(
        "div",
        { class: "ws-head" },
        h("h2", { id: "workshop-heading" }, t("workshop.heading")),
        h("button", { type: "button", id: "ws-lobby", onclick: () => this.onClose() }, t("workshop.toLobby")),
      ),
      this.message,
      this.notice,
    );
    if (!this.workshop) {
      this.root.append(this.setupForm());
      return;
    }
    if (this.mode !== "rooms") {
      this.root.append(this.controls(), this.packBox);
      this.packRooms.value = this.packList();
      mountPack(this.packBox, this.packRooms, this.mode, () => this.show("rooms"));
      return;
    }
    this.root.append(this.controls(), this.roomsBox);
    this.renderRooms();
    mountRooms(this.roomsBox, { rooms: this.cardRooms, qrCode: this.qrCode });
  }

  /** Hands the rooms' latest state to the cards (or to the pack); Preact redraws only what changed. */
  private renderRooms(): void {
    if (!this.workshop) return;
    if (this.mode !== "rooms") {
      this.packRooms.value = this.packList();
      return;
    }
    this.cardRooms.value = this.workshop.rooms.map(({ code }) => {
      const entry = this.tracked.get(code);
      // A new object per room, so that the cards see the change (the tracked entries change in place).
      return { code, meta: entry?.meta, problem: entry?.problem, outcome: entry?.outcome };
    });
  }

  /** A room's join link as a QR code (an SVG data address), made once per room however often cards redraw. */
  private readonly qrCode = (code: string): Promise<string> => {
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
  };
}
