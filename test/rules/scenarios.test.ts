/**
 * Scenario files: the built-ins parse, every number of the baseline carries a source, a broken file gives
 * readable errors with paths (and never an exception), and variants apply exactly their overrides.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ParseResult, ScenarioParams } from "../../shared/rules/index.ts";
import {
  BUILTIN_SCENARIOS,
  SCENARIO_FILES,
  SCENARIO_IDS,
  createMatch,
  hashState,
  parseScenario,
} from "../../shared/rules/index.ts";
import baselineRaw from "../../shared/scenarios/baseline-2025.json" with { type: "json" };
import hardlineRaw from "../../shared/scenarios/hardline-2025.json" with { type: "json" };

type Json = Record<string, unknown>;

function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

function isObject(x: unknown): x is Json {
  return x !== null && typeof x === "object" && !Array.isArray(x);
}

function get(root: unknown, path: string): unknown {
  let node = root;
  for (const seg of path.split("."))
    node = isObject(node) ? node[seg] : Array.isArray(node) ? (node as unknown[])[Number(seg)] : undefined;
  return node;
}

/** A copy of the baseline file with `edit` applied to it. */
function baselineWith(edit: (raw: Json) => void): Json {
  const raw = clone(baselineRaw) as unknown as Json;
  edit(raw);
  return raw;
}

function sourced(raw: Json, path: string): Json {
  const node = get(raw.params, path);
  if (!isObject(node)) throw new Error(`no sourced value at ${path}`);
  return node;
}

/** The dotted paths of every sourced value ({ value, source, kind }) in a raw params tree. */
function sourcedPaths(node: unknown, path = ""): string[] {
  if (Array.isArray(node)) return node.flatMap((v, i) => sourcedPaths(v, `${path}.${i}`));
  if (!isObject(node)) return [];
  if ("value" in node) return [path];
  return Object.entries(node).flatMap(([k, v]) => sourcedPaths(v, path ? `${path}.${k}` : k));
}

/** The dotted paths of every number in a raw tree, wherever it sits. */
function numberLeaves(node: unknown, path = ""): string[] {
  if (typeof node === "number") return [path];
  if (Array.isArray(node)) return node.flatMap((v, i) => numberLeaves(v, `${path}.${i}`));
  if (!isObject(node)) return [];
  return Object.entries(node).flatMap(([k, v]) => numberLeaves(v, path ? `${path}.${k}` : k));
}

function mustParse(raw: unknown): Extract<ParseResult, { ok: true }> {
  const result = parseScenario(raw);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join("; "));
  return result;
}

function errorsOf(raw: unknown): { path: string; message: string }[] {
  let result: ParseResult | undefined;
  expect(() => (result = parseScenario(raw))).not.toThrow();
  if (!result || result.ok) throw new Error("the broken file was accepted");
  expect(result.errors.length).toBeGreaterThan(0);
  for (const e of result.errors) {
    expect(e.path.length).toBeGreaterThan(0);
    expect(e.message.trim().length).toBeGreaterThan(0);
  }
  return result.errors;
}

describe("the built-in scenarios", () => {
  it("are the four shipped files, in menu order", () => {
    expect(SCENARIO_IDS).toEqual(["baseline-2025", "hardline-2025", "open-export-2025", "taiwan-crisis"]);
    expect(SCENARIO_FILES).toHaveLength(SCENARIO_IDS.length);
  });

  it.each(SCENARIO_IDS)("%s parses, has titles in English and German, and starts a match", (id) => {
    const raw = SCENARIO_FILES.find((f) => isObject(f) && f.id === id);
    const parsed = mustParse(raw);
    expect(parsed.scenario.id).toBe(id);
    expect(parsed.scenario).toEqual(BUILTIN_SCENARIOS[id]!.scenario);
    expect(parsed.scenario.title.en.length).toBeGreaterThan(0);
    expect(parsed.scenario.title.de.length).toBeGreaterThan(0);
    const state = createMatch(parsed.scenario, 1);
    expect(state.phase).toBe("orders");
    expect(state.turn).toBe(0);
  });
});

