/**
 * The event deck: cards that echo real events, each with its source. Each card kind has one small effect. Two
 * kinds of draw (see streams.ts):
 * - public cards: each turn the public stream of the seed picks at most one card by its base weight, whatever
 *   the players ordered, so rooms given one seed see the same cards; a card whose public condition does not
 *   hold (an export pause while chips are banned, a one-time card already drawn) then does nothing;
 * - detections (cards that can only happen because of something a side hides: a smuggling ring caught, a
 *   lease exposed, a reform vote, a yield breakthrough that research makes likelier) are drawn each on the
 *   secret detection stream, so that a card that did not come up tells nobody anything.
 * The facilitator can also inject any card on a chosen turn; the public draw then rests for that turn.
 */
import { z } from "zod";
import deckJson from "../scenarios/events.json" with { type: "json" };
import type { ResolveContext } from "./levers/lever.ts";
import { holdReformVote } from "./levers/permittingReform.ts";
import { clamp, saturate } from "./model.ts";
import type { MatchState, ModifierTarget } from "./types.ts";
import { HOSTS, SIDES } from "./types.ts";
import { publicDice } from "./streams.ts";

const side = z.enum(SIDES);
const host = z.enum(HOSTS);
const factor = z.number().finite().min(0).max(10);
const turns = z.number().int().min(1).max(20);
const text = z.object({ en: z.string().min(1), de: z.string().min(1) }).strict();

const EffectSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("algoShock"), side, factor, spillover: z.number().min(0).max(1) }).strict(),
  z
    .object({
      kind: z.literal("hostTightens"),
      host,
      openness: z.number().min(-1).max(1),
      strictness: z.number().min(-1).max(1),
    })
    .strict(),
  z
    .object({
      kind: z.literal("smugglingBust"),
      seizeShare: z.number().min(0).max(1),
      tension: z.number().min(0).max(100),
    })
    .strict(),
  z
    .object({ kind: z.literal("projectDelay"), side, turns, projects: z.enum(["dataCenter", "power"]) })
    .strict(),
  z.object({ kind: z.literal("powerCut"), side, factor, turns }).strict(),
  z.object({ kind: z.literal("reformVote") }).strict(),
  z.object({ kind: z.literal("hbmShortage"), factor, turns, stockLoss: z.number().min(0).max(1) }).strict(),
  z.object({ kind: z.literal("newGeneration"), kwFactor: factor, supplyFactor: factor }).strict(),
  z.object({ kind: z.literal("supplyShock"), factor, turns, tension: z.number().min(0).max(100) }).strict(),
  z.object({ kind: z.literal("yieldBreakthrough"), yieldGain: z.number().min(0).max(1) }).strict(),
  z.object({ kind: z.literal("exportPause"), turns, designLevels: z.number().min(0).max(5) }).strict(),
  z
    .object({ kind: z.literal("costShock"), side, factor, turns, tension: z.number().min(0).max(100) })
    .strict(),
  z
    .object({
      kind: z.literal("hostsCloseRanks"),
      openness: z.number().min(-1).max(1),
      strictness: z.number().min(-1).max(1),
    })
    .strict(),
  z.object({ kind: z.literal("capacityBoom"), host, gw: z.number().min(0).max(100) }).strict(),
  z.object({ kind: z.literal("leaseExposed"), host, strictness: z.number().min(0).max(1) }).strict(),
]);

export const EventCardSchema = z
  .object({
    id: z.string().regex(/^[a-zA-Z0-9]+$/),
    title: text,
    text: text,
    echo: z.string().min(8, "say which real event the card echoes"),
    source: z.string().min(8, "every card names its source"),
    weight: z.number().min(0).max(100),
    once: z.boolean(),
    earliestTurn: z.number().int().min(0).max(40),
    effect: EffectSchema,
  })
  .strict();

export const EventDeckSchema = z
  .object({
    magnitudes: z.string().min(8, "say where the effect sizes come from"),
    cards: z.array(EventCardSchema).min(15),
  })
  .strict()
  .refine((d) => new Set(d.cards.map((c) => c.id)).size === d.cards.length, "card ids must be unique");

