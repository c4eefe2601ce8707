/**
 * The scheduler's side of reminder storage (domain/reminders/ports.ts SchedulerStore), over
 * SQLite and PostgreSQL.
 *
 * Claims are atomic:
 *  - PostgreSQL: the due rows are picked with `SELECT ... FOR UPDATE SKIP LOCKED` in a CTE and
 *    updated in the same statement, inside a transaction. A row another instance is claiming
 *    is skipped, not waited for, so N instances share the work and never take the same row.
 *  - SQLite: one conditional `UPDATE ... WHERE id IN (...) RETURNING` statement, which SQLite
 *    runs as one write transaction; it lets one writer in at a time, so a second instance (another
 *    process on the same file) sees the rows already claimed and its WHERE no longer matches them.
 *    (Run one scheduler per process on SQLite: better-sqlite3 is synchronous, so two connections
 *    in one process would block each other's multi-statement transactions.)
 * A claim is a lease (`lease_owner`, `lease_until`); every later write checks the owner, so an
 * instance that lost its lease cannot overwrite what the new owner recorded.
 */
import type { Database } from './database.ts';
import type { FinalOutcome, NewOccurrence, ReminderToMaterialise, SchedulerStore } from '../domain/reminders/ports.ts';
import type { Occurrence, OccurrenceStatus } from '../domain/reminders/model.ts';
import { rowToReminder, type ReminderRow } from './reminder-rows.ts';

interface OccurrenceRow {
  id: string;
  reminder_id: string;
  conversation_id: string;
  meeting_at: string;
  lead_minutes: number | string;
  due_at: string;
  status: string;
  attempts: number | string;
}

export const OCCURRENCE_COLUMNS = 'id, reminder_id, conversation_id, meeting_at, lead_minutes, due_at, status, attempts';

export function rowToOccurrence(r: OccurrenceRow): Occurrence {
  return {
    id: r.id,
    reminderId: r.reminder_id,
    conversationId: r.conversation_id,
    meetingAt: r.meeting_at,
    leadMinutes: Number(r.lead_minutes),
    dueAt: r.due_at,
    status: r.status as OccurrenceStatus,
    attempts: Number(r.attempts),
  };
}

/** Due: pending and not before now, or in flight with a lease that ran out (its instance died). */
const DUE = `(status = 'pending' AND not_before <= $2) OR (status IN ('claimed', 'sending') AND lease_until <= $2)`;

