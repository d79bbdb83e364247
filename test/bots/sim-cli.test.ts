/**
 * The headless match command: the same arguments print the same bytes, the JSON form agrees with the rules
 * played directly, and bad flags exit with code 2, a reason and the usage.
 */
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { BOTS } from "../../shared/bots/index.ts";
import { BUILTIN_SCENARIOS, hashState } from "../../shared/rules/index.ts";
import { playMatch } from "../../shared/sim/match.ts";

function sim(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/cli/sim.ts", ...args]);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

describe("npm run sim", () => {
  it("prints the same bytes for the same arguments, and its JSON matches the rules played directly", async () => {
    const args = ["--seed", "9", "--us", "hawk", "--china", "self-reliance"];
    const [first, second, json] = await Promise.all([sim(args), sim(args), sim([...args, "--json"])]);
    expect(first.status).toBe(0);
    expect(first.stdout).toBe(second.stdout);
    const direct = playMatch(BUILTIN_SCENARIOS["baseline-2025"]!.scenario, 9, {
      us: BOTS.hawk!,
      china: BOTS["self-reliance"]!,
    });
    expect(first.stdout).toContain(`state hash ${hashState(direct.state)}`);
    const parsed = JSON.parse(json.stdout) as { hash: string };
    expect(parsed.hash).toBe(hashState(direct.state));
  });

  it("refuses bad flags with exit code 2, the reason and the usage", async () => {
    const cases: [string[], RegExp][] = [
      [["--us", "offshorer"], /--us: bot "offshorer" cannot play the US \(bots for the US: .*builder/],
      [["--china", "skynet"], /--china: no bot "skynet" \(bots for China: .*offshorer/],
      [["--seed", "many"], /--seed/],
      [["--scenario", "nowhere"], /no scenario "nowhere"/],
      [["--colour", "red"], /Unknown option '--colour'/],
    ];
    const runs = await Promise.all(cases.map(([args]) => sim(args)));
    runs.forEach((run, i) => {
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(cases[i]![1]);
      expect(run.stderr).toContain("usage: npm run sim");
      expect(run.stdout).toBe("");
    });
  });
});
