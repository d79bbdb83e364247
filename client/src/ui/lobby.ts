/** The lobby: create a match, join one by code, or pick an open one. Plain HTML forms, usable by keyboard. */
import { field, h } from "../dom.ts";
import { language, t } from "../i18n.ts";
import { fetchJson, forgetSeat, keepSeat, keptSeats, NAME_KEY, type Net, readSeatToken } from "../net.ts";
import { DEFAULT_BOTS, isJoinCode, ROLES, type Role } from "../../../shared/room.ts";
import type { Side } from "../../../shared/rules/types.ts";
import type { BotInfo, MatchListing, ScenarioInfo, SeatPlace, SeatRow } from "../../../shared/api.ts";

/** Menu order: the personas, then the strongest, then the weak ones. */
const BOT_ORDER = ["hawk", "builder", "offshorer", "self-reliance", "search", "random-legal", "passive"];

function roleSelect(id: string, roles: readonly Role[] = ROLES): HTMLSelectElement {
  const select = h("select", { id, name: "role" }) as HTMLSelectElement;
  for (const r of roles) select.append(h("option", { value: r }, t(`roles.${r}`)));
  return select;
}

/** A join code from the page's address (`/?code=ABC234`), and for a workshop room the facilitator's key. */
export interface Invite {
  code: string;
  facilitatorKey?: string;
}

