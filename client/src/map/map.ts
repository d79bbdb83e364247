/**
 * The world map as the game board, drawn with Phaser from real geography: Natural Earth country shapes
 * (world-atlas) projected with d3-geo. On it: the US, China and the host countries, each side's capability,
 * China's leases abroad and the flow of US chips while the controls allow it, for what this viewer may see.
 * Hovering or focusing a place shows its figures; clicking a host asks the match screen for its levers (the
 * `cf:host` window event). When a turn resolves, what moved is animated (unless motion is reduced), and the
 * render loop sleeps whenever nothing moves.
 */
import * as Phaser from "phaser";
import type { DeepReadonly, View } from "../../../shared/rules/index.ts";
import { num, onLanguageChange, t } from "../i18n.ts";
import { PALETTE } from "../ui/palette.ts";
import type { Move } from "./changes.ts";
import { figuresOf, type Place } from "./figures.ts";
import { chips } from "./format.ts";
import "./map.css";
import { isHost, MapScene, PLACE_IDS, type Probe } from "./scene.ts";
import { addMapStrings } from "./strings.ts";

const REDUCE_KEY = "cf.reduceMotion";
const LEGEND = ["capability", "exports", "lease", "host", "remote", "estimate"] as const;

/** A move in the player's words, for the list beside the map. */
function moveText(move: Move): string {
  switch (move.kind) {
    case "shipped":
      return move.h100e === null
        ? t("map.legend.exports")
        : t("map.moved.shipped", { value: chips(move.h100e) });
    case "smuggled":
    case "made":
    case "bought":
      return t(`map.moved.${move.kind}`, { value: chips(move.h100e) });
    case "leaseOpened":
    case "leaseCut":
    case "leaseFound":
      return t(`map.moved.${move.kind}`, { value: chips(move.h100e), host: t(`choices.host.${move.host}`) });
    case "power":
    case "halls":
      return t(`map.moved.${move.kind}`, { value: gwText(move.gw), side: t(`sides.${move.side}`) });
    case "hostHalls":
      return t("map.moved.hostHalls", { value: gwText(move.gw), host: t(`choices.host.${move.host}`) });
    case "tightened":
    case "loosened":
      return t(`map.moved.${move.kind}`, { level: t(`choices.level.${move.level}`) });
    case "remoteRule":
      return t("map.moved.remoteRule", { host: t(`choices.host.${move.host}`) });
  }
}

