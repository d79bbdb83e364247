/**
 * Chance streams: the shareable seed drives only public luck, the match secret everything that hides a value
 * from a side, and each subsystem draws from its own stream, so one order does not change another's luck.
 */
import { describe, expect, it } from "vitest";
import type { MatchState, Order } from "../../shared/rules/index.ts";
import { createMatch, resolveTurn, viewFor } from "../../shared/rules/index.ts";
import { intelReport } from "../../shared/rules/intel.ts";
import { isDetectionCard } from "../../shared/rules/events.ts";
import { offlineSecret, secretDice } from "../../shared/rules/streams.ts";
import { baseline, submit } from "./helpers.ts";

const SECRET = "0123456789abcdef0123456789abcdef";

/** Plays `turns` turns with the same orders every turn; returns the public event keys of each turn. */
function publicCards(state: MatchState, turns: number, us: Order[], china: Order[] = []): string[][] {
  const cards: string[][] = [];
  let s = state;
  for (let t = 0; t < turns; t++) {
    s = submit(submit(s, "us", us), "china", china);
    const { state: next, events } = resolveTurn(s);
    const drawn = events.filter((e) => e.audience === "public" && e.key.startsWith("event."));
    cards.push(drawn.map((e) => e.key).filter((key) => !isDetectionCard(key.slice("event.".length))));
    s = next;
  }
  return cards;
}

describe("the event deck's public luck", () => {
  it("comes from the seed alone: the same seed gives the same cards whatever else a side orders", () => {
    let compared = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const quiet = publicCards(createMatch(baseline, seed, SECRET), 12, []);
      // One extra 1 MW power project at home draws on the US project stream, never on the event deck.
      const busy = publicCards(createMatch(baseline, seed, SECRET), 12, [
        { type: "buildPower", source: "solar", gw: 0.001 },
        { type: "fundAlgorithms", amount: 1 },
      ]);
      expect(busy).toEqual(quiet);
      compared += quiet.flat().length;
    }
    // The comparison is not empty: 30 seeds over 12 turns draw many public cards.
    expect(compared).toBeGreaterThan(30);
  });

  it("is the same in two matches with one seed and different secrets (workshop rooms share their luck)", () => {
    for (let seed = 1; seed <= 10; seed++) {
      const a = publicCards(createMatch(baseline, seed, SECRET), 10, []);
      const b = publicCards(createMatch(baseline, seed, offlineSecret(seed)), 10, []);
      expect(b).toEqual(a);
    }
  });
});

describe("the match secret", () => {
  it("decides the intelligence noise; the seed plays no part in it", () => {
    const a = createMatch(baseline, 1, SECRET);
    const b = createMatch(baseline, 987_654, SECRET);
    expect(intelReport(b, "us")).toEqual(intelReport(a, "us"));
    const c = createMatch(baseline, 1, offlineSecret(1));
    expect(intelReport(c, "us")).not.toEqual(intelReport(a, "us"));
  });

  it("never appears in any side's or the spectator's view", () => {
    let state = createMatch(baseline, 3, SECRET);
    for (let t = 0; t < 4; t++) {
      for (const viewer of ["us", "china", "spectator"] as const)
        expect(JSON.stringify(viewFor(state, viewer))).not.toContain(SECRET);
      state = resolveTurn(state).state;
    }
  });

  it("gives every stream and turn its own draws", () => {
    const first = (stream: Parameters<typeof secretDice>[1], turn: number) =>
      secretDice(SECRET, stream, turn).uniform();
    const draws = new Set<number>();
    for (const stream of ["intel.us", "intel.china", "projects.us", "smuggling", "bots.us"] as const)
      for (let turn = 0; turn < 16; turn++) draws.add(first(stream, turn));
    expect(draws.size).toBe(5 * 16);
    expect(first("intel.us", 3)).toBe(first("intel.us", 3));
  });

  it("is what a brute force of the estimates would have to find: with 16 unknown bits it is found, so 128 bits are what protect", () => {
    // The US knows China's starting numbers (the scenario is public) and the seed, and reads its turn-0
    // estimates. Against a secret with only 16 unknown bits, trying every candidate finds the one secret.
    const weak = `${"0".repeat(28)}${(0xb7e1).toString(16)}`;
    const state = createMatch(baseline, 42, weak);
    const seen = JSON.stringify(intelReport(state, "us"));
    const matches: string[] = [];
    for (let guess = 0; guess < 2 ** 16; guess++) {
      const candidate = `${"0".repeat(28)}${guess.toString(16).padStart(4, "0")}`;
      if (JSON.stringify(intelReport({ ...state, secret: candidate }, "us")) === seen)
        matches.push(candidate);
    }
    expect(matches).toEqual([weak]);
    // Knowing the seed does not help: every seed gives the same estimates, so they pin down no seed either.
    const otherSeeds = [0, 1, 41, 43, 2 ** 31 - 1].map((seed) =>
      JSON.stringify(intelReport(createMatch(baseline, seed, weak), "us")),
    );
    expect(new Set(otherSeeds)).toEqual(new Set([seen]));
  });

  it("found for one turn tells nothing about the next turn's noise", () => {
    // Even a recovered turn-0 noise stream does not carry over: the next turn's stream comes from a hash.
    const s0 = secretDice(SECRET, "intel.us", 0);
    const s1 = secretDice(SECRET, "intel.us", 1);
    const a = Array.from({ length: 8 }, () => s0.uniform());
    const b = Array.from({ length: 8 }, () => s1.uniform());
    expect(b).not.toEqual(a);
    // And no stream of one turn continues another: the first draws of turn 1 are not later draws of turn 0.
    const later = Array.from({ length: 1000 }, () => s0.uniform());
    expect(later).not.toContain(b[0]);
  });
});
