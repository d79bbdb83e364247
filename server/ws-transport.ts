/**
 * Colyseus' WebSocket transport with its keep-alive pings spread out (bench:server's profile). The stock
 * transport pings every client at once every `pingInterval` (3 s): with thousands of clients that is one burst
 * of thousands of socket writes, which holds up every room's messages for tens of milliseconds each time. Here
 * each round of pings is cut into slices sent `PING_SLICE_MS` apart; each client is still pinged once per
 * interval and closed after `pingMaxRetries` unanswered pings, as before.
 */
import { WebSocketTransport } from "@colyseus/ws-transport";
import type { WebSocket } from "ws";

/** How far apart the slices of a round of pings go out. */
export const PING_SLICE_MS = 100;

type PingedClient = WebSocket & { pingCount: number };

export class GameTransport extends WebSocketTransport {
  protected override autoTerminateUnresponsiveClients(pingInterval: number, pingMaxRetries: number): void {
    const slices = Math.max(1, Math.round(pingInterval / PING_SLICE_MS));
    /** This round's clients (those that connect meanwhile wait for the next round), and the next slice. */
    let round: PingedClient[] = [];
    let slice = slices;
    this.pingInterval = setInterval(
      () => {
        if (slice >= slices) {
          round = [...this.wss.clients] as PingedClient[];
          slice = 0;
        }
        const from = Math.floor((slice * round.length) / slices);
        const to = Math.floor(((slice + 1) * round.length) / slices);
        slice++;
        for (let i = from; i < to; i++) {
          const client = round[i]!;
          if (client.readyState !== client.OPEN) continue;
          if (client.pingCount >= pingMaxRetries) {
            client.terminate();
            continue;
          }
          client.pingCount++;
          client.ping();
        }
        if (slice >= slices) round = [];
      },
      Math.max(1, Math.floor(pingInterval / slices)),
    );
  }
}
