/**
 * The front door of every HTTP request, /matchmake included: the browser Origin check and CORS, the per-IP
 * limits on creating and joining matches, the body size limit, and JSON errors without stacks.
 *
 * @colyseus/core 0.18 does not serve /matchmake through the express app: it prepends its own "request"
 * listener to the HTTP server, which answers every OPTIONS itself, sets CORS headers that reflect any Origin
 * with credentials on every response, and hands /matchmake/:method/:room to its router (which buffers the
 * whole body). Middleware on the express app never sees those requests, so `installGate` puts this gate in
 * front of Colyseus's listener instead.
 */
import { matchMaker } from "@colyseus/core";
import express, { type NextFunction, type Request, type RequestHandler, type Response } from "express";
import { MemoryStore, rateLimit } from "express-rate-limit";
import type { IncomingMessage, Server as HttpServer, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { allowedOrigins, type Config } from "./config.ts";

/** An HTTP error whose message is written for the person reading it and safe to send. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * How a request's Origin stands: `none` (no Origin: not a browser, or a same-origin GET), `same` (a page this
 * server served), `listed` (in ALLOWED_ORIGINS) or `refused`.
 *
 * With an empty list only the server's own pages pass; with a list, only the listed origins do. The host
 * comparison trusts the Host header, which a browser always sets to the address it really asked.
 */
export function judgeOrigin(
  origin: string | undefined,
  host: string | undefined,
  allowed: readonly string[],
): "none" | "same" | "listed" | "refused" {
  if (origin === undefined) return "none";
  if (allowed.length > 0) return allowed.includes(origin) ? "listed" : "refused";
  if (host === undefined) return "refused";
  try {
    return new URL(origin).host === host.toLowerCase() ? "same" : "refused";
  } catch {
    // "null" (a sandboxed frame or a file) and other values that are no URL.
    return "refused";
  }
}

function originGate(config: Config): RequestHandler {
  const allowed = allowedOrigins(config);
  const hint =
    allowed.length > 0
      ? "the server's ALLOWED_ORIGINS setting lists the pages that may call it"
      : "open the game from this server's own address, or list the page in the server's ALLOWED_ORIGINS setting";
  return (req, res, next) => {
    const origin = req.headers.origin;
    const verdict = judgeOrigin(origin, req.headers.host, allowed);
    if (verdict === "refused") {
      throw new HttpError(403, `requests from the page at ${String(origin)} are not allowed: ${hint}`);
    }
    if (verdict === "listed") {
      // The SDK sends credentials ("include"), so a listed page needs its own origin echoed, never "*".
      res.setHeader("Access-Control-Allow-Origin", origin as string);
      res.setHeader("Access-Control-Allow-Credentials", "true");
      res.vary("Origin");
    }
    if (req.method !== "OPTIONS") return next();
    if (verdict === "listed") {
      res.setHeader("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS");
      res.setHeader("Access-Control-Allow-Headers", "Content-Type, Authorization, Accept, X-Requested-With");
      res.setHeader("Access-Control-Max-Age", "600");
    }
    res.status(204).end();
  };
}

/** Which per-IP limit a request counts against, if any. */
function limitKind(req: Request): "create" | "join" | undefined {
  if (req.method !== "POST") return undefined;
  if (/^\/api\/matches\/[^/]+\/open\/?$/i.test(req.path)) return "join";
  const method = /^\/matchmake\/([^/]+)\//.exec(req.path)?.[1];
  if (method === undefined) return undefined;
  let name: string;
  try {
    name = decodeURIComponent(method).toLowerCase();
  } catch {
    name = method.toLowerCase();
  }
  // Anything else under /matchmake (join, joinById, reconnect, or a name Colyseus will refuse) counts as a
  // join, so that no spelling of a method slips past both limits.
  return name === "create" || name === "joinorcreate" ? "create" : "join";
}

/** The per-IP limits on creating and joining matches, and a stop function for their timers. */
function rateLimits(config: Config, log: Logger): { handler: RequestHandler; stop(): void } {
  const stores = { create: new MemoryStore(), join: new MemoryStore() };
  const make = (kind: "create" | "join", limit: number, what: string) =>
    rateLimit({
      windowMs: 60_000,
      limit,
      store: stores[kind],
      standardHeaders: "draft-8",
      legacyHeaders: false,
      logger: { error: (err, msg) => log.error({ err }, msg), warn: (err, msg) => log.warn({ err }, msg) },
      handler: (_req, res) => {
        res.status(429).json({
          error: `too many ${what} from this address (at most ${limit} a minute): wait a minute and try again`,
        });
      },
    });
  const limiters = {
    create: make("create", config.CREATE_LIMIT_PER_MINUTE, "new matches"),
    join: make("join", config.JOIN_LIMIT_PER_MINUTE, "joins"),
  };
  return {
    handler: (req, res, next) => {
      const kind = limitKind(req);
      if (kind === undefined) return next();
      void limiters[kind](req, res, next);
    },
    stop: () => {
      stores.create.shutdown();
      stores.join.shutdown();
    },
  };
}

/** How long the rest of a refused body is read and thrown away before the connection is cut. */
const DISCARD_MS = 2000;

function tooLarge(req: Request, res: Response, limit: number): void {
  res.status(413).json({ error: `the request body is too large (at most ${limit} bytes)` });
  // Closing at once would reset the connection under a client still sending, and it would never read the 413.
  // So the rest is read and dropped (never kept) for a moment; a client still sending after that is cut off.
  req.resume();
  const cut = setTimeout(() => req.socket.destroy(), DISCARD_MS);
  cut.unref();
  req.once("end", () => clearTimeout(cut));
}

/**
 * Reads a request body of at most `limit` bytes as JSON into `req.body`. Colyseus's matchmaking router uses
 * `req.body` when it is set, so its own reader (which has no limit) never runs. A body declared larger gets
 * 413 before a byte is kept; one that grows larger while it streams gets 413 as soon as it passes the limit.
 */
function jsonBody(limit: number): RequestHandler {
  return (req, res, next) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > limit) return tooLarge(req, res, limit);
    const carriesBody = req.headers["transfer-encoding"] !== undefined || declared > 0;
    if (!carriesBody || req.method === "GET" || req.method === "HEAD") return next();
    if (req.headers.expect?.toLowerCase() === "100-continue") res.writeContinue();
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    req.on("data", (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) {
        settled = true;
        return tooLarge(req, res, limit);
      }
      chunks.push(chunk);
    });
    req.on("error", () => {
      if (settled) return;
      settled = true;
      next(new HttpError(400, "the request body could not be read"));
    });
    req.on("end", () => {
      if (settled) return;
      settled = true;
      const text = Buffer.concat(chunks).toString("utf8");
      if (text.trim() === "") {
        req.body = {};
        return next();
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return next(new HttpError(400, "the request body is not valid JSON"));
      }
      if (typeof body !== "object" || body === null || Array.isArray(body))
        return next(new HttpError(400, "the request body must be a JSON object"));
      req.body = body;
      next();
    });
  };
}

