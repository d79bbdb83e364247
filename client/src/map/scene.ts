/**
 * The map's Phaser scene: the world from Natural Earth shapes (world-atlas) projected with d3-geo, the places
 * of the game, routes, leases and labels for the view it is given, a highlight for the place in focus, and the
 * animation of a turn's moves. The render loop sleeps after every frame in which nothing moves.
 */
import { geoNaturalEarth1, geoPath, type GeoProjection } from "d3-geo";
import * as Phaser from "phaser";
import { feature } from "topojson-client";
import type { FeatureCollection } from "geojson";
import type { GeometryCollection, Topology } from "topojson-specification";
import worldUrl from "world-atlas/countries-110m.json?url";
import { HOSTS, type DeepReadonly, type HostId, type View } from "../../../shared/rules/index.ts";
import { t } from "../i18n.ts";
import { hexToNumber, PALETTE } from "../ui/palette.ts";
import { movesBetween, type Move } from "./changes.ts";
import { exactSide, leaseSeen, type Place } from "./figures.ts";
import { chips } from "./format.ts";
import { placeLabels, type Box, type PlacedLabel } from "./layout.ts";

/** ISO 3166 numeric ids in world-atlas, and marker positions (lon, lat). */
const PLACES: Record<Place, { id: string; at: [number, number] }> = {
  us: { id: "840", at: [-98, 39] },
  china: { id: "156", at: [104, 35] },
  japan: { id: "392", at: [138, 36] },
  australia: { id: "036", at: [134, -25] },
  singapore: { id: "702", at: [103.8, 1.35] },
  malaysia: { id: "458", at: [102, 4] },
  indonesia: { id: "360", at: [113, -1] },
};
export const PLACE_IDS = ["us", "china", ...HOSTS] as const;
export const isHost = (p: Place): p is HostId => p !== "us" && p !== "china";
/** Antarctica: left out, so that the inhabited world gets the room. */
const ANTARCTICA = "010";
/**
 * What the map frames: the whole width of the world, from the Arctic islands to Tierra del Fuego (the far
 * north and south hold no place of the game, and leaving them out gives the rest more room).
 */
const FRAME = {
  type: "MultiPoint" as const,
  coordinates: [
    [-180, 0],
    [180, 0],
    [0, 75],
    [0, -50],
  ],
};
/** A pointer this close to a marker (px) is on it. */
const HIT_RADIUS = 16;
/** How long one move's animation lasts, and the gap between the starts of two moves (ms). */
const MOVE_MS = 1600;
const MOVE_GAP_MS = 450;

const colour = {
  us: hexToNumber(PALETTE.us),
  china: hexToNumber(PALETTE.china),
  host: hexToNumber(PALETTE.host),
  accent: hexToNumber(PALETTE.accent),
  power: 0xf0e442,
  halls: 0x555555,
  rule: 0x000000,
};

interface Animation {
  delay: number;
  duration: number;
  /** Draws the animation at progress 0..1 into the effects layer. */
  draw(g: Phaser.GameObjects.Graphics, p: number): void;
}

/** What the scene tells the page: frames drawn, whether the loop sleeps, animations played. */
export interface Probe {
  frame(): void;
  loop(running: boolean): void;
  animating(on: boolean): void;
  laidOut(): void;
}

export class MapScene extends Phaser.Scene {
  private projection!: GeoProjection;
  private world!: FeatureCollection;
  private land!: Phaser.GameObjects.Graphics;
  private overlay!: Phaser.GameObjects.Graphics;
  private fx!: Phaser.GameObjects.Graphics;
  private highlight!: Phaser.GameObjects.Graphics;
  private labels: Phaser.GameObjects.Text[] = [];
  private animations: Animation[] = [];
  /** The loop time at which the current animations started, set by the first frame that runs them. */
  private animationStart: number | null = null;
  private ready = false;
  view: DeepReadonly<View>;
  /** Marker centres in canvas pixels, for hit tests, buttons and tooltips. */
  points = new Map<Place, [number, number]>();
  placedLabels: PlacedLabel[] = [];

  constructor(
    view: DeepReadonly<View>,
    private readonly probe: Probe,
  ) {
    super("map");
    this.view = view;
  }

  preload(): void {
    this.load.json("world", worldUrl);
  }

  create(): void {
    const topo = this.cache.json.get("world") as Topology<{ countries: GeometryCollection }>;
    const all = feature(topo, topo.objects.countries);
    this.world = { ...all, features: all.features.filter((f) => String(f.id) !== ANTARCTICA) };
    this.land = this.add.graphics();
    this.overlay = this.add.graphics();
    this.highlight = this.add.graphics();
    this.fx = this.add.graphics();
    this.game.events.on("postrender", () => {
      this.probe.frame();
      // Nothing moves between views: after a frame without animations the loop sleeps (it costs CPU).
      if (this.animations.length === 0) {
        this.game.loop.sleep();
        this.probe.loop(false);
      }
    });
    this.ready = true;
    this.layout();
  }

