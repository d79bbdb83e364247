/**
 * Concurrent joins: many clients racing for the seats of one side never seat more than the side allows, every
 * refused client is told so, and every client that believes it holds a seat is listed as holding it.
 */
import { describe, expect, it } from "vitest";
import { playerId, Seat, waitFor, useTestServer } from "./helpers.ts";

const TEAM_MAX = 6;
const SPECTATORS_MAX = 4;
const world = useTestServer({ TEAM_MAX, SPECTATORS_MAX });
const seats = world.seats;

async function host(seed: number): Promise<Seat> {
  const teacher = await Seat.create(world.server.url, {
    role: "facilitator",
    name: "Teacher",
    playerId: playerId("teacher"),
    seed,
  });
  seats.push(teacher);
  return teacher;
}

/** Starts every join at once and sorts the outcomes. */
async function race(
  code: string,
  options: { role: "us" | "china" | "spectator"; name: string; playerId: string }[],
): Promise<{ seated: Seat[]; refused: Error[] }> {
  const outcomes = await Promise.allSettled(options.map((o) => Seat.join(world.server.url, code, o)));
  const seated: Seat[] = [];
  const refused: Error[] = [];
  for (const o of outcomes) {
    if (o.status === "fulfilled") seated.push(o.value);
    else refused.push(o.reason as Error);
  }
  seats.push(...seated);
  return { seated, refused };
}

/** Waits until the facilitator's synced state lists exactly `ids` for `role`, then checks it (for the diff). */
async function expectListed(teacher: Seat, role: string, ids: string[]): Promise<void> {
  const want = [...ids].sort();
  await waitFor(
    `the synced ${role} players`,
    () => JSON.stringify(listed(teacher, role)) === JSON.stringify(want),
  ).catch(() => undefined);
  expect(listed(teacher, role)).toEqual(want);
}

/** Session ids the synced state lists for a role, as the facilitator's client sees them. */
function listed(teacher: Seat, role: string): string[] {
  const ids: string[] = [];
  teacher.state.players.forEach((p, id) => p.role === role && !p.bot && ids.push(id));
  return ids.sort();
}

describe("many clients joining one side at once", () => {
  it(`seats exactly ${TEAM_MAX} of 20, refuses the rest with a reason, and lists exactly the seated`, async () => {
    const teacher = await host(91);
    const { seated, refused } = await race(
      teacher.code,
      Array.from({ length: 20 }, (_, i) => ({
        role: "us" as const,
        name: `P${i}`,
        playerId: playerId(`p${i}`),
      })),
    );
    expect(seated).toHaveLength(TEAM_MAX);
    expect(refused).toHaveLength(20 - TEAM_MAX);
    for (const e of refused) expect(e.message).toMatch(/US team is full \(6 people\)/);

    const ids = seated.map((s) => s.room.sessionId).sort();
    expect(new Set(ids).size).toBe(TEAM_MAX);
    await expectListed(teacher, "us", ids);
    for (const s of seated) {
      const welcome = await waitFor(`${s.options.name}'s welcome`, () => s.welcome);
      expect(welcome.role).toBe("us");
      expect((await s.waitView("a view", () => true)).viewer).toBe("us");
      // Each seated client sees itself in the state it holds.
      await waitFor(
        `${s.options.name} to see itself seated`,
        () => s.state.players.get(s.room.sessionId)?.role === "us",
      );
    }
  });

  it("lets a freed seat be taken again by exactly one of the clients racing for it", async () => {
    const teacher = await host(92);
    const first = await race(
      teacher.code,
      Array.from({ length: TEAM_MAX }, (_, i) => ({
        role: "china" as const,
        name: `C${i}`,
        playerId: playerId(`c${i}`),
      })),
    );
    expect(first.seated).toHaveLength(TEAM_MAX);
    await first.seated[0]?.leave();
    const second = await race(
      teacher.code,
      Array.from({ length: 5 }, (_, i) => ({
        role: "china" as const,
        name: `D${i}`,
        playerId: playerId(`d${i}`),
      })),
    );
    expect(second.seated).toHaveLength(1);
    expect(second.refused).toHaveLength(4);
    const expected = [...first.seated.slice(1), ...second.seated].map((s) => s.room.sessionId);
    await expectListed(teacher, "china", expected);
  });

  it("seats one playerId once, however many windows race with it", async () => {
    const teacher = await host(93);
    const id = playerId("twin");
    const { seated, refused } = await race(
      teacher.code,
      Array.from({ length: 8 }, (_, i) => ({ role: "china" as const, name: `Twin ${i}`, playerId: id })),
    );
    expect(seated).toHaveLength(1);
    for (const e of refused) expect(e.message).toMatch(/already connected in another window/);
    await expectListed(
      teacher,
      "china",
      seated.map((s) => s.room.sessionId),
    );
  });

  it(`caps spectators at SPECTATORS_MAX (${SPECTATORS_MAX}) under a race too`, async () => {
    const teacher = await host(94);
    const { seated, refused } = await race(
      teacher.code,
      Array.from({ length: 12 }, (_, i) => ({
        role: "spectator" as const,
        name: `S${i}`,
        playerId: playerId(`s${i}`),
      })),
    );
    expect(seated).toHaveLength(SPECTATORS_MAX);
    for (const e of refused) expect(e.message).toMatch(/as many spectators as it allows/);
    await expectListed(
      teacher,
      "spectator",
      seated.map((s) => s.room.sessionId),
    );
  });

  it("keeps both sides within the cap when 30 clients race for either side", async () => {
    const teacher = await host(95);
    const { seated, refused } = await race(
      teacher.code,
      Array.from({ length: 30 }, (_, i) => ({
        role: i % 2 === 0 ? ("us" as const) : ("china" as const),
        name: `R${i}`,
        playerId: playerId(`r${i}`),
      })),
    );
    expect(seated).toHaveLength(2 * TEAM_MAX);
    expect(refused).toHaveLength(30 - 2 * TEAM_MAX);
    for (const role of ["us", "china"]) {
      const mine = seated.filter((s) => s.options.role === role).map((s) => s.room.sessionId);
      await expectListed(teacher, role, mine);
    }
  });
});
