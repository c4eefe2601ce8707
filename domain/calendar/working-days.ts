/**
 * Working days in England and Wales: Monday to Friday, excluding public (bank) holidays
 * from date-holidays' rules (GB, region ENG, which England and Wales share, including substitute
 * days; only the UK's rules are shipped, see holidays-gb.ts). Dates are calendar days in Europe/London, so a deadline counted from a start at
 * 23:30 on a Friday is the same as one counted from 09:00 that day.
 *
 * Convention: the start day is day 0; "within N working days" ends at the close of the
 * Nth working day after it. A start on a weekend or bank holiday counts from the next
 * working day, which is day 1.
 */
import { createRequire } from 'node:module';
import type Holidays from 'date-holidays-parser';
import { HOLIDAYS_GB } from './holidays-gb.ts';
import { DateTime } from 'luxon';

/**
 * The holiday rules' parser is loaded when a date is first looked up, not at start: loading it
 * (with its astronomical calendars) was a tenth of a production start (issue 13), and only the
 * checklists' deadlines use it. require() keeps the lookup synchronous.
 */
const require = createRequire(import.meta.url);
// Found now, loaded later: a missing package still stops the start rather than the first use.
require.resolve('date-holidays-parser');
let parser: typeof Holidays | undefined;
const holidaysParser = (): typeof Holidays => (parser ??= (require('date-holidays-parser') as { default: typeof Holidays }).default);

export const ZONE = 'Europe/London';

export interface WorkingDayCalendar {
  isWorkingDay(isoDate: string): boolean;
  /** The London calendar date (YYYY-MM-DD) N working days after `from`. */
  addWorkingDays(from: Date, days: number): string;
  /** Bank holiday names for a date, for the summary ("Boxing Day (substitute day)"). */
  holidayName(isoDate: string): string | undefined;
}

export function createEnglandCalendar(): WorkingDayCalendar {
  let hd: Holidays | undefined;
  const byYear = new Map<number, Map<string, string>>();
  const holidays = (year: number): Map<string, string> => {
    let map = byYear.get(year);
    if (!map) {
      map = new Map();
      hd ??= new (holidaysParser())(HOLIDAYS_GB, 'GB', 'ENG');
      for (const h of hd.getHolidays(year)) {
        if (h.type === 'public' || h.type === 'bank') map.set(h.date.slice(0, 10), h.name);
      }
      byYear.set(year, map);
    }
    return map;
  };
  const holidayName = (iso: string) => holidays(Number(iso.slice(0, 4))).get(iso);
  const isWorkingDay = (iso: string): boolean => {
    const d = DateTime.fromISO(iso, { zone: ZONE });
    return d.weekday <= 5 && holidayName(iso) === undefined;
  };
  return {
    isWorkingDay,
    holidayName,
    addWorkingDays(from, days) {
      let d = DateTime.fromJSDate(from, { zone: ZONE }).startOf('day');
      let left = days;
      while (left > 0) {
        d = d.plus({ days: 1 });
        if (isWorkingDay(d.toISODate()!)) left--;
      }
      return d.toISODate()!;
    },
  };
}

/** "Monday 29 December 2025" for cards and the plain-text record. */
export function formatLondonDate(isoDate: string): string {
  return DateTime.fromISO(isoDate, { zone: ZONE }).setLocale('en-GB').toFormat('cccc d LLLL yyyy');
}

/** "29 December", for a date the reader has just seen in full (a card's short deadline label). */
export function formatLondonDayMonth(isoDate: string): string {
  return DateTime.fromISO(isoDate, { zone: ZONE }).setLocale('en-GB').toFormat('d LLLL');
}

/** "Monday 29 December 2025, 14:05"; without the weekday where space is short. */
export function formatLondonDateTime(at: Date, opts: { weekday?: boolean } = {}): string {
  return DateTime.fromJSDate(at, { zone: ZONE })
    .setLocale('en-GB')
    .toFormat(opts.weekday === false ? 'd LLLL yyyy, HH:mm' : 'cccc d LLLL yyyy, HH:mm');
}

/** The London calendar date (YYYY-MM-DD) of an instant. */
export function londonDate(at: Date): string {
  return DateTime.fromJSDate(at, { zone: ZONE }).toISODate()!;
}

/** The London calendar date `days` calendar days after (or, if negative, before) `isoDate`. */
export function shiftLondonDate(isoDate: string, days: number): string {
  return DateTime.fromISO(isoDate, { zone: ZONE }).plus({ days }).toISODate()!;
}

/** The instant London's calendar day `isoDate` starts, for counting working days from a date. */
export function startOfLondonDate(isoDate: string): Date {
  return DateTime.fromISO(isoDate, { zone: ZONE }).startOf('day').toJSDate();
}

/** True for a real calendar date written YYYY-MM-DD ("2026-02-30" is false). */
export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text, { zone: ZONE }).isValid;
}