export type EventCard = z.infer<typeof EventCardSchema>;
export type EventEffect = z.infer<typeof EffectSchema>;

/** The built-in deck, checked when the module loads (a broken deck is a build error, not a silent default). */
export const EVENT_DECK: readonly EventCard[] = EventDeckSchema.parse(deckJson).cards;

export function findCard(id: string): EventCard | undefined {
  return EVENT_DECK.find((c) => c.id === id);
}

/** Card kinds whose occurrence depends on something a side hides: drawn on the secret detection stream. */
const DETECTION_KINDS: ReadonlySet<EventEffect["kind"]> = new Set([
  "reformVote",
  "smugglingBust",
  "leaseExposed",
  "yieldBreakthrough",
]);
const DETECTION_CARDS = EVENT_DECK.filter((c) => DETECTION_KINDS.has(c.effect.kind));

/** Whether a card is a detection, drawn on the secret stream (its odds hang on something a side hides). */
export function isDetectionCard(id: string): boolean {
  return DETECTION_CARDS.some((c) => c.id === id);
}
const PUBLIC_CARDS = EVENT_DECK.filter((c) => !DETECTION_KINDS.has(c.effect.kind));
const TOTAL_WEIGHT = EVENT_DECK.reduce((sum, c) => sum + c.weight, 0);
const PUBLIC_WEIGHT = PUBLIC_CARDS.reduce((sum, c) => sum + c.weight, 0);

/** Whether a card can fire now, and how much likelier than its base weight. */
function weightNow(state: MatchState, card: EventCard): number {
  if (state.turn < card.earliestTurn) return 0;
  if (card.once && state.drawn.includes(card.id)) return 0;
  const e = card.effect;
  switch (e.kind) {
    case "reformVote":
      return state.us.reformProgress > 0.2 ? card.weight : 0;
    case "exportPause":
      return state.us.exportControlLevel === "open" || state.us.exportControlLevel === "performanceCap"
        ? card.weight
        : 0;
    case "smugglingBust":
      return state.china.smuggledTotal > 0 ? card.weight : 0;
    case "leaseExposed":
      return state.china.leases[e.host] > 0 ? card.weight : 0;
    case "yieldBreakthrough":
      // Research spending makes a breakthrough likelier.
      return (
        card.weight *
        (1 + 2 * saturate(state.china.chipResearchStock, state.scenario.params.levers.chipResearchRef * 4))
      );
    default:
      return card.weight;
  }
}

function addModifier(
  ctx: ResolveContext,
  target: ModifierTarget,
  factorValue: number,
  turnsLeft: number,
  eventId: string,
): void {
  ctx.s.modifiers.push({ target, factor: factorValue, turnsLeft, eventId });
}

