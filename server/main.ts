/** npm start: the game server on http://localhost:2567 (PORT) with the SQLite store in ./data (DATA_DIR). */
import { readConfig } from "./config.ts";
import { startServer } from "./app.ts";

let config;
try {
  config = readConfig();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
const server = await startServer(config);
process.stdout.write(
  `Compute Frontier is running on http://localhost:${server.port} (data in ${config.DATA_DIR})\n`,
);
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    void server.stop().then(() => process.exit(0));
  });
}
