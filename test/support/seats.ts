/**
 * The seats most server tests begin with: one person creates a match, then the others join it by its code
 * (typically a US and a China player), each a real SDK client of the test server.
 */
import type { Role } from "../../shared/room.ts";
import { playerId, Seat, type SeatOptions } from "../server/helpers.ts";

/** A person to seat: a role, a name and a fresh player id made from `label` (the name in lower case). */
export function person(
  role: Role,
  name: string,
  label = name.toLowerCase(),
): Pick<SeatOptions, "role" | "name" | "playerId"> {
  return { role, name, playerId: playerId(label) };
}

/**
 * `creator` creates a match (with any create options beside its seat's), then each of `joiners` joins it by its
 * code, one after the other. Every seat goes into `seats` as soon as it is made (the test file leaves them all
 * when it ends). Answers the seats in that order, the creator's first.
 */
export async function seatMatch<const J extends readonly SeatOptions[]>(
  url: string,
  seats: Seat[],
  creator: SeatOptions & Record<string, unknown>,
  ...joiners: J
): Promise<[Seat, ...{ -readonly [K in keyof J]: Seat }]> {
  const first = await Seat.create(url, creator);
  seats.push(first);
  const joined: Seat[] = [];
  for (const options of joiners) {
    const seat = await Seat.join(url, first.code, options);
    seats.push(seat);
    joined.push(seat);
  }
  return [first, ...joined] as [Seat, ...{ -readonly [K in keyof J]: Seat }];
}
