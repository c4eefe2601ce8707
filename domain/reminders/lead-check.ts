/**
 * A reminder that cannot go out in time: "1 week before" a meeting tomorrow would be due in the
 * past, so the first reminder would silently never be posted. Refused with the reason instead.
 */
import { describeLead } from './command-parser.ts';

/** The problem with `leadMinutes` for a first meeting at `firstMeetingMs`, or null when every lead is still ahead. */
export function leadTimeProblem(firstMeetingMs: number, leadMinutes: readonly number[], now: Date): string | null {
  const minutesLeft = Math.floor((firstMeetingMs - now.getTime()) / 60_000);
  if (minutesLeft <= 0) return null; // a meeting in the past is reported on its own
  const tooLong = leadMinutes.filter((m) => m > minutesLeft).sort((a, b) => b - a);
  if (tooLong.length === 0) return null;
  const left =
    minutesLeft >= 24 * 60
      ? describeLead(Math.floor(minutesLeft / (24 * 60)) * 24 * 60)
      : minutesLeft >= 60
        ? describeLead(Math.floor(minutesLeft / 60) * 60)
        : describeLead(minutesLeft);
  const which = tooLong.map((m) => `${describeLead(m)} before`).join(' and ');
  return `the meeting is only ${left} away, so a reminder ${which} would already be late; choose a shorter time or a later first date`;
}
