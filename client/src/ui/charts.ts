/** Trends over the years, drawn with Chart.js: the lead, capabilities, compute, power and spending. */
import {
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Title,
  Tooltip,
} from "chart.js";
import type { DeepReadonly, SideRecord, View } from "../../../shared/rules/index.ts";
import { h } from "../dom.ts";
import { language, num, t, turnLabel } from "../i18n.ts";
import { PALETTE } from "./palette.ts";

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Title, Tooltip);

interface Series {
  label: string;
  data: number[];
  color: string;
  dashed?: boolean;
}

function lineChart(parent: HTMLElement, title: string, labels: string[], series: Series[]): Chart {
  const canvas = h("canvas", { role: "img", "aria-label": title });
  parent.append(
    h(
      "figure",
      { class: "chart" },
      canvas,
      h(
        "figcaption",
        { class: "visually-hidden" },
        `${title}: ${series.map((s) => `${s.label} ${num(s.data.at(-1) ?? 0, 2)}`).join("; ")}`,
      ),
    ),
  );
  return new Chart(canvas, {
    type: "line",
    data: {
      labels,
      datasets: series.map((s) => ({
        label: s.label,
        data: s.data,
        borderColor: s.color,
        backgroundColor: s.color,
        borderDash: s.dashed ? [6, 4] : [],
        pointRadius: 2,
        tension: 0.2,
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      // Axis ticks and tooltips in the player's number format ("8,27" in German).
      locale: language(),
      plugins: { title: { display: true, text: title } },
    },
  });
}

/**
 * Charts of earlier draws whose canvas has left the page (a screen redraws its panel with every view) are
 * destroyed before new ones are made: Chart.js keeps every chart it made until told otherwise.
 */
function destroyDetached(): void {
  for (const chart of Object.values(Chart.instances)) if (!chart.canvas.isConnected) chart.destroy();
}

export function renderCharts(box: HTMLElement, v: DeepReadonly<View>): void {
  destroyDetached();
  const labels = v.history.map((r) => turnLabel(r.label));
  lineChart(box, t("charts.lead"), labels, [
    { label: t("match.lead"), data: v.history.map((r) => r.leadMonths), color: PALETTE.us },
    {
      label: t("charts.threshold"),
      data: v.history.map(() => v.scenario.victoryLeadMonths),
      color: PALETTE.neutral,
      dashed: true,
    },
  ]);
  lineChart(box, t("charts.capability"), labels, [
    { label: t("sides.us"), data: v.history.map((r) => r.capability.us), color: PALETTE.us },
    { label: t("sides.china"), data: v.history.map((r) => r.capability.china), color: PALETTE.china },
  ]);
  const sides: { side: "us" | "china"; rows: readonly DeepReadonly<SideRecord>[] }[] = [];
  if (v.viewer === "us" || v.viewer === "china") sides.push({ side: v.viewer, rows: v.ownHistory });
  if (v.viewer === "facilitator")
    for (const side of ["us", "china"] as const)
      sides.push({ side, rows: v.fullHistory.map((r) => r.sides[side]) });
  if (sides.length === 0) return;
  const compute: Series[] = [];
  const power: Series[] = [];
  const spent: Series[] = [];
  for (const { side, rows } of sides) {
    const color = side === "us" ? PALETTE.us : PALETTE.china;
    compute.push({
      label: side === "us" ? t("charts.usHome") : t("charts.chinaHome"),
      data: rows.map((r) => r.homeH100e / 1e6),
      color,
    });
    if (side === "china")
      compute.push({
        label: t("charts.chinaAbroad"),
        data: rows.map((r) => r.leasedH100e / 1e6),
        color: PALETTE.host,
        dashed: true,
      });
    // Generation and halls are named apart, as on the Compute card: compute runs on the smaller of the two.
    power.push({
      label: `${t(`sides.${side}`)}: ${t("charts.generation")}`,
      data: rows.map((r) => r.powerGW),
      color,
    });
    power.push({
      label: `${t(`sides.${side}`)}: ${t("charts.halls")}`,
      data: rows.map((r) => r.dataCenterGW),
      color,
      dashed: true,
    });
    spent.push({ label: t(`sides.${side}`), data: rows.map((r) => r.spent), color });
  }
  lineChart(box, t("charts.compute"), labels, compute);
  lineChart(box, t("charts.power"), labels, power);
  lineChart(box, t("charts.spending"), labels, spent);
}
