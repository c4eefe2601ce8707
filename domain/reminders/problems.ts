/**
 * Why a reminder was refused, as codes with their values: the text command's mistakes
 * (command-parser.ts) and a custom rule's (recurrence.ts). The domain returns these; the bot
 * words them (bot/user-messages.ts, REMIND_PROBLEM_MESSAGES), so the domain writes no sentence.
 */
import { AppError } from '../../shared/errors.ts';

export type RemindProblem =
  | { code: 'meeting-not-quoted' }
  | { code: 'meeting-too-short' }
  | { code: 'meeting-too-long'; maxLength: number }
  | { code: 'date-format' }
  | { code: 'time-format' }
  | { code: 'not-a-calendar-date'; date: string }
  | { code: 'already-passed'; date: string; time: string }
  | { code: 'unknown-recurrence'; words: string }
  | { code: 'unexpected-word'; word: string }
  | { code: 'lead-unreadable' }
  | { code: 'lead-too-short' }
  | { code: 'lead-over-maximum'; maxDays: number }
  | { code: 'too-many-leads'; max: number }
  | { code: 'duplicate-lead' }
  | CustomRuleProblem;

/** Why a custom (RRULE) recurrence was refused. */
export type CustomRuleProblem =
  | { code: 'custom-rule-sets-start' }
  /** `detail` is the rrule library's own reason. */
  | { code: 'custom-rule-invalid'; detail: string }
  | { code: 'custom-rule-no-freq' }
  | { code: 'custom-rule-too-frequent' };

export type RemindProblemCode = RemindProblem['code'];

/** Every code, as a list so the wording catalogue can be checked against it. */
export const REMIND_PROBLEM_CODES = [
  'meeting-not-quoted',
  'meeting-too-short',
  'meeting-too-long',
  'date-format',
  'time-format',
  'not-a-calendar-date',
  'already-passed',
  'unknown-recurrence',
  'unexpected-word',
  'lead-unreadable',
  'lead-too-short',
  'lead-over-maximum',
  'too-many-leads',
  'duplicate-lead',
  'custom-rule-sets-start',
  'custom-rule-invalid',
  'custom-rule-no-freq',
  'custom-rule-too-frequent',
] as const satisfies readonly RemindProblemCode[];

/** An INVALID_INPUT carrying a reminder problem (`details.problem`); `message` is for logs and developers. */
export function remindProblemError(problem: RemindProblem, message: string): AppError {
  return new AppError('INVALID_INPUT', message, { problem });
}

/** The reminder problem an error carries, if any. */
export function remindProblemOf(err: unknown): RemindProblem | null {
  if (!(err instanceof AppError) || err.code !== 'INVALID_INPUT') return null;
  const problem = err.details?.problem as { code?: unknown } | undefined;
  return problem && (REMIND_PROBLEM_CODES as readonly unknown[]).includes(problem.code) ? (problem as RemindProblem) : null;
}
