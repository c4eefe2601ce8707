/**
 * A bot instance killed (SIGKILL) in the middle of posting reminders, then restarted: nothing
 * is lost and nothing is posted twice, except - by design, see domain/reminders/scheduler.ts -
 * an occurrence whose post was in flight at the moment of the kill (status `sending`), which
 * may be posted again; the test counts those and checks no other occurrence repeats.
 */
import { describe, expect, it } from 'vitest';
import { runChild } from '../../devkit/reminder-child.ts';
import { input, openStore, referenceFor, type Dialect } from '../../devkit/reminder-fixtures.ts';
import { useReminderEnvironment } from './environment.ts';

const env = useReminderEnvironment();

const until = async (check: () => boolean, timeoutMs = 60_000) => {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe.each<Dialect>(['sqlite', 'postgres'])('a scheduler process killed mid-run on %s', (dialect) => {
  it('loses nothing and repeats nothing that was not in flight when it died', async () => {
    const h = await openStore(dialect, env.pg);
    const conv = `19:crash-${dialect}`;
    try {
      const created = new Date('2026-03-20T12:00:00Z');
      for (let i = 0; i < 60; i++) {
        await h.store.create(input(conv, { meeting: `Meeting ${i}`, leadMinutes: [30, 15] }), referenceFor(env.connector, conv), 'channel', created);
      }
      const now = '2026-03-26T09:16:00.000Z';
      const mine = () => env.connector.posts.filter((p) => p.conversationId === conv);

      const first = runChild({
        REMINDER_TEST_URL: h.url,
        REMINDER_TEST_NOW: now,
        REMINDER_TEST_SLOW_MS: '15',
        REMINDER_TEST_LEASE_MS: '2000',
        REMINDER_TEST_BATCH: '5',
      });
      await first.ready;
      first.go();
      await until(() => mine().length >= 40);
      first.child.kill('SIGKILL');
      const killed = await first;
      expect(killed.signal).toBe('SIGKILL');

      const postedBeforeRestart = mine().length;
      expect(postedBeforeRestart).toBeLessThan(120);
      const inFlight = await h.db.all<{ id: string; status: string }>(`SELECT id, status FROM reminder_occurrences WHERE status IN ('claimed', 'sending')`);
      const sending = new Set(inFlight.filter((r) => r.status === 'sending').map((r) => r.id));

      // Restarted a minute later (well after the dead instance's 2-second leases ran out).
      const second = runChild({ REMINDER_TEST_URL: h.url, REMINDER_TEST_NOW: '2026-03-26T09:17:00.000Z' });
      await second.ready;
      second.go();
      const { handled } = await second;
      expect(handled).toBeGreaterThanOrEqual(120 - postedBeforeRestart);

      const rows = await h.db.all<{ id: string; status: string }>('SELECT id, status FROM reminder_occurrences');
      expect(rows).toHaveLength(120);
      expect(rows.filter((r) => !['delivered', 'late'].includes(r.status))).toEqual([]);
      const counts = env.connector.deliveredCounts();
      for (const r of rows) expect(counts.get(r.id) ?? 0, r.id).toBeGreaterThanOrEqual(1); // nothing lost
      const repeated = [...counts.entries()].filter(([id, n]) => n > 1 && rows.some((r) => r.id === id));
      for (const [id, n] of repeated) {
        expect(sending.has(id), `${id} was posted ${n} times but was not in flight at the kill`).toBe(true);
        expect(n).toBe(2);
      }
      // Every post carries its occurrence id as the idempotency key, and a repost after the takeover says it may be a repeat.
      for (const p of mine()) expect(p.activity.channelData?.idempotencyKey).toBe(p.occurrenceId);
      for (const [id] of repeated) {
        const copies = mine().filter((p) => p.occurrenceId === id && p.status < 300);
        expect(copies.at(-1)!.activity.channelData.possibleRepeat, id).toBe(true);
        expect(JSON.stringify(copies.at(-1)!.activity.attachments)).toMatch(/may repeat one posted moments ago/);
      }
      console.info(
        `[${dialect}] killed after ${postedBeforeRestart} posts; in flight at kill: ${inFlight.length} (${sending.size} sending); reposted: ${repeated.length}`,
      );
    } finally {
      await h.close();
    }
  });
});
