/**
 * Development only (never imported by the bot): a second bot instance for multi-process tests
 * and the bench, started by devkit/reminder-child.ts: runs the real scheduler (real storage, real
 * CloudAdapter delivery) in its own process against the database in REMINDER_TEST_URL, until
 * nothing is left to do, then prints how many occurrences it handled.
 *   REMINDER_TEST_NOW      fixed clock (ISO) so due/late are the same as in the parent
 *   REMINDER_TEST_SLOW_MS  delay before each post, so a test can kill the process mid-run
 *   REMINDER_TEST_LEASE_MS lease length
 */
import { createScheduler } from '../domain/reminders/scheduler.ts';
import { openDatabase } from '../storage/database.ts';
import { createReminderStore } from '../storage/reminder-store.ts';
import { realDelivery } from './reminder-fixtures.ts';

const env = process.env;
const db = await openDatabase(env.REMINDER_TEST_URL!);
const store = createReminderStore(db);
const fixed = Date.parse(env.REMINDER_TEST_NOW!);
const started = Date.now();
// The clock runs on from the fixed time, so leases taken here expire in real time.
const now = () => new Date(fixed + (Date.now() - started));
const slow = Number(env.REMINDER_TEST_SLOW_MS ?? 0);
const deliver = realDelivery(store);
const scheduler = createScheduler(
  store.queue,
  async (occ) => {
    if (slow) await new Promise((r) => setTimeout(r, slow));
    return deliver(occ);
  },
  {
    instanceId: env.REMINDER_TEST_INSTANCE ?? `child-${process.pid}`,
    now,
    batchSize: Number(env.REMINDER_TEST_BATCH ?? 7),
    concurrency: 4,
    leaseMs: Number(env.REMINDER_TEST_LEASE_MS ?? 120_000),
    graceMs: 3600_000,
  },
);
// Wait for the parent's go, so both instances really run at the same time.
process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
let handled = 0;
for (let n = await scheduler.tick(); n > 0; n = await scheduler.tick()) handled += n;
process.stdout.write(`${JSON.stringify({ handled })}\n`);
await db.close();
process.exit(0);
