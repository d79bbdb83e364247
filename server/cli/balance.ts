/**
 * npm run balance -- --scenario baseline-2025 --matches 10000 --us hawk,builder,search
 *   --china offshorer,self-reliance,search --workers 2 --seed 1 --out reports/NAME [--sweep PATH=FROM..TO:STEP]
 *   [--lever-effects N]
 * Plays every pairing of the chosen bots on worker threads (match i of every pairing uses seed SEED + i) and
 * writes NAME/report.json, NAME/report.csv, NAME/lever-effects.csv and NAME/report.html. With --lever-effects N
 * every pairing of two personas is played again N times per lever a persona used, without that lever. Progress
 * goes to stderr. The same flags give the same numbers; a bad flag or scenario prints what is wrong and exits
 * with 2.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { botForSide, BOTS, DEFAULT_SEARCH } from "../../shared/bots/index.ts";
import type { Scenario, Side } from "../../shared/rules/index.ts";
import { parseScenario, SCENARIO_FILES, SCENARIO_IDS } from "../../shared/rules/index.ts";
import { toHtml } from "../lab/html.ts";
import type { LabReport, Sweep } from "../lab/lab.ts";
import { runLab } from "../lab/lab.ts";
import { leverEffectsCsv, toCsv } from "../lab/report.ts";
import { intFlag, parseFlags, runCli, UsageError } from "./args.ts";

const USAGE = `usage: npm run balance -- [--scenario ID|FILE.json] [--matches N] [--us BOTS] [--china BOTS]
                            [--search-matches N] [--workers N] [--seed N] [--out DIR]
                            [--sweep PATH=FROM..TO:STEP] [--search-samples N] [--lever-effects N]
  --scenario        ${SCENARIO_IDS.join(", ")}, or a scenario file (default baseline-2025)
  --matches         matches per pairing (default 1000)
  --search-matches  matches for pairings with the search bot, which is slow (default: --matches)
  --us, --china     comma-separated bots for each side (default hawk,builder,search and
                    offshorer,self-reliance,search); bots: ${Object.keys(BOTS).join(", ")}
  --workers         worker threads (default 2; does not change the numbers)
  --seed            match i of every pairing uses seed SEED + i (default 1)
  --out             directory for report.json, report.csv, lever-effects.csv and report.html
                    (default reports/balance-SCENARIO)
  --sweep           plays everything at each value of a scenario parameter, e.g. victory.leadMonths=8..14:1
  --search-samples  the search bot's budget: sampled worlds per candidate plan per turn (default ${DEFAULT_SEARCH.samples})
  --lever-effects   matches per lever per pairing of personas, replayed without one side's lever to measure
                    what it does to the final lead (default 0: not measured; otherwise at least 2)`;

/** The raw scenario file (for re-validating swept values) and where it came from. */
function rawScenario(idOrPath: string): { raw: unknown; source: string } {
  const builtin = SCENARIO_FILES.find((f) => (f as { id?: unknown }).id === idOrPath);
  if (builtin) return { raw: builtin, source: "built-in" };
  if (!idOrPath.endsWith(".json"))
    throw new UsageError(
      `no scenario "${idOrPath}": use one of ${SCENARIO_IDS.join(", ")} or a path to a .json scenario file`,
    );
  try {
    return { raw: JSON.parse(readFileSync(idOrPath, "utf8")) as unknown, source: idOrPath };
  } catch (error) {
    throw new UsageError(
      `cannot read scenario file ${idOrPath}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function parsed(raw: unknown, what: string): Scenario {
  const result = parseScenario(raw);
  if (!result.ok)
    throw new UsageError(
      `${what} is not valid:\n${result.errors.map((e) => `  ${e.path}: ${e.message}`).join("\n")}`,
    );
  return result.scenario;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === "object" && !Array.isArray(x);
}

/** The scenario with one sourced parameter replaced (marked as a design value of the sweep), re-validated. */
function withParam(raw: unknown, path: string, value: number): Scenario {
  const override = { value, source: `Balance lab sweep of ${path}`, kind: "design" };
  if (isObject(raw) && "extends" in raw) {
    const overrides = isObject(raw.overrides) ? raw.overrides : {};
    return parsed(
      { ...raw, overrides: { ...overrides, [path]: override } },
      `the scenario with ${path} = ${value}`,
    );
  }
  const copy = JSON.parse(JSON.stringify(raw)) as Record<string, unknown>;
  let node: unknown = copy.params;
  for (const seg of path.split(".")) node = isObject(node) ? node[seg] : undefined;
  if (!isObject(node) || !("value" in node)) throw new UsageError(`--sweep: no parameter ${path}`);
  node.value = value;
  return parsed(copy, `the scenario with ${path} = ${value}`);
}

function parseSweep(text: string, scenario: Scenario): Sweep {
  const m =
    /^([A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*)=(-?[\d.]+(?:e-?\d+)?)\.\.(-?[\d.]+(?:e-?\d+)?):([\d.]+(?:e-?\d+)?)$/.exec(
      text,
    );
  if (!m)
    throw new UsageError(`--sweep takes PATH=FROM..TO:STEP, like victory.leadMonths=8..14:1 (got "${text}")`);
  const [, path, a, b, c] = m;
  const from = Number(a);
  const to = Number(b);
  const step = Number(c);
  let node: unknown = scenario.params;
  for (const seg of path!.split(".")) node = isObject(node) ? node[seg] : undefined;
  if (typeof node !== "number")
    throw new UsageError(
      `--sweep: "${path}" is not a number in the scenario's params (try victory.leadMonths or chips.domesticUsdPerH100e)`,
    );
  if (![from, to, step].every(Number.isFinite) || !(step > 0) || to < from)
    throw new UsageError(`--sweep: need FROM <= TO and STEP > 0 (got ${from}..${to}:${step})`);
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > 100) throw new UsageError(`--sweep: ${count} values is too many (at most 100)`);
  const values = Array.from({ length: count }, (_, i) => Math.round((from + i * step) * 1e9) / 1e9);
  return { path: path!, from, to, step, values };
}

