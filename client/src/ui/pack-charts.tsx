/**
 * Charts of the debrief pack and the class summary, drawn with Chart.js inside Preact components. They have a
 * fixed size that fits a printed A4 or Letter page (a responsive chart keeps the screen's width when the
 * browser lays the page out for print), drawn at twice the pixel density so that print and PDF stay sharp.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Title,
  Tooltip,
} from "chart.js";
import { useEffect, useRef } from "preact/hooks";

Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  CategoryScale,
  Legend,
  Title,
  Tooltip,
);

/** Up to 12 rooms' lines, told apart by colour and dash (Okabe-Ito colours, then the same with dashes). */
export const ROOM_COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"] as const;
export function roomStyle(index: number): { color: string; dash: number[] } {
  const color = ROOM_COLOURS[index % ROOM_COLOURS.length]!;
  return { color, dash: index >= ROOM_COLOURS.length ? [6, 3] : [] };
}

export const CHART_WIDTH = 680;

interface ChartFigureProps {
  title: string;
  /** A one-line text version of the chart for screen readers and for a reader of the printed page. */
  summary: string;
  config: ChartConfiguration;
  height?: number;
  id?: string;
}

/** A titled chart. It is drawn again only when its configuration changes (compared as JSON). */
export function ChartFigure({ title, summary, config, height = 260, id }: ChartFigureProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const key = JSON.stringify(config);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      ...config,
      options: {
        ...config.options,
        responsive: false,
        animation: false,
        devicePixelRatio: 2,
        plugins: { ...config.options?.plugins, title: { display: true, text: title } },
      },
    } as ChartConfiguration);
    return () => chart.destroy();
    // The configuration is compared by its JSON: a new object with the same data draws nothing new.
  }, [key, title]);
  return (
    <figure class="pack-chart" id={id}>
      <canvas ref={canvas} width={CHART_WIDTH} height={height} role="img" aria-label={title} />
      <figcaption class="visually-hidden">{summary}</figcaption>
    </figure>
  );
}
