/**
 * How the scheduler tells readiness probes whether it is working: idle before start, a
 * heartbeat while its loop runs (also during a long pass), stopped after stop(), crashed when
 * the loop itself fails, and "stalled" once several polls pass without a sign of life. It also
 * reports every delivery outcome, which the bot counts as the `reminder.sends` metric.
 */
import { describe, expect, it } from 'vitest';
import type { Deliver, Occurrence } from '../../domain/reminders/model.ts';
import type { SchedulerStore } from '../../domain/reminders/ports.ts';
import { createScheduler, schedulerProblem, STALE_POLLS, type DeliveryOutcome, type SchedulerStatus } from '../../domain/reminders/scheduler.ts';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function occurrence(id: string, extra: Partial<Occurrence> = {}): Occurrence {
  const due = new Date(Date.now() - 1_000).toISOString();
  return {
    id,
    reminderId: 'r1',
    conversationId: 'c1',
    meetingAt: new Date(Date.now() + 3_600_000).toISOString(),
    leadMinutes: 60,
    dueAt: due,
    status: 'claimed',
    attempts: 0,
    ...extra,
  };
}

/** Hands out the given occurrences once, then nothing; every write succeeds. */
function fakeStore(due: Occurrence[] = []): SchedulerStore {
  let queue = [...due];
  return {
    remindersToMaterialise: async () => [],
    insertOccurrences: async () => 0,
    claimDue: async () => {
      const out = queue;
      queue = [];
      return out;
    },
    markSending: async () => true,
    complete: async () => true,
    retryLater: async () => true,
    pauseConversation: async () => undefined,
    nextWakeAt: async () => null,
  };
}

const ok: Deliver = async () => ({ ok: true, activityId: 'a1' });

describe('scheduler status', () => {
  it('is idle before start, running with a fresh heartbeat after, and stopped after stop()', async () => {
    const s = createScheduler(fakeStore(), ok, { instanceId: 'a', pollMs: 20 });
    expect(s.status()).toEqual({ state: 'idle', lastBeatAt: null, pollMs: 20 });
    s.start();
    await wait(60);
    const running = s.status();
    expect(running.state).toBe('running');
    expect(Date.now() - running.lastBeatAt!.getTime()).toBeLessThan(1_000);
    await s.stop();
    expect(s.status().state).toBe('stopped');
  });

  it('keeps beating while a long pass makes progress, and stops beating while a post hangs', async () => {
    let release: (() => void) | null = null;
    const hanging: Deliver = () =>
      new Promise((resolve) => {
        release = () => resolve({ ok: true, activityId: null });
      });
    const s = createScheduler(fakeStore([occurrence('o1')]), hanging, { instanceId: 'a', pollMs: 10 });
    s.start();
    await wait(30);
    const before = s.status().lastBeatAt!.getTime();
    await wait(80); // many polls' worth, all inside one stuck post
    expect(s.status().lastBeatAt!.getTime()).toBe(before);
    release!();
    await wait(30);
    expect(s.status().lastBeatAt!.getTime()).toBeGreaterThan(before);
    await s.stop();
  });

  it('reports a crashed loop instead of throwing it at the process', async () => {
    let calls = 0;
    const errors: Array<Record<string, unknown>> = [];
    // The clock is read outside every pass's own error handling: a failure there ends the loop.
    const now = () => {
      if (++calls > 3) throw new TypeError('clock broke');
      return new Date();
    };
    const s = createScheduler(
      fakeStore(),
      ok,
      { instanceId: 'a', pollMs: 5, now },
      { info: () => undefined, warn: () => undefined, error: (f) => void errors.push(f) },
    );
    s.start();
    await wait(60);
    expect(s.status().state).toBe('crashed');
    expect(errors.map((e) => e.event)).toContain('reminder.scheduler_crashed');
    await s.stop();
    expect(s.status().state).toBe('crashed');
  });

  it('tells each delivery outcome, marking a post of an occurrence found mid-post as a possible repeat', async () => {
    const seen: Array<[DeliveryOutcome, boolean]> = [];
    const results: Record<string, Awaited<ReturnType<Deliver>>> = {
      fine: { ok: true, activityId: 'x' },
      again: { ok: true, activityId: 'y' },
      busy: { ok: false, kind: 'throttled', status: 429, retryAfterMs: null },
      gone: { ok: false, kind: 'gone', status: 403 },
      bad: { ok: false, kind: 'rejected', status: 400, reason: 'bad card' },
    };
    const deliver: Deliver = async (occ) => results[occ.id]!;
    const due = [
      occurrence('fine'),
      occurrence('again', { status: 'sending', attempts: 1 }),
      occurrence('busy'),
      occurrence('gone'),
      occurrence('bad'),
      occurrence('old', { dueAt: new Date(Date.now() - 2 * 3_600_000).toISOString() }),
    ];
    const s = createScheduler(fakeStore(due), deliver, { instanceId: 'a', concurrency: 1, observe: (o, repeat) => void seen.push([o, repeat]) });
    await s.tick();
    expect(seen).toEqual([
      ['delivered', false],
      ['delivered', true],
      ['retry', false],
      ['paused', false],
      ['failed', false],
      ['missed', false],
    ]);
  });
});

describe('schedulerProblem', () => {
  const at = new Date('2026-03-26T09:00:00Z');
  const status = (state: SchedulerStatus['state'], agoMs: number | null): SchedulerStatus => ({
    state,
    lastBeatAt: agoMs === null ? null : new Date(at.getTime() - agoMs),
    pollMs: 30_000,
  });

  it('names each way the scheduler cannot be counted on', () => {
    expect(schedulerProblem(status('idle', null), at, 0)).toBe('not-started');
    expect(schedulerProblem(status('stopped', 0), at, 0)).toBe('stopped');
    expect(schedulerProblem(status('crashed', 0), at, 0)).toBe('crashed');
  });

  it(`is stalled only after ${STALE_POLLS} polls plus one step's allowance without a heartbeat`, () => {
    const limit = STALE_POLLS * 30_000 + 13_000;
    expect(schedulerProblem(status('running', 0), at, 13_000)).toBeNull();
    expect(schedulerProblem(status('running', limit), at, 13_000)).toBeNull();
    expect(schedulerProblem(status('running', limit + 1), at, 13_000)).toBe('stalled');
  });
});
