/**
 * Scenario files: every number carries its source. A sourced value is `{ value, source, kind }`, where kind
 * says whether the figure was reported in the source, derived from reported figures (the source then shows the
 * arithmetic), or is a game-design choice (tuned by the balance lab, never presented as a fact).
 * Parsing turns the file into plain numbers for the engine and keeps the citations for the debrief.
 */
import { z } from "zod";
import { CONTROL_LEVELS } from "./types.ts";

export const CITATION_KINDS = ["reported", "derived", "design"] as const;

const citation = {
  source: z.string().trim().min(8, "every number needs a source: at least a title and a year"),
  kind: z.enum(CITATION_KINDS),
};

const num = (min = -Infinity, max = Infinity) =>
  z
    .object({ value: z.number().finite().min(min).max(max), ...citation })
    .strict()
    .transform((x) => x.value);
const pos = () => num(0);
const share = () => num(0, 1);
const int = (min: number, max: number) =>
  z
    .object({ value: z.number().int().min(min).max(max), ...citation })
    .strict()
    .transform((x) => x.value);

const byHost = <T extends z.ZodType>(item: T) =>
  z.object({ japan: item, australia: item, singapore: item, malaysia: item, indonesia: item }).strict();
const bySource = <T extends z.ZodType>(item: T) =>
  z.object({ solar: item, wind: item, gas: item, nuclear: item }).strict();
const withGrid = <T extends z.ZodType>(item: T) =>
  z.object({ grid: item, solar: item, wind: item, gas: item, nuclear: item }).strict();

const sidePower = z
  .object({
    powerGW: withGrid(pos()),
    gridEmissionsTPerMWh: pos(),
    dataCenterGW: pos(),
    /** GW of data-centre capacity (with its power) already in the pipeline, arriving each turn. */
    pipelineGWPerTurn: pos(),
    pipelineTurns: int(0, 40),
    electricityPricePerKWh: pos(),
    buildCostFactor: pos(),
  })
  .strict();

const text = z.object({ en: z.string().min(1), de: z.string().min(1) }).strict();

/** One generation of a chip roadmap: on sale from a turn on, with its compute, power and price per H100e. */
const generation = {
  name: z.string().trim().min(1).max(60),
  fromTurn: int(0, 40),
  h100ePerChip: pos(),
  kwPerH100e: pos(),
  usdPerH100e: pos(),
};
/** Whether roadmap rows start at turn 0 and come in order; a message when they do not. */
function roadmapProblem(rows: readonly { fromTurn: number }[]): string | null {
  if (rows[0]?.fromTurn !== 0) return "the first generation is on sale from turn 0";
  if (rows.some((row, i) => i > 0 && row.fromTurn <= (rows[i - 1]?.fromTurn ?? 0)))
    return "generations are listed in the order they come, each from a later turn";
  return null;
}
const roadmap = <T extends z.ZodType<{ fromTurn: number }>>(row: T) =>
  z
    .array(row)
    .min(1, "a roadmap has at least one generation")
    .superRefine((rows, ctx) => {
      const problem = roadmapProblem(rows);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });

