/**
 * Turns reminders into stored occurrences ahead of time: every (meeting x lead time) whose
 * post is due within the horizon is written before it is due, so a restart (or another
 * instance) finds it in the database. Each occurrence has a unique key, so materialising
 * twice, or on two instances at once, inserts it once.
 */
import { meetingsBetween } from './recurrence.ts';
import { occurrenceKey, type Reminder } from './model.ts';
import type { NewOccurrence, SchedulerStore } from './ports.ts';

/** Occurrences of one reminder with `after < dueAt <= until`. */
export function occurrencesDue(reminder: Reminder, after: Date, until: Date): NewOccurrence[] {
  const maxLead = Math.max(...reminder.leadMinutes);
  const meetings = meetingsBetween(reminder.firstDate, reminder.time, reminder.recurrence, after, new Date(until.getTime() + maxLead * 60_000), 2_000);
  const out: NewOccurrence[] = [];
  for (const meeting of meetings) {
    const meetingAt = meeting.toUTC().toISO({ suppressMilliseconds: false })!;
    for (const lead of reminder.leadMinutes) {
      const due = meeting.toMillis() - lead * 60_000;
      if (due <= after.getTime() || due > until.getTime()) continue;
      out.push({ id: occurrenceKey(reminder.id, meetingAt, lead), meetingAt, leadMinutes: lead, dueAt: new Date(due).toISOString() });
    }
  }
  return out.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

/** Stores every occurrence due up to `now + horizonMs`; returns how many were new. */
export async function materialise(store: SchedulerStore, now: Date, horizonMs: number, batch = 200): Promise<number> {
  const horizon = new Date(now.getTime() + horizonMs);
  let inserted = 0;
  for (;;) {
    const todo = await store.remindersToMaterialise(horizon, batch);
    for (const { reminder, materialisedUntil } of todo) {
      inserted += await store.insertOccurrences(reminder.id, occurrencesDue(reminder, new Date(materialisedUntil), horizon), horizon);
    }
    if (todo.length < batch) return inserted;
  }
}
