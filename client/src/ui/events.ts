/** Event texts in the player's language: event cards from the deck, lever outcomes from the locale files. */
import deck from "../../../shared/scenarios/events.json";
import type { DeepReadonly, GameEvent } from "../../../shared/rules/index.ts";
import { compact, language, t } from "../i18n.ts";
import { SOURCES_DE } from "../locales/sources-de.ts";

interface Card {
  id: string;
  title: { en: string; de: string };
  text: { en: string; de: string };
}

const CARDS = (deck as { cards: Card[] }).cards;

export function cards(): { id: string; title: string }[] {
  const lang = language();
  return CARDS.map((c) => ({ id: c.id, title: c.title[lang] }));
}

export function eventText(e: DeepReadonly<GameEvent>): { title: string; body: string } {
  const lang = language();
  if (e.key.startsWith("event.")) {
    const card = CARDS.find((c) => c.id === e.key.slice(6));
    if (card) return { title: card.title[lang], body: card.text[lang] };
  }
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(e.params ?? {})) {
    if (k === "host" && typeof v === "string") params[k] = t(`choices.host.${v}`);
    else if (typeof v === "number") params[k] = compact(v);
    else params[k] = v;
  }
  return { title: "", body: t(`events.${e.key}`, params) };
}

/** An event's citation in the player's language: German readers get the translated reference. */
export function eventSource(e: DeepReadonly<GameEvent>): string {
  const english = e.source ?? "";
  if (language() !== "de") return english;
  if (e.key.startsWith("event.")) return SOURCES_DE.events[e.key.slice(6)]?.source ?? english;
  return SOURCES_DE.citations[e.key] ?? english;
}

/** What a card echoes, with its source, in the player's language (for the debrief's list). */
export function cardEcho(card: { id: string; echo: string; source: string }): string {
  const de = language() === "de" ? SOURCES_DE.events[card.id] : undefined;
  return de ? `${de.echo} (${de.source})` : `${card.echo} (${card.source})`;
}