describe("every number in baseline-2025.json has a source", () => {
  const parsed = mustParse(baselineRaw);
  const raw = baselineRaw as unknown as Json;

  it("every number in the file is the value of a sourced entry", () => {
    const numbers = numberLeaves(raw.params);
    expect(numbers.length).toBeGreaterThan(150);
    const paths = new Set(sourcedPaths(raw.params));
    expect(numbers.filter((n) => !(n.endsWith(".value") && paths.has(n.slice(0, -".value".length))))).toEqual(
      [],
    );
  });

  it("the citation map of parseScenario covers exactly the sourced entries of the file", () => {
    expect(Object.keys(parsed.citations).sort()).toEqual(sourcedPaths(raw.params).sort());
  });

  it("each citation carries the value the engine uses", () => {
    for (const [path, citation] of Object.entries(parsed.citations))
      expect([path, get(parsed.scenario.params, path)]).toEqual([path, citation.value]);
  });

  it("each source names at least a title and a year, or says it is a design choice", () => {
    const named = (source: string) => /\b(19|20)\d{2}\b/.test(source) || /\bdesign( brief)?\b/i.test(source);
    const missing = Object.entries(parsed.citations)
      .filter(([, c]) => !named(c.source))
      .map(([path, c]) => `${path}: ${c.source}`);
    expect(missing).toEqual([]);
    for (const c of Object.values(parsed.citations)) expect(c.source.trim().length).toBeGreaterThanOrEqual(8);
  });

  it("every kind is reported, derived or design", () => {
    for (const c of Object.values(parsed.citations))
      expect(["reported", "derived", "design"]).toContain(c.kind);
  });
});