  /** Wakes the render loop for at least one frame. */
  private requestFrame(): void {
    if (!this.game.loop.running) {
      this.game.loop.wake();
      this.probe.loop(true);
    }
  }

  /** Fits the world into the canvas as it is now and draws everything again. */
  layout(): void {
    if (!this.ready) return;
    const { width, height } = this.scale;
    this.projection = geoNaturalEarth1().fitExtent(
      [
        [6, 6],
        [width - 6, height - 6],
      ],
      FRAME,
    );
    for (const p of PLACE_IDS) this.points.set(p, this.projection(PLACES[p].at) ?? [0, 0]);
    this.drawLand();
    this.draw();
    this.probe.laidOut();
  }

  private drawLand(): void {
    const land = this.land.clear();
    const special = new Map<string, number>([
      [PLACES.us.id, colour.us],
      [PLACES.china.id, colour.china],
      ...HOSTS.map((h) => [PLACES[h].id, colour.host] as [string, number]),
    ]);
    for (const f of this.world.features) {
      const rings: Phaser.Math.Vector2[][] = [];
      let ring: Phaser.Math.Vector2[] = [];
      // d3's path context hands over the projected rings as point lists.
      const context = {
        moveTo: (x: number, y: number) => {
          ring = [new Phaser.Math.Vector2(x, y)];
          rings.push(ring);
        },
        lineTo: (x: number, y: number) => void ring.push(new Phaser.Math.Vector2(x, y)),
        closePath: () => undefined,
        arc: () => undefined,
      };
      geoPath(this.projection, context as unknown as CanvasRenderingContext2D)(f);
      const fill = special.get(String(f.id));
      land.fillStyle(fill ?? hexToNumber(PALETTE.land), fill === undefined ? 1 : 0.45);
      land.lineStyle(0.5, 0xffffff, 1);
      for (const r of rings) {
        if (r.length < 3) continue;
        land.fillPoints(r, true);
        land.strokePoints(r, true);
      }
    }
  }

  private at(place: Place): [number, number] {
    return this.points.get(place) ?? [0, 0];
  }

  /** Scales marker sizes with the map, within limits that keep them visible and apart. */
  private get unit(): number {
    return Math.min(1.3, Math.max(0.6, this.scale.width / 1000));
  }

  bubbleRadius(capability: number): number {
    return (10 + Math.max(0, capability - 24) * 6) * this.unit;
  }

  hostRadius(host: HostId): number {
    return (5 + this.view.hosts[host].openness * 8) * this.unit;
  }

  /**
   * The export route US -> China, arched over the Pacific; the smuggling route dips south through Asia. A
   * quadratic Bézier curve from the US via a control point to China, as a point at progress 0..1.
   */
  route(kind: "exports" | "smuggling"): (p: number) => [number, number] {
    const [ux, uy] = this.at("us");
    const [cx, cy] = this.at("china");
    const [sx, sy] = this.at("singapore");
    const [kx, ky] =
      kind === "exports"
        ? [(ux + cx) / 2, Math.min(uy, cy) - this.scale.height * 0.22]
        : [(ux + sx) / 2, sy + this.scale.height * 0.12];
    return (p) => {
      const q = 1 - p;
      return [q * q * ux + 2 * q * p * kx + p * p * cx, q * q * uy + 2 * q * p * ky + p * p * cy];
    };
  }

  setView(view: DeepReadonly<View>): Move[] {
    const moves = movesBetween(this.view, view);
    const before = this.view;
    this.view = view;
    if (!this.ready) return moves;
    this.draw();
    return before.turn < view.turn ? moves : [];
  }

