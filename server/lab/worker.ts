/**
 * A balance-lab worker thread: told the scenario and the pairings once (a pairing may take one side's lever away
 * from its bot, for the lever-effects table), it plays the chunks of matches it is sent and posts back their
 * summaries. Everything it needs comes in messages, so results depend only on them.
 */
import { parentPort } from "node:worker_threads";
import type { Bot } from "../../shared/bots/index.ts";
import { makeBot } from "../../shared/bots/index.ts";
import type { Scenario, Side } from "../../shared/rules/index.ts";
import { withoutLever } from "./levers.ts";
import type { ToWorker } from "./pool.ts";
import { playSummary } from "./summary.ts";

let scenario: Scenario | undefined;
let pairings: Record<Side, Bot>[] = [];

function bot(id: string, s: Scenario, samples: number | undefined): Bot {
  const found = makeBot(id, s, samples ? { samples } : {});
  if (!found) throw new Error(`no bot called ${id}`);
  return found;
}

parentPort?.on("message", (message: ToWorker) => {
  if (message.kind === "init") {
    scenario = message.scenario;
    pairings = message.pairings.map((p) => {
      const bots = {
        us: bot(p.us, message.scenario, message.searchSamples),
        china: bot(p.china, message.scenario, message.searchSamples),
      };
      if (p.without) bots[p.without.side] = withoutLever(bots[p.without.side], p.without.lever);
      return bots;
    });
    return;
  }
  if (!scenario) throw new Error("worker used before init");
  const bots = pairings[message.pairing];
  if (!bots) throw new Error(`no pairing ${message.pairing}`);
  const results = [];
  for (const seed of message.seeds) results.push(playSummary(scenario, seed, bots));
  parentPort?.postMessage({ kind: "done", task: message.task, results });
});