export function renderLobby(net: Net, onJoined: () => void, invite?: Invite): HTMLElement {
  const lang = language();
  const error = h("p", { class: "error", role: "alert", id: "lobby-error" });
  const nameInput = h("input", {
    id: "name",
    name: "name",
    autocomplete: "nickname",
    maxlength: 40,
    required: true,
    value: localStorage.getItem(NAME_KEY) ?? "",
  }) as HTMLInputElement;
  // Kept as it is typed, so that a language switch (which draws the lobby anew) does not lose it.
  nameInput.addEventListener("input", () => localStorage.setItem(NAME_KEY, nameInput.value.trim()));
  const fail = (e: unknown) => {
    error.textContent = e instanceof Error ? e.message : String(e);
  };
  const name = (): string | null => {
    const value = nameInput.value.trim();
    if (!value) {
      error.textContent = t("lobby.errorName");
      nameInput.focus();
      return null;
    }
    localStorage.setItem(NAME_KEY, value);
    return value;
  };

  // Create
  const scenario = h("select", { id: "scenario", name: "scenario" }) as HTMLSelectElement;
  const summary = h("p", { class: "summary", id: "scenario-summary" });
  const scenarios: ScenarioInfo[] = [];
  const showSummary = () =>
    (summary.textContent = scenarios.find((s) => s.id === scenario.value)?.summary[lang] ?? "");
  scenario.addEventListener("change", showSummary);
  void fetchJson<ScenarioInfo[]>("/api/scenarios").then((list) => {
    scenarios.push(...list);
    for (const s of list) scenario.append(h("option", { value: s.id }, s.title[lang]));
    showSummary();
  });
  const createRole = roleSelect("create-role");
  const timer = h("select", { id: "timer", name: "timer" }) as HTMLSelectElement;
  timer.append(h("option", { value: "" }, t("lobby.timerNone")));
  for (const s of [60, 120, 180, 300, 600])
    timer.append(
      h(
        "option",
        { value: String(s) },
        s < 120 ? t("lobby.timerSeconds", { n: s }) : t("lobby.timerMinutes", { n: s / 60 }),
      ),
    );
  // Homework play over days: a deadline in hours, kept by the server across restarts.
  for (const days of [1, 2, 7])
    timer.append(
      h(
        "option",
        { value: `${days * 24}h` },
        days === 1 ? t("lobby.timerOneDay") : t("lobby.timerDays", { n: days }),
      ),
    );
  const isPrivate = h("input", { type: "checkbox", id: "private", name: "private" }) as HTMLInputElement;
  const bots = h("input", { type: "checkbox", id: "bots", name: "bots", checked: true }) as HTMLInputElement;
  const botChoice = {} as Record<Side, HTMLSelectElement>;
  const botAbout = {} as Record<Side, HTMLElement>;
  const botFields = h("div", { class: "bot-choice" });
  for (const side of ["us", "china"] as const) {
    botChoice[side] = h("select", { id: `bot-${side}`, name: `bot-${side}` }) as HTMLSelectElement;
    botAbout[side] = h("small", { id: `bot-${side}-about` });
    botChoice[side].setAttribute("aria-describedby", botAbout[side].id);
    const box = field(t(side === "us" ? "lobby.botUs" : "lobby.botChina"), botChoice[side]);
    box.append(botAbout[side]);
    botFields.append(box);
  }
  bots.addEventListener("change", () => (botFields.hidden = !bots.checked));
  void fetchJson<BotInfo[]>("/api/bots").then((list) => {
    const rank = (id: string) => (BOT_ORDER.includes(id) ? BOT_ORDER.indexOf(id) : BOT_ORDER.length);
    // A bot this client has no words for shows its id and the server's English description.
    const known = (id: string) => t(`bots.${id}.name`) !== `bots.${id}.name`;
    const about = (bot: BotInfo) => (known(bot.id) ? t(`bots.${bot.id}.about`) : bot.description);
    for (const side of ["us", "china"] as const) {
      const mine = list.filter((b) => b.sides.includes(side)).sort((a, b) => rank(a.id) - rank(b.id));
      for (const bot of mine)
        botChoice[side].append(
          h("option", { value: bot.id }, known(bot.id) ? t(`bots.${bot.id}.name`) : bot.id),
        );
      const show = () => {
        const bot = mine.find((b) => b.id === botChoice[side].value);
        botAbout[side].textContent = bot ? about(bot) : "";
      };
      botChoice[side].addEventListener("change", show);
      botChoice[side].value = DEFAULT_BOTS[side];
      show();
    }
  });
  const createForm = h(
    "form",
    { class: "card", id: "create-form", "aria-labelledby": "create-heading" },
    h("h2", { id: "create-heading" }, t("lobby.create")),
    field(t("lobby.scenario"), scenario),
    summary,
    field(t("lobby.role"), createRole),
    field(t("lobby.timer"), timer),
    h("div", { class: "check" }, bots, h("label", { for: "bots" }, t("lobby.bots"))),
    botFields,
    h("div", { class: "check" }, isPrivate, h("label", { for: "private" }, t("lobby.private"))),
    h("button", { type: "submit", id: "create-button" }, t("lobby.createButton")),
  );
  createForm.addEventListener("submit", (e) => {
    e.preventDefault();
    const n = name();
    if (!n) return;
    net
      .create({
        role: createRole.value as Role,
        name: n,
        scenario: scenario.value || "baseline-2025",
        ...(timer.value.endsWith("h")
          ? { deadlineHours: Number(timer.value.slice(0, -1)) }
          : { timerSeconds: timer.value ? Number(timer.value) : null }),
        private: isPrivate.checked,
        bots: bots.checked,
        ...(botChoice.us.value ? { botUs: botChoice.us.value } : {}),
        ...(botChoice.china.value ? { botChina: botChoice.china.value } : {}),
      })
      .then(onJoined, fail);
  });

  // Join
  const code = h("input", {
    id: "code",
    name: "code",
    maxlength: 6,
    autocomplete: "off",
    autocapitalize: "characters",
    spellcheck: false,
  }) as HTMLInputElement;
  const joinRole = roleSelect("join-role");
  const key = h("input", {
    id: "facilitator-key",
    name: "facilitatorKey",
    autocomplete: "off",
  }) as HTMLInputElement;
  const keyField = field(t("lobby.facilitatorKey"), key);
  keyField.hidden = true;
  joinRole.addEventListener("change", () => (keyField.hidden = joinRole.value !== "facilitator"));
  if (invite) {
    code.value = invite.code;
    if (invite.facilitatorKey) {
      joinRole.value = "facilitator";
      key.value = invite.facilitatorKey;
      keyField.hidden = false;
    }
  }
  const joinForm = h(
    "form",
    { class: "card", id: "join-form", "aria-labelledby": "join-heading" },
    h("h2", { id: "join-heading" }, t("lobby.join")),
    field(t("lobby.code"), code),
    field(t("lobby.role"), joinRole),
    keyField,
    h("button", { type: "submit", id: "join-button" }, t("lobby.joinButton")),
  );
  const join = (c: string, role: Role) => {
    const n = name();
    if (!n) return;
    if (!isJoinCode(c)) {
      error.textContent = t("lobby.errorCode");
      code.focus();
      return;
    }
    net.join(c, role, n, key.value.trim() || undefined).then(onJoined, fail);
  };
  joinForm.addEventListener("submit", (e) => {
    e.preventDefault();
    join(code.value, joinRole.value as Role);
  });

  // Your matches: the seats this browser holds tokens for, and which of them waits for this player.
  const mine = h("ul", { class: "open-list", id: "your-matches" });
  const seatLink = new URLSearchParams(location.search).get("seat");
  // A teacher's rejoin link (`/?seat=TOKEN`) lands here: the seat joins "your matches".
  if (seatLink && readSeatToken(seatLink)) keepSeat(seatLink, nameInput.value.trim());
  else if (seatLink) error.textContent = t("lobby.badSeat");
  const rejoin = (token: string) => {
    const n = name();
    if (!n) return;
    keepSeat(token, n);
    net.rejoin(token, n).then(onJoined, fail);
  };
  const stateText = (s: SeatPlace): string => {
    if (s.phase === "ended") return t("lobby.over");
    if (s.phase === "waiting") return t("lobby.notStarted");
    if (s.phase === "paused") return t("lobby.paused");
    const turn = s.waitsForYou ? t("lobby.yourTurn") : t("lobby.othersTurn");
    return s.deadline
      ? `${turn} · ${t("lobby.deadline", { time: new Date(s.deadline).toLocaleString(lang) })}`
      : turn;
  };
  const refreshMine = async () => {
    const kept = keptSeats();
    mine.replaceChildren();
    if (kept.length === 0) return void mine.append(h("li", {}, t("lobby.noYourMatches")));
    const res = await fetch("/api/seats", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ tokens: kept.map((k) => k.token) }),
    }).catch(() => null);
    const statuses = res?.ok ? ((await res.json()) as SeatRow[]) : [];
    mine.replaceChildren();
    for (const s of statuses) {
      const seat = readSeatToken(s.token);
      if (!seat) continue;
      // A token the server cannot place comes back with the reason instead.
      const place = "error" in s ? null : s;
      const item = h(
        "li",
        { class: place?.waitsForYou ? "waits-for-you" : "" },
        h("strong", {}, seat.code),
        ` ${place?.title[lang] ?? ""} · ${t(`roles.${seat.role}`)} · ${place?.label ?? ""} · `,
        place ? h("span", { class: "seat-state" }, stateText(place)) : "error" in s ? s.error : "",
        " ",
      );
      if (place && place.phase !== "ended")
        item.append(
          h(
            "button",
            { type: "button", id: `rejoin-${seat.code}`, onclick: () => rejoin(s.token) },
            t("lobby.rejoin", { code: seat.code }),
          ),
        );
      item.append(
        h(
          "button",
          {
            type: "button",
            class: "secondary",
            onclick: () => {
              forgetSeat(s.token);
              void refreshMine();
            },
          },
          t("lobby.forget", { code: seat.code }),
        ),
      );
      mine.append(item);
    }
    if (!mine.firstChild) mine.append(h("li", {}, t("lobby.noYourMatches")));
  };
  void refreshMine();
  const yours = h(
    "section",
    { class: "card", "aria-labelledby": "your-heading", id: "your-matches-card" },
    h("h2", { id: "your-heading" }, t("lobby.yourMatches")),
    mine,
    h("button", { type: "button", onclick: () => void refreshMine() }, t("lobby.refresh")),
  );

  // Open matches
  const list = h("ul", { class: "open-list", id: "open-matches" });
  const refresh = () =>
    void fetchJson<MatchListing[]>("/api/matches").then((matches) => {
      list.replaceChildren();
      if (matches.length === 0) list.append(h("li", {}, t("lobby.noOpen")));
      for (const m of matches) {
        const pick = roleSelect(`open-role-${m.code}`, ["us", "china", "spectator"]);
        pick.setAttribute("aria-label", `${t("lobby.role")} ${m.code}`);
        list.append(
          h(
            "li",
            {},
            h("strong", {}, m.code),
            ` ${m.title[lang]} · ${t("lobby.seats", { us: m.seats.us, china: m.seats.china, spectators: m.seats.spectators })} `,
            pick,
            h(
              "button",
              { type: "button", onclick: () => join(m.code, pick.value as Role) },
              t("lobby.joinThis", { code: m.code }),
            ),
          ),
        );
      }
    });
  refresh();
  const open = h(
    "section",
    { class: "card", "aria-labelledby": "open-heading" },
    h("h2", { id: "open-heading" }, t("lobby.openMatches")),
    list,
    h("button", { type: "button", onclick: refresh }, t("lobby.refresh")),
  );

  return h(
    "section",
    { class: "lobby", "aria-labelledby": "lobby-heading" },
    h("h2", { id: "lobby-heading", class: "visually-hidden" }, t("lobby.heading")),
    h(
      "div",
      { class: "lobby-top" },
      h("div", { class: "card name-card" }, field(t("lobby.name"), nameInput)),
      h(
        "div",
        { class: "card teach-card" },
        h("p", {}, t("lobby.workshopHelp")),
        h("a", { href: "/?workshop", id: "to-workshop" }, t("lobby.workshop")),
      ),
    ),
    error,
    h("div", { class: "lobby-grid" }, yours, createForm, joinForm, open),
  );
}