export const ScenarioParamsSchema = z
  .object({
    time: z.object({ startYear: int(2000, 2100), startHalf: int(1, 2), turns: int(1, 40) }).strict(),
    victory: z
      .object({
        leadMonths: num(-120, 120),
        /** The outcome is the mean lead over this many final turns, not one final snapshot. */
        judgedTurns: int(1, 40),
      })
      .strict(),
    world: z
      .object({
        hoursPerTurn: pos(),
        h100Flops: pos(),
        utilisation: share(),
        trainingShare: share(),
        pue: num(1, 3),
        leadGrowthPerYear: num(1.01, 1000),
        algoGrowthPerYear: num(1, 100),
        /** Share of its capability gap (in orders of magnitude) the side behind closes a turn by fast following. */
        fastFollowShare: share(),
        /** Turns in which that share halves, as the leaders publish less and guard their models. */
        fastFollowHalfLifeTurns: num(0.1, 1000),
        retirementPerTurn: share(),
        startTension: num(0, 100),
        tensionDecayPerTurn: share(),
        escalationTension: num(0, 100),
        eventChancePerTurn: share(),
        /** Cash a side may carry into the next turn, in turns of its income; the rest lapses. */
        carryOverTurns: num(0, 40),
        /** Tension at which China bans mineral exports to the US, how far below it the ban lifts, its cost. */
        mineralBanTension: num(0, 100),
        mineralBanHysteresis: num(0, 100),
        mineralBanCostShare: num(0, 5),
      })
      .strict(),
    exportControls: z
      .object({
        startLevel: z
          .object({ value: z.enum(CONTROL_LEVELS), ...citation })
          .strict()
          .transform((x) => x.value),
        exportRevenueShare: share(),
        tensionPerStep: pos(),
        /** $B the US chip industry loses per step the US tightens (written-off stock and lost orders). */
        tighteningCostPerStep: pos(),
        /** Turns the remote-access bill needs to become law once the US asks for the rule. */
        remoteAccessLawTurns: int(1, 20),
      })
      .strict(),
    chips: z
      .object({
        legacyKwPerH100e: pos(),
        /** Nvidia's generations: what US firms (and China, when exports are open) buy in each turn. */
        frontierRoadmap: roadmap(z.object(generation).strict()),
        /** What the performance cap lets China buy in each turn, with its volume cap and the US's charge. */
        exportGradeRoadmap: roadmap(
          z.object({ ...generation, supplyPerTurn: pos(), revenueShare: share() }).strict(),
        ),
        /** Power per unit of compute of China's newest domestic part against Nvidia's newest of the same turn. */
        domesticPowerRatio: num(1, 10),
        domesticUsdPerH100e: pos(),
        smugglingPremium: pos(),
        /** Chips smuggling networks can move in a turn (of the Nvidia generation on sale), before host strictness. */
        smugglingChipsPerTurn: pos(),
      })
      .strict(),
    power: z
      .object({
        sources: bySource(
          z
            .object({
              costPerGW: pos(),
              leadTurns: int(0, 20),
              firmFactor: share(),
              emissionsTPerMWh: pos(),
              usPermitDelayTurns: int(0, 20),
            })
            .strict(),
        ),
        dataCenterCostPerGW: pos(),
        dataCenterLeadTurns: int(0, 20),
        usDataCenterPermitDelayTurns: int(0, 20),
      })
      .strict(),
    us: z
      .object({
        cash: pos(),
        incomePerTurn: pos(),
        incomeGrowthPerTurn: num(-0.5, 1),
        fleetH100e: pos(),
        frontierSupplyPerTurn: pos(),
        frontierSupplyGrowthPerTurn: num(-0.5, 2),
        oppositionChancePerTurn: share(),
        reformCostToVote: pos(),
        reformPassChance: share(),
        reformStep: share(),
        reformIncomeCost: share(),
        energy: sidePower,
      })
      .strict(),
    china: z
      .object({
        cash: pos(),
        incomePerTurn: pos(),
        incomeGrowthPerTurn: num(-0.5, 1),
        fleet: z.object({ frontier: pos(), exportGrade: pos(), domestic: pos() }).strict(),
        subsidyMax: share(),
        subsidyCentralShare: share(),
        /** GW of firm power with halls the subsidising provinces connect a turn at the full subsidy. */
        subsidyGWPerTurn: pos(),
        domestic: z
          .object({
            h100ePerChip: pos(),
            wafersPerMonth: pos(),
            aiFabShare: share(),
            yield: share(),
            diesPerWafer: pos(),
            diesPerChip: pos(),
            hbmStock: pos(),
            hbmStacksPerChip: pos(),
            hbmProductionPerTurn: pos(),
            fabCostPer1kWpm: pos(),
            fabLeadTurns: int(0, 20),
            hbmCostPerMStacks: pos(),
            hbmLeadTurns: int(0, 20),
            perfGainPerLevel: num(0, 2),
            roadmapLevelsPerTurn: pos(),
          })
          .strict(),
        leases: byHost(pos()),
        energy: sidePower,
      })
      .strict(),
    hosts: byHost(
      z
        .object({
          capacityGW: pos(),
          capacityGrowthPerTurn: num(-0.5, 2),
          foreignAiShare: share(),
          openness: share(),
          strictness: share(),
          influenceUs: num(0, 100),
          influenceChina: num(0, 100),
          leaseUsdPerH100eTurn: pos(),
          /** Where the host's own pipeline of data centres stops growing (co-funded capacity comes on top). */
          capacityMaxGW: pos(),
        })
        .strict(),
    ),
    levers: z
      .object({
        /** Spending that gives about 63% of a lever's full effect when accumulated (the saturation scale). */
        enforcementRef: pos(),
        enforcementDecay: share(),
        detectionBase: share(),
        detectionMax: share(),
        pressureRef: pos(),
        pressureOpennessEffect: share(),
        toolPressureRef: pos(),
        toolPressureDecay: share(),
        courtRef: pos(),
        courtOpennessEffect: share(),
        hostDrift: share(),
        influenceDrift: share(),
        algoRef: pos(),
        algoMaxBoost: num(0, 2),
        chipResearchRef: pos(),
        chipResearchLevelsMax: pos(),
        publishInfluence: num(0, 100),
        publishSpillover: share(),
        publishSelfBoost: num(0, 1),
        intelRef: pos(),
        intelDecay: share(),
        intelBaseSigma: pos(),
        leaseDetectionMax: share(),
        subsidyAllyInfluence: num(0, 100),
        remoteRuleCutShare: share(),
        /** A lease binds for this many turns before it may be released. */
        leaseMinTurns: int(1, 20),
        /** How much a host opens up to a paying customer (times the saturated lease payment). */
        leaseOpennessEffect: share(),
        /**
         * How uncertain the effect of money spent on a host is (a factor drawn from 1 - u to 1 + u on the
         * spender's secret stream): the other side sees what happened, never exactly what it cost.
         */
        diplomacyUncertainty: share(),
        pressureStrictnessEffect: share(),
        pressureInfluenceCost: num(0, 100),
        pressureTension: num(0, 100),
        /** The share of a lever's pull that works regardless of goodwill (the rest scales with it). */
        leverageBase: share(),
        courtInfluence: num(0, 100),
        /** The share of courtOpennessEffect by which co-funding closes a host to Chinese customers. */
        allyOpennessShare: share(),
        /** GW of a host's capacity kept for trusted customers per GW the US co-funds. */
        allyReservePerGW: num(0, 10),
        toolPressureTension: num(0, 100),
        /** Share by which saturated US tool pressure holds down China's fab yields. */
        toolPressureYieldEffect: share(),
        /** Tool-pressure level above which a fab expansion takes a turn longer. */
        toolPressureDelayLevel: share(),
        /** US goodwill lost in Japan (a tool-making ally and a host) per saturated turn of tool pressure. */
        toolPressureAllyInfluence: num(0, 100),
        smugglingBustStrictness: share(),
        smugglingBustTension: num(0, 100),
        /** A caught shipment teaches the US about China: intelligence stock gained, in units of intelRef. */
        smugglingBustIntel: num(0, 10),
        /** Strictness drifts back to its start at this share of the openness drift. */
        strictnessDriftShare: share(),
        /**
         * A host where the US has more goodwill than China applies the remote-access rule with chance
         * `remoteRuleEdgeWeight` x the US's edge in goodwill x (this + strictness) (hosts.ts remoteRuleChance).
         */
        remoteRuleBase: share(),
        remoteRuleEdgeWeight: num(0, 10),
        /** Share of the detection chance China's saturated intelligence lets a smuggled shipment avoid. */
        intelEvasion: share(),
      })
      .strict(),
  })
  .strict();

export const ScenarioSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, "ids are lowercase words joined by hyphens"),
    title: text,
    summary: text,
    params: ScenarioParamsSchema,
  })
  .strict();

export type ScenarioParams = z.output<typeof ScenarioParamsSchema>;
export type Scenario = z.output<typeof ScenarioSchema>;

/** A derived scenario names its base and replaces some sourced values, each with its own citation. */
export const ScenarioVariantSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, "ids are lowercase words joined by hyphens"),
    extends: z.string(),
    title: text,
    summary: text,
    overrides: z.record(
      z.string().regex(/^[a-zA-Z0-9.]+$/, "an override path is dot-separated, like us.incomePerTurn"),
      z.object({ value: z.union([z.number().finite(), z.string()]), ...citation }).strict(),
    ),
  })
  .strict();

export type ScenarioVariant = z.input<typeof ScenarioVariantSchema>;

export interface Citation {
  value: number | string;
  source: string;
  kind: (typeof CITATION_KINDS)[number];
}

export interface ParseError {
  path: string;
  message: string;
}

export type ParseResult =
  { ok: true; scenario: Scenario; citations: Record<string, Citation> } | { ok: false; errors: ParseError[] };
