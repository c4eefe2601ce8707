/** `npm run bench`: every benchmark, figures printed side by side with their baselines. */
import { runAnsweringBench } from './answering.ts';
import { runRemindersBench } from './reminders.ts';
import { runChecklistsBench } from './checklists.ts';

async function main(): Promise<void> {
  for (const line of runAnsweringBench()) console.log(line);
  for (const line of runChecklistsBench()) console.log(line);
  for (const line of await runRemindersBench()) console.log(line);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
