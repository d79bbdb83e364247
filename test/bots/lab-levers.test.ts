/**
 * The lever-effects table: the wrapper removes one lever and nothing else, the lab measures every lever a
 * persona used on paired seeds (the same with one thread or two), its checks name the offending levers, the
 * final-turn figures come from the match history, and the command line refuses a bad --lever-effects.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Bot } from "../../shared/bots/index.ts";
import { makeBot } from "../../shared/bots/index.ts";
import type { Order, OrderType, Side } from "../../shared/rules/index.ts";
import { BUILTIN_SCENARIOS, hashState, ORDER_TYPES } from "../../shared/rules/index.ts";
import { playMatch } from "../../shared/sim/match.ts";
import type { LabReport } from "../../server/lab/lab.ts";
import { runLab, sideLevers } from "../../server/lab/lab.ts";
import type { LeverEffect } from "../../server/lab/levers.ts";
import {
  LEVER_HELPS,
  leverChecks,
  leverEffect,
  ordered,
  promisedMonths,
  withoutLever,
} from "../../server/lab/levers.ts";
import type { MatchSummary } from "../../server/lab/summary.ts";
import { playSummary } from "../../server/lab/summary.ts";

const scenario = BUILTIN_SCENARIOS["baseline-2025"]!.scenario;
const SEED = 3;
const N = 20;

function persona(id: string): Bot {
  const bot = makeBot(id, scenario);
  if (!bot) throw new Error(`no bot ${id}`);
  return bot;
}

function summaries(bots: Record<Side, Bot>, n = N): MatchSummary[] {
  return Array.from({ length: n }, (_, i) => playSummary(scenario, SEED + i, bots));
}

/** A lever of `side` that the bot never ordered in these matches (one of the other side's when it used all). */
function unusedLever(matches: readonly MatchSummary[], side: Side): OrderType {
  const levers = sideLevers(scenario, SEED);
  const other: Side = side === "us" ? "china" : "us";
  const candidates = [...levers[side], ...levers[other].filter((l) => !levers[side].includes(l))];
  return candidates.find((lever) => !matches.some((m) => ordered(m, side, lever)))!;
}

describe("withoutLever", () => {
  it("drops the lever's orders and hands back the bot's generator untouched", () => {
    const orders: Order[] = [
      { type: "fundAlgorithms", amount: 5 },
      { type: "buyChips", chipType: "frontier", h100e: 1000 },
      { type: "fundAlgorithms", amount: 2 },
    ];
    const seen: number[] = [];
    const bot: Bot = {
      id: "scripted",
      sides: ["us"],
      decide: (_input, rng) => {
        seen.push(rng);
        return { orders, rng: (rng * 31 + 7) >>> 0 };
      },
    };
    const wrapped = withoutLever(bot, "fundAlgorithms");
    const input = { view: {}, options: {} } as Parameters<Bot["decide"]>[0];
    const decided = wrapped.decide(input, 12345);
    expect(decided.orders).toEqual([{ type: "buyChips", chipType: "frontier", h100e: 1000 }]);
    expect(decided.rng).toBe(bot.decide(input, 12345).rng);
    expect(seen).toEqual([12345, 12345]);
    expect(wrapped.sides).toEqual(["us"]);
  });

  it("stays wrapped when the bot is bound to a scenario", () => {
    const hawk = makeBot("hawk")!;
    expect(hawk.bind).toBeDefined();
    const bound = withoutLever(hawk, "buyChips").bind!(scenario);
    const log = playMatch(scenario, SEED, { us: bound, china: persona("offshorer") });
    expect(log.orders.us.flat().some((o) => o.type === "buyChips")).toBe(false);
  });

  it("changes nothing, not even a hash, when the bot never orders the lever: effect 0, no flips", () => {
    const bots = { us: persona("hawk"), china: persona("offshorer") };
    const base = summaries(bots, 6);
    for (const side of ["us", "china"] as const) {
      const lever = unusedLever(base, side);
      const wrapped = { ...bots, [side]: withoutLever(bots[side], lever) };
      for (let i = 0; i < 6; i++)
        expect(hashState(playMatch(scenario, SEED + i, wrapped).state)).toBe(
          hashState(playMatch(scenario, SEED + i, bots).state),
        );
      const row = leverEffect(
        { us: "hawk", china: "offshorer" },
        { side, lever },
        base,
        summaries(wrapped, 6),
      );
      expect(row.status).toBe("measured");
      expect(row.effectMonths).toBe(0);
      expect(row.interval).toEqual({ low: 0, high: 0 });
      expect(row.flipShare).toBe(0);
      expect(row.usedShare).toBe(0);
    }
  });

  it("changes the match when the lever was used", () => {
    const bots = { us: persona("hawk"), china: persona("offshorer") };
    const wrapped = { ...bots, us: withoutLever(bots.us, "buyChips") };
    expect(hashState(playMatch(scenario, SEED, wrapped).state)).not.toBe(
      hashState(playMatch(scenario, SEED, bots).state),
    );
  });
});

