/**
 * npm start: the game server on http://localhost:2567 (PORT) with the SQLite store in ./data (DATA_DIR), in a
 * worker process that a supervisor restarts when it dies (SUPERVISE=0 runs it in this process instead).
 */
import cluster from "node:cluster";
import { pino } from "pino";
import { readConfig } from "./config.ts";

// Production unless told otherwise: express and Colyseus then keep developer details out of their answers.
// Set before app.ts (and so express and Colyseus) is loaded below.
if (!process.env.NODE_ENV) process.env.NODE_ENV = "production";

let config;
try {
  config = readConfig();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}

if (config.SUPERVISE && cluster.isPrimary) {
  const { supervise } = await import("./supervisor.ts");
  supervise({ restartsPerMinute: config.RESTARTS_PER_MINUTE, log: pino({ level: config.LOG_LEVEL }) });
} else {
  const { startServer } = await import("./app.ts");
  let server;
  try {
    server = await startServer(config);
  } catch (error) {
    // A supervisor restarts this process (a port still held by the one before may be free by then).
    process.stderr.write(
      `could not start the server: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
  process.stdout.write(
    `Compute Frontier is running on http://localhost:${server.port} (${config.DATABASE_URL ? "match log in PostgreSQL" : `data in ${config.DATA_DIR}`}${config.REDIS_URL ? ", sharing rooms through Redis" : ""})\n`,
  );
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void server.stop().then(() => process.exit(0));
    });
  }
}
