import { intelReport } from "../intel.ts";
import {
  chipPrice,
  clamp,
  detectionChance,
  detectionChanceFrom,
  intelQuality,
  smugglingCap,
} from "../model.ts";
import { HOSTS, type MatchState } from "../types.ts";
import type { Lever } from "./lever.ts";
import { because } from "../reasons.ts";
import { fmt, leverChoice, leverOption, forecast } from "./lever.ts";

const pointless = () =>
  because("smugglingPointless", {}, "frontier chips can be bought legally while exports are open");

const SOURCE = "Reuters/CNA 2025 (Singapore server fraud case); CNAS 2025 (Countering AI Chip Smuggling)";

/** The detection risk as China's intelligence sees it: its estimate of US enforcement, the hosts' strictness. */
function estimatedDetectionChance(state: MatchState): number {
  const enforcement = intelReport(state, "china").enforcement?.estimate ?? 0;
  return detectionChanceFrom(
    state.scenario.params.levers,
    enforcement,
    state.hosts,
    intelQuality(state, "china"),
  );
}

function premiumPrice(state: Parameters<typeof chipPrice>[0]): number {
  return chipPrice(state, "frontier") * (1 + state.scenario.params.chips.smugglingPremium);
}

/** China buys banned frontier chips through intermediaries: dear, and a shipment may be caught. */
export const smuggleChips: Lever<"smuggleChips"> = {
  type: "smuggleChips",
  sides: ["china"],
  key: () => "smuggleChips",
  cost: (state, _side, o) => o.h100e * premiumPrice(state),
  check(state, _side, o) {
    if (state.us.exportControlLevel === "open") return pointless();
    const max = smugglingCap(state);
    return o.h100e > max + 1e-9
      ? because(
          "smugglingCap",
          { max, asked: o.h100e },
          `what smuggling networks can move in a turn (H100e): at most ${fmt(max)} now (asked for ${fmt(o.h100e)})`,
        )
      : null;
  },
  apply(ctx, side, o) {
    const { s, before } = ctx;
    const dice = ctx.dice("smuggling");
    ctx.charge(side, "smuggleChips", o.h100e * premiumPrice(before));
    const chance = detectionChance(s);
    if (dice.chance(chance)) {
      const transit = HOSTS[dice.int(HOSTS.length)] ?? "singapore";
      const l = s.scenario.params.levers;
      s.hosts[transit].strictness = clamp(s.hosts[transit].strictness + l.smugglingBustStrictness, 0, 1);
      s.tension = clamp(s.tension + l.smugglingBustTension, 0, 100);
      s.us.intelStock += l.intelRef * l.smugglingBustIntel;
      ctx.emit(
        "public",
        "smuggleChips.caught",
        `A smuggling ring moving ${fmt(o.h100e)} H100e of banned chips through ${transit} is caught; the chips are seized.`,
        { host: transit, h100e: o.h100e },
        SOURCE,
      );
      return;
    }
    const arriving = s.china.arriving.frontier;
    arriving.h100e += o.h100e;
    arriving.kw += o.h100e * before.us.frontierKwPerH100e;
    s.china.smuggledTotal += o.h100e;
    // China never learns the true risk (it follows from US enforcement, which is hidden): only its own
    // intelligence's estimate of it.
    const estimated = estimatedDetectionChance(before);
    ctx.emit(
      "china",
      "smuggleChips.arrived",
      `${fmt(o.h100e)} H100e of smuggled frontier chips arrived (your intelligence put the risk of detection at about ${Math.round(estimated * 100)}%).`,
      { h100e: o.h100e, riskPercent: Math.round(estimated * 100) },
    );
  },
  option(state, _side, money) {
    const reason = state.us.exportControlLevel === "open" ? pointless() : null;
    const price = premiumPrice(state);
    const max = Math.min(smugglingCap(state), money / price);
    return leverOption({
      type: "smuggleChips",
      available: !reason && max > 0,
      reason,
      amountField: "h100e",
      unit: "H100e",
      choices: [
        leverChoice({ value: "", available: !reason, max: reason ? 0 : max, min: 0, costPerUnit: price }),
      ],
      explanation:
        "Buy banned frontier chips through intermediaries abroad, at a premium. A caught shipment is lost and raises tension.",
      likelyEffect: forecast(
        "Frontier chips at home if the shipment gets through; the chance of being caught is not known exactly.",
      ),
    });
  },
};
