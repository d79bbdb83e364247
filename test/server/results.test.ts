/**
 * A workshop's results for rooms still running: with each room's facilitator key, the CSV and JSON give the
 * turn, the lead now, the spending and the seats; without it, only what everyone may see (turn, phase, seats);
 * a wrong key is refused, so nobody but the facilitator gets a running room's hidden numbers.
 */
import { describe, expect, it } from "vitest";
import { person, seatMatch } from "../support/seats.ts";
import { getJson, useTestServer, waitFor } from "./helpers.ts";

const world = useTestServer();
const seats = world.seats;

describe("results of unfinished rooms", () => {
  it("are filled for the facilitator with the key and refused without it", async () => {
    const [tess, ann, bo] = await seatMatch(
      world.server.url,
      seats,
      person("facilitator", "Tess"),
      person("us", "Ann"),
      person("china", "Bo"),
    );
    await ann.request("draft", { orders: [{ type: "fundAlgorithms", amount: 2 }] });
    await ann.request("confirm", { turn: 0 });
    await bo.request("confirm", { turn: 0 });
    await tess.waitTurn(1);
    await waitFor("the seats in the room's listing", () => tess.state.turn === 1);
    const key = tess.welcome!.facilitatorKey!;
    const base = `${world.server.url}/api/matches/results`;

    const open = await getJson(`${base}.json?codes=${tess.code}`);
    expect(open.status).toBe(200);
    const [publicRow] = open.body as Record<string, unknown>[];
    expect(publicRow).toMatchObject({
      code: tess.code,
      finished: "no",
      turns_played: 1,
      turn_label: "2025 H2",
      phase: "orders",
      us_seats: 1,
      china_seats: 1,
      lead_months: "",
      us_spent_busd: "",
      seed: "",
    });

    const filled = await getJson(`${base}.json?codes=${tess.code}&keys=${key}`);
    expect(filled.status).toBe(200);
    const [row] = filled.body as Record<string, unknown>[];
    expect(row).toMatchObject({ code: tess.code, turns_played: 1, turn_label: "2025 H2", us_seats: 1 });
    expect(row!.us_spent_busd).toBeCloseTo(2, 3);
    expect(row!.china_spent_busd).toBe(0);
    expect(typeof row!.lead_months).toBe("number");
    expect(row!.winner).toBe("");

    const csv = await getJson(`${base}.csv?codes=${tess.code}&keys=${key}`);
    const [header, line] = csv.text.trim().split("\n") as [string, string];
    const cells = Object.fromEntries(header.split(",").map((c, i) => [c, line.split(",")[i]]));
    expect(cells).toMatchObject({ turns_played: "1", us_spent_busd: "2.000", turn_label: "2025 H2" });
    expect(cells.lead_months).toMatch(/^-?\d+\.\d{3}$/);

    // A wrong key, or a player's guess, gets nothing.
    for (const ext of ["json", "csv"]) {
      const refused = await getJson(`${base}.${ext}?codes=${tess.code}&keys=not-the-key`);
      expect(refused.status).toBe(403);
      expect((refused.body as { error: string }).error).toMatch(/facilitator key for .* is wrong/);
      expect(refused.text).not.toMatch(/spent|2\.000/);
    }
    const mismatched = await getJson(`${base}.json?codes=${tess.code},${tess.code}&keys=${key}`);
    expect(mismatched.status).toBe(400);
  });
});
