/**
 * `npm run bench`: every benchmark, figures printed side by side with their baselines.
 *
 *   npm run bench                    answering, checklists, reminders, then the server beside an echo bot
 *   npm run bench -- --server        only the server beside the echo bot (bench/server.ts, about 3 minutes)
 */
import { parseArgs } from 'node:util';
import { runAnsweringBench } from './answering.ts';
import { runRemindersBench } from './reminders.ts';
import { runChecklistsBench } from './checklists.ts';
import { runServerBench } from './server.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { server: { type: 'boolean', default: false } },
  });
  const only = values.server;
  if (!only) {
    for (const line of runAnsweringBench()) console.log(line);
    for (const line of runChecklistsBench()) console.log(line);
    for (const line of await runRemindersBench()) console.log(line);
  }
  if (!only || values.server) for (const line of await runServerBench()) console.log(line);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
