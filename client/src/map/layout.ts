/**
 * Where the map's labels go: each label is tried at growing distances in eight directions around its place,
 * then anywhere on the map nearest to it (with a leader line), and is kept inside the map, off every other
 * label and off every marker. Pure, so that it is tested without a browser.
 */

/** A rectangle by its top-left corner. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LabelRequest {
  id: string;
  /** The point the label names (a marker's centre). */
  anchor: readonly [number, number];
  w: number;
  h: number;
}

export interface PlacedLabel extends Box {
  id: string;
  anchor: readonly [number, number];
  /** Placed away from its place: draw a line from the place to the label. */
  leader: boolean;
  /** No free spot was left (the map is too small for its labels); it overlaps something. */
  crowded: boolean;
}

/** Space kept between a label and anything else, px. */
const MARGIN = 2;
/** First distance from the anchor, then the step and the last distance of the near search, px. */
const NEAR = [8, 10, 88] as const;
/** Beyond this distance from its anchor a label gets a leader line. */
const LEADER_AFTER = 30;
/** The grid step of the far search, px. */
const GRID = 8;

export function overlaps(a: Box, b: Box, margin = MARGIN): boolean {
  return (
    a.x < b.x + b.w + margin &&
    b.x < a.x + a.w + margin &&
    a.y < b.y + b.h + margin &&
    b.y < a.y + a.h + margin
  );
}

/** Directions tried in turn: right, left, below, above, then the corners. */
const DIRECTIONS: readonly (readonly [number, number])[] = [
  [1, 0],
  [-1, 0],
  [0, 1],
  [0, -1],
  [1, 1],
  [-1, 1],
  [1, -1],
  [-1, -1],
];

function around(r: LabelRequest, distance: number, [dx, dy]: readonly [number, number]): Box {
  const [ax, ay] = r.anchor;
  const x = dx > 0 ? ax + distance : dx < 0 ? ax - distance - r.w : ax - r.w / 2;
  const y = dy > 0 ? ay + distance : dy < 0 ? ay - distance - r.h : ay - r.h / 2;
  return { x, y, w: r.w, h: r.h };
}

function inside(b: Box, width: number, height: number): Box {
  return {
    ...b,
    x: Math.min(Math.max(0, b.x), Math.max(0, width - b.w)),
    y: Math.min(Math.max(0, b.y), Math.max(0, height - b.h)),
  };
}

function distanceTo(b: Box, [ax, ay]: readonly [number, number]): number {
  const dx = Math.max(b.x - ax, 0, ax - (b.x + b.w));
  const dy = Math.max(b.y - ay, 0, ay - (b.y + b.h));
  return Math.hypot(dx, dy);
}

/**
 * Places labels in the order given (the first ones get the best spots) inside a `width` x `height` map,
 * avoiding each other and the `obstacles` (markers). Guarantee: no two labels overlap and none leaves the map,
 * unless the map has no room left, in which case the label is marked `crowded`.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  width: number,
  height: number,
  obstacles: readonly Box[] = [],
): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const free = (b: Box) => !placed.some((p) => overlaps(p, b)) && !obstacles.some((o) => overlaps(o, b));
  for (const r of requests) {
    let spot: Box | undefined;
    for (let d = NEAR[0]; d <= NEAR[2] && !spot; d += NEAR[1])
      for (const dir of DIRECTIONS) {
        const b = inside(around(r, d, dir), width, height);
        if (free(b)) {
          spot = b;
          break;
        }
      }
    if (!spot) {
      // Anywhere on the map, nearest to the place first.
      const candidates: Box[] = [];
      for (let y = 0; y + r.h <= height; y += GRID)
        for (let x = 0; x + r.w <= width; x += GRID) candidates.push({ x, y, w: r.w, h: r.h });
      candidates.sort((a, b) => distanceTo(a, r.anchor) - distanceTo(b, r.anchor));
      spot = candidates.find(free);
    }
    const crowded = !spot;
    const box = spot ?? inside(around(r, NEAR[0], DIRECTIONS[0]!), width, height);
    placed.push({
      ...box,
      id: r.id,
      anchor: r.anchor,
      leader: distanceTo(box, r.anchor) > LEADER_AFTER,
      crowded,
    });
  }
  return placed;
}
