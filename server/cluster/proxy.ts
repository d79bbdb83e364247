/**
 * The one port in front of several server processes (npm run cluster, or a developer's own deployment test).
 * Each process announces PUBLIC_ADDRESS `<proxy host>/s<n>`, so a room's WebSocket address starts with its
 * process's prefix: `/s<n>/<processId>/<roomId>`. The proxy sends such a request (WebSocket upgrades
 * included) to process n with the prefix removed, which keeps every connection to a room on the process that
 * runs it. Everything else (the HTTP API, matchmaking, the client's files) may go to any process: round robin
 * over the ones that answer.
 */
import httpProxy from "http-proxy";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Socket } from "node:net";

export interface ProxyTarget {
  /** The prefix number n of `/s<n>/`. */
  n: number;
  url: string;
}

/** Seconds a process that refused a connection is left out of the round robin. */
const DOWN_MS = 2000;

/** The target of a path that starts with a process prefix, and the path without it. */
export function routeOf(
  url: string,
  targets: readonly ProxyTarget[],
): { target: ProxyTarget; path: string } | undefined {
  const m = /^\/s(\d+)(\/.*)?$/.exec(url);
  if (!m) return undefined;
  const target = targets.find((t) => t.n === Number(m[1]));
  return target ? { target, path: m[2] ?? "/" } : undefined;
}

export function startProxy(options: {
  port: number;
  host?: string;
  targets: readonly ProxyTarget[];
}): Promise<Server> {
  const { targets } = options;
  const proxy = httpProxy.createProxyServer({ xfwd: true, ws: true });
  const downUntil = new Map<number, number>();
  let next = 0;

  const pick = (): ProxyTarget => {
    const now = Date.now();
    for (let i = 0; i < targets.length; i++) {
      const target = targets[(next + i) % targets.length]!;
      if ((downUntil.get(target.n) ?? 0) <= now) {
        next = (next + i + 1) % targets.length;
        return target;
      }
    }
    next = (next + 1) % targets.length;
    return targets[next]!;
  };

  proxy.on("error", (error, req, res) => {
    const target = (req as IncomingMessage & { target?: ProxyTarget }).target;
    if (target && (error as NodeJS.ErrnoException).code === "ECONNREFUSED")
      downUntil.set(target.n, Date.now() + DOWN_MS);
    if ("writeHead" in res) {
      const response = res as ServerResponse;
      if (!response.headersSent) response.writeHead(502, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: "that server process is not answering; try again in a moment" }));
    } else {
      (res as Socket).destroy();
    }
  });

  const server = createServer((req: IncomingMessage & { target?: ProxyTarget }, res) => {
    const routed = routeOf(req.url ?? "/", targets);
    req.target = routed?.target ?? pick();
    if (routed) req.url = routed.path;
    proxy.web(req, res, { target: req.target.url });
  });
  server.on("upgrade", (req: IncomingMessage & { target?: ProxyTarget }, socket: Socket, head: Buffer) => {
    const routed = routeOf(req.url ?? "/", targets);
    req.target = routed?.target ?? pick();
    if (routed) req.url = routed.path;
    proxy.ws(req, socket, head, { target: req.target.url });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => {
      server.off("error", reject);
      resolve(server);
    });
  });
}
