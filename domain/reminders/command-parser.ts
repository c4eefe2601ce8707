/**
 * The power-user text form:
 *   remind "<meeting>" <YYYY-MM-DD> <HH:MM> [every <week|2 weeks|month|quarter>] [before <N> <minutes|hours|days>]
 * `before` may be repeated ("before 7 days before 1 day" or "before 7 days and 1 day").
 * Without `before` the reminder goes one day ahead. The result is validated with zod and
 * every problem is reported at once, as codes with their values (problems.ts) that the bot
 * words for a manager to act on.
 */
import { z } from 'zod';
import { londonInstant, nthWeekdayOf } from './recurrence.ts';
import type { Recurrence } from './model.ts';
import { remindProblemOf, type RemindProblem } from './problems.ts';

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

export type ParseResult = { ok: true; value: ParsedRemind } | { ok: false; problems: RemindProblem[] };

const UNIT_MINUTES: Record<string, number> = { minute: 1, hour: 60, day: 24 * 60, week: 7 * 24 * 60 };

/** The problems zod reports, by the code each check carries as its message. */
const SCHEMA_PROBLEMS = {
  'meeting-too-short': { code: 'meeting-too-short' },
  'meeting-too-long': { code: 'meeting-too-long', maxLength: 120 },
  'date-format': { code: 'date-format' },
  'time-format': { code: 'time-format' },
  'lead-too-short': { code: 'lead-too-short' },
  'lead-over-maximum': { code: 'lead-over-maximum', maxDays: MAX_LEAD_MINUTES / (24 * 60) },
  'too-many-leads': { code: 'too-many-leads', max: 5 },
  'duplicate-lead': { code: 'duplicate-lead' },
} as const satisfies Record<string, RemindProblem>;
type SchemaProblem = keyof typeof SCHEMA_PROBLEMS;
const problem = (code: SchemaProblem): SchemaProblem => code;

const Parsed = z.object({
  meeting: z.string().trim().min(2, problem('meeting-too-short')).max(SCHEMA_PROBLEMS['meeting-too-long'].maxLength, problem('meeting-too-long')),
  firstDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, problem('date-format')),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, problem('time-format')),
  leadMinutes: z
    .array(z.number().int().min(1, problem('lead-too-short')).max(MAX_LEAD_MINUTES, problem('lead-over-maximum')))
    .max(SCHEMA_PROBLEMS['too-many-leads'].max, problem('too-many-leads'))
    .refine((l) => new Set(l).size === l.length, problem('duplicate-lead')),
});

function recurrenceFor(words: string, firstDate: string): Recurrence | RemindProblem {
  const w = words.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^(week|1 week)$/.test(w)) return { kind: 'weekly', intervalWeeks: 1 };
  if (/^(2 weeks|two weeks|fortnight)$/.test(w)) return { kind: 'weekly', intervalWeeks: 2 };
  const nth = /^\d{4}-\d{2}-\d{2}$/.test(firstDate) ? nthWeekdayOf(firstDate) : { nth: 1 as const, weekday: 'MO' as const };
  if (/^(month|1 month)$/.test(w)) return { kind: 'monthly', intervalMonths: 1, ...nth };
  if (/^(2 months|two months)$/.test(w)) return { kind: 'monthly', intervalMonths: 2, ...nth };
  if (/^(quarter|3 months|three months)$/.test(w)) return { kind: 'monthly', intervalMonths: 3, ...nth };
  return { code: 'unknown-recurrence', words };
}

/** `args` is everything after the word "remind". `now` decides whether a one-off date has passed. */
export function parseRemindCommand(args: string, now: Date): ParseResult {
  // Teams turns straight quotes into curly ones as people type.
  const text = args.replace(/[\u201C\u201D\u201E\u00AB\u00BB]/g, '"').trim();
  const m = /^"([^"]*)"\s*(.*)$/s.exec(text);
  if (!m) return { ok: false, problems: [{ code: 'meeting-not-quoted' }] };
  const meeting = m[1]!;
  const tokens = m[2]!.split(/\s+/).filter(Boolean);
  const problems: RemindProblem[] = [];
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
      if ('code' in r) problems.push(r);
      else recurrence = r;
    } else if (word === 'before' || word === 'and' || word === ',') {
      const n = tokens[i + 1];
      const unit = tokens[i + 2]?.toLowerCase().replace(/,$/, '').replace(/s$/, '');
      if (!n || !/^\d+$/.test(n) || !unit || !(unit in UNIT_MINUTES)) {
        problems.push({ code: 'lead-unreadable' });
        break;
      }
      leadMinutes.push(Number(n) * UNIT_MINUTES[unit]!);
      i += 3;
    } else {
      problems.push({ code: 'unexpected-word', word: tokens[i]! });
      break;
    }
  }
  if (leadMinutes.length === 0) leadMinutes.push(DEFAULT_LEAD_MINUTES);

  const parsed = Parsed.safeParse({ meeting, firstDate, time, leadMinutes });
  if (!parsed.success) problems.push(...parsed.error.issues.map((issue) => SCHEMA_PROBLEMS[issue.message as SchemaProblem]));
  if (parsed.success) {
    try {
      const first = londonInstant(firstDate, time);
      if (recurrence.kind === 'none' && first.toMillis() <= now.getTime()) problems.push({ code: 'already-passed', date: firstDate, time });
    } catch (err) {
      problems.push(remindProblemOf(err) ?? { code: 'not-a-calendar-date', date: firstDate });
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
