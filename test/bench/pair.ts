/**
 * One bench match over real sockets: a US and a China client in one room, the China client following the turn
 * from its views so that a bench can wait for the patch that answers its orders. Shared by bench:server and
 * bench:cluster.
 */
import type { Client, Room } from "@colyseus/sdk";

export interface Pair {
  us: Room;
  china: Room;
  turn: number;
  /** Called with the new turn when China's view moves on. */
  waiters: ((turn: number) => void)[];
}

/** Opens match `n` on `client` with players named by `prefix` (extra create options, such as a seed, added). */
export async function openPair(
  client: Client,
  prefix: string,
  n: number,
  extra: Record<string, unknown> = {},
): Promise<Pair> {
  const us = await client.create("match", {
    role: "us",
    name: `us${n}`,
    playerId: `${prefix}-us-${n}-xxxx`,
    ...extra,
  });
  // Each room's handlers are in place before its next message arrives (the SDK warns about any other).
  for (const type of ["welcome", "view", "draft", "error", "notice"]) us.onMessage(type, () => undefined);
  const china = await client.joinById(us.roomId, {
    role: "china",
    name: `cn${n}`,
    playerId: `${prefix}-cn-${n}-xxxx`,
  });
  const pair: Pair = { us, china, turn: 0, waiters: [] };
  china.onMessage("view", (m: { view: { turn: number } }) => {
    if (m.view.turn > pair.turn) {
      pair.turn = m.view.turn;
      for (const w of pair.waiters.splice(0)) w(pair.turn);
    }
  });
  for (const type of ["welcome", "draft", "error", "notice"]) china.onMessage(type, () => undefined);
  return pair;
}
