import { describe, expect, it } from 'vitest';
import { createEnglandCalendar } from '../../domain/calendar/working-days.ts';

const cal = createEnglandCalendar();

// Start instants are UTC; the calendar counts London calendar days (BST in summer).
describe('deadlines in working days (England and Wales bank holidays)', () => {
  it.each([
    ['an ordinary Tuesday, 1 day', '2026-03-10T10:00:00Z', 1, '2026-03-11'],
    ['Friday, 1 day, skips the weekend', '2026-03-13T16:00:00Z', 1, '2026-03-16'],
    ['Saturday, 1 day, counts from Monday', '2026-03-14T11:00:00Z', 1, '2026-03-16'],
    ['Sunday, 5 days', '2026-03-15T11:00:00Z', 5, '2026-03-20'],
    ['Wednesday, 5 days, over a weekend', '2026-03-11T09:00:00Z', 5, '2026-03-18'],
    ['Christmas Eve 2025, 1 day, over Christmas, Boxing Day and the weekend', '2025-12-24T15:00:00Z', 1, '2025-12-29'],
    ['Christmas Eve 2026, 5 days, over the Boxing Day substitute and New Year', '2026-12-24T10:00:00Z', 5, '2027-01-05'],
    ["31 December 2026, 1 day, over New Year's Day", '2026-12-31T10:00:00Z', 1, '2027-01-04'],
    ['Christmas Eve 2027, 1 day, both substitute days', '2027-12-24T10:00:00Z', 1, '2027-12-29'],
    ['Maundy Thursday 2026, 1 day, over Easter', '2026-04-02T10:00:00Z', 1, '2026-04-07'],
    ['Maundy Thursday 2027, 5 days, over Easter', '2027-03-25T10:00:00Z', 5, '2027-04-05'],
    ['Good Friday 2027, 1 day', '2027-03-26T10:00:00Z', 1, '2027-03-30'],
    ['before the August bank holiday 2026, 1 day', '2026-08-28T15:00:00Z', 1, '2026-09-01'],
    ['before the August bank holiday 2027, 15 days', '2027-08-27T08:00:00Z', 15, '2027-09-20'],
    ['late evening in summer counts as the London date', '2026-07-01T23:30:00Z', 1, '2026-07-03'],
    ['early May bank holiday 2026, 15 days for a rapid review', '2026-04-30T10:00:00Z', 15, '2026-05-22'],
  ])('%s', (_name, start, days, expected) => {
    expect(cal.addWorkingDays(new Date(start), days)).toBe(expected);
  });

  it.each([
    ['2026-12-25', false],
    ['2026-12-26', false],
    ['2026-12-28', false],
    ['2026-12-29', true],
    ['2027-03-29', false],
    ['2026-08-31', false],
    ['2026-03-14', false],
    ['2026-03-16', true],
  ])('%s is a working day: %s', (iso, expected) => {
    expect(cal.isWorkingDay(iso)).toBe(expected);
  });
});

// The bot ships only the UK's rules (domain/calendar/holidays-gb.ts, generated from date-holidays);
// this fails when date-holidays' own data says otherwise, e.g. after an update: run
// `npx tsx scripts/holidays-gb.ts` again.
describe('the shipped UK rules agree with date-holidays', () => {
  it('every public and bank holiday in England, 2019 to 2040, with its name', async () => {
    const { default: FullHolidays } = await import('date-holidays');
    const full = new FullHolidays('GB', 'ENG');
    let days = 0;
    for (let year = 2019; year <= 2040; year++) {
      for (const h of full.getHolidays(year)) {
        if (h.type !== 'public' && h.type !== 'bank') continue;
        const iso = h.date.slice(0, 10);
        days += 1;
        expect(cal.holidayName(iso), iso).toBe(h.name);
        expect(cal.isWorkingDay(iso), iso).toBe(false);
      }
    }
    expect(days).toBeGreaterThan(22 * 8);
  });
});