const STATUS_TEXT: Record<number, string> = {
  400: "the request is malformed",
  403: "this request is not allowed",
  404: "there is nothing at this address",
  405: "this method is not allowed here",
  413: "the request is too large",
  415: "the request's content type is not supported",
};

/**
 * The last error handler of an express app: a JSON `{ error }` with a message a person can act on, and never a
 * stack or a file path (those go to the log). Only HttpError messages are sent as they are; other errors get
 * a fixed text for their status.
 */
export function jsonErrors(log: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const raw = (err as { status?: unknown; statusCode?: unknown } | null) ?? {};
    const given = Number(raw.status ?? raw.statusCode);
    const status = err instanceof HttpError ? err.status : given >= 400 && given < 500 ? given : 500;
    if (status >= 500) log.error({ err, method: req.method, url: req.originalUrl }, "HTTP request failed");
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const message =
      err instanceof HttpError
        ? err.message
        : (STATUS_TEXT[status] ??
          "the server could not answer this request: try again, and tell the organiser if it keeps happening");
    res.status(status).json({ error: message });
  };
}

export interface Gate {
  /** Stops the rate limits' timers. */
  stop(): void;
}

/**
 * Puts the gate in front of whatever already answers `server`'s requests (Colyseus's listener and, behind it,
 * the express app). Call it once the routes are bound (in `listen()`'s callback), before a request can come.
 */
export function installGate(server: HttpServer, config: Config, log: Logger): Gate {
  // Colyseus would set its own CORS headers (any Origin, with credentials) after the gate's, on every response.
  // The controller is process-wide; every server here runs behind a gate, so blanking it is safe.
  Object.assign(matchMaker.controller, { DEFAULT_CORS_HEADERS: {}, getCorsHeaders: () => ({}) });

  const inner = server.listeners("request") as ((req: IncomingMessage, res: ServerResponse) => void)[];
  const limits = rateLimits(config, log);
  const gate = express();
  gate.disable("x-powered-by");
  gate.set("trust proxy", config.TRUST_PROXY);
  gate.use(originGate(config));
  gate.use(limits.handler);
  gate.use(jsonBody(config.MAX_BODY_BYTES));
  gate.use((req, res) => {
    for (const listener of inner) listener.call(server, req, res);
  });
  gate.use(jsonErrors(log));

  server.removeAllListeners("request");
  server.on("request", gate);
  // Node answers "Expect: 100-continue" itself unless someone listens; the gate answers it only once the body
  // is known to be welcome, so that curl's large uploads get their 413 before they send anything.
  server.on("checkContinue", gate);
  return { stop: limits.stop };
}
