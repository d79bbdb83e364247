/**
 * What the map animates when a turn resolves, derived from one viewer's views before and after: China sees
 * its own new lease, smuggling and purchases; the US and spectators never learn China's hidden moves from it;
 * everyone sees the controls tighten; nothing moves between two views of the same turn.
 */
import { describe, expect, it } from "vitest";
import { movesBetween, type Move } from "../../client/src/map/changes.ts";
import { viewFor, type MatchState, type Viewer } from "../../shared/rules/index.ts";
import { makeState, play } from "../rules/helpers.ts";

const moves = (before: MatchState, after: MatchState, viewer: Viewer) =>
  movesBetween(viewFor(before, viewer), viewFor(after, viewer));
const kinds = (list: Move[]) => list.map((m) => m.kind);

describe("moves of a turn", () => {
  const before = makeState();
  const after = play(
    before,
    [{ type: "setExportControls", level: "fullBan" }],
    [
      { type: "leaseCompute", host: "japan", h100e: 20_000 },
      { type: "smuggleChips", h100e: 5_000 },
      { type: "buildDataCenters", gw: 1 },
    ],
  );

  it("show China its new lease, its smuggled chips and its halls, in the amounts of its state", () => {
    const seen = moves(before, after, "china");
    expect(seen).toContainEqual({
      kind: "leaseOpened",
      host: "japan",
      h100e: after.china.leasesArriving.japan,
    });
    const smuggled = after.china.smuggledTotal - before.china.smuggledTotal;
    expect(seen.find((m) => m.kind === "smuggled")).toEqual(
      smuggled > 0 ? { kind: "smuggled", h100e: smuggled } : undefined,
    );
    expect(seen).toContainEqual({ kind: "tightened", level: "fullBan" });
    expect(seen.some((m) => m.kind === "halls" && m.side === "china")).toBe(
      after.china.dataCenterGW > before.china.dataCenterGW,
    );
  });

  it("never tell the US or a spectator China's hidden moves", () => {
    const hidden = ["smuggled", "made", "leaseOpened", "leaseCut"];
    for (const viewer of ["us", "spectator"] as const) {
      const seen = moves(before, after, viewer);
      expect(kinds(seen).filter((k) => hidden.includes(k))).toEqual([]);
      expect(seen.filter((m) => "side" in m && m.side === "china")).toEqual([]);
      expect(seen).toContainEqual({ kind: "tightened", level: "fullBan" });
    }
    expect(kinds(moves(before, after, "spectator"))).toEqual(["tightened"]);
  });

  it("show the facilitator both sides", () => {
    const seen = moves(before, after, "facilitator");
    expect(seen).toContainEqual({
      kind: "leaseOpened",
      host: "japan",
      h100e: after.china.leasesArriving.japan,
    });
    expect(seen).toContainEqual({ kind: "tightened", level: "fullBan" });
  });

  it("are none between two views of the same turn, or from a later turn back to an earlier one", () => {
    expect(moves(after, after, "china")).toEqual([]);
    expect(moves(after, before, "china")).toEqual([]);
  });
});
