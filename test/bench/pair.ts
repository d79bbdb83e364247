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

/**
 * Plays `turns` turns of every pair at once, each side confirming after a random think of up to twice
 * `thinkMs`; answers each turn's orders-to-patch time (China's confirm to China's view of the next turn), in ms.
 */
export async function playTurns(pairs: readonly Pair[], turns: number, thinkMs: number): Promise<number[]> {
  const latencies: number[] = [];
  await Promise.all(
    pairs.map(async (pair) => {
      for (let turn = 0; turn < turns; turn++) {
        await new Promise((r) => setTimeout(r, Math.random() * 2 * thinkMs));
        await pair.us.request("confirm", { turn });
        const next = new Promise<number>((resolve) => pair.waiters.push(resolve));
        const t0 = performance.now();
        await pair.china.request("confirm", { turn });
        await next;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return latencies;
}
