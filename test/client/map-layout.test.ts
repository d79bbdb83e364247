/**
 * The map's labels: wherever the places are, no two labels overlap, none covers a marker and all stay inside
 * the map, as long as the map has room for them; the real crowded corner (Singapore, Malaysia, Indonesia) is
 * one of the cases.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { overlaps, placeLabels, type Box, type LabelRequest } from "../../client/src/map/layout.ts";

function expectApart(placed: ReturnType<typeof placeLabels>, width: number, height: number, markers: Box[]) {
  for (const [i, a] of placed.entries()) {
    expect(a.crowded).toBe(false);
    expect(a.x).toBeGreaterThanOrEqual(0);
    expect(a.y).toBeGreaterThanOrEqual(0);
    expect(a.x + a.w).toBeLessThanOrEqual(width);
    expect(a.y + a.h).toBeLessThanOrEqual(height);
    for (const b of placed.slice(i + 1)) expect(overlaps(a, b, 0), `${a.id} and ${b.id}`).toBe(false);
    for (const m of markers) expect(overlaps(a, m, 0), `${a.id} on a marker`).toBe(false);
  }
}

const marker = ([x, y]: readonly [number, number]): Box => ({ x: x - 6, y: y - 6, w: 12, h: 12 });

describe("map labels", () => {
  it("keep Singapore, Malaysia and Indonesia apart where their markers almost touch", () => {
    const anchors: [string, [number, number]][] = [
      ["singapore", [478, 262]],
      ["malaysia", [474, 256]],
      ["indonesia", [496, 268]],
      ["china", [480, 170]],
      ["japan", [560, 180]],
    ];
    const requests: LabelRequest[] = anchors.map(([id, anchor]) => ({ id, anchor, w: 110, h: 20 }));
    const markers = anchors.map(([, a]) => marker(a));
    expectApart(placeLabels(requests, 600, 300, markers), 600, 300, markers);
  });

  it("never overlap each other or a marker, and stay inside the map, for any places on a roomy map", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            x: fc.integer({ min: 0, max: 800 }),
            y: fc.integer({ min: 0, max: 400 }),
            w: fc.integer({ min: 30, max: 160 }),
            h: fc.integer({ min: 14, max: 24 }),
          }),
          { minLength: 1, maxLength: 9 },
        ),
        (places) => {
          const requests = places.map((p, i) => ({
            id: String(i),
            anchor: [p.x, p.y] as const,
            w: p.w,
            h: p.h,
          }));
          const markers = requests.map((r) => marker(r.anchor));
          expectApart(placeLabels(requests, 800, 400, markers), 800, 400, markers);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("says when a map is too small for its labels instead of hiding the overlap", () => {
    const requests = [0, 1, 2].map((i) => ({ id: String(i), anchor: [20, 10] as const, w: 60, h: 18 }));
    const placed = placeLabels(requests, 70, 20);
    expect(placed.map((p) => p.crowded)).toEqual([false, true, true]);
  });
});
