/**
 * The guided first turn: three hints, then one decision on each of the four fronts (controls or offshore
 * compute, chips, power, research). Each step opens its lever in the panel, where the lever's likely effect
 * is shown; the player decides. It can be skipped at any step and is not shown again in this browser.
 */
import { useSignal } from "@preact/signals";
import type { OrderOptions } from "../../../shared/rules/index.ts";
import { t } from "../i18n.ts";

export const GUIDE_KEY = "cf.guideSeen";

type Front = "controls" | "offshore" | "chips" | "power" | "research";

/** The fronts of each side, with the levers that stand for them (the first one the side has is opened). */
const FRONTS: Record<"us" | "china", { front: Front; levers: string[] }[]> = {
  us: [
    { front: "controls", levers: ["setExportControls"] },
    { front: "chips", levers: ["buyChips"] },
    { front: "power", levers: ["buildPower", "buildDataCenters"] },
    { front: "research", levers: ["fundAlgorithms"] },
  ],
  china: [
    { front: "offshore", levers: ["leaseCompute", "courtHost"] },
    { front: "chips", levers: ["buyChips", "expandFabs"] },
    { front: "power", levers: ["buildPower", "buildDataCenters"] },
    { front: "research", levers: ["fundAlgorithms"] },
  ],
};

interface GuideProps {
  side: "us" | "china";
  narrow: boolean;
  options: OrderOptions | null;
  onOpenLever: (type: string) => void;
  onClose: () => void;
}

export function Guide({ side, narrow, options, onOpenLever, onClose }: GuideProps) {
  const step = useSignal(0);
  const fronts = FRONTS[side];
  const last = fronts.length;
  const go = (next: number) => {
    step.value = next;
    const front = fronts[next - 1];
    const lever = front?.levers.find((type) => options?.levers.some((l) => l.type === type));
    if (lever) onOpenLever(lever);
  };
  const front = step.value > 0 ? fronts[step.value - 1] : undefined;
  return (
    <div class="guide" id="guide" role="dialog" aria-modal="false" aria-labelledby="guide-heading">
      <h2 id="guide-heading">
        {step.value === 0
          ? t("guide.heading")
          : t("guide.stepHeading", { n: step.value, of: last, front: t(`guide.fronts.${front?.front}`) })}
      </h2>
      {step.value === 0 ? (
        <ol>
          <li>{t("guide.hint1")}</li>
          <li>{narrow ? t("guide.hint2Phone") : t("guide.hint2")}</li>
          <li>{t("guide.hint3")}</li>
        </ol>
      ) : (
        <p id="guide-step">{t(`guide.steps.${front?.front}.${side}`)}</p>
      )}
      <div class="row">
        {step.value > 0 ? (
          <button type="button" id="guide-back" onClick={() => go(step.value - 1)}>
            {t("guide.back")}
          </button>
        ) : null}
        {step.value < last ? (
          <button type="button" id="guide-next" class="primary" onClick={() => go(step.value + 1)}>
            {step.value === 0 ? t("guide.start") : t("guide.next")}
          </button>
        ) : (
          <button type="button" id="guide-done" class="primary" onClick={onClose}>
            {t("guide.done")}
          </button>
        )}
        <button type="button" id="guide-close" onClick={onClose}>
          {t("guide.skip")}
        </button>
      </div>
    </div>
  );
}
