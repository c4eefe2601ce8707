/**
 * The power-user text form:
 *   remind "<meeting>" <YYYY-MM-DD> <HH:MM> [every <week|2 weeks|month|quarter>] [before <N> <minutes|hours|days>]
 * `before` may be repeated ("before 7 days before 1 day" or "before 7 days and 1 day").
 * Without `before` the reminder goes one day ahead. The result is validated with zod and
 * every problem is reported at once, in words a manager can act on.
 */
import { z } from 'zod';
import { londonInstant, nthWeekdayOf } from './recurrence.ts';
import type { Recurrence } from './model.ts';

export const DEFAULT_LEAD_MINUTES = 24 * 60;
export const MAX_LEAD_MINUTES = 28 * 24 * 60;
export const TEXT_USAGE = 'remind "<meeting>" <YYYY-MM-DD> <HH:MM> [every <week|2 weeks|month|quarter>] [before <N> <minutes|hours|days>]';

export interface ParsedRemind {
  meeting: string;
  firstDate: string;
  time: string;
  recurrence: Recurrence;
  leadMinutes: number[];
}

export type ParseResult = { ok: true; value: ParsedRemind } | { ok: false; problems: string[] };

const UNIT_MINUTES: Record<string, number> = { minute: 1, hour: 60, day: 24 * 60, week: 7 * 24 * 60 };

const Parsed = z.object({
  meeting: z.string().trim().min(2, 'the meeting name is too short').max(120, 'the meeting name is longer than 120 characters'),
  firstDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'the date must look like 2026-03-26'),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'the time must look like 09:30 (24-hour clock)'),
  leadMinutes: z
    .array(z.number().int().min(1, 'a lead time must be at least 1 minute').max(MAX_LEAD_MINUTES, 'a lead time can be at most 28 days'))
    .min(1)
    .max(5, 'at most 5 lead times')
    .refine((l) => new Set(l).size === l.length, 'the same lead time is given twice'),
});

function recurrenceFor(words: string, firstDate: string): Recurrence | string {
  const w = words.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^(week|1 week)$/.test(w)) return { kind: 'weekly', intervalWeeks: 1 };
  if (/^(2 weeks|two weeks|fortnight)$/.test(w)) return { kind: 'weekly', intervalWeeks: 2 };
  const nth = /^\d{4}-\d{2}-\d{2}$/.test(firstDate) ? nthWeekdayOf(firstDate) : { nth: 1 as const, weekday: 'MO' as const };
  if (/^(month|1 month)$/.test(w)) return { kind: 'monthly', intervalMonths: 1, ...nth };
  if (/^(2 months|two months)$/.test(w)) return { kind: 'monthly', intervalMonths: 2, ...nth };
  if (/^(quarter|3 months|three months)$/.test(w)) return { kind: 'monthly', intervalMonths: 3, ...nth };
  return `"every ${words}" is not a recurrence I know: use every week, every 2 weeks, every month or every quarter`;
}

/** `args` is everything after the word "remind". `now` decides whether a one-off date has passed. */
export function parseRemindCommand(args: string, now: Date): ParseResult {
  // Teams turns straight quotes into curly ones as people type.
  const text = args.replace(/[\u201C\u201D\u201E\u00AB\u00BB]/g, '"').trim();
  const m = /^"([^"]*)"\s*(.*)$/s.exec(text);
  if (!m) return { ok: false, problems: [`put the meeting name in quotes, e.g. remind "Partnership Board" 2026-03-26 09:30`] };
  const meeting = m[1]!;
  const tokens = m[2]!.split(/\s+/).filter(Boolean);
  const problems: string[] = [];
  const [firstDate = '', time = ''] = tokens;
  let recurrence: Recurrence = { kind: 'none' };
  const leadMinutes: number[] = [];

  let i = 2;
  while (i < tokens.length) {
    const word = tokens[i]!.toLowerCase();
    if (word === 'every') {
      const rest: string[] = [];
      i++;
      while (i < tokens.length && tokens[i]!.toLowerCase() !== 'before') rest.push(tokens[i++]!);
      const r = recurrenceFor(rest.join(' '), firstDate);
      if (typeof r === 'string') problems.push(r);
      else recurrence = r;
    } else if (word === 'before' || word === 'and' || word === ',') {
      const n = tokens[i + 1];
      const unit = tokens[i + 2]?.toLowerCase().replace(/,$/, '').replace(/s$/, '');
      if (!n || !/^\d+$/.test(n) || !unit || !(unit in UNIT_MINUTES)) {
        problems.push('write a lead time like "before 1 day", "before 2 hours" or "before 30 minutes"');
        break;
      }
      leadMinutes.push(Number(n) * UNIT_MINUTES[unit]!);
      i += 3;
    } else {
      problems.push(`I did not understand "${tokens[i]}": after the date and time use "every ..." or "before ..."`);
      break;
    }
  }
  if (leadMinutes.length === 0) leadMinutes.push(DEFAULT_LEAD_MINUTES);

  const parsed = Parsed.safeParse({ meeting, firstDate, time, leadMinutes });
  if (!parsed.success) problems.push(...parsed.error.issues.map((issue) => issue.message));
  if (parsed.success) {
    try {
      const first = londonInstant(firstDate, time);
      if (recurrence.kind === 'none' && first.toMillis() <= now.getTime()) problems.push(`${firstDate} ${time} has already passed`);
    } catch (err) {
      problems.push((err as Error).message);
    }
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { meeting: meeting.trim(), firstDate, time, recurrence, leadMinutes } };
}

/** "1 day", "2 hours", "30 minutes", "1 week". */
export function describeLead(minutes: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (minutes % (7 * 24 * 60) === 0) return plural(minutes / (7 * 24 * 60), 'week');
  if (minutes % (24 * 60) === 0) return plural(minutes / (24 * 60), 'day');
  if (minutes % 60 === 0) return plural(minutes / 60, 'hour');
  return plural(minutes, 'minute');
}
