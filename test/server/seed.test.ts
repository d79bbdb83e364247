/**
 * The seed and the secret on a server with the product's defaults (players may not choose seeds): whoever
 * chooses a seed never plays a side of that match, the secret behind the hidden information is made by the
 * server for each match and never sent, and two matches with one seed share their public luck only.
 */
import { describe, expect, it } from "vitest";
import { offlineSecret } from "../../shared/rules/streams.ts";
import { person, seatMatch } from "../support/seats.ts";
import { playerId, Seat, useTestServer } from "./helpers.ts";

const world = useTestServer({ PLAYER_SEEDS: false });
const seats = world.seats;
const SEED = 1_234_567;

describe("choosing the seed", () => {
  it("is refused to a creator who takes a side", async () => {
    await expect(
      Seat.create(world.server.url, { role: "us", name: "Ann", playerId: playerId("ann"), seed: SEED }),
    ).rejects.toThrow(/only a facilitator or a spectator may choose the seed/);
  });

  it("bars the spectator who chose it from taking a side later (the detour through a spectator seat)", async () => {
    const eve = playerId("eve");
    const watcher = await Seat.create(world.server.url, {
      role: "spectator",
      name: "Eve",
      playerId: eve,
      seed: SEED,
    });
    const code = watcher.code;
    await watcher.leave();
    for (const role of ["us", "china"] as const)
      await expect(Seat.join(world.server.url, code, { role, name: "Eve", playerId: eve })).rejects.toThrow(
        /you chose this match's seed/,
      );
    // She may still watch, and anybody else may play.
    const back = await Seat.join(world.server.url, code, { role: "spectator", name: "Eve", playerId: eve });
    const bo = await Seat.join(world.server.url, code, {
      role: "china",
      name: "Bo",
      playerId: playerId("bo"),
    });
    seats.push(back, bo);
    expect((await bo.waitView("a view", () => true)).viewer).toBe("china");
  });
});

describe("the match secret", () => {
  it("is made afresh for each match, follows from no seed, and never reaches a player", async () => {
    const made: { us: Seat; code: string }[] = [];
    for (const name of ["Tess", "Theo"]) {
      const [teacher, us] = await seatMatch(
        world.server.url,
        seats,
        { ...person("facilitator", name), seed: SEED },
        person("us", `${name}'s student`, "student"),
      );
      await us.waitView("a view", () => true);
      made.push({ us, code: teacher.code });
    }
    const secrets = await Promise.all(
      made.map(async ({ code }) => (await world.server.running.store.get(code))!.secret),
    );
    expect(secrets[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(secrets[1]).not.toBe(secrets[0]);
    expect(secrets).not.toContain(offlineSecret(SEED));
    // The same seed, different secrets: the US estimates of China differ, so the seed does not give them away.
    const intel = made.map(({ us }) => JSON.stringify((us.view as { intel: unknown }).intel));
    expect(intel[1]).not.toBe(intel[0]);
    for (const [i, { us }] of made.entries()) {
      const wire = us.frames.map((f) => Buffer.from(f).toString("latin1")).join("");
      expect(wire).not.toContain(secrets[i]);
      expect(us.received.join("")).not.toContain(secrets[i]);
    }
  });
});
