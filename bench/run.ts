/**
 * `npm run bench`: every benchmark, figures printed side by side with their baselines.
 *
 *   npm run bench                    answering, checklists, reminders, then the server beside an echo bot
 *   npm run bench -- --server        only the server beside the echo bot (bench/server.ts)
 *   npm run bench -- --fuzz          only the 10,000-request fuzz against a started server (bench/fuzz.ts)
 *   npm run bench -- --fuzz --fuzz-requests 3000
 *
 * --server and --fuzz combine.
 */
import { parseArgs } from 'node:util';
import { runAnsweringBench } from './answering.ts';
import { runRemindersBench } from './reminders.ts';
import { runChecklistsBench } from './checklists.ts';
import { runServerBench } from './server.ts';
import { runFuzzBench } from './fuzz.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { server: { type: 'boolean', default: false }, fuzz: { type: 'boolean', default: false }, 'fuzz-requests': { type: 'string', default: '10000' } },
  });
  const only = values.server || values.fuzz;
  if (!only) {
    for (const line of runAnsweringBench()) console.log(line);
    for (const line of runChecklistsBench()) console.log(line);
    for (const line of await runRemindersBench()) console.log(line);
  }
  if (!only || values.server) for (const line of await runServerBench()) console.log(line);
  if (values.fuzz) {
    const count = Number(values['fuzz-requests']);
    if (!Number.isInteger(count) || count < 1) throw new Error(`--fuzz-requests: expected a whole number, got ${values['fuzz-requests']}`);
    for (const line of await runFuzzBench(count)) console.log(line);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
