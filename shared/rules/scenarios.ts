/**
 * The built-in scenarios and the parser for scenario files. A file is either a full scenario or a variant that
 * names a built-in base and overrides some of its sourced values. Parsing never throws: it returns the errors
 * with the path of each bad value, in words a scenario author can act on.
 */
import baseline from "../scenarios/baseline-2025.json" with { type: "json" };
import hardline from "../scenarios/hardline-2025.json" with { type: "json" };
import openExport from "../scenarios/open-export-2025.json" with { type: "json" };
import taiwanCrisis from "../scenarios/taiwan-crisis.json" with { type: "json" };
import { clonePlain } from "./clone.ts";
import type { Citation, ParseError, ParseResult } from "./scenario.ts";
import { ScenarioSchema, ScenarioVariantSchema } from "./scenario.ts";

/** The raw files, in menu order. */
export const SCENARIO_FILES: readonly unknown[] = [baseline, hardline, openExport, taiwanCrisis];

interface Issue {
  path: readonly PropertyKey[];
  message: string;
  /** zod nests the schema's own message for a bad record key here. */
  issues?: readonly Issue[];
}

function issuesToErrors(issues: readonly Issue[]): ParseError[] {
  return issues.map((i) => ({
    path: i.path.map(String).join(".") || "(file)",
    message: i.issues?.[0]?.message ?? i.message,
  }));
}

/** Walks a raw params tree and collects every sourced value by its dotted path. */
function collectCitations(node: unknown, path: string, out: Record<string, Citation>): void {
  if (node === null || typeof node !== "object") return;
  const rec = node as Record<string, unknown>;
  if ("value" in rec && "source" in rec && "kind" in rec) {
    out[path] = {
      value: rec.value as number | string,
      source: String(rec.source),
      kind: rec.kind as Citation["kind"],
    };
    return;
  }
  for (const [k, v] of Object.entries(rec)) collectCitations(v, path ? `${path}.${k}` : k, out);
}

function isObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === "object" && !Array.isArray(x);
}

function parseFull(raw: unknown): ParseResult {
  const parsed = ScenarioSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: issuesToErrors(parsed.error.issues) };
  const citations: Record<string, Citation> = {};
  collectCitations((raw as { params: unknown }).params, "", citations);
  return { ok: true, scenario: parsed.data, citations };
}

function findBase(id: string): unknown {
  return SCENARIO_FILES.find((f) => isObject(f) && f.id === id && !("extends" in f));
}

/** Applies a variant's overrides to its base's raw tree; each override path must name a sourced value. */
function applyVariant(raw: unknown): { ok: true; full: unknown } | { ok: false; errors: ParseError[] } {
  const variant = ScenarioVariantSchema.safeParse(raw);
  if (!variant.success) return { ok: false, errors: issuesToErrors(variant.error.issues) };
  const v = variant.data;
  const base = findBase(v.extends);
  if (!base) {
    const variantOf = SCENARIO_FILES.find((f) => isObject(f) && f.id === v.extends) as
      { extends?: unknown } | undefined;
    const message = variantOf
      ? `"${v.extends}" is itself a variant; extend the full scenario it is built on ("${String(variantOf.extends)}") and repeat its overrides`
      : `no built-in scenario is called "${v.extends}"`;
    return { ok: false, errors: [{ path: "extends", message }] };
  }
  const full = clonePlain(base) as Record<string, unknown>;
  const errors: ParseError[] = [];
  for (const [path, value] of Object.entries(v.overrides)) {
    let node: unknown = full.params;
    for (const seg of path.split("."))
      node = isObject(node)
        ? node[seg]
        : Array.isArray(node) && /^\d+$/.test(seg)
          ? (node as unknown[])[Number(seg)]
          : undefined;
    if (!isObject(node) || !("value" in node)) {
      errors.push({
        path: `overrides.${path}`,
        message: "this path does not name a sourced value in the base scenario",
      });
      continue;
    }
    Object.assign(node, value);
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, full: { ...full, id: v.id, title: v.title, summary: v.summary } };
}

/** Parses a scenario file (full or variant) into a scenario with plain numbers and its citations. Never throws. */
export function parseScenario(raw: unknown): ParseResult {
  if (!isObject(raw))
    return { ok: false, errors: [{ path: "(file)", message: "a scenario is a JSON object" }] };
  if ("extends" in raw) {
    const applied = applyVariant(raw);
    return applied.ok ? parseFull(applied.full) : applied;
  }
  return parseFull(raw);
}

function mustParse(raw: unknown) {
  const result = parseScenario(raw);
  if (!result.ok) {
    const id = isObject(raw) ? String(raw.id) : "?";
    throw new Error(
      `built-in scenario ${id} is broken: ${result.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}`,
    );
  }
  return result;
}

/** Every built-in scenario, parsed once, by id (a broken built-in file fails loudly at load). */
/**
 * The built-in scenarios by id. A table without a prototype, so that a name from outside ("constructor",
 * "toString") finds nothing instead of a built-in object property.
 */
export const BUILTIN_SCENARIOS = Object.assign(
  Object.create(null) as object,
  Object.fromEntries(
    SCENARIO_FILES.map((raw) => {
      const parsed = mustParse(raw);
      return [parsed.scenario.id, parsed];
    }),
  ),
) as Record<string, Extract<ParseResult, { ok: true }>>;

export const SCENARIO_IDS: readonly string[] = Object.keys(BUILTIN_SCENARIOS);
