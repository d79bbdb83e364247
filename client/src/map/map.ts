/**
 * The world map, drawn with Phaser from real geography: Natural Earth country shapes (world-atlas) projected
 * with d3-geo. On it: the US, China and the host countries, each side's compute and power at home, China's
 * leased compute abroad, and the flow of US chips to China while the controls allow it — for what this viewer
 * may see.
 */
import { geoNaturalEarth1, geoPath, type GeoProjection } from "d3-geo";
import * as Phaser from "phaser";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import worldUrl from "world-atlas/countries-110m.json?url";
import type { DeepReadonly, View } from "../../../shared/rules/index.ts";
import { compact, num, t } from "../i18n.ts";
import { hexToNumber, PALETTE } from "../ui/palette.ts";

/** ISO 3166 numeric ids in world-atlas, and label positions (lon, lat). */
const PLACES = {
  us: { id: "840", at: [-98, 39] as [number, number] },
  china: { id: "156", at: [104, 35] as [number, number] },
  japan: { id: "392", at: [138, 36] as [number, number] },
  australia: { id: "036", at: [134, -25] as [number, number] },
  singapore: { id: "702", at: [103.8, 1.35] as [number, number] },
  malaysia: { id: "458", at: [102, 4] as [number, number] },
  indonesia: { id: "360", at: [113, -1] as [number, number] },
};
type Place = keyof typeof PLACES;
const HOSTS = ["japan", "australia", "singapore", "malaysia", "indonesia"] as const;
/** Where a host's label sits relative to its marker (px), so that neighbours' labels do not overlap. */
const LABEL_OFFSET: Record<(typeof HOSTS)[number], [number, number]> = {
  japan: [48, -10],
  australia: [0, 10],
  singapore: [-46, 16],
  malaysia: [-58, -16],
  indonesia: [30, 16],
};

class MapScene extends Phaser.Scene {
  private projection!: GeoProjection;
  private overlay!: Phaser.GameObjects.Graphics;
  private labels: Phaser.GameObjects.Text[] = [];
  private shapes: { id: string; rings: [number, number][][] }[] = [];
  private view: DeepReadonly<View>;

  constructor(view: DeepReadonly<View>) {
    super("map");
    this.view = view;
  }

  preload(): void {
    this.load.json("world", worldUrl);
  }

  create(): void {
    const { width, height } = this.scale;
    const topo = this.cache.json.get("world") as Topology<{ countries: GeometryCollection }>;
    const countries = feature(topo, topo.objects.countries);
    this.projection = geoNaturalEarth1().fitExtent(
      [
        [8, 8],
        [width - 8, height - 8],
      ],
      countries,
    );
    // Project every ring once; d3's path context collects the rings as point lists.
    for (const f of countries.features) {
      const rings: [number, number][][] = [];
      let ring: [number, number][] = [];
      const context = {
        moveTo: (x: number, y: number) => {
          ring = [[x, y]];
          rings.push(ring);
        },
        lineTo: (x: number, y: number) => void ring.push([x, y]),
        closePath: () => undefined,
        arc: () => undefined,
      };
      geoPath(this.projection, context as unknown as CanvasRenderingContext2D)(f);
      this.shapes.push({ id: String(f.id), rings });
    }
    this.cameras.main.setBackgroundColor(PALETTE.water);
    const land = this.add.graphics();
    const special = new Map<string, number>([
      [PLACES.us.id, hexToNumber(PALETTE.us)],
      [PLACES.china.id, hexToNumber(PALETTE.china)],
      ...HOSTS.map((h) => [PLACES[h].id, hexToNumber(PALETTE.host)] as [string, number]),
    ]);
    for (const shape of this.shapes) {
      const colour = special.get(shape.id);
      land.fillStyle(colour ?? hexToNumber(PALETTE.land), colour ? 0.55 : 1);
      land.lineStyle(0.5, 0xffffff, 1);
      for (const r of shape.rings) {
        if (r.length < 3) continue;
        const pts = r.map(([x, y]) => new Phaser.Math.Vector2(x, y));
        land.fillPoints(pts, true);
        land.strokePoints(pts, true);
      }
    }
    this.overlay = this.add.graphics();
    this.draw();
    this.restAfterRender();
  }

  setView(view: DeepReadonly<View>): void {
    this.view = view;
    if (!this.overlay) return;
    this.game.loop.wake();
    this.draw();
    this.restAfterRender();
  }

  /** The map only changes with a new view: after drawing it once, stop the render loop (it costs CPU). */
  private restAfterRender(): void {
    this.game.events.once("postrender", () => this.game.loop.sleep());
  }

  private point(place: Place): [number, number] {
    return this.projection(PLACES[place].at) ?? [0, 0];
  }

  private label(x: number, y: number, text: string, colour: string): void {
    const label = this.add.text(x, y, text, {
      fontFamily: "system-ui, sans-serif",
      fontSize: "12px",
      color: colour,
      backgroundColor: "#ffffffcc",
      padding: { x: 3, y: 2 },
    });
    label.setOrigin(0.5, 0);
    this.labels.push(label);
  }