describe("leverEffect", () => {
  it("refuses lists that are not paired seed by seed", () => {
    const base = summaries({ us: persona("hawk"), china: persona("offshorer") }, 3);
    const shifted = base.map((m) => ({ ...m, seed: m.seed + 1 }));
    expect(() =>
      leverEffect({ us: "hawk", china: "offshorer" }, { side: "us", lever: "buyChips" }, base, shifted),
    ).toThrow(/not paired/);
  });
});

describe("the lab's lever-effects table", () => {
  let two: LabReport;
  let one: LabReport;

  function lab(workers: number): Promise<LabReport> {
    return runLab({
      command: "test",
      scenario,
      scenarioSource: "built-in",
      scenarioAt: () => scenario,
      us: ["hawk"],
      china: ["offshorer"],
      // Fewer baseline matches than lever matches: the missing paired seeds are played first.
      matches: 5,
      seed: SEED,
      workers,
      searchSamples: 1,
      sweep: null,
      leverEffects: N,
    });
  }

  beforeAll(async () => {
    two = await lab(2);
    one = await lab(1);
  }, 120_000);

  it("has a row for every lever of each side, measured exactly where the persona used it", () => {
    const rows = two.runs[0]!.leverEffects!;
    const base = summaries({ us: persona("hawk"), china: persona("offshorer") });
    const levers = sideLevers(scenario, SEED);
    for (const side of ["us", "china"] as const) {
      const mine = rows.filter((r) => r.side === side);
      expect(mine.map((r) => r.lever)).toEqual(levers[side]);
      const used = levers[side].filter((lever) => base.some((m) => ordered(m, side, lever)));
      expect(used.length).toBeGreaterThan(0);
      expect(mine.filter((r) => r.status === "measured").map((r) => r.lever)).toEqual(used);
      for (const r of mine.filter((r) => r.status === "measured")) {
        expect(r.matches).toBe(N);
        expect(r.interval!.low).toBeLessThanOrEqual(r.effectMonths!);
        expect(r.interval!.high).toBeGreaterThanOrEqual(r.effectMonths!);
      }
      for (const r of mine.filter((r) => r.status === "not used")) {
        expect(r.effectMonths).toBeNull();
        expect(r.matches).toBe(0);
      }
    }
    expect(two.meta.leverEffects).toBe(N);
    expect(two.meta.seeds.last).toBe(SEED + N - 1);
  });

  it("measures a lever as the lead with it minus the lead without it, over the same seeds", () => {
    const row = two.runs[0]!.leverEffects!.find((r) => r.side === "us" && r.lever === "buyChips")!;
    const bots = { us: persona("hawk"), china: persona("offshorer") };
    const withIt = summaries(bots);
    const withoutIt = summaries({ ...bots, us: withoutLever(bots.us, "buyChips") });
    const differences = withIt.map((m, i) => m.lead - withoutIt[i]!.lead);
    expect(row.effectMonths).toBeCloseTo(differences.reduce((a, b) => a + b, 0) / N, 9);
    const flips = withIt.filter((m, i) => m.usWon !== withoutIt[i]!.usWon).length;
    expect(row.flipShare).toBe(flips / N);
  });

  it("moves the lead by at least 0.3 months the way enforcement's text says (hawk against offshorer)", () => {
    // + helps the US: enforcement catches more of China's smuggled shipments. (Pressure on hosts works through
    // the same shipments, but a caught shipment is all or nothing, so 20 matches are too few to pin its
    // smaller effect: the full lab run does.)
    const row = two.runs[0]!.leverEffects!.find((r) => r.side === "us" && r.lever === "fundEnforcement")!;
    expect(row.status).toBe("measured");
    expect(row.effectMonths!).toBeGreaterThanOrEqual(0.3);
    expect(row.interval!.low).toBeGreaterThan(0);
  });

  it("gives the same table with one worker or two", () => {
    expect(JSON.stringify(one.runs[0]!.leverEffects)).toBe(JSON.stringify(two.runs[0]!.leverEffects));
    expect(JSON.stringify(one.runs[0]!.checks)).toBe(JSON.stringify(two.runs[0]!.checks));
    expect(two.runs[0]!.checks.leverEffects).not.toBeNull();
  });

  it("is absent, checks included, when not asked for", async () => {
    const off = await runLab({
      command: "test",
      scenario,
      scenarioSource: "built-in",
      scenarioAt: () => scenario,
      us: ["hawk"],
      china: ["offshorer"],
      matches: 3,
      seed: SEED,
      workers: 1,
      searchSamples: 1,
      sweep: null,
    });
    expect(off.runs[0]!.leverEffects).toBeNull();
    expect(off.runs[0]!.checks.leverEffects).toBeNull();
    expect(off.meta.leverEffects).toBe(0);
  }, 60_000);
});

