/**
 * Reminders delivered per second: SQLite file vs PostgreSQL, with 1 and with 2 scheduler
 * instances (separate processes, as separate bot instances would be), each posting through
 * the real CloudAdapter to a loopback connector. Every run checks that each occurrence was
 * posted exactly once, so a fast but wrong configuration cannot score.
 */
import { input, openStore, referenceFor, type Dialect } from '../devkit/reminder-fixtures.ts';
import { runChild } from '../devkit/reminder-child.ts';
import { startTestPostgres, type TestPostgres } from '../devkit/postgres.ts';
import { startReminderConnector, type ReminderConnector } from '../devkit/reminder-connector.ts';

const REMINDERS = 300;
const LEADS = [40, 30, 20, 10];
const NOW = '2026-03-26T09:25:00.000Z';

async function run(dialect: Dialect, instances: number, pg: TestPostgres | null, connector: ReminderConnector): Promise<number> {
  const h = await openStore(dialect, pg);
  const conv = `19:bench-${dialect}-${instances}`;
  try {
    const created = new Date('2026-03-20T12:00:00Z');
    for (let i = 0; i < REMINDERS; i++) {
      await h.store.create(input(conv, { meeting: `Meeting ${i}`, leadMinutes: LEADS }), referenceFor(connector, conv), 'channel', created);
    }
    const total = REMINDERS * LEADS.length;
    const children = Array.from({ length: instances }, (_, i) =>
      runChild({ REMINDER_TEST_URL: h.url, REMINDER_TEST_NOW: NOW, REMINDER_TEST_INSTANCE: `bench-${i}`, REMINDER_TEST_BATCH: '25' }),
    );
    await Promise.all(children.map((c) => c.ready));
    const started = performance.now();
    for (const c of children) c.go();
    await Promise.all(children);
    const seconds = (performance.now() - started) / 1000;
    const counts = connector.deliveredCounts();
    const mine = connector.posts.filter((p) => p.conversationId === conv && p.status < 300);
    if (mine.length !== total || mine.some((p) => counts.get(p.occurrenceId!) !== 1)) {
      throw new Error(`${dialect} x${instances}: ${mine.length} posts for ${total} occurrences (duplicates or losses)`);
    }
    return total / seconds;
  } finally {
    await h.close();
  }
}

export async function runRemindersBench(): Promise<string[]> {
  const [pg, connector] = await Promise.all([startTestPostgres(), startReminderConnector()]);
  try {
    const rows: string[][] = [];
    for (const dialect of ['sqlite', 'postgres'] as const) {
      const one = await run(dialect, 1, pg, connector);
      const two = await run(dialect, 2, pg, connector);
      rows.push([dialect, one.toFixed(0), two.toFixed(0)]);
    }
    const total = REMINDERS * LEADS.length;
    return [
      '',
      `Reminders: ${total} due occurrences posted through CloudAdapter to a loopback connector, each exactly once (checked)`,
      '  storage      1 instance/s   2 instances/s',
      ...rows.map(([d, a, b]) => `  ${d!.padEnd(12)} ${a!.padStart(12)}   ${b!.padStart(13)}`),
    ];
  } finally {
    await connector.close();
    await pg.stop();
  }
}