export function createSchedulerStore(db: Database): SchedulerStore {
  return {
    async remindersToMaterialise(horizon, limit) {
      const rows = await db.all<ReminderRow>(
        `SELECT * FROM reminders WHERE state = 'active' AND materialised_until < $1 ORDER BY materialised_until LIMIT $2`,
        [horizon.toISOString(), limit],
      );
      return rows.map((r): ReminderToMaterialise => ({ reminder: rowToReminder(r), materialisedUntil: r.materialised_until }));
    },

    async insertOccurrences(reminderId, occurrences: readonly NewOccurrence[], until) {
      return db.transaction(async (tx) => {
        const [rem] = await tx.all<{ conversation_id: string; state: string }>('SELECT conversation_id, state FROM reminders WHERE id = $1', [reminderId]);
        if (!rem || rem.state !== 'active') return 0;
        let inserted = 0;
        for (const o of occurrences) {
          inserted += await tx.run(
            `INSERT INTO reminder_occurrences (id, reminder_id, conversation_id, meeting_at, lead_minutes, due_at, status, attempts, not_before)
             VALUES ($1, $2, $3, $4, $5, $6, 'pending', 0, $6) ON CONFLICT (id) DO NOTHING`,
            [o.id, reminderId, rem.conversation_id, o.meetingAt, o.leadMinutes, o.dueAt],
          );
        }
        await tx.run('UPDATE reminders SET materialised_until = $2 WHERE id = $1 AND materialised_until < $2', [reminderId, until.toISOString()]);
        return inserted;
      });
    },

    async claimDue(owner, now, leaseUntil, limit) {
      const params = [owner, now.toISOString(), leaseUntil.toISOString(), limit];
      // PostgreSQL: pick and update in one statement inside a transaction. SQLite: a single
      // UPDATE ... RETURNING is already atomic (SQLite's write lock covers the statement), and an
      // explicit BEGIN IMMEDIATE around it would only add an await while holding the lock.
      const rows =
        db.dialect === 'postgres'
          ? await db.transaction((tx) =>
              tx.all<OccurrenceRow>(
                `WITH picked AS (
                   SELECT id FROM reminder_occurrences WHERE ${DUE} ORDER BY due_at LIMIT $4 FOR UPDATE SKIP LOCKED)
                 UPDATE reminder_occurrences o
                    SET status = CASE WHEN o.status = 'pending' THEN 'claimed' ELSE o.status END, lease_owner = $1, lease_until = $3
                   FROM picked WHERE o.id = picked.id
                 RETURNING o.id, o.reminder_id, o.conversation_id, o.meeting_at, o.lead_minutes, o.due_at, o.status, o.attempts`,
                params,
              ),
            )
          : await db.all<OccurrenceRow>(
              `UPDATE reminder_occurrences
                  SET status = CASE WHEN status = 'pending' THEN 'claimed' ELSE status END, lease_owner = $1, lease_until = $3
                WHERE id IN (SELECT id FROM reminder_occurrences WHERE ${DUE} ORDER BY due_at LIMIT $4) AND (${DUE})
               RETURNING ${OCCURRENCE_COLUMNS}`,
              params,
            );
      return rows.map(rowToOccurrence).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    },

    async markSending(id, owner, leaseUntil) {
      const n = await db.run(
        `UPDATE reminder_occurrences SET status = 'sending', attempts = attempts + 1, lease_until = $3
          WHERE id = $1 AND lease_owner = $2 AND status IN ('claimed', 'sending')`,
        [id, owner, leaseUntil.toISOString()],
      );
      return n === 1;
    },

    async complete(id, owner, outcome: FinalOutcome, at, detail) {
      const n = await db.run(
        `UPDATE reminder_occurrences SET status = $3, finished_at = $4, activity_id = $5, last_error = $6, lease_owner = NULL, lease_until = NULL
          WHERE id = $1 AND lease_owner = $2 AND status IN ('claimed', 'sending')`,
        [id, owner, outcome, at.toISOString(), detail.activityId ?? null, detail.error ?? null],
      );
      return n === 1;
    },

    async retryLater(id, owner, notBefore, error) {
      const n = await db.run(
        `UPDATE reminder_occurrences SET status = 'pending', not_before = $3, last_error = $4, lease_owner = NULL, lease_until = NULL
          WHERE id = $1 AND lease_owner = $2 AND status IN ('claimed', 'sending')`,
        [id, owner, notBefore.toISOString(), error],
      );
      return n === 1;
    },

    async pauseConversation(conversationId, at) {
      await db.transaction(async (tx) => {
        await tx.run(`UPDATE reminders SET state = 'paused', updated_at = $2 WHERE conversation_id = $1 AND state = 'active'`, [
          conversationId,
          at.toISOString(),
        ]);
        await tx.run(
          `UPDATE reminder_occurrences SET status = 'paused', finished_at = $2, last_error = 'the bot was removed from the conversation'
            WHERE conversation_id = $1 AND status = 'pending'`,
          [conversationId, at.toISOString()],
        );
      });
    },

    async nextWakeAt() {
      const [row] = await db.all<{ next: string | null }>(
        `SELECT MIN(t) AS next FROM (
           SELECT MIN(not_before) AS t FROM reminder_occurrences WHERE status = 'pending'
           UNION ALL SELECT MIN(lease_until) AS t FROM reminder_occurrences WHERE status IN ('claimed', 'sending')) w`,
      );
      return row?.next ? new Date(row.next) : null;
    },
  };
}
