/**
 * Colyseus' WebSocket transport, cheaper with thousands of clients (bench:server's profile):
 * - Keep-alive pings spread out. The stock transport pings every client at once every `pingInterval` (3 s):
 *   with thousands of clients that is one burst of thousands of socket writes, which holds up every room's
 *   messages for tens of milliseconds each time. Here each round of pings is cut into slices sent
 *   `PING_SLICE_MS` apart; each client is still pinged once per interval and closed after `pingMaxRetries`
 *   unanswered pings, as before.
 * - One system call per socket per callback. A turn sends a client several messages from one callback (its
 *   state patch, its view, its team's draft), and each message was a write of its own (the sockets do not
 *   wait to fill a packet); here the messages a callback sends one socket leave together when it is done.
 */
import type { IncomingMessage, Server } from "node:http";
import type { Socket } from "node:net";
import type { Duplex } from "node:stream";
import { WebSocketTransport } from "@colyseus/ws-transport";
import type { WebSocket } from "ws";

/** How far apart the slices of a round of pings go out. */
export const PING_SLICE_MS = 100;

type PingedClient = WebSocket & { pingCount: number };

export class GameTransport extends WebSocketTransport {
  protected override listenForUpgrade(server: Server, filter?: (req: IncomingMessage) => boolean): void {
    super.listenForUpgrade(server, filter);
    server.on("upgrade", (req: IncomingMessage, socket: Duplex) => {
      if (!filter || filter(req)) writeInBatches(socket as Socket);
    });
  }

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

/** Sockets holding writes until their callback's end. */
const held = new Set<Socket>();
// A process that exits right after a write (a graceful shutdown's close frames) still sends what it holds.
process.once("exit", () => {
  for (const socket of held) socket.uncork();
});

/**
 * Holds what the current callback writes to `socket` until it is done (process.nextTick), then sends it in
 * one go: the first write corks the socket and the callback's end uncorks it. Nothing is reordered or delayed
 * past the callback that wrote it, and a socket destroyed meanwhile sends what it held first.
 */
export function writeInBatches(socket: Socket): void {
  const write = socket.write;
  const destroy = socket.destroy;
  const uncork = () => {
    if (!held.delete(socket)) return;
    socket.uncork();
  };
  socket.write = function (this: Socket, ...args: Parameters<Socket["write"]>) {
    if (!held.has(socket)) {
      held.add(socket);
      socket.cork();
      process.nextTick(uncork);
    }
    return write.apply(this, args);
  } as Socket["write"];
  socket.destroy = function (this: Socket, error?: Error) {
    uncork();
    return destroy.call(this, error);
  };
}