function applyEffect(ctx: ResolveContext, card: EventCard): void {
  const s = ctx.s;
  const e = card.effect;
  switch (e.kind) {
    case "algoShock": {
      const other = e.side === "us" ? "china" : "us";
      s[e.side].algoEfficiency *= e.factor;
      s[other].algoEfficiency *= Math.pow(e.factor, e.spillover);
      return;
    }
    case "hostTightens": {
      const h = s.hosts[e.host];
      h.openness = clamp(h.openness + e.openness, 0, 1);
      h.strictness = clamp(h.strictness + e.strictness, 0, 1);
      return;
    }
    case "smugglingBust": {
      const seized = Math.min(s.china.fleet.frontier.h100e, s.china.smuggledTotal * e.seizeShare);
      removeChips(s, seized);
      s.china.smuggledTotal -= seized;
      s.tension = clamp(s.tension + e.tension, 0, 100);
      return;
    }
    case "projectDelay":
      for (const p of s[e.side].projects) {
        if (p.kind !== e.projects) continue;
        p.turnsLeft += e.turns;
        p.delayTurns += e.turns;
      }
      return;
    case "powerCut":
      addModifier(ctx, `${e.side}.power`, e.factor, e.turns, card.id);
      return;
    case "reformVote":
      holdReformVote(ctx);
      return;
    case "hbmShortage":
      addModifier(ctx, "china.hbmProduction", e.factor, e.turns, card.id);
      s.china.hbmStock *= 1 - e.stockLoss;
      return;
    case "newGeneration":
      s.us.frontierKwPerH100e *= e.kwFactor;
      s.us.frontierSupply *= e.supplyFactor;
      return;
    case "supplyShock":
      addModifier(ctx, "us.frontierSupply", e.factor, e.turns, card.id);
      s.tension = clamp(s.tension + e.tension, 0, 100);
      return;
    case "yieldBreakthrough":
      s.china.fabYield = clamp(s.china.fabYield + e.yieldGain, 0, 0.95);
      return;
    case "exportPause":
      addModifier(ctx, "china.exportGradeSupply", 0, e.turns, card.id);
      s.china.chipDesignLevel += e.designLevels;
      return;
    case "costShock":
      addModifier(ctx, `${e.side}.buildCost`, e.factor, e.turns, card.id);
      s.tension = clamp(s.tension + e.tension, 0, 100);
      return;
    case "hostsCloseRanks":
      for (const id of HOSTS) {
        const h = s.hosts[id];
        h.openness = clamp(h.openness + e.openness, 0, 1);
        h.strictness = clamp(h.strictness + e.strictness, 0, 1);
      }
      return;
    case "capacityBoom":
      s.hosts[e.host].capacityGW += e.gw;
      return;
    case "leaseExposed": {
      const h = s.hosts[e.host];
      h.strictness = clamp(h.strictness + e.strictness, 0, 1);
      ctx.exposed.add(e.host);
      return;
    }
  }
}

/** Removes frontier chips from China's fleet (seizures), keeping power draw in proportion. */
function removeChips(s: MatchState, h100e: number): void {
  const stock = s.china.fleet.frontier;
  if (h100e <= 0 || stock.h100e <= 0) return;
  const share = Math.min(1, h100e / stock.h100e);
  stock.kw -= stock.kw * share;
  stock.h100e -= stock.h100e * share;
  s.china.ledger.seized += h100e;
}

function fire(ctx: ResolveContext, card: EventCard, injected: boolean): void {
  if (card.once) ctx.s.drawn.push(card.id);
  applyEffect(ctx, card);
  ctx.emit(
    "public",
    `event.${card.id}`,
    `${card.title.en}: ${card.text.en}`,
    { card: card.id, injected: injected ? "yes" : "no" },
    card.source,
  );
}

/** Fires the cards the facilitator queued for this turn, then draws at most one from the deck. */
export function drawEvents(ctx: ResolveContext): void {
  const s = ctx.s;
  const queued = s.injected.filter((q) => q.turn === s.turn);
  s.injected = s.injected.filter((q) => q.turn !== s.turn);
  for (const q of queued) {
    const card = findCard(q.eventId);
    if (card) fire(ctx, card, true);
  }
  const chance = s.scenario.params.world.eventChancePerTurn;
  // Detections first, each with its own draw whether or not it can happen (the stream is secret anyway).
  const detections = ctx.dice("detections");
  for (const card of DETECTION_CARDS) {
    const roll = detections.uniform();
    if (roll < (chance * weightNow(s, card)) / TOTAL_WEIGHT) fire(ctx, card, false);
  }
  if (queued.length > 0) return;
  const dice = publicDice(s.seed, "events", s.turn);
  if (!dice.chance(chance * (PUBLIC_WEIGHT / TOTAL_WEIGHT))) return;
  const card = PUBLIC_CARDS[dice.weighted(PUBLIC_CARDS.map((c) => c.weight))];
  if (card && weightNow(s, card) > 0) fire(ctx, card, false);
}

/** Counts down the temporary effects and drops the spent ones. */
export function tickModifiers(s: MatchState): void {
  s.modifiers = s.modifiers.map((m) => ({ ...m, turnsLeft: m.turnsLeft - 1 })).filter((m) => m.turnsLeft > 0);
}
