/**
 * A recurrence suggested from a knowledge-base body's cadence ("meets quarterly" -> quarterly
 * on the same weekday of the month as the first meeting). Only a suggestion: the manager sees
 * it preselected on the form and can change it. Irregular cadences ("as required", 8 a year)
 * suggest nothing rather than a pattern the document does not support.
 */
import { nthWeekdayOf } from './recurrence.ts';
import type { Recurrence } from './model.ts';

/** Month intervals that divide a year evenly: 12 a year -> 1, 6 -> 2, 4 -> 3, 3 -> 4, 2 -> 6, 1 -> 12. */
const MONTH_STEPS = [1, 2, 3, 4, 6, 12] as const;

export function suggestRecurrence(perYear: number | null | undefined, firstDate: string): Recurrence | null {
  if (perYear === null || perYear === undefined || !(perYear > 0)) return null;
  if (perYear >= 40) return { kind: 'weekly', intervalWeeks: 1 };
  if (perYear >= 20) return { kind: 'weekly', intervalWeeks: 2 };
  const months = 12 / perYear;
  const step = MONTH_STEPS.find((s) => Math.abs(s - months) / s < 0.1);
  if (!step) return null;
  return { kind: 'monthly', intervalMonths: step, ...nthWeekdayOf(firstDate) };
}
