/**
 * Meeting times from a recurrence, in Europe/London wall-clock time.
 *
 * Why "floating" times: rrule works in UTC, and a rule evaluated in UTC drifts by an hour
 * across the March and October clock changes (09:30 becomes 10:30). So the rule is evaluated
 * on wall-clock values (a London 09:30 written as 09:30Z), and only each resulting wall-clock
 * time is turned into a real instant with luxon in Europe/London. A time in the hour skipped
 * in March (01:30 on the last Sunday of March) does not exist; luxon moves it forward by the
 * gap (02:30 BST), which is what a person would do. In the repeated October hour luxon picks
 * one fixed instant (the GMT one), so the meeting still happens exactly once.
 */
import { createRequire } from 'node:module';
import { DateTime } from 'luxon';
import type { Frequency as FrequencyT, Options, RRule as RRuleT } from 'rrule';
import { WEEKDAYS, ZONE, type Recurrence, type Weekday } from './model.ts';
import { remindProblemError, type CustomRuleProblem } from './problems.ts';

// rrule ships CommonJS without named ESM exports; require keeps its types and runtime in step.
const { RRule, Frequency } = createRequire(import.meta.url)('rrule') as typeof import('rrule');

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** Rules more frequent than daily would flood a channel; nobody meets every hour. */
const TOO_FREQUENT: readonly FrequencyT[] = [Frequency.SECONDLY, Frequency.MINUTELY, Frequency.HOURLY];

/** The London instant of a wall-clock date and time. */
export function londonInstant(date: string, time: string): DateTime {
  if (!DATE.test(date) || !TIME.test(time)) {
    throw remindProblemError({ code: DATE.test(date) ? 'time-format' : 'date-format' }, `expected YYYY-MM-DD and HH:MM, got ${date} ${time}`);
  }
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const dt = DateTime.fromObject({ year: y, month: m, day: d, hour: hh, minute: mm }, { zone: ZONE });
  if (!dt.isValid || dt.year !== y || dt.month !== m || dt.day !== d) {
    throw remindProblemError({ code: 'not-a-calendar-date', date }, `${date} is not a date in the calendar`);
  }
  return dt;
}

/** nth weekday of the month of a date: 2026-03-10 is the 2nd Tuesday; 5th occurrences count as "last". */
export function nthWeekdayOf(date: string): { nth: 1 | 2 | 3 | 4 | -1; weekday: Weekday } {
  const dt = DateTime.fromISO(date, { zone: ZONE });
  const nth = Math.ceil(dt.day / 7);
  return { nth: nth >= 5 ? -1 : (nth as 1 | 2 | 3 | 4), weekday: WEEKDAYS[dt.weekday - 1]! };
}

function floating(dt: DateTime): Date {
  return new Date(Date.UTC(dt.year, dt.month - 1, dt.day, dt.hour, dt.minute));
}

function fromFloating(d: Date): DateTime {
  return DateTime.fromObject(
    { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() },
    { zone: ZONE },
  );
}

/** Checks a custom rule: its rrule options, or why it is refused (a code, worded by the bot). */
export function checkCustomRule(rule: string): { ok: true; options: Partial<Options> } | { ok: false; problem: CustomRuleProblem } {
  const text = rule.trim().replace(/^RRULE:/i, '');
  if (/DTSTART|TZID/i.test(text)) return { ok: false, problem: { code: 'custom-rule-sets-start' } };
  let options: Partial<Options>;
  try {
    options = RRule.parseString(text);
  } catch (err) {
    return { ok: false, problem: { code: 'custom-rule-invalid', detail: (err as Error).message } };
  }
  if (options.freq === undefined) return { ok: false, problem: { code: 'custom-rule-no-freq' } };
  if (TOO_FREQUENT.includes(options.freq)) return { ok: false, problem: { code: 'custom-rule-too-frequent' } };
  return { ok: true, options };
}

/** Parses a custom rule; throws INVALID_INPUT carrying the problem code (`details.problem`) when it is refused. */
export function parseCustomRule(rule: string): Partial<Options> {
  const checked = checkCustomRule(rule);
  if (!checked.ok) throw remindProblemError(checked.problem, `custom rule refused (${checked.problem.code}): ${rule}`);
  return checked.options;
}

function ruleFor(recurrence: Recurrence, start: DateTime): RRuleT | null {
  const dtstart = floating(start);
  switch (recurrence.kind) {
    case 'none':
      return null;
    case 'weekly':
      return new RRule({ freq: Frequency.WEEKLY, interval: recurrence.intervalWeeks, dtstart });
    case 'monthly': {
      const day = RRule[recurrence.weekday].nth(recurrence.nth);
      return new RRule({ freq: Frequency.MONTHLY, interval: recurrence.intervalMonths, byweekday: [day], dtstart });
    }
    case 'rrule':
      return new RRule({ ...parseCustomRule(recurrence.rule), dtstart });
  }
}

/**
 * Meeting instants of a reminder with `from < start <= to` (UTC instants), in order, at most
 * `limit`. The first date itself counts as an occurrence even when a rule would not select
 * it (a monthly "2nd Tuesday" rule starting on a Wednesday still has that first meeting).
 */
export function meetingsBetween(firstDate: string, time: string, recurrence: Recurrence, from: Date, to: Date, limit = 500): DateTime[] {
  const first = londonInstant(firstDate, time);
  const out: DateTime[] = [];
  const inWindow = (dt: DateTime) => dt.toMillis() > from.getTime() && dt.toMillis() <= to.getTime();
  if (inWindow(first)) out.push(first);
  const rule = ruleFor(recurrence, first);
  if (rule) {
    // Widen by a day each side in floating time; the exact window is re-checked on real instants.
    const lo = new Date(Math.max(from.getTime(), first.toMillis()) - 86_400_000);
    const hi = new Date(to.getTime() + 86_400_000 + 60 * 60_000);
    for (const d of rule.between(lo, hi, true)) {
      const dt = fromFloating(d);
      if (dt.toMillis() !== first.toMillis() && inWindow(dt) && dt.toMillis() > first.toMillis()) out.push(dt);
      if (out.length >= limit) break;
    }
  }
  return out.sort((a, b) => a.toMillis() - b.toMillis()).slice(0, limit);
}

/** The next meeting after `now`, or null when the series has ended. */
export function nextMeeting(firstDate: string, time: string, recurrence: Recurrence, now: Date): DateTime | null {
  const horizon = new Date(now.getTime() + 5 * 366 * 86_400_000);
  return meetingsBetween(firstDate, time, recurrence, now, horizon, 1)[0] ?? null;
}

/** How a recurrence reads on a card: "every 2 weeks", "monthly on the 2nd Tuesday". */
export function describeRecurrence(recurrence: Recurrence): string {
  const dayNames: Record<Weekday, string> = { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' };
  switch (recurrence.kind) {
    case 'none':
      return 'once';
    case 'weekly':
      return recurrence.intervalWeeks === 1 ? 'weekly' : 'fortnightly';
    case 'monthly': {
      const nth = recurrence.nth === -1 ? 'last' : ['1st', '2nd', '3rd', '4th'][recurrence.nth - 1];
      const every = recurrence.intervalMonths === 1 ? 'monthly' : recurrence.intervalMonths === 3 ? 'quarterly' : `every ${recurrence.intervalMonths} months`;
      return `${every} on the ${nth} ${dayNames[recurrence.weekday]}`;
    }
    case 'rrule':
      return `custom (${recurrence.rule})`;
  }
}
