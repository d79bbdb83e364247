/** Shared command-line helpers: strict flags with readable errors, and scenario loading by id or file. */
import { readFileSync } from "node:fs";
import { parseArgs, type ParseArgsConfig } from "node:util";
import type { Scenario } from "../../shared/rules/index.ts";
import { BUILTIN_SCENARIOS, parseScenario, SCENARIO_IDS } from "../../shared/rules/index.ts";

export class UsageError extends Error {}

/** Parses flags strictly: an unknown flag or a missing value is a UsageError with a message a person can act on. */
export function parseFlags<T extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(
      error instanceof Error ? error.message.replace(/^TypeError \[[A-Z_]+\]: /, "") : String(error),
    );
  }
}

/** Reads a whole number flag. */
export function intFlag(
  value: string | undefined,
  name: string,
  fallback: number,
  min = 0,
  max = 2 ** 31 - 1,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} takes a whole number from ${min} to ${max} (got "${value}")`);
  return n;
}

/** A built-in scenario by id, or a scenario file (full or variant) by path. */
export function loadScenario(idOrPath: string): Scenario {
  const builtin = BUILTIN_SCENARIOS[idOrPath];
  if (builtin) return builtin.scenario;
  if (!idOrPath.endsWith(".json"))
    throw new UsageError(
      `no scenario "${idOrPath}": use one of ${SCENARIO_IDS.join(", ")} or a path to a .json scenario file`,
    );
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(idOrPath, "utf8"));
  } catch (error) {
    throw new UsageError(
      `cannot read scenario file ${idOrPath}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parsed = parseScenario(raw);
  if (!parsed.ok)
    throw new UsageError(
      `scenario file ${idOrPath} is not valid:\n${parsed.errors.map((e) => `  ${e.path}: ${e.message}`).join("\n")}`,
    );
  return parsed.scenario;
}

/** Runs a CLI body: usage errors print the message and the usage and exit with 2. */
export function runCli(usage: string, body: () => void | Promise<void>): void {
  Promise.resolve()
    .then(body)
    .catch((error: unknown) => {
      if (error instanceof UsageError) {
        process.stderr.write(`error: ${error.message}\n\n${usage}\n`);
        process.exitCode = 2;
        return;
      }
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    });
}
