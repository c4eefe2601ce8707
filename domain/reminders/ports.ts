/**
 * What the scheduler needs from storage. storage/reminder-store.ts implements it over SQLite
 * and PostgreSQL; keeping the interface here lets the domain stay free of SQL and botbuilder.
 *
 * Every write after a claim names the claiming instance (`owner`) and only succeeds while that
 * instance still holds the lease, so an instance that lost its lease (it was paused, or its
 * lease ran out and another instance took over) cannot overwrite the newer outcome.
 */
import type { Occurrence, Reminder } from './model.ts';

export type FinalOutcome = 'delivered' | 'late' | 'missed' | 'failed' | 'paused';

export interface ReminderToMaterialise {
  reminder: Reminder;
  /** Occurrences due at or before this instant (UTC ISO) are already stored. */
  materialisedUntil: string;
}

export interface NewOccurrence {
  id: string;
  meetingAt: string;
  leadMinutes: number;
  dueAt: string;
}

export interface SchedulerStore {
  /** Active reminders whose occurrences are stored only up to before `horizon`. */
  remindersToMaterialise(horizon: Date, limit: number): Promise<ReminderToMaterialise[]>;
  /** Inserts occurrences (a duplicate key is ignored) and moves the reminder's cursor forward; one transaction. */
  insertOccurrences(reminderId: string, occurrences: readonly NewOccurrence[], until: Date): Promise<number>;
  /**
   * Atomically claims up to `limit` occurrences that are due (pending and due by `now`, or
   * in flight with an expired lease) for `owner` until `leaseUntil`. Two instances never get
   * the same occurrence while a lease is valid.
   */
  claimDue(owner: string, now: Date, leaseUntil: Date, limit: number): Promise<Occurrence[]>;
  /** Records that a post is about to be made (attempts + 1) and extends the lease; false if the lease was lost. */
  markSending(id: string, owner: string, leaseUntil: Date): Promise<boolean>;
  /** Final outcome; false if the lease was lost. */
  complete(id: string, owner: string, outcome: FinalOutcome, at: Date, detail: { activityId?: string | null; error?: string | null }): Promise<boolean>;
  /** Back to pending, not before `notBefore`; false if the lease was lost. */
  retryLater(id: string, owner: string, notBefore: Date, error: string): Promise<boolean>;
  /** The bot was removed: pause the conversation's reminders and their pending occurrences. */
  pauseConversation(conversationId: string, at: Date): Promise<void>;
  /** When the next pending occurrence becomes due (or an in-flight lease expires), if any. */
  nextWakeAt(): Promise<Date | null>;
}