  /** The static picture of the current view: routes, bubbles, host rings, labels. */
  draw(): void {
    const v = this.view;
    const g = this.overlay.clear();
    for (const l of this.labels) l.destroy();
    this.labels = [];
    const [cx, cy] = this.at("china");
    const [ux, uy] = this.at("us");
    g.fillStyle(colour.us, 0.35).fillCircle(ux, uy, this.bubbleRadius(v.capability.us));
    g.fillStyle(colour.china, 0.35).fillCircle(cx, cy, this.bubbleRadius(v.capability.china));
    if (v.exportControlLevel === "open" || v.exportControlLevel === "performanceCap") {
      g.lineStyle(v.exportControlLevel === "open" ? 4 : 2, colour.accent, 0.9);
      const path = this.route("exports");
      g.strokePoints(
        Array.from({ length: 49 }, (_, i) => new Phaser.Math.Vector2(...path(i / 48))),
        false,
      );
    }
    for (const host of HOSTS) {
      const [hx, hy] = this.at(host);
      const lease = leaseSeen(v, host);
      if (lease && lease.value >= 500) {
        g.lineStyle(1 + Math.min(6, lease.value / 50_000), colour.china, lease.exact ? 0.8 : 0.45);
        g.lineBetween(cx, cy, hx, hy);
      }
    }
    for (const host of HOSTS) {
      const [hx, hy] = this.at(host);
      g.fillStyle(0xffffff, 0.9).fillCircle(hx, hy, this.hostRadius(host));
      g.lineStyle(2, colour.host, 1).strokeCircle(hx, hy, this.hostRadius(host));
      if (v.hosts[host].appliesRemoteAccessRule)
        g.lineStyle(2, colour.rule, 1).strokeCircle(hx, hy, this.hostRadius(host) + 4);
    }
    g.fillStyle(colour.us, 1).fillCircle(ux, uy, 4);
    g.fillStyle(colour.china, 1).fillCircle(cx, cy, 4);
    this.drawLabels();
    this.requestFrame();
  }

  private labelText(place: Place): string {
    const v = this.view;
    if (!isHost(place)) {
      const name = t(`sides.${place}`);
      const own = exactSide(v, place);
      if (own) return `${name} · ${chips(own.last.usableH100e)} H100e`;
      const e = v.viewer !== "spectator" && v.viewer !== "facilitator" ? v.intel.homeH100e : undefined;
      return e ? `${name} · ≈${chips(e.estimate)} H100e` : name;
    }
    const name = t(`choices.host.${place}`);
    const lease = leaseSeen(v, place);
    // Less than half a thousand reads as "0k": the label only names the host then.
    if (!lease || lease.value < 500) return name;
    return `${name} · ${lease.exact ? "" : "≈"}${chips(lease.value)}`;
  }

  private drawLabels(): void {
    const { width, height } = this.scale;
    const texts = new Map<Place, Phaser.GameObjects.Text>();
    for (const place of PLACE_IDS) {
      const side = place === "us" || place === "china" ? place : null;
      const text = this.add.text(0, 0, this.labelText(place), {
        fontFamily: "system-ui, sans-serif",
        fontSize: "13px",
        color: side === "us" ? PALETTE.us : side === "china" ? "#a14400" : "#1f1f1f",
        fontStyle: side ? "bold" : "normal",
        backgroundColor: "#ffffffe6",
        padding: { x: 4, y: 2 },
        resolution: Math.max(1, window.devicePixelRatio || 1),
      });
      texts.set(place, text);
      this.labels.push(text);
    }
    const markers: Box[] = PLACE_IDS.map((p) => {
      const [x, y] = this.at(p);
      const r = isHost(p) ? this.hostRadius(p) + 2 : 6;
      return { x: x - r, y: y - r, w: 2 * r, h: 2 * r };
    });
    this.placedLabels = placeLabels(
      PLACE_IDS.map((p) => ({
        id: p,
        anchor: this.at(p),
        w: texts.get(p)!.width,
        h: texts.get(p)!.height,
      })),
      width,
      height,
      markers,
    );
    const g = this.overlay;
    for (const placed of this.placedLabels) {
      const text = texts.get(placed.id as Place)!;
      text.setPosition(Math.round(placed.x), Math.round(placed.y));
      if (placed.leader) {
        const [ax, ay] = placed.anchor;
        const tx = Math.min(Math.max(ax, placed.x), placed.x + placed.w);
        const ty = Math.min(Math.max(ay, placed.y), placed.y + placed.h);
        g.lineStyle(1, 0x333333, 0.8).lineBetween(ax, ay, tx, ty);
      }
    }
  }

  /** Rings a place the pointer or the keyboard is on (or none). */
  setHighlight(place: Place | null): void {
    if (!this.ready) return;
    const g = this.highlight.clear();
    if (place) {
      const [x, y] = this.at(place);
      const r = isHost(place)
        ? this.hostRadius(place) + 6
        : this.bubbleRadius(this.view.capability[place]) + 4;
      g.lineStyle(3, 0x111111, 0.9).strokeCircle(x, y, r);
    }
    this.requestFrame();
  }

  /** The place under a canvas point: a marker within reach, or a label. */
  placeAt(x: number, y: number): Place | null {
    let best: Place | null = null;
    let bestDistance = HIT_RADIUS;
    for (const p of PLACE_IDS) {
      const [px, py] = this.at(p);
      const reach = isHost(p) ? HIT_RADIUS : Math.max(HIT_RADIUS, this.bubbleRadius(this.view.capability[p]));
      const d = Math.hypot(px - x, py - y);
      if (d <= reach && d <= Math.max(bestDistance, reach)) {
        best = p;
        bestDistance = d;
      }
    }
    if (best) return best;
    const label = this.placedLabels.find((l) => x >= l.x && x <= l.x + l.w && y >= l.y && y <= l.y + l.h);
    return (label?.id as Place | undefined) ?? null;
  }