  private draw(): void {
    const v = this.view;
    const g = this.overlay;
    g.clear();
    for (const l of this.labels) l.destroy();
    this.labels = [];
    const [cx, cy] = this.point("china");
    const [ux, uy] = this.point("us");
    // Capability bubbles: area grows with capability relative to the other side.
    const radius = (cap: number) => 10 + Math.max(0, cap - 24) * 6;
    g.fillStyle(hexToNumber(PALETTE.us), 0.35).fillCircle(ux, uy, radius(v.capability.us));
    g.fillStyle(hexToNumber(PALETTE.china), 0.35).fillCircle(cx, cy, radius(v.capability.china));
    this.label(ux, uy + 8, `${t("sides.us")} ${num(v.capability.us, 2)}`, PALETTE.us);
    this.label(cx, cy + 8, `${t("sides.china")} ${num(v.capability.china, 2)}`, PALETTE.china);
    // Chip flow US -> China while exports are allowed.
    if (v.exportControlLevel === "open" || v.exportControlLevel === "performanceCap") {
      g.lineStyle(v.exportControlLevel === "open" ? 4 : 2, hexToNumber(PALETTE.accent), 0.9);
      const curve = new Phaser.Curves.QuadraticBezier(
        new Phaser.Math.Vector2(ux, uy),
        new Phaser.Math.Vector2((ux + cx) / 2, Math.min(uy, cy) - 120),
        new Phaser.Math.Vector2(cx, cy),
      );
      curve.draw(g, 48);
    }
    // Hosts: openness ring; China's leases where this viewer may see them.
    const leases = leasesSeen(v);
    for (const host of HOSTS) {
      const [hx, hy] = this.point(host);
      const state = v.hosts[host];
      g.lineStyle(2, hexToNumber(PALETTE.host), 1).strokeCircle(hx, hy, 6 + state.openness * 10);
      if (state.appliesRemoteAccessRule) g.lineStyle(3, 0x000000, 1).strokeCircle(hx, hy, 18);
      const leased = leases[host];
      if (leased !== undefined && leased > 0) {
        g.lineStyle(1 + Math.min(6, leased / 50_000), hexToNumber(PALETTE.china), 0.8).lineBetween(
          cx,
          cy,
          hx,
          hy,
        );
        this.label(
          hx + LABEL_OFFSET[host][0],
          hy + LABEL_OFFSET[host][1],
          `${t(`choices.host.${host}`)} ${compact(leased)}`,
          PALETTE.china,
        );
      } else
        this.label(
          hx + LABEL_OFFSET[host][0],
          hy + LABEL_OFFSET[host][1],
          t(`choices.host.${host}`),
          "#333333",
        );
    }
    // Own power and halls, for a side's members.
    if (v.viewer === "us" || v.viewer === "china") {
      const [x, y] = v.viewer === "us" ? [ux, uy] : [cx, cy];
      const own = v.own.last;
      this.label(
        x,
        y + 28,
        `${t("match.power")} ${num(own.availableGW, 1)} GW · ${t("match.powered")} ${num(own.poweredFraction * 100, 0)}%`,
        "#222222",
      );
    }
  }
}

/** China's leases as this viewer may see them: exact for China and the facilitator, estimates for the US. */
function leasesSeen(v: DeepReadonly<View>): Partial<Record<(typeof HOSTS)[number], number>> {
  const out: Partial<Record<(typeof HOSTS)[number], number>> = {};
  for (const host of HOSTS) {
    if (v.viewer === "china") out[host] = v.own.leases[host];
    else if (v.viewer === "facilitator") out[host] = v.china.leases[host];
    else if (v.viewer === "us") out[host] = v.intel[`lease.${host}`]?.estimate;
  }
  return out;
}

export function mountMap(
  parent: HTMLElement,
  view: DeepReadonly<View>,
): { update(view: DeepReadonly<View>): void; destroy(): void } {
  const width = Math.max(320, parent.clientWidth || 800);
  const height = Math.round(width * 0.52);
  const scene = new MapScene(view);
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    width,
    height,
    backgroundColor: PALETTE.water,
    scene,
    banner: false,
    audio: { noAudio: true },
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_HORIZONTALLY },
  });
  // The text alternative follows every new view and a language switch, like the drawing does.
  const describe = (v: DeepReadonly<View>) =>
    parent.setAttribute(
      "aria-label",
      `${t("match.tabs.map")}: ${t("sides.us")} ${num(v.capability.us, 2)}, ${t("sides.china")} ${num(v.capability.china, 2)}`,
    );
  parent.setAttribute("role", "img");
  describe(view);
  return {
    update: (next) => {
      scene.setView(next);
      describe(next);
    },
    destroy: () => game.destroy(true),
  };
}