describe("China's formerly inert levers on a small paired run (12 seeds)", () => {
  /** The lever's effect on the judged lead: the same seeds with and without one side's orders of it. */
  function effectOf(us: string, china: string, side: Side, lever: OrderType): LeverEffect {
    const bots = { us: persona(us), china: persona(china) };
    const withIt = summaries(bots, 12);
    const withoutIt = summaries({ ...bots, [side]: withoutLever(bots[side], lever) }, 12);
    return leverEffect({ us, china }, { side, lever }, withIt, withoutIt);
  }

  it("the power subsidy connects provincial power that runs more domestic chips: China gains 0.3 months or more (self-reliance against the hawk)", () => {
    const effect = effectOf("hawk", "self-reliance", "china", "setPowerSubsidy");
    expect(effect.effectMonths!).toBeLessThanOrEqual(-0.3);
    expect(effect.interval!.high).toBeLessThan(0);
  }, 60_000);

  it("intelligence lets smuggled shipments slip past US checks: China gains 0.3 months or more (offshorer against the builder)", () => {
    const effect = effectOf("builder", "offshorer", "china", "fundIntelligence");
    expect(effect.effectMonths!).toBeLessThanOrEqual(-0.3);
    expect(effect.interval!.high).toBeLessThan(0);
  }, 60_000);
});

describe("the final-turn figures", () => {
  it("are the final turn's share of each side's spending and the lead's last move, from the history", () => {
    const bots = { us: persona("builder"), china: persona("offshorer") };
    const state = playMatch(scenario, SEED, bots).state;
    const summary = playSummary(scenario, SEED, bots);
    const [before, last] = state.history.slice(-2);
    for (const side of ["us", "china"] as const) {
      expect(last!.sides[side].spent).toBeGreaterThan(0);
      expect(summary.finalTurnSpendShare[side]).toBeCloseTo(
        1 - before!.sides[side].spent / last!.sides[side].spent,
        12,
      );
    }
    expect(summary.finalTurnLeadChange).toBe(last!.leadMonths - before!.leadMonths);
  });
});

function row(side: Side, lever: OrderType, effect: number, half: number, flipShare: number): LeverEffect {
  return {
    us: "hawk",
    china: "offshorer",
    side,
    bot: side === "us" ? "hawk" : "offshorer",
    lever,
    status: "measured",
    matches: 100,
    usedShare: 1,
    effectMonths: effect,
    interval: { low: effect - half, high: effect + half },
    sd: half,
    flipShare,
    usWinRateWith: 0.5,
    usWinRateWithout: 0.5,
    refusedWithout: 0,
  };
}