  /** Starts the animation of a turn's moves (one after the other, overlapping a little). */
  animate(moves: Move[], previous: DeepReadonly<View>): void {
    if (!this.ready) return;
    const list: Animation[] = [];
    const next = this.view;
    for (const side of ["us", "china"] as const) {
      const from = this.bubbleRadius(previous.capability[side]);
      const to = this.bubbleRadius(next.capability[side]);
      if (Math.abs(to - from) >= 0.5) list.push(this.growth(side, from, to));
    }
    for (const move of moves) {
      const animation = this.moveAnimation(move);
      if (animation) list.push(animation);
    }
    list.forEach((a, i) => (a.delay = i * MOVE_GAP_MS));
    this.animations = list;
    this.animationStart = null;
    if (list.length > 0) {
      this.probe.animating(true);
      this.requestFrame();
    }
  }

  /** Ends every animation at once (motion was reduced, or the map goes away). */
  stopAnimations(): void {
    if (this.animations.length === 0) return;
    this.animations = [];
    this.fx?.clear();
    this.probe.animating(false);
    this.requestFrame();
  }

  override update(time: number): void {
    if (this.animations.length === 0) return;
    this.animationStart ??= time;
    const elapsed = time - this.animationStart;
    const g = this.fx.clear();
    this.animations = this.animations.filter((a) => elapsed < a.delay + a.duration);
    for (const a of this.animations) {
      const p = (elapsed - a.delay) / a.duration;
      if (p >= 0) a.draw(g, Math.min(1, p));
    }
    if (this.animations.length === 0) {
      g.clear();
      this.probe.animating(false);
    }
  }

  private growth(side: "us" | "china", from: number, to: number): Animation {
    const [x, y] = this.at(side);
    return {
      delay: 0,
      duration: MOVE_MS,
      draw: (g, p) => {
        const r = from + (to - from) * easeOut(p);
        g.lineStyle(3, colour[side], 1 - p * 0.6).strokeCircle(x, y, r);
      },
    };
  }

  /** Dots that travel along a path from its start to its end. */
  private travel(path: (p: number) => [number, number], tint: number, dots = 6): Animation {
    return {
      delay: 0,
      duration: MOVE_MS,
      draw: (g, p) => {
        for (let i = 0; i < dots; i++) {
          const q = p * 1.4 - i * 0.08;
          if (q < 0 || q > 1) continue;
          const [x, y] = path(q);
          g.fillStyle(tint, 1).fillCircle(x, y, 4 * this.unit + 1);
          g.lineStyle(1, 0xffffff, 1).strokeCircle(x, y, 4 * this.unit + 1);
        }
      },
    };
  }

  /** A ring that spreads out from a place and fades. */
  private pulse(place: Place, tint: number, width = 3): Animation {
    const [x, y] = this.at(place);
    const base = isHost(place) ? this.hostRadius(place) : 8;
    return {
      delay: 0,
      duration: MOVE_MS,
      draw: (g, p) => {
        for (const lag of [0, 0.25]) {
          const q = p - lag;
          if (q < 0) continue;
          g.lineStyle(width, tint, 1 - q).strokeCircle(x, y, base + easeOut(q) * 26 * this.unit);
        }
      },
    };
  }

  private moveAnimation(move: Move): Animation | null {
    const line = (from: Place, to: Place) => {
      const [ax, ay] = this.at(from);
      const [bx, by] = this.at(to);
      return (p: number): [number, number] => [ax + (bx - ax) * p, ay + (by - ay) * p];
    };
    switch (move.kind) {
      case "shipped":
        return this.travel(this.route("exports"), colour.accent);
      case "smuggled":
        return this.travel(this.route("smuggling"), colour.china, 4);
      case "made":
        return this.pulse("china", colour.china);
      case "bought":
        return this.pulse("us", colour.us);
      case "leaseOpened":
        return this.travel(line("china", move.host), colour.china, 4);
      case "leaseCut":
        return this.travel(line(move.host, "china"), 0x888888, 4);
      case "leaseFound":
        return this.pulse(move.host, colour.us, 4);
      case "power":
        return this.pulse(move.side, colour.power, 4);
      case "halls":
        return this.pulse(move.side, colour.halls);
      case "hostHalls":
        return this.pulse(move.host, colour.halls, 2);
      case "tightened":
      case "loosened":
        return this.pulse("us", colour.rule, 4);
      case "remoteRule":
        return this.pulse(move.host, colour.rule, 4);
    }
  }
}

const easeOut = (p: number) => 1 - (1 - p) * (1 - p);
