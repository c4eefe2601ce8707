import { describe, expect, it } from 'vitest';
import { describeLead, parseRemindCommand } from '../../domain/reminders/command-parser.ts';
import type { RemindProblem } from '../../domain/reminders/problems.ts';
import { retryDelayMs } from '../../domain/reminders/backoff.ts';
import { parseRetryAfter, resultForStatus } from '../../domain/reminders/model.ts';

const NOW = new Date('2026-03-01T12:00:00Z');

describe('the remind text command', () => {
  it.each([
    [
      '"Partnership Board" 2026-03-26 09:30',
      { meeting: 'Partnership Board', firstDate: '2026-03-26', time: '09:30', recurrence: { kind: 'none' }, leadMinutes: [1440] },
    ],
    [
      '"Exec" 2026-03-10 14:00 every quarter before 7 days before 1 day',
      {
        meeting: 'Exec',
        firstDate: '2026-03-10',
        time: '14:00',
        recurrence: { kind: 'monthly', intervalMonths: 3, nth: 2, weekday: 'TU' },
        leadMinutes: [10080, 1440],
      },
    ],
    [
      '\u201CQA sub-group\u201D 2026-03-26 09:30 every 2 weeks before 30 minutes',
      { meeting: 'QA sub-group', firstDate: '2026-03-26', time: '09:30', recurrence: { kind: 'weekly', intervalWeeks: 2 }, leadMinutes: [30] },
    ],
    [
      '"Forum" 2026-03-26 09:30 every week before 2 hours and 1 day',
      { meeting: 'Forum', firstDate: '2026-03-26', time: '09:30', recurrence: { kind: 'weekly', intervalWeeks: 1 }, leadMinutes: [120, 1440] },
    ],
    [
      '"Forum" 2026-03-31 09:30 every month',
      {
        meeting: 'Forum',
        firstDate: '2026-03-31',
        time: '09:30',
        recurrence: { kind: 'monthly', intervalMonths: 1, nth: -1, weekday: 'TU' },
        leadMinutes: [1440],
      },
    ],
  ])('%s', (args, expected) => {
    expect(parseRemindCommand(args, NOW)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, RemindProblem[]]>([
    ['Board 2026-03-26 09:30', [{ code: 'meeting-not-quoted' }]],
    ['"Board" 26/03/2026 09:30', [{ code: 'date-format' }]],
    ['"Board" 2026-03-26 9.30', [{ code: 'time-format' }]],
    ['"Board" 2026-02-30 09:30', [{ code: 'not-a-calendar-date', date: '2026-02-30' }]],
    ['"Board" 2026-03-26 09:30 every year', [{ code: 'unknown-recurrence', words: 'year' }]],
    ['"Board" 2026-03-26 09:30 before soon', [{ code: 'lead-unreadable' }]],
    ['"Board" 2026-03-26 09:30 before 60 days', [{ code: 'lead-over-maximum', maxDays: 28 }]],
    ['"Board" 2026-03-26 09:30 before 1 day before 24 hours', [{ code: 'duplicate-lead' }]],
    ['"Board" 2026-03-26 09:30 before 1 minute and 2 minutes and 3 minutes and 4 minutes and 5 minutes and 6 minutes', [{ code: 'too-many-leads', max: 5 }]],
    ['"Board" 2026-03-26 09:30 before 0 minutes', [{ code: 'lead-too-short' }]],
    ['"Board" 2026-02-01 09:30', [{ code: 'already-passed', date: '2026-02-01', time: '09:30' }]],
    ['"" 2026-03-26 09:30', [{ code: 'meeting-too-short' }]],
    [`"${'x'.repeat(121)}" 2026-03-26 09:30`, [{ code: 'meeting-too-long', maxLength: 120 }]],
    ['"Board" 2026-03-26 09:30 tomorrow', [{ code: 'unexpected-word', word: 'tomorrow' }]],
    ['"B" 26/03/2026 9.30', [{ code: 'meeting-too-short' }, { code: 'date-format' }, { code: 'time-format' }]],
  ])('refuses %s with its reason as a code', (args, problems) => {
    expect(parseRemindCommand(args, NOW)).toEqual({ ok: false, problems });
  });

  it('accepts a past first date when the reminder repeats', () => {
    expect(parseRemindCommand('"Board" 2026-01-13 10:00 every month', NOW).ok).toBe(true);
  });

  it('describes lead times', () => {
    expect([10080, 1440, 120, 30, 1].map(describeLead)).toEqual(['1 week', '1 day', '2 hours', '30 minutes', '1 minute']);
  });
});

describe('retry policy', () => {
  const opts = { baseMs: 1000, capMs: 60_000, maxRetryAfterMs: 600_000 };
  it('backs off exponentially with jitter, capped', () => {
    expect(retryDelayMs(1, null, opts, () => 0)).toBe(500);
    expect(retryDelayMs(1, null, opts, () => 1)).toBe(1000);
    expect(retryDelayMs(4, null, opts, () => 0)).toBe(4000);
    expect(retryDelayMs(20, null, opts, () => 1)).toBe(60_000);
  });
  it('never retries before Retry-After, and clamps absurd values', () => {
    expect(retryDelayMs(1, 5000, opts, () => 1)).toBe(5000);
    expect(retryDelayMs(1, 24 * 3600_000, opts, () => 0)).toBe(600_000);
  });
  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('2', 0)).toBe(2000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(parseRetryAfter('soon', 0)).toBeNull();
  });
  it.each([
    [200, 'ok'],
    [429, 'throttled'],
    [500, 'transient'],
    [503, 'transient'],
    [403, 'gone'],
    [404, 'gone'],
    [400, 'rejected'],
  ])('HTTP %d is %s', (status, kind) => {
    const r = resultForStatus(status);
    expect(r.ok ? 'ok' : r.kind).toBe(kind);
  });
});