/** Built power or halls: whole gigawatts, or whole megawatts below 10 GW. */
function gwText(gw: number): string {
  return gw >= 10 ? `${num(Math.round(gw), 0)} GW` : `${num(Math.round(gw * 1000), 0)} MW`;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Whether the player asked for less motion: the system setting, or this game's own switch. */
function initialReduceMotion(): boolean {
  const stored = localStorage.getItem(REDUCE_KEY);
  if (stored !== null) return stored === "1";
  return window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
}

export interface MapHandle {
  update(view: DeepReadonly<View>): void;
  destroy(): void;
}

/**
 * Draws the map for `view` into `parent` (it fills the parent's width and follows its size), with a legend,
 * tooltips, a focusable list of places and a reduce-motion switch. `update` takes each new view.
 */
export function mountMap(parent: HTMLElement, view: DeepReadonly<View>): MapHandle {
  addMapStrings();
  parent.classList.add("cf-map");
  parent.removeAttribute("role");
  const stage = el("div", { class: "cf-map-stage" });
  const places = el("ul", { class: "cf-map-places" });
  const tip = el("div", { class: "cf-map-tip", role: "tooltip", id: "map-tip", hidden: "" });
  const side = el("div", { class: "cf-map-side" });
  const legend = el("section", { class: "cf-map-legend", id: "map-legend" });
  const motionBox = el("input", { type: "checkbox", id: "map-reduce-motion" });
  const motionLabel = el("label", { for: "map-reduce-motion" });
  const hint = el("p", { class: "cf-map-hint" });
  const moved = el("section", { class: "cf-map-moved", id: "map-moved", "aria-live": "polite" });
  stage.append(places, tip);
  side.append(legend, el("p", { class: "cf-map-motion" }), hint, moved);
  side.querySelector(".cf-map-motion")!.append(motionBox, motionLabel);
  parent.replaceChildren(stage, side);

  let reduceMotion = initialReduceMotion();
  motionBox.checked = reduceMotion;
  stage.dataset.reduceMotion = String(reduceMotion);
  let frames = 0;
  let animations = 0;
  let current = view;
  let lastMoves: Move[] = [];
  let tipPlace: Place | null = null;

  const probe: Probe = {
    frame: () => void (stage.dataset.frames = String(++frames)),
    loop: (running) => void (stage.dataset.loop = running ? "running" : "asleep"),
    animating: (on) => {
      stage.dataset.animating = String(on);
      if (on) stage.dataset.animations = String(++animations);
    },
    laidOut: () => {
      positionButtons();
      if (tipPlace) showTip(tipPlace);
    },
  };
  stage.dataset.animations = "0";
  stage.dataset.loop = "running";
  stage.dataset.animating = "false";
  const scene = new MapScene(view, probe);
  const size = () => ({
    width: Math.max(280, Math.round(stage.clientWidth || parent.clientWidth || 800)),
    height: Math.max(160, Math.round(stage.clientHeight || 400)),
  });
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent: stage,
    ...size(),
    backgroundColor: PALETTE.water,
    scene,
    banner: false,
    audio: { noAudio: true },
    scale: { mode: Phaser.Scale.NONE },
  });

  const buttons = new Map<Place, HTMLButtonElement>();
  for (const place of PLACE_IDS) {
    const li = el("li");
    const button = el("button", { type: "button", class: "cf-map-place", "data-place": place });
    button.append(el("span", { class: "cf-map-name" }));
    button.addEventListener("focus", () => showTip(place));
    button.addEventListener("blur", () => hideTip());
    button.addEventListener("click", () => open(place));
    li.append(button);
    places.append(li);
    buttons.set(place, button);
  }

  function positionButtons(): void {
    for (const [place, button] of buttons) {
      const [x, y] = scene.points.get(place) ?? [0, 0];
      button.style.left = `${Math.round(x)}px`;
      button.style.top = `${Math.round(y)}px`;
    }
  }

  function open(place: Place): void {
    if (isHost(place)) window.dispatchEvent(new CustomEvent("cf:host", { detail: { host: place } }));
  }

  function showTip(place: Place): void {
    tipPlace = place;
    const { title, lines } = figuresOf(current, place);
    tip.replaceChildren(el("strong", {}, title), ...lines.map((line) => el("span", {}, line)));
    tip.hidden = false;
    tip.dataset.place = place;
    const [x, y] = scene.points.get(place) ?? [0, 0];
    const { width, height } = size();
    // Beside the place, on the side with more room, and inside the map.
    const w = tip.offsetWidth;
    const h = tip.offsetHeight;
    const left = x + 18 + w <= width ? x + 18 : Math.max(0, x - 18 - w);
    const top = Math.min(Math.max(0, y - h / 2), Math.max(0, height - h));
    tip.style.left = `${Math.round(left)}px`;
    tip.style.top = `${Math.round(top)}px`;
    buttons.get(place)?.setAttribute("aria-describedby", "map-tip");
    scene.setHighlight(place);
  }

  function hideTip(): void {
    if (tipPlace) buttons.get(tipPlace)?.removeAttribute("aria-describedby");
    tipPlace = null;
    tip.hidden = true;
    delete tip.dataset.place;
    scene.setHighlight(null);
  }

  const local = (e: MouseEvent): [number, number] => {
    const r = stage.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  };
  const onMove = (e: MouseEvent) => {
    const place = scene.placeAt(...local(e));
    stage.style.cursor = place && isHost(place) ? "pointer" : "";
    if (place === tipPlace) return;
    if (place) showTip(place);
    else hideTip();
  };
  const onClick = (e: MouseEvent) => {
    const place = scene.placeAt(...local(e));
    if (place) open(place);
  };
  stage.addEventListener("mousemove", onMove);
  stage.addEventListener("mouseleave", hideTip);
  stage.addEventListener("click", onClick);

  function renderText(): void {
    const v = current;
    parent.setAttribute("role", "group");
    parent.setAttribute(
      "aria-label",
      t("map.label", {
        summary: t("map.summary", {
          months: num(v.leadMonths, 0),
          level: t(`choices.level.${v.exportControlLevel}`),
        }),
      }),
    );
    places.setAttribute("aria-label", t("map.hosts"));
    for (const [place, button] of buttons)
      button.querySelector(".cf-map-name")!.textContent = isHost(place)
        ? t(`choices.host.${place}`)
        : t(`roles.${place}`);
    const items = LEGEND.map((key) => {
      const li = el("li");
      li.append(el("span", { class: `cf-map-swatch cf-map-swatch-${key}`, "aria-hidden": "true" }));
      li.append(t(`map.legend.${key}`));
      return li;
    });
    legend.replaceChildren(el("h3", {}, t("map.legend.title")), el("ul", {}));
    legend.querySelector("ul")!.append(...items);
    motionLabel.textContent = t("map.reduceMotion");
    hint.textContent = t("map.hint");
    renderMoves();
    if (tipPlace) showTip(tipPlace);
  }

  function renderMoves(): void {
    const list = el("ul", {});
    list.append(
      ...(lastMoves.length ? lastMoves : [null]).map((m) =>
        el("li", {}, m ? moveText(m) : t("map.moved.nothing")),
      ),
    );
    moved.replaceChildren(el("h3", {}, t("map.moved.title")), list);
    moved.hidden = current.turn === 0;
  }

  const setReduceMotion = (on: boolean) => {
    reduceMotion = on;
    motionBox.checked = on;
    stage.dataset.reduceMotion = String(on);
    if (on) scene.stopAnimations();
  };
  motionBox.addEventListener("change", () => {
    localStorage.setItem(REDUCE_KEY, motionBox.checked ? "1" : "0");
    // Other animated parts of the page follow the same switch.
    window.dispatchEvent(new CustomEvent("cf:reduce-motion", { detail: motionBox.checked }));
  });
  const onReduce = (e: Event) => setReduceMotion(Boolean((e as CustomEvent<unknown>).detail));
  window.addEventListener("cf:reduce-motion", onReduce);
  const media = window.matchMedia?.("(prefers-reduced-motion: reduce)");
  const onMedia = (e: MediaQueryListEvent) => {
    if (localStorage.getItem(REDUCE_KEY) === null) setReduceMotion(e.matches);
  };
  media?.addEventListener("change", onMedia);

  const resize = new ResizeObserver(() => {
    const { width, height } = size();
    if (width === game.scale.width && height === game.scale.height) return;
    game.scale.resize(width, height);
    scene.layout();
  });
  resize.observe(stage);
  const offLanguage = onLanguageChange(() => {
    scene.draw();
    renderText();
  });

  stage.dataset.turn = String(view.turn);
  renderText();
  return {
    update: (next) => {
      const previous = current;
      current = next;
      const moves = scene.setView(next);
      if (next.turn > previous.turn) {
        lastMoves = moves;
        if (!reduceMotion) scene.animate(moves, previous);
      }
      stage.dataset.turn = String(next.turn);
      renderText();
    },
    destroy: () => {
      resize.disconnect();
      offLanguage();
      window.removeEventListener("cf:reduce-motion", onReduce);
      media?.removeEventListener("change", onMedia);
      game.destroy(true);
    },
  };
}
