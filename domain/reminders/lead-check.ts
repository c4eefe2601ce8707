/**
 * A reminder that cannot go out in time: "1 week before" a meeting tomorrow would be due in the
 * past, so the first reminder would silently never be posted. Refused with the reason instead:
 * a code with the numbers, worded by the bot (bot/user-messages.ts).
 */

export interface LateLead {
  code: 'lead-too-long';
  /** Whole minutes from now to the first meeting. */
  minutesLeft: number;
  /** The lead times (minutes) that would fall before now, longest first. */
  tooLong: number[];
}

/** The problem with `leadMinutes` for a first meeting at `firstMeetingMs`, or null when every lead is still ahead. */
export function leadTimeProblem(firstMeetingMs: number, leadMinutes: readonly number[], now: Date): LateLead | null {
  const minutesLeft = Math.floor((firstMeetingMs - now.getTime()) / 60_000);
  if (minutesLeft <= 0) return null; // a meeting in the past is reported on its own
  const tooLong = leadMinutes.filter((m) => m > minutesLeft).sort((a, b) => b - a);
  if (tooLong.length === 0) return null;
  return { code: 'lead-too-long', minutesLeft, tooLong };
}
