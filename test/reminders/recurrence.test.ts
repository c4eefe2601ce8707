import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { checkCustomRule, describeRecurrence, londonInstant, meetingsBetween, nthWeekdayOf } from '../../domain/reminders/recurrence.ts';
import { remindProblemOf } from '../../domain/reminders/problems.ts';
import { occurrencesDue } from '../../domain/reminders/materialise.ts';
import { suggestRecurrence } from '../../domain/reminders/cadence.ts';
import type { Recurrence, Reminder } from '../../domain/reminders/model.ts';

const london = (d: DateTime) => d.setZone('Europe/London').toFormat('yyyy-MM-dd HH:mm ZZ');
const between = (first: string, time: string, r: Recurrence, from: string, to: string) =>
  meetingsBetween(first, time, r, new Date(from), new Date(to)).map(london);

describe('recurrence in Europe/London wall-clock time', () => {
  it('keeps a weekly 09:30 meeting at 09:30 London time across the March 2026 clock change', () => {
    const got = between('2026-03-19', '09:30', { kind: 'weekly', intervalWeeks: 1 }, '2026-03-18T00:00:00Z', '2026-04-03T00:00:00Z');
    expect(got).toEqual(['2026-03-19 09:30 +00:00', '2026-03-26 09:30 +00:00', '2026-04-02 09:30 +01:00']);
    // and the instants really move by an hour in UTC
    const utc = meetingsBetween(
      '2026-03-19',
      '09:30',
      { kind: 'weekly', intervalWeeks: 1 },
      new Date('2026-03-18T00:00:00Z'),
      new Date('2026-04-03T00:00:00Z'),
    ).map((d) => d.toUTC().toFormat('HH:mm'));
    expect(utc).toEqual(['09:30', '09:30', '08:30']);
  });

  it('keeps a weekly Sunday 09:30 meeting at 09:30 on the day of each change (29 March and 25 October 2026)', () => {
    const got = between('2026-03-22', '09:30', { kind: 'weekly', intervalWeeks: 1 }, '2026-03-21T00:00:00Z', '2026-03-30T00:00:00Z');
    expect(got).toEqual(['2026-03-22 09:30 +00:00', '2026-03-29 09:30 +01:00']);
    const oct = between('2026-10-18', '09:30', { kind: 'weekly', intervalWeeks: 1 }, '2026-10-17T00:00:00Z', '2026-11-02T00:00:00Z');
    expect(oct).toEqual(['2026-10-18 09:30 +01:00', '2026-10-25 09:30 +00:00', '2026-11-01 09:30 +00:00']);
  });

  it('moves a time in the hour skipped on 29 March 2026 forward by the gap, and only that day', () => {
    const got = between('2026-03-22', '01:30', { kind: 'weekly', intervalWeeks: 1 }, '2026-03-21T00:00:00Z', '2026-04-06T00:00:00Z');
    expect(got).toEqual(['2026-03-22 01:30 +00:00', '2026-03-29 02:30 +01:00', '2026-04-05 01:30 +01:00']);
  });

  it('uses one fixed instant (the GMT 01:30) for a time in the hour repeated on 25 October 2026', () => {
    expect(londonInstant('2026-10-25', '01:30').toUTC().toISO()).toBe('2026-10-25T01:30:00.000Z');
  });

  it.each([
    ['fortnightly', { kind: 'weekly', intervalWeeks: 2 } as Recurrence, '2026-01-06', ['2026-01-06', '2026-01-20', '2026-02-03']],
    [
      'monthly on the 2nd Tuesday',
      { kind: 'monthly', intervalMonths: 1, nth: 2, weekday: 'TU' } as Recurrence,
      '2026-01-13',
      ['2026-01-13', '2026-02-10', '2026-03-10'],
    ],
    [
      'quarterly on the 2nd Tuesday',
      { kind: 'monthly', intervalMonths: 3, nth: 2, weekday: 'TU' } as Recurrence,
      '2026-01-13',
      ['2026-01-13', '2026-04-14', '2026-07-14'],
    ],
    [
      'monthly on the last Friday',
      { kind: 'monthly', intervalMonths: 1, nth: -1, weekday: 'FR' } as Recurrence,
      '2026-01-30',
      ['2026-01-30', '2026-02-27', '2026-03-27'],
    ],
    [
      'custom RRULE (every 2 months, 1st Wednesday)',
      { kind: 'rrule', rule: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=1WE' } as Recurrence,
      '2026-01-07',
      ['2026-01-07', '2026-03-04', '2026-05-06'],
    ],
    ['none', { kind: 'none' } as Recurrence, '2026-01-07', ['2026-01-07']],
  ])('%s', (_name, recurrence, first, expected) => {
    const got = meetingsBetween(first, '14:00', recurrence, new Date('2026-01-01T00:00:00Z'), new Date('2026-08-01T00:00:00Z'), 3);
    expect(got.map((d) => d.toISODate())).toEqual(expected);
    expect(got.every((d) => d.setZone('Europe/London').toFormat('HH:mm') === '14:00')).toBe(true);
  });

  it('rejects custom rules that set their own start or repeat more than daily', () => {
    const refusal = (rule: string) => {
      try {
        meetingsBetween('2026-01-07', '10:00', { kind: 'rrule', rule }, new Date(0), new Date('2027-01-01'));
        return null;
      } catch (err) {
        return remindProblemOf(err);
      }
    };
    expect(refusal('FREQ=HOURLY')).toEqual({ code: 'custom-rule-too-frequent' });
    expect(refusal('DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY')).toEqual({ code: 'custom-rule-sets-start' });
  });

  it('checks a custom rule, returning why it is refused as a code', () => {
    expect(checkCustomRule('FREQ=MONTHLY;BYDAY=2TU').ok).toBe(true);
    expect(checkCustomRule('RRULE:FREQ=WEEKLY').ok).toBe(true);
    expect(checkCustomRule('FREQ=MINUTELY')).toEqual({ ok: false, problem: { code: 'custom-rule-too-frequent' } });
    expect(checkCustomRule('TZID=Europe/London;FREQ=DAILY')).toEqual({ ok: false, problem: { code: 'custom-rule-sets-start' } });
    expect(checkCustomRule('BYDAY=2TU')).toEqual({ ok: false, problem: { code: 'custom-rule-no-freq' } });
    expect(checkCustomRule('FOO=1')).toEqual({ ok: false, problem: { code: 'custom-rule-invalid', detail: "Unknown RRULE property 'FOO'" } });
  });

  it('rejects dates that are not in the calendar', () => {
    let problem: unknown = null;
    try {
      londonInstant('2026-02-30', '10:00');
    } catch (err) {
      problem = remindProblemOf(err);
    }
    expect(problem).toEqual({ code: 'not-a-calendar-date', date: '2026-02-30' });
  });

  it('describes recurrences for cards', () => {
    expect(describeRecurrence({ kind: 'monthly', intervalMonths: 3, nth: 2, weekday: 'TU' })).toBe('quarterly on the 2nd Tuesday');
    expect(describeRecurrence({ kind: 'weekly', intervalWeeks: 2 })).toBe('fortnightly');
    expect(nthWeekdayOf('2026-03-31')).toEqual({ nth: -1, weekday: 'TU' });
  });
});

describe('suggested recurrence from a body cadence', () => {
  it.each([
    [4, 'quarterly on the 2nd Tuesday'],
    [6, 'every 2 months on the 2nd Tuesday'],
    [12, 'monthly on the 2nd Tuesday'],
    [3, 'every 4 months on the 2nd Tuesday'],
    [1, 'every 12 months on the 2nd Tuesday'],
    [26, 'fortnightly'],
    [52, 'weekly'],
  ])('%d a year -> %s', (perYear, expected) => {
    const r = suggestRecurrence(perYear, '2026-01-13');
    expect(r && describeRecurrence(r)).toBe(expected);
  });

  it.each([[null], [8], [0]])('suggests nothing for an irregular cadence (%s)', (perYear) => {
    expect(suggestRecurrence(perYear, '2026-01-13')).toBeNull();
  });
});

describe('occurrences: each meeting x lead time, due before the meeting', () => {
  const reminder: Reminder = {
    id: 'r1',
    conversationId: 'c1',
    bodyId: null,
    meeting: 'Board',
    firstDate: '2026-03-26',
    time: '09:30',
    recurrence: { kind: 'weekly', intervalWeeks: 1 },
    leadMinutes: [7 * 24 * 60, 60],
    agendaUrl: null,
    note: null,
    createdBy: { id: 'u', name: null },
    state: 'active',
    version: 1,
    createdAt: '2026-03-01T00:00:00.000Z',
  };

  it('gives one occurrence per meeting and lead, with a unique key and the due time in UTC', () => {
    const got = occurrencesDue(reminder, new Date('2026-03-20T00:00:00Z'), new Date('2026-04-02T08:00:00Z'));
    // The week-ahead post for 26 March (due 19 March) is before the window, so it is not there.
    expect(got.map((o) => [o.meetingAt, o.leadMinutes, o.dueAt])).toEqual([
      ['2026-03-26T09:30:00.000Z', 60, '2026-03-26T08:30:00.000Z'],
      ['2026-04-02T08:30:00.000Z', 10080, '2026-03-26T08:30:00.000Z'], // 2 April 09:30 BST, a week ahead
      ['2026-04-02T08:30:00.000Z', 60, '2026-04-02T07:30:00.000Z'],
    ]);
    expect(new Set(got.map((o) => o.id)).size).toBe(got.length);
  });

  it('skips lead times already past when the window starts', () => {
    const got = occurrencesDue(reminder, new Date('2026-03-26T08:45:00Z'), new Date('2026-04-02T08:00:00Z'));
    expect(got.map((o) => [o.meetingAt, o.leadMinutes])).toEqual([['2026-04-02T08:30:00.000Z', 60]]);
  });
});
