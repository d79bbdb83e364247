/**
 * npm run sim -- --scenario baseline-2025 --seed 42 --us passive --china random-legal [--json]
 * Plays one headless match between two built-in players and prints a turn table and the outcome. The same
 * arguments always print the same bytes.
 */
import { botForSide, botsFor } from "../../shared/bots/index.ts";
import type { MatchState, Side, TurnRecord } from "../../shared/rules/index.ts";
import { hashState, outcome, SCENARIO_IDS } from "../../shared/rules/index.ts";
import { playMatch } from "../../shared/sim/match.ts";
import { intFlag, loadScenario, parseFlags, runCli, UsageError } from "./args.ts";

const USAGE = `usage: npm run sim -- [--scenario ID|FILE.json] [--seed N] [--us BOT] [--china BOT] [--json]
  --scenario  ${SCENARIO_IDS.join(", ")}, or a scenario file (default baseline-2025)
  --seed      a whole number (default 1)
  --us        ${botsFor("us").join(", ")} (default passive)
  --china     ${botsFor("china").join(", ")} (default random-legal)
  --json      print JSON instead of a table`;

function bot(name: string | undefined, fallback: string, side: Side) {
  const found = botForSide(name ?? fallback, side);
  if (typeof found === "string") throw new UsageError(`--${side}: ${found}`);
  return found;
}

interface Row {
  turn: string;
  usCash: number;
  chinaCash: number;
  usHomeH100e: number;
  chinaHomeH100e: number;
  chinaAbroadH100e: number;
  usPowerGW: number;
  chinaPowerGW: number;
  usCapability: number;
  chinaCapability: number;
  leadMonths: number;
  events: string[];
}

function rows(state: MatchState): Row[] {
  return state.history.map((r: TurnRecord) => ({
    turn: r.label,
    usCash: r.sides.us.cash,
    chinaCash: r.sides.china.cash,
    usHomeH100e: r.sides.us.homeH100e,
    chinaHomeH100e: r.sides.china.homeH100e,
    chinaAbroadH100e: r.sides.china.leasedH100e,
    usPowerGW: r.sides.us.powerGW,
    chinaPowerGW: r.sides.china.powerGW,
    usCapability: r.sides.us.capability,
    chinaCapability: r.sides.china.capability,
    leadMonths: r.leadMonths,
    events: state.events
      .filter((e) => e.turn === r.turn && e.audience === "public")
      .map((e) => e.key.replace(/^event\./, "")),
  }));
}

const m = (x: number) => (x / 1e6).toFixed(2);

function table(title: string, list: Row[]): string {
  const head = [
    "turn",
    "US $B",
    "CN $B",
    "US home M",
    "CN home M",
    "CN abroad M",
    "US GW",
    "CN GW",
    "US cap",
    "CN cap",
    "lead mo",
    "events",
  ];
  const body = list.map((r) => [
    r.turn,
    r.usCash.toFixed(0),
    r.chinaCash.toFixed(1),
    m(r.usHomeH100e),
    m(r.chinaHomeH100e),
    m(r.chinaAbroadH100e),
    r.usPowerGW.toFixed(1),
    r.chinaPowerGW.toFixed(1),
    r.usCapability.toFixed(2),
    r.chinaCapability.toFixed(2),
    r.leadMonths.toFixed(1),
    r.events.join(", "),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padStart(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [title, "", line(head), ...body.map(line)].join("\n");
}

runCli(USAGE, () => {
  const flags = parseFlags(process.argv.slice(2), {
    scenario: { type: "string" },
    seed: { type: "string" },
    us: { type: "string" },
    china: { type: "string" },
    json: { type: "boolean" },
    help: { type: "boolean" },
  });
  if (flags.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const scenario = loadScenario(flags.scenario ?? "baseline-2025");
  const seed = intFlag(flags.seed, "seed", 1);
  const usBot = bot(flags.us, "passive", "us");
  const chinaBot = bot(flags.china, "random-legal", "china");
  const log = playMatch(scenario, seed, { us: usBot, china: chinaBot });
  const result = outcome(log.state);
  const hash = hashState(log.state);
  const list = rows(log.state);
  if (flags.json) {
    const report = {
      scenario: scenario.id,
      seed,
      us: usBot.id,
      china: chinaBot.id,
      turns: list,
      outcome: result,
      refusedOrders: log.refused,
      hash,
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const title = `Compute Frontier: ${scenario.title.en} (${scenario.id}), seed ${seed}, US ${usBot.id} vs China ${chinaBot.id}`;
  const winner = result.winner === "us" ? "The US" : "China";
  const verdict = `${winner} wins: the US lead is ${result.leadMonths.toFixed(1)} months against a threshold of ${result.thresholdMonths} (margin ${result.marginMonths.toFixed(1)}).`;
  const scores = (["us", "china"] as const)
    .map(
      (s) =>
        `${s === "us" ? "US" : "China"}: spent ${result.scores[s].spent.toFixed(0)} $B, ${result.scores[s].energyTWh.toFixed(0)} TWh, ${result.scores[s].emissionsMt.toFixed(0)} Mt CO2`,
    )
    .join("; ");
  process.stdout.write(
    `${table(title, list)}\n\n${verdict}\n${scores}; peak tension ${result.peakTension.toFixed(0)}.\nstate hash ${hash}\n`,
  );
});