describe("parseScenario on broken files: readable errors with paths, never an exception", () => {
  const cases: { name: string; raw: unknown; path: string | RegExp; message?: RegExp }[] = [
    {
      name: "a value without a source",
      raw: baselineWith((r) => delete sourced(r, "us.cash").source),
      path: "params.us.cash.source",
    },
    {
      name: "a source too short to name a title and a year",
      raw: baselineWith((r) => (sourced(r, "us.cash").source = "FT")),
      path: "params.us.cash.source",
      message: /source/,
    },
    {
      name: "a value of the wrong type",
      raw: baselineWith((r) => (sourced(r, "us.cash").value = "190")),
      path: "params.us.cash.value",
      message: /number/i,
    },
    {
      name: "an unknown key",
      raw: baselineWith((r) => ((r.params as Json).us = { ...((r.params as Json).us as Json), bonus: 1 })),
      path: "params.us",
      message: /bonus/,
    },
    {
      name: "a negative stock",
      raw: baselineWith((r) => (sourced(r, "us.fleetH100e").value = -5)),
      path: "params.us.fleetH100e.value",
    },
    {
      name: "a share above one",
      raw: baselineWith((r) => (sourced(r, "world.utilisation").value = 1.5)),
      path: "params.world.utilisation.value",
    },
    {
      name: "a fractional number of turns",
      raw: baselineWith((r) => (sourced(r, "time.turns").value = 16.5)),
      path: "params.time.turns.value",
    },
    {
      name: "an infinite value",
      raw: baselineWith((r) => (sourced(r, "us.cash").value = Infinity)),
      path: "params.us.cash.value",
    },
    {
      name: "an unknown kind of citation",
      raw: baselineWith((r) => (sourced(r, "us.cash").kind = "guess")),
      path: "params.us.cash.kind",
    },
    {
      name: "a missing section",
      raw: baselineWith((r) => delete (r.params as Json).hosts),
      path: "params.hosts",
    },
    {
      name: "an unknown export-control level",
      raw: baselineWith((r) => (sourced(r, "exportControls.startLevel").value = "embargo")),
      path: "params.exportControls.startLevel.value",
    },
    {
      name: "an id with capitals and spaces",
      raw: baselineWith((r) => (r.id = "Baseline 2025")),
      path: "id",
    },
    {
      name: "a missing German title",
      raw: baselineWith((r) => (r.title = { en: "Baseline" })),
      path: "title.de",
    },
    {
      name: "a variant of an unknown base",
      raw: { ...clone(hardlineRaw), extends: "baseline-2099" },
      path: "extends",
      message: /baseline-2099/,
    },
    {
      name: "a variant of a variant",
      raw: { ...clone(hardlineRaw), id: "harder", extends: "hardline-2025" },
      path: "extends",
    },
    {
      name: "an override path that names nothing",
      raw: {
        ...clone(hardlineRaw),
        overrides: { "us.nothing": { value: 1, source: "Design: test", kind: "design" } },
      },
      path: "overrides.us.nothing",
      message: /sourced value/,
    },
    {
      name: "an override path that names a section, not a value",
      raw: { ...clone(hardlineRaw), overrides: { us: { value: 1, source: "Design: test", kind: "design" } } },
      path: "overrides.us",
    },
    {
      name: "an override path with a slash",
      raw: {
        ...clone(hardlineRaw),
        overrides: { "us/cash": { value: 1, source: "Design: test", kind: "design" } },
      },
      path: /^overrides/,
    },
    {
      name: "an override of the wrong type",
      raw: {
        ...clone(hardlineRaw),
        overrides: { "us.cash": { value: "lots", source: "Design: a test value", kind: "design" } },
      },
      path: "params.us.cash.value",
    },
    {
      name: "a negative override",
      raw: {
        ...clone(hardlineRaw),
        overrides: { "us.cash": { value: -1, source: "Design: a test value", kind: "design" } },
      },
      path: "params.us.cash.value",
    },
    {
      name: "an override without a source",
      raw: { ...clone(hardlineRaw), overrides: { "us.cash": { value: 1, kind: "design" } } },
      path: "overrides.us.cash.source",
    },
    {
      name: "a variant without overrides",
      raw: { ...clone(hardlineRaw), overrides: undefined },
      path: "overrides",
    },
    { name: "a number", raw: 42, path: "(file)" },
    { name: "null", raw: null, path: "(file)" },
    { name: "undefined", raw: undefined, path: "(file)" },
    { name: "an array", raw: [baselineRaw], path: "(file)" },
    { name: "a string", raw: JSON.stringify(baselineRaw), path: "(file)" },
    { name: "true", raw: true, path: "(file)" },
    { name: "an empty object", raw: {}, path: /^(id|title|summary|params)$/ },
  ];

  it.each(cases)("$name", ({ raw, path, message }) => {
    const errors = errorsOf(raw);
    const match = errors.find((e) => (typeof path === "string" ? e.path === path : path.test(e.path)));
    expect(match ? "found" : errors).toBe("found");
    if (message && match) expect(match.message).toMatch(message);
  });

  it("a missing source is explained in words a scenario author can act on", () => {
    const errors = errorsOf(baselineWith((r) => (sourced(r, "us.cash").source = "1")));
    expect(errors[0]?.message).toMatch(/every number needs a source/);
  });

  it("never throws on anything at all", () => {
    fc.assert(
      fc.property(
        fc.anything({ maxDepth: 4, withNullPrototype: true, withBigInt: true, withMap: true }),
        (raw) => {
          const result = parseScenario(raw);
          if (!result.ok) for (const e of result.errors) expect(e.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("never throws on the baseline or a variant with any one entry replaced or removed", () => {
    const baselinePaths = [...sourcedPaths((baselineRaw as Json).params).map((p) => `params.${p}`)];
    const targets = [
      ...baselinePaths,
      ...baselinePaths.map((p) => `${p}.value`),
      ...baselinePaths.map((p) => `${p}.source`),
      "id",
      "title",
      "params",
      "params.world",
    ];
    const junk = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom<unknown>(undefined, NaN, -1, 1e308, "", [], {}, null, "banPlusRemoteAccess"),
    );
    fc.assert(
      fc.property(fc.constantFrom(...targets), junk, fc.boolean(), (path, value, asVariant) => {
        const raw = clone(baselineRaw) as unknown as Json;
        const segs = path.split(".");
        const parent = get(raw, segs.slice(0, -1).join(".")) ?? raw;
        if (segs.length === 1) raw[segs[0]!] = value;
        else if (isObject(parent)) parent[segs[segs.length - 1]!] = value;
        const input = asVariant
          ? {
              ...clone(hardlineRaw),
              overrides: {
                [path.replace(/^params\./, "").replace(/\.(value|source)$/, "")]: {
                  value,
                  source: "Design: a test",
                  kind: "design",
                },
              },
            }
          : raw;
        const result = parseScenario(input);
        if (!result.ok) for (const e of result.errors) expect(e.path.length).toBeGreaterThan(0);
      }),
      { numRuns: 600 },
    );
  });

  it("parsing, even of broken variants, never changes the built-in files", () => {
    const before = SCENARIO_FILES.map(hashState);
    for (const { raw } of cases) parseScenario(raw);
    for (const raw of SCENARIO_FILES) parseScenario(raw);
    parseScenario({
      ...clone(hardlineRaw),
      overrides: { "us.cash": { value: 1, source: "Design: a test value", kind: "design" } },
    });
    expect(SCENARIO_FILES.map(hashState)).toEqual(before);
    expect(mustParse(baselineRaw).scenario.params.us.cash).toBe(190);
  });
});

describe("variants apply their overrides, and only them", () => {
  const base = BUILTIN_SCENARIOS["baseline-2025"]!;

  /** Every sourced path of the baseline whose parsed value differs between two scenarios. */
  function differences(a: ScenarioParams, b: ScenarioParams): string[] {
    return Object.keys(base.citations).filter((p) => get(a, p) !== get(b, p));
  }

  it.each(SCENARIO_IDS.filter((id) => id !== "baseline-2025"))("%s", (id) => {
    const raw = SCENARIO_FILES.find((f) => isObject(f) && f.id === id) as Json;
    const overrides = raw.overrides as Record<string, { value: unknown; source: string }>;
    const parsed = BUILTIN_SCENARIOS[id]!;
    expect(raw.extends).toBe("baseline-2025");
    expect(differences(base.scenario.params, parsed.scenario.params).sort()).toEqual(
      Object.keys(overrides)
        .filter((p) => get(base.scenario.params, p) !== overrides[p]!.value)
        .sort(),
    );
    for (const [path, o] of Object.entries(overrides)) {
      expect(get(parsed.scenario.params, path)).toBe(o.value);
      // The variant's own source replaces the base's in its citations.
      expect(parsed.citations[path]?.source).toBe(o.source);
    }
    expect(parsed.scenario.title).toEqual(raw.title);
  });

  it("the variants start their matches as they say", () => {
    const start = (id: string) => createMatch(BUILTIN_SCENARIOS[id]!.scenario, 1);
    expect(start("hardline-2025").us.exportControlLevel).toBe("banPlusRemoteAccess");
    expect(start("hardline-2025").tension).toBe(50);
    expect(start("open-export-2025").us.exportControlLevel).toBe("open");
    expect(start("open-export-2025").scenario.params.exportControls.exportRevenueShare).toBe(0.25);
    expect(start("open-export-2025").tension).toBe(20);
    expect(start("taiwan-crisis").us.frontierSupply).toBe(1_230_000);
    expect(start("taiwan-crisis").tension).toBe(75);
    expect(start("baseline-2025").us.exportControlLevel).toBe("performanceCap");
    expect(start("baseline-2025").tension).toBe(30);
  });

  it("a new variant can override any sourced number", () => {
    const parsed = mustParse({
      id: "rich-china",
      extends: "baseline-2025",
      title: { en: "Rich China", de: "Reiches China" },
      summary: { en: "China has more money.", de: "China hat mehr Geld." },
      overrides: {
        "china.cash": { value: 100, source: "Design: a classroom what-if", kind: "design" },
        "hosts.malaysia.openness": { value: 0.9, source: "Design: a classroom what-if", kind: "design" },
      },
    });
    expect(parsed.scenario.id).toBe("rich-china");
    expect(differences(base.scenario.params, parsed.scenario.params).sort()).toEqual([
      "china.cash",
      "hosts.malaysia.openness",
    ]);
    const state = createMatch(parsed.scenario, 1);
    expect(state.china.cash).toBe(100);
    expect(state.hosts.malaysia.openness).toBe(0.9);
  });
});

describe("scenario error messages a person can act on", () => {
  const hardline = SCENARIO_FILES[1] as Record<string, unknown>;

  it("a variant of a variant is told which full scenario to extend", () => {
    const result = parseScenario({ ...hardline, id: "harder", extends: "hardline-2025" });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors[0]?.message).toContain(
        'extend the full scenario it is built on ("baseline-2025")',
      );
  });

  it("a bad override path gets the schema's own explanation", () => {
    const result = parseScenario({
      ...hardline,
      overrides: { "us/cash": { value: 1, source: "Design: a test, 2026", kind: "design" } },
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors[0]).toEqual({
        path: "overrides.us/cash",
        message: "an override path is dot-separated, like us.incomePerTurn",
      });
  });
});
