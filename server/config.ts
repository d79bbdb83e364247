/** Server settings from the environment, checked once at start (a bad value stops the server with a clear message). */
import { z } from "zod";

const int = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const flag = (fallback: boolean) =>
  z
    .union([z.boolean(), z.enum(["0", "1", "false", "true"]).transform((v) => v === "1" || v === "true")])
    .default(fallback);

export const ConfigSchema = z.object({
  PORT: int(2567, 0, 65535),
  HOST: z.string().default("0.0.0.0"),
  DATA_DIR: z.string().min(1).default("./data"),
  /** Seconds a dropped client may take to come back to its seat. */
  RECONNECT_SECONDS: int(120, 0, 3600),
  /**
   * Comma-separated Origin values of the pages that may call this server from a browser, such as
   * `https://game.school.example`. Empty: only pages this server serves itself (an Origin whose host is the
   * request's Host). Clients that send no Origin (the SDK from Node, curl) are not affected either way.
   */
  ALLOWED_ORIGINS: z.string().default(""),
  /**
   * Largest HTTP request body, in bytes, on every route (matchmaking options are a few hundred bytes). A larger
   * body gets 413 before it is read.
   */
  MAX_BODY_BYTES: int(16 * 1024, 1024, 1024 * 1024),
  /** New matches one IP address may create per minute (a school behind one NAT address counts as one). */
  CREATE_LIMIT_PER_MINUTE: int(60, 1, 1_000_000),
  /** Joins, reconnections and reopened rooms one IP address may ask for per minute. */
  JOIN_LIMIT_PER_MINUTE: int(600, 1, 1_000_000),
  /**
   * Reverse proxies in front of the server whose X-Forwarded-For is believed (0: none). Without it, behind a
   * proxy every player has the proxy's address and shares one rate limit.
   */
  TRUST_PROXY: int(0, 0, 10),
  /** Megabytes of finished matches' exports, replays and result rows kept ready to send (0 keeps none). */
  EXPORT_CACHE_MB: int(64, 0, 4096),
  /**
   * `npm start` runs the server in a worker process and starts a new one when it dies (1, the default), or
   * runs it in its own process with nothing to bring it back (0: a container or systemd restarts it).
   */
  SUPERVISE: flag(true),
  /** Worker restarts the supervisor allows within a minute before it gives up and exits with 1. */
  RESTARTS_PER_MINUTE: int(5, 1, 100),
  /** Largest WebSocket message accepted, in bytes. */
  MAX_MESSAGE_BYTES: int(64 * 1024, 1024, 16 * 1024 * 1024),
  /** Messages a client may send per second before it is disconnected as a flood. */
  MAX_MESSAGES_PER_SECOND: int(20, 1, 1000),
  /** People per side in a team. */
  TEAM_MAX: int(6, 1, 50),
  SPECTATORS_MAX: int(60, 0, 1000),
  /**
   * Seconds each turn lasts at least when bots hold both sides (a demonstration to watch); bots facing a person
   * answer at once.
   */
  BOT_TURN_SECONDS: z.coerce.number().min(0).max(600).default(3),
  /**
   * Seconds a finished match's room stays open after its last client leaves (its exports and replay stay
   * available from the store); without this, every match ever played would stay in memory.
   */
  FINISHED_ROOM_SECONDS: z.coerce.number().min(0).max(86_400).default(600),
  /**
   * Seconds a match still running stays in memory with nobody in its room. It then closes; the match stays in
   * the store, and a join by its code opens it again where it was (POST /api/matches/:code/open).
   */
  IDLE_ROOM_SECONDS: z.coerce
    .number()
    .min(0)
    .max(30 * 86_400)
    .default(86_400),
  /**
   * Seconds a newly created match waits for its first person before its room closes (a create whose creator
   * never connected, or a burst of lobby spam). The match stays in the store and opens again on a join by code.
   */
  EMPTY_ROOM_SECONDS: z.coerce.number().min(1).max(86_400).default(120),
  /**
   * Whether a creator who takes a side may choose the seed (tests, reproducible demonstrations). Off by
   * default, as defence in depth: the seed drives only public luck, but whoever chooses it may never play a
   * side of that match. A facilitator or spectator may always choose it.
   */
  PLAYER_SEEDS: flag(false),
  /**
   * The match log in PostgreSQL, such as `postgres://user:password@db.example:5432/frontier` (empty: SQLite in
   * DATA_DIR). Several server processes share one database; its tables are made or migrated at start.
   */
  DATABASE_URL: z
    .string()
    .default("")
    .refine((v) => v === "" || /^postgres(ql)?:\/\//.test(v), "must start with postgres:// or postgresql://"),
  /**
   * Redis that several server processes share, such as `redis://redis.example:6379` (empty: one process, rooms
   * in its memory). With it, Colyseus' Redis presence and driver let any process serve matchmaking, listing and
   * join-by-code, and a room's lease keeps each match on one process at a time.
   */
  REDIS_URL: z
    .string()
    .default("")
    .refine((v) => v === "" || /^rediss?:\/\//.test(v), "must start with redis:// or rediss://"),
  /**
   * The address browsers use to reach this very process (host:port, optionally with a path such as
   * `play.example/s1` behind a proxy that routes by it). Needed with REDIS_URL: a seat reserved on this process
   * is taken up here. Empty: Colyseus' default (this host's name and PORT).
   */
  PUBLIC_ADDRESS: z.string().default(""),
  /**
   * Seconds a process's lease on a running match lasts without renewal (renewed every third of it). After a
   * process dies, its matches can be reopened elsewhere once this has passed.
   */
  LEASE_SECONDS: z.coerce.number().min(1).max(600).default(15),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Config = z.infer<typeof ConfigSchema>;

/** Reads the configuration; throws an Error listing every bad variable. */
export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(
      `bad server settings:\n${parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`,
    );
  }
  return parsed.data;
}

/** The ALLOWED_ORIGINS list, without blanks. */
export function allowedOrigins(config: Config): string[] {
  return config.ALLOWED_ORIGINS.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}