function botList(text: string | undefined, fallback: string, side: Side): string[] {
  const ids = (text ?? fallback)
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length === 0) throw new UsageError(`--${side}: name at least one bot`);
  if (new Set(ids).size !== ids.length) throw new UsageError(`--${side}: a bot is named twice`);
  for (const id of ids) {
    const found = botForSide(id, side);
    if (typeof found === "string") throw new UsageError(`--${side}: ${found}`);
  }
  return ids;
}

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  if (seconds < 90) return `${Math.ceil(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** Progress on stderr: matches done, rate and time left (estimated from the work done, where a match with the search bot counts for many). */
function progress(): (done: number, total: number, work: number, totalWork: number) => void {
  const start = performance.now();
  const tty = process.stderr.isTTY;
  let last = 0;
  return (done, total, work, totalWork) => {
    const now = performance.now();
    if (done < total && now - last < (tty ? 250 : 5000)) return;
    last = now;
    const elapsed = (now - start) / 1000;
    const rate = done / Math.max(1e-9, elapsed);
    const left = ((totalWork - work) * elapsed) / Math.max(1e-9, work);
    const line = `balance: ${done}/${total} matches (${((100 * done) / total).toFixed(1)}%), ${rate.toFixed(0)}/s, ${done < total ? `about ${formatDuration(left)} left` : `done in ${formatDuration(elapsed)}`}`;
    process.stderr.write(tty ? `\r${line.padEnd(80)}${done >= total ? "\n" : ""}` : `${line}\n`);
  };
}

/** The lever-effects table in a few lines: its largest effects and its two checks. */
function leverLines(run: LabReport["runs"][number]): string[] {
  const rows = run.leverEffects;
  const checks = run.checks.leverEffects;
  if (!rows) return [];
  const measured = rows.filter((r) => r.effectMonths !== null);
  const size = (r: (typeof rows)[number]) => Math.abs(r.effectMonths ?? 0);
  const lines = [
    `  lever effects: ${measured.length} measured, ${rows.length - measured.length} not used; largest (lead with minus without, months):`,
  ];
  for (const r of [...measured].sort((a, b) => size(b) - size(a)).slice(0, 8))
    lines.push(
      `    ${`${r.side} ${r.bot}`.padEnd(20)} ${r.lever.padEnd(19)} vs ${(r.side === "us" ? r.china : r.us).padEnd(14)} ${r.effectMonths!.toFixed(2).padStart(6)} [${r.interval!.low.toFixed(2)}, ${r.interval!.high.toFixed(2)}]  flips ${(100 * r.flipShare!).toFixed(1)}%`,
    );
  if (checks) {
    const names = (list: { side: string; lever: string }[]) =>
      list.map((l) => `${l.side}:${l.lever}`).join(", ");
    const moves = checks.everyLeverMoves;
    const flips = checks.noLeverAlwaysFlips;
    lines.push(
      `  every used lever moves the lead by ${checks.minEffectMonths}+ months the way its text says somewhere: ${moves.pass ? "yes" : `no (${names(moves.offending)})`}`,
      `  no lever's removal flips over ${100 * checks.maxFlipShare}% of every pairing: ${flips.pass ? "yes" : `no (${names(flips.offending)})`}`,
    );
  }
  return lines;
}