describe("leverChecks", () => {
  it("passes when every lever moves the lead clearly somewhere and none flips every pairing", () => {
    const checks = leverChecks([
      row("us", "buyChips", 2, 0.5, 0.6),
      { ...row("us", "buyChips", 0.1, 0.5, 0.2), china: "self-reliance" },
      row("china", "leaseCompute", -0.4, 0.05, 0),
    ])!;
    expect(checks.everyLeverMoves).toEqual({ pass: true, offending: [] });
    expect(checks.noLeverAlwaysFlips).toEqual({ pass: true, offending: [] });
  });

  it("names a lever that is too small, or whose interval includes 0, in every pairing", () => {
    const checks = leverChecks([
      row("us", "pressureHost", 0.2, 0.01, 0),
      row("us", "fundEnforcement", 0.5, 0.6, 0),
      row("china", "fundAlgorithms", -0.35, 0.1, 0),
      { ...row("china", "fundAlgorithms", 0.1, 0.1, 0), us: "builder" },
    ])!;
    expect(checks.everyLeverMoves.pass).toBe(false);
    expect(checks.everyLeverMoves.offending).toEqual([
      { side: "us", lever: "pressureHost", largestMonths: 0.2 },
      { side: "us", lever: "fundEnforcement", largestMonths: 0.5 },
    ]);
  });

  it("names a lever that moves the lead clearly but only against the side that uses it", () => {
    const checks = leverChecks([
      // Export controls that cost the US 1 month, and leases that help the US by 2: both the wrong way.
      row("us", "setExportControls", -1, 0.1, 0.2),
      { ...row("us", "setExportControls", -0.2, 0.05, 0), china: "self-reliance" },
      row("china", "leaseCompute", 2, 0.1, 0.1),
      // A China lever that lowers the US lead works the way it says.
      row("china", "smuggleChips", -3, 0.2, 0.4),
    ])!;
    expect(checks.everyLeverMoves.pass).toBe(false);
    expect(checks.everyLeverMoves.offending).toEqual([
      { side: "us", lever: "setExportControls", largestMonths: -0.2 },
      { side: "china", lever: "leaseCompute", largestMonths: -2 },
    ]);
  });

  it("reads every lever's promised direction from LEVER_HELPS", () => {
    for (const lever of ORDER_TYPES) {
      expect(promisedMonths({ side: "us", lever }, 1)).toBe(LEVER_HELPS[lever] === "user" ? 1 : -1);
      expect(promisedMonths({ side: "china", lever }, 1)).toBe(LEVER_HELPS[lever] === "user" ? -1 : 1);
    }
  });

  it("names a lever whose removal flips more than half the matches of every pairing it was measured in", () => {
    const checks = leverChecks([
      row("us", "buyChips", 20, 1, 1),
      { ...row("us", "buyChips", 15, 1, 0.7), china: "self-reliance" },
      row("us", "buildPower", 3, 1, 0.9),
      { ...row("us", "buildPower", 3, 1, 0.5), china: "self-reliance" },
    ])!;
    expect(checks.noLeverAlwaysFlips).toEqual({
      pass: false,
      offending: [{ side: "us", lever: "buyChips", smallestFlipShare: 0.7 }],
    });
  });

  it("has nothing to judge when no lever was measured", () => {
    const notUsed: LeverEffect = { ...row("us", "buyChips", 0, 0, 0), status: "not used" };
    expect(leverChecks([notUsed])).toBeNull();
  });
});

describe("the balance command with --lever-effects", () => {
  function balance(args: string[]) {
    return spawnSync(process.execPath, ["--import", "tsx", "server/cli/balance.ts", ...args], {
      encoding: "utf8",
    });
  }

  it("refuses a negative, fractional, non-numeric or single match count with exit code 2", () => {
    const cases: [string[], RegExp][] = [
      [["--lever-effects", "-1"], /--lever-effects/],
      [["--lever-effects=-1"], /--lever-effects takes a whole number from 0/],
      [["--lever-effects", "x"], /--lever-effects takes a whole number from 0 to \d+ \(got "x"\)/],
      [["--lever-effects", "2.5"], /--lever-effects takes a whole number/],
      [["--lever-effects", "1"], /--lever-effects takes 0 \(not measured\) or at least 2/],
    ];
    for (const [args, message] of cases) {
      const run = balance(args);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toContain("usage: npm run balance");
    }
  });

  it("writes the table to report.json, lever-effects.csv and report.html, and the final-turn figures too", () => {
    const dir = mkdtempSync(join(tmpdir(), "balance-levers-test-"));
    try {
      const run = balance([
        "--matches",
        "3",
        "--us",
        "hawk",
        "--china",
        "self-reliance",
        "--lever-effects",
        "2",
        "--seed",
        String(SEED),
        "--out",
        dir,
      ]);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/lever effects: \d+ measured/);
      const report = JSON.parse(readFileSync(join(dir, "report.json"), "utf8")) as LabReport;
      expect(report.meta.command).toContain("--lever-effects 2");
      const rows = report.runs[0]!.leverEffects!;
      const measured = rows.filter((r) => r.status === "measured");
      expect(measured.length).toBeGreaterThan(0);
      const csv = readFileSync(join(dir, "lever-effects.csv"), "utf8").trim().split("\n");
      expect(csv[0]).toBe(
        "sweep_value,us,china,side,bot,lever,status,matches,used_share,effect_months,ci_low,ci_high,sd,flip_share,us_win_rate_with,us_win_rate_without,refused_without",
      );
      expect(csv.length).toBe(rows.length + 1);
      const head = readFileSync(join(dir, "report.csv"), "utf8").split("\n")[0]!.split(",");
      expect(head.slice(-3)).toEqual([
        "final_turn_spend_share_us",
        "final_turn_spend_share_china",
        "final_turn_abs_lead_change",
      ]);
      const p = report.runs[0]!.pairings[0]!;
      expect(p.finalTurn.meanAbsLeadChange).toBeGreaterThanOrEqual(0);
      expect(p.finalTurn.spendShare.us).toBeGreaterThan(0);
      const html = readFileSync(join(dir, "report.html"), "utf8");
      expect(html).toContain("function leverEffects(");
      expect(html).toContain("spending on the final turn");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
