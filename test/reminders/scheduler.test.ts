/**
 * The scheduler against real storage (an SQLite file, and a real PostgreSQL) and the real
 * proactive path (CloudAdapter posting over HTTP to a loopback env.connector). The clock is moved
 * by hand, so due / late / missed / Retry-After are checked exactly, without sleeping.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScheduler, type SchedulerOptions } from '../../domain/reminders/scheduler.ts';
import type { Deliver } from '../../domain/reminders/model.ts';
import { adaptiveCardProblems } from '../support/adaptive-card.ts';
import { runChild } from '../../devkit/reminder-child.ts';
import { input, openStore, realDelivery, referenceFor, type Dialect, type StoreHandle } from '../../devkit/reminder-fixtures.ts';
import { useReminderEnvironment } from './environment.ts';

const env = useReminderEnvironment();

/** A clock the test moves by hand, so time-dependent outcomes (due, late, missed, Retry-After) are exact. */
class ManualClock {
  constructor(private t: number) {}
  now = (): Date => new Date(this.t);
  set(iso: string): void {
    this.t = Date.parse(iso);
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

const MEETING = '2026-03-26T09:30:00.000Z'; // 09:30 GMT
const CREATED = new Date('2026-03-20T12:00:00Z');

describe.each<Dialect>(['sqlite', 'postgres'])('reminder scheduler on %s', (dialect) => {
  let h: StoreHandle;
  let clock: ManualClock;
  let deliver: Deliver;
  const opts = (instanceId: string, extra: Partial<SchedulerOptions> = {}) => ({
    instanceId,
    now: clock.now,
    random: () => 0.5,
    graceMs: 60 * 60_000,
    onTimeMs: 2 * 60_000,
    maxRetries: 3,
    backoff: { baseMs: 1_000, capMs: 8_000, maxRetryAfterMs: 60_000 },
    ...extra,
  });

  beforeEach(async () => {
    h = await openStore(dialect, env.pg);
    clock = new ManualClock(CREATED.getTime());
    deliver = realDelivery(h.store);
    env.connector.clear();
  });
  afterEach(async () => {
    await h.close();
  });

  it('stores every occurrence when the reminder is created, before it is due, and keeps them across a restart', async () => {
    const r = await h.store.create(
      input('19:keep', { recurrence: { kind: 'weekly', intervalWeeks: 1 }, leadMinutes: [1440, 60] }),
      referenceFor(env.connector, '19:keep'),
      'channel',
      CREATED,
    );
    const reopened = await h.another();
    const stored = await reopened.store.occurrences(r.id);
    // 7-day horizon from 20 March: meetings 26 March (both leads) and 2 April (week-old horizon ends 27 March).
    expect(stored.map((o) => [o.meetingAt, o.leadMinutes, o.status])).toEqual([
      [MEETING, 1440, 'pending'],
      [MEETING, 60, 'pending'],
    ]);
  });

  it('posts a due occurrence once, on time, with a valid card, and records it as delivered', async () => {
    const r = await h.store.create(input('19:ontime', { leadMinutes: [60] }), referenceFor(env.connector, '19:ontime'), 'channel', CREATED);
    const s = createScheduler(h.store.queue, deliver, opts('a'));
    clock.set('2026-03-26T08:29:00Z');
    expect(await s.tick()).toBe(0); // not due yet
    clock.set('2026-03-26T08:30:05Z');
    expect(await s.tick()).toBe(1);
    expect(await s.tick()).toBe(0);
    const [occ] = await h.store.occurrences(r.id);
    expect(occ!.status).toBe('delivered');
    const posts = env.connector.posts.filter((p) => p.conversationId === '19:ontime');
    expect(posts).toHaveLength(1);
    const card = posts[0]!.activity.attachments[0].content;
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain('Thursday 26 March 2026 at 09:30');
  });

  it('exactly once: 2 schedulers on one database share 240 due occurrences without sending any twice', async () => {
    const conv = `19:many-${dialect}`;
    for (let i = 0; i < 80; i++) {
      await h.store.create(input(conv, { meeting: `Meeting ${i}`, leadMinutes: [30, 20, 10] }), referenceFor(env.connector, conv), 'channel', CREATED);
    }
    clock.set('2026-03-26T09:21:00Z'); // all three lead times are due (and within the grace window)
    // Instance b is another process on the same database, as two bot instances would be.
    const b = runChild({ REMINDER_TEST_URL: h.url, REMINDER_TEST_NOW: clock.now().toISOString(), REMINDER_TEST_INSTANCE: 'b' });
    const a = createScheduler(h.store.queue, deliver, opts('a', { batchSize: 7, concurrency: 4 }));
    const handled = { a: 0, b: 0 };
    await b.ready;
    b.go();
    for (let n = await a.tick(); n > 0; n = await a.tick()) handled.a += n;
    handled.b = (await b).handled;

    const counts = env.connector.deliveredCounts();
    const mine = env.connector.posts.filter((p) => p.conversationId === conv);
    expect(mine).toHaveLength(240);
    expect(new Set(mine.map((p) => p.occurrenceId)).size).toBe(240);
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
    expect(handled.a + handled.b).toBe(240);
    expect(handled.a).toBeGreaterThan(0);
    expect(handled.b).toBeGreaterThan(0);
    const statuses = await h.db.all<{ status: string; n: number | string }>('SELECT status, COUNT(*) AS n FROM reminder_occurrences GROUP BY status');
    expect(statuses.filter((s) => !['delivered', 'late'].includes(s.status))).toEqual([]);
  });

  it('429 with Retry-After: waits at least that long, then posts once', async () => {
    env.connector.script('19:throttled', [{ status: 429, retryAfter: '3' }]);
    const r = await h.store.create(input('19:throttled'), referenceFor(env.connector, '19:throttled'), 'channel', CREATED);
    const s = createScheduler(h.store.queue, deliver, opts('a'));
    clock.set('2026-03-26T08:30:00Z');
    expect(await s.tick()).toBe(1);
    expect((await h.store.occurrences(r.id))[0]!.status).toBe('pending');
    clock.advance(2_900);
    expect(await s.tick()).toBe(0); // Retry-After says 3 s: not yet
    clock.advance(200);
    expect(await s.tick()).toBe(1);
    const [occ] = await h.store.occurrences(r.id);
    expect([occ!.status, occ!.attempts]).toEqual(['delivered', 2]);
    expect(env.connector.posts.filter((p) => p.conversationId === '19:throttled').map((p) => p.status)).toEqual([429, 200]);
  });

  it('5xx: retried with backoff until it succeeds', async () => {
    env.connector.script('19:outage', [{ status: 503 }, { status: 500 }]);
    const r = await h.store.create(input('19:outage'), referenceFor(env.connector, '19:outage'), 'channel', CREATED);
    const s = createScheduler(h.store.queue, deliver, opts('a'));
    clock.set('2026-03-26T08:30:00Z');
    for (let i = 0; i < 3; i++) {
      await s.tick();
      clock.advance(8_000);
    }
    const [occ] = await h.store.occurrences(r.id);
    expect([occ!.status, occ!.attempts]).toEqual(['delivered', 3]);
    expect(env.connector.posts.filter((p) => p.conversationId === '19:outage').map((p) => p.status)).toEqual([503, 500, 200]);
  });

  it('5xx every time: gives up after the retry bound and records failed', async () => {
    env.connector.always('19:down', { status: 502 });
    const r = await h.store.create(input('19:down'), referenceFor(env.connector, '19:down'), 'channel', CREATED);
    const s = createScheduler(h.store.queue, deliver, opts('a', { maxRetries: 2 }));
    clock.set('2026-03-26T08:30:00Z');
    for (let i = 0; i < 6; i++) {
      await s.tick();
      clock.advance(8_000);
    }
    env.connector.always('19:down', null);
    const [occ] = await h.store.occurrences(r.id);
    expect([occ!.status, occ!.attempts]).toEqual(['failed', 3]);
  });

  it.each([403, 404])('%d: pauses every reminder of that conversation and shows it as paused', async (status) => {
    const conv = `19:removed-${status}`;
    env.connector.always(conv, { status });
    const first = await h.store.create(input(conv, { leadMinutes: [60] }), referenceFor(env.connector, conv), 'channel', CREATED);
    const other = await h.store.create(input(conv, { meeting: 'Another', firstDate: '2026-03-27' }), referenceFor(env.connector, conv), 'channel', CREATED);
    const s = createScheduler(h.store.queue, deliver, opts('a'));
    clock.set('2026-03-26T08:30:00Z');
    await s.tick();
    env.connector.always(conv, null);
    expect((await h.store.occurrences(first.id))[0]!.status).toBe('paused');
    expect((await h.store.occurrences(other.id))[0]!.status).toBe('paused');
    const list = await h.store.list(conv);
    expect(list.map((l) => l.reminder.state)).toEqual(['paused', 'paused']);
    clock.set('2026-03-27T08:30:00Z');
    expect(await s.tick()).toBe(0); // nothing more is attempted there
    // The bot is added back: future occurrences are planned again.
    await h.store.resumeConversation(conv, clock.now());
    expect(await s.tick()).toBe(1);
    expect((await h.store.occurrences(other.id))[0]!.status).toBe('delivered');
  });

  it('missed while down: posted late within the grace window, recorded missed beyond it', async () => {
    const late = await h.store.create(input('19:late', { leadMinutes: [120] }), referenceFor(env.connector, '19:late'), 'channel', CREATED);
    const missed = await h.store.create(input('19:missed', { leadMinutes: [24 * 60] }), referenceFor(env.connector, '19:missed'), 'channel', CREATED);
    const s = createScheduler(h.store.queue, deliver, opts('a'));
    clock.set('2026-03-26T08:00:00Z'); // 30 minutes after the 2-hour post was due; a day after the 1-day post
    await s.tick();
    expect((await h.store.occurrences(late.id))[0]!.status).toBe('late');
    expect((await h.store.occurrences(missed.id))[0]!.status).toBe('missed');
    expect(env.connector.posts.filter((p) => p.conversationId === '19:late')).toHaveLength(1);
    expect(env.connector.posts.filter((p) => p.conversationId === '19:missed')).toHaveLength(0);
    expect((await h.store.list('19:missed'))[0]!.last?.status).toBe('missed');
  });

  it('an instance that claimed and died: the lease runs out and another instance posts it once', async () => {
    const r = await h.store.create(input('19:lease'), referenceFor(env.connector, '19:lease'), 'channel', CREATED);
    clock.set('2026-03-26T08:30:00Z');
    const claimed = await h.store.queue.claimDue('dead', clock.now(), new Date(clock.now().getTime() + 60_000), 10);
    expect(claimed).toHaveLength(1);
    const s = createScheduler(h.store.queue, deliver, opts('b'));
    expect(await s.tick()).toBe(0); // still leased to the dead instance
    clock.advance(61_000);
    expect(await s.tick()).toBe(1);
    expect((await h.store.occurrences(r.id))[0]!.status).toBe('delivered');
    // the dead instance cannot overwrite the outcome
    expect(await h.store.queue.complete(claimed[0]!.id, 'dead', 'failed', clock.now(), {})).toBe(false);
  });

  it('editing re-plans pending occurrences, and a stale edit or cancel changes nothing', async () => {
    const r = await h.store.create(input('19:edit'), referenceFor(env.connector, '19:edit'), 'channel', CREATED);
    const edited = await h.store.update(r.id, 1, { time: '10:00' }, CREATED);
    expect(edited.ok).toBe(true);
    expect((await h.store.occurrences(r.id)).map((o) => o.meetingAt)).toEqual(['2026-03-26T10:00:00.000Z']);
    expect(await h.store.update(r.id, 1, { time: '11:00' }, CREATED)).toEqual({ ok: false, reason: 'stale' });
    expect(await h.store.cancel(r.id, 1, CREATED)).toEqual({ ok: false, reason: 'stale' });
    expect((await h.store.cancel(r.id, 2, CREATED)).ok).toBe(true);
    expect((await h.store.occurrences(r.id)).map((o) => o.status)).toEqual(['cancelled']);
    expect(await h.store.list('19:edit')).toEqual([]);
  });
});
