/**
 * The balance lab: the same seed gives the same report (apart from timings) however many threads play it, and
 * the command line refuses bad flags and scenarios with a readable message and exit code 2.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTIN_SCENARIOS } from "../../shared/rules/index.ts";
import type { LabReport } from "../../server/lab/lab.ts";
import { runLab } from "../../server/lab/lab.ts";

const scenario = BUILTIN_SCENARIOS["baseline-2025"]!.scenario;

function lab(workers: number, seed: number): Promise<LabReport> {
  return runLab({
    command: "test",
    scenario,
    scenarioSource: "built-in",
    scenarioAt: () => scenario,
    us: ["hawk", "builder"],
    china: ["offshorer", "search"],
    matches: 6,
    seed,
    workers,
    searchSamples: 1,
    sweep: null,
  });
}

/** The report without its timings, and without the code version (other work in the tree may change it). */
function withoutTiming(report: LabReport): Partial<LabReport> {
  const rest: Partial<LabReport> = {
    ...report,
    meta: { ...report.meta, code: { commit: "", dirty: false } },
  };
  delete rest.timing;
  return rest;
}

describe("the balance lab", () => {
  it("gives the same report for the same seed, with one thread or two", async () => {
    const a = await lab(2, 11);
    const b = await lab(1, 11);
    expect(JSON.stringify(withoutTiming(a))).toBe(JSON.stringify(withoutTiming(b)));
    expect(a.runs[0]!.pairings.map((p) => p.matches)).toEqual([6, 6, 6, 6]);
    expect(a.runs[0]!.pairings.every((p) => p.refused === 0)).toBe(true);
    const c = await lab(2, 12);
    expect(JSON.stringify(withoutTiming(c))).not.toBe(JSON.stringify(withoutTiming(a)));
  }, 240_000);

  it("sweeps a parameter from the command line and writes the three files", () => {
    const dir = mkdtempSync(join(tmpdir(), "balance-lab-test-"));
    try {
      const run = spawnSync(
        process.execPath,
        [
          "--import",
          "tsx",
          "server/cli/balance.ts",
          "--matches",
          "5",
          "--us",
          "hawk",
          "--china",
          "offshorer,self-reliance",
          "--sweep",
          "victory.leadMonths=10..12:2",
          "--out",
          dir,
        ],
        { encoding: "utf8" },
      );
      expect(run.status).toBe(0);
      const report = JSON.parse(readFileSync(join(dir, "report.json"), "utf8")) as LabReport;
      expect(report.runs.map((r) => r.value)).toEqual([10, 12]);
      expect(report.runs.map((r) => r.thresholdMonths)).toEqual([10, 12]);
      expect(readFileSync(join(dir, "report.csv"), "utf8").split("\n")[0]).toContain("us_ci_low");
      const html = readFileSync(join(dir, "report.html"), "utf8");
      expect(html).toContain("new Chart(");
      expect(html).toMatch(/Chart.js v4/);
      expect(html).not.toMatch(/<script[^>]+src=/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses bad flags and scenarios with exit code 2 and a reason", () => {
    const cases: [string[], RegExp][] = [
      [["--matches", "many"], /--matches takes a whole number/],
      [["--us", "offshorer"], /--us: bot "offshorer" cannot play the US \(bots for the US: .*hawk/],
      [["--scenario", "nowhere"], /no scenario "nowhere"/],
      [["--sweep", "victory.nothing=1..2:1"], /not a number in the scenario/],
      [["--sweep", "victory.leadMonths=5..1:1"], /FROM <= TO/],
      [["--colour", "red"], /Unknown option '--colour'/],
    ];
    for (const [args, message] of cases) {
      const run = spawnSync(process.execPath, ["--import", "tsx", "server/cli/balance.ts", ...args], {
        encoding: "utf8",
      });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toContain("usage: npm run balance");
    }
  });
});
