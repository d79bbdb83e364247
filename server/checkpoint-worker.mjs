// Runs SQLite WAL checkpoints on a thread of its own, so that copying the log into the database (and the
// fsync that comes with it) never blocks the game server's event loop.
import Database from "better-sqlite3";
import { parentPort, workerData } from "node:worker_threads";

const db = new Database(workerData.file);
db.pragma("busy_timeout = 5000");
const timer = setInterval(() => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch {
    // A busy database is checkpointed next time.
  }
}, workerData.everyMs);

parentPort?.on("message", (message) => {
  if (message !== "stop") return;
  clearInterval(timer);
  try {
    db.close();
  } catch {
    // Closing a database whose folder is gone is not worth an error.
  }
  parentPort?.close();
});