function summary(report: LabReport): string {
  const lines: string[] = [];
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  for (const run of report.runs) {
    if (run.value !== null) lines.push(`${report.meta.sweep?.path} = ${run.value}`);
    for (const p of run.pairings) {
      lines.push(
        `  US ${p.us.padEnd(14)} vs China ${p.china.padEnd(14)} US wins ${pct(p.usWinRate).padStart(6)} [${pct(p.usInterval.low)}, ${pct(p.usInterval.high)}]  lead median ${p.lead.median.toFixed(2)} mo${p.refused ? `  REFUSED ${p.refused}` : ""}`,
      );
      const share = (x: number | null) => (x === null ? "nothing" : pct(x));
      lines.push(
        `    final turn: US spends ${share(p.finalTurn.spendShare.us)} of its total, China ${share(p.finalTurn.spendShare.china)}; the lead moves ${p.finalTurn.meanAbsLeadChange.toFixed(2)} mo (mean |change|)`,
      );
    }
    const c = run.checks;
    if (c.searchVsSearch)
      lines.push(`  search vs search within 45-55%: ${c.searchVsSearch.withinBand ? "yes" : "no"}`);
    if (c.bestPersonaPairing)
      lines.push(
        `  best persona pairing (${c.bestPersonaPairing.us} vs ${c.bestPersonaPairing.china}) within 45-55%: ${c.bestPersonaPairing.withinBand ? "yes" : "no"}`,
      );
    lines.push(`  dominant personas: ${c.dominantPersonas.length ? c.dominantPersonas.join(", ") : "none"}`);
    for (const s of c.searchVsPersonas)
      if (s.worst)
        lines.push(`  search (${s.side}) at least 60% against every persona: ${s.atLeast60 ? "yes" : "no"}`);
    lines.push(...leverLines(run));
  }
  return lines.join("\n");
}

runCli(USAGE, async () => {
  const flags = parseFlags(process.argv.slice(2), {
    scenario: { type: "string" },
    matches: { type: "string" },
    "search-matches": { type: "string" },
    us: { type: "string" },
    china: { type: "string" },
    workers: { type: "string" },
    seed: { type: "string" },
    out: { type: "string" },
    sweep: { type: "string" },
    "search-samples": { type: "string" },
    "lever-effects": { type: "string" },
    help: { type: "boolean" },
  });
  if (flags.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const scenarioId = flags.scenario ?? "baseline-2025";
  const { raw, source } = rawScenario(scenarioId);
  const scenario = parsed(raw, `scenario ${scenarioId}`);
  const matches = intFlag(flags.matches, "matches", 1000, 1, 1_000_000);
  const searchMatches = intFlag(flags["search-matches"], "search-matches", matches, 1, 1_000_000);
  const seed = intFlag(flags.seed, "seed", 1, 0, 2 ** 31 - 1);
  const leverEffects = intFlag(flags["lever-effects"], "lever-effects", 0, 0, 1_000_000);
  // One paired match gives a difference but no spread, so no interval.
  if (leverEffects === 1)
    throw new UsageError("--lever-effects takes 0 (not measured) or at least 2 matches (got 1)");
  if (seed + Math.max(matches, searchMatches, leverEffects) - 1 > 2 ** 31 - 1)
    throw new UsageError("--seed plus --matches (and --lever-effects) must stay below 2^31");
  const workers = intFlag(flags.workers, "workers", 2, 1, 64);
  const searchSamples = intFlag(flags["search-samples"], "search-samples", DEFAULT_SEARCH.samples, 1, 1000);
  const us = botList(flags.us, "hawk,builder,search", "us");
  const china = botList(flags.china, "offshorer,self-reliance,search", "china");
  const sweep = flags.sweep ? parseSweep(flags.sweep, scenario) : null;
  // Every swept value must give a valid scenario before anything is played.
  if (sweep) for (const v of sweep.values) withParam(raw, sweep.path, v);
  const out = resolve(flags.out ?? join("reports", `balance-${scenario.id}`));
  const command = [
    "npm run balance --",
    `--scenario ${scenarioId}`,
    `--matches ${matches}`,
    ...(searchMatches !== matches ? [`--search-matches ${searchMatches}`] : []),
    `--us ${us.join(",")}`,
    `--china ${china.join(",")}`,
    `--seed ${seed}`,
    ...(sweep ? [`--sweep ${flags.sweep}`] : []),
    ...(searchSamples !== DEFAULT_SEARCH.samples ? [`--search-samples ${searchSamples}`] : []),
    ...(leverEffects > 0 ? [`--lever-effects ${leverEffects}`] : []),
  ].join(" ");

  const report = await runLab({
    command,
    scenario,
    scenarioSource: source,
    scenarioAt: (value) => withParam(raw, sweep!.path, value),
    us,
    china,
    matches,
    searchMatches,
    seed,
    workers,
    searchSamples,
    sweep,
    leverEffects,
    onProgress: progress(),
  });
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "report.json"), `${JSON.stringify(report, null, 1)}\n`);
  writeFileSync(join(out, "report.csv"), toCsv(report.runs));
  // Written even when not measured (a header only), so that no table from an earlier run is left beside this one.
  writeFileSync(join(out, "lever-effects.csv"), leverEffectsCsv(report.runs));
  writeFileSync(join(out, "report.html"), toHtml(report));
  process.stdout.write(
    `${summary(report)}\n\nwrote ${join(out, "report.json")}, report.csv, lever-effects.csv and report.html (${report.timing.matchesPerSecond.toFixed(0)} matches/s)\n`,
  );
});
