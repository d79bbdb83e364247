/** The browser client's entry: languages, the connection, and the switch between the lobby and a match. */
import "./style.css";
import { h } from "./dom.ts";
import { initI18n, LANGUAGES, language, onLanguageChange, setLanguage, t, type Language } from "./i18n.ts";
import { NAME_KEY, Net, workshopKey } from "./net.ts";
import { type Invite, renderLobby } from "./ui/lobby.ts";
import { howToPlayLink } from "./ui/how-to-play.tsx";
import { MatchScreen } from "./ui/match.tsx";
import type { WorkshopConsole } from "./ui/workshop.ts";

const main = document.getElementById("main") as HTMLElement;
const status = document.getElementById("status") as HTMLElement;

function showStatus(text: string, kind: "info" | "warn" = "info", autoHide = false): void {
  status.textContent = text;
  status.className = kind;
  status.hidden = false;
  if (autoHide) window.setTimeout(() => (status.hidden = true), 2500);
}

function languageSwitch(): HTMLElement {
  const select = h("select", { id: "language", "aria-label": t("app.language") }) as HTMLSelectElement;
  for (const [code, label] of Object.entries(LANGUAGES))
    select.append(h("option", { value: code, selected: code === language() }, label));
  select.addEventListener("change", () => void setLanguage(select.value as Language));
  return h("label", { class: "lang" }, h("span", {}, t("app.language")), select);
}

let screen: MatchScreen | undefined;
let workshop: WorkshopConsole | undefined;

const net: Net = new Net({
  welcome: (w) => screen?.welcome(w),
  view: (v) => screen?.view(v),
  draft: (d) => screen?.draft(d),
  meta: (m) => screen?.meta(m),
  status: (s) => {
    if (s === "reconnecting") showStatus(t("app.reconnecting"), "warn");
    else if (s === "lost") showStatus(t("app.disconnected"), "warn");
    else if (!status.hidden) showStatus(t("app.reconnected"), "info", true);
  },
  notice: (message) => showStatus(message, "warn"),
  error: (e) => screen?.error(e),
});

function renderHeader(): HTMLElement {
  return h(
    "header",
    { class: "top" },
    h("h1", {}, t("app.title")),
    h("p", { class: "tagline" }, t("app.tagline")),
    howToPlayLink(),
    languageSwitch(),
  );
}

/** What the page's address asks for: the workshop console (`?workshop`), or a room to join (`?code=...`). */
const params = new URLSearchParams(location.search);
const invitedCode = params.get("code")?.trim().toUpperCase() ?? "";

function showLobby(invite?: Invite): void {
  screen?.destroy();
  screen = undefined;
  const lobby = renderLobby(net, showMatch, invite);
  // A student who comes by a room's link or QR code finds the join form first (on a phone, on one screen).
  if (invite) lobby.classList.add("invited");
  main.replaceChildren(renderHeader(), lobby);
}

function showMatch(): void {
  screen = new MatchScreen(net, () => {
    void net.leave().then(() => showLobby());
  });
  main.replaceChildren(renderHeader(), screen.root);
}

async function showWorkshop(): Promise<void> {
  const { WorkshopConsole } = await import("./ui/workshop.ts");
  workshop = new WorkshopConsole(() => {
    workshop?.destroy();
    location.href = "/";
  });
  main.replaceChildren(renderHeader(), workshop.root);
}

/** The page's own strings outside the screens: the title and the skip link of index.html. */
function translateShell(): void {
  document.title = t("app.title");
  const skip = document.querySelector("a.skip");
  if (skip) skip.textContent = t("app.skip");
}

onLanguageChange(() => {
  translateShell();
  if (screen || workshop) {
    main.querySelector("header.top")?.replaceWith(renderHeader());
    screen?.languageChanged();
    workshop?.languageChanged();
  } else showLobby(invite());
});

/** The room of the address, with the facilitator key when it is a room of this browser's workshop. */
function invite(): Invite | undefined {
  if (!invitedCode) return undefined;
  const key = params.has("facilitator") ? workshopKey(invitedCode) : undefined;
  return { code: invitedCode, ...(key ? { facilitatorKey: key } : {}) };
}

await initI18n();
translateShell();
if (params.has("workshop")) await showWorkshop();
else if (await net.resume()) showMatch();
else {
  // A workshop's "open room" link: the teacher's own browser joins as facilitator at once.
  const room = invite();
  const name = localStorage.getItem(NAME_KEY)?.trim();
  if (room?.facilitatorKey && name)
    await net
      .join(room.code, "facilitator", name, room.facilitatorKey)
      .then(showMatch, () => showLobby(room));
  else showLobby(room);
}
