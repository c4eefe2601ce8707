/**
 * Reminder storage for the bot: create, list, edit, cancel, pause/resume and attendance
 * counts, plus the scheduler's queue (storage/reminder-queue.ts). SQLite or PostgreSQL
 * through the shared Database interface; tables in storage/reminder-migrations.ts.
 *
 * A reminder's upcoming occurrences are stored as soon as it is created (before any is due),
 * so a restart straight after `remind` loses nothing. Edits and cancels are version-checked:
 * a stale or double-clicked card changes nothing.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from './database.ts';
import type { StoredReference } from './conversation-reference-store.ts';
import { createSchedulerStore, OCCURRENCE_COLUMNS, rowToOccurrence } from './reminder-queue.ts';
import { rowToReminder, type ReminderRow } from './reminder-rows.ts';
import { occurrencesDue } from '../domain/reminders/materialise.ts';
import type { Occurrence, OccurrenceStatus, Reminder, ReminderInput } from '../domain/reminders/model.ts';
import type { SchedulerStore } from '../domain/reminders/ports.ts';

export { reminderMigrations } from './reminder-migrations.ts';

export interface ReminderSummary {
  reminder: Reminder;
  /** The next stored occurrence still to be posted (UTC ISO meeting time), if any. */
  nextMeetingAt: string | null;
  last: { status: OccurrenceStatus; at: string | null; meetingAt: string } | null;
}

export type EditResult = { ok: true; reminder: Reminder } | { ok: false; reason: 'not-found' | 'stale' };

export interface Attendance {
  yes: number;
  no: number;
}

export interface ReminderStore {
  queue: SchedulerStore;
  create(input: ReminderInput, reference: StoredReference, scopeKind: string, now: Date): Promise<Reminder>;
  get(id: string): Promise<Reminder | null>;
  reference(reminderId: string): Promise<StoredReference | null>;
  list(conversationId: string): Promise<ReminderSummary[]>;
  /** Replaces the schedule/details; pending occurrences are re-planned from `now`. */
  update(id: string, expectedVersion: number, changes: Partial<Omit<ReminderInput, 'conversationId' | 'createdBy'>>, now: Date): Promise<EditResult>;
  cancel(id: string, expectedVersion: number, now: Date): Promise<EditResult>;
  /** The bot is back in a paused conversation: occurrences of meetings still ahead are planned again (the scheduler decides late or missed). */
  resumeConversation(conversationId: string, now: Date): Promise<number>;
  occurrence(id: string): Promise<(Occurrence & { activityId: string | null; lastError: string | null }) | null>;
  occurrences(reminderId: string): Promise<Array<Occurrence & { finishedAt: string | null }>>;
  respond(occurrenceId: string, voterHash: string, attending: boolean, now: Date): Promise<Attendance>;
}

export interface ReminderStoreOptions {
  /** How far ahead occurrences are stored at creation; the scheduler tops this up. */
  horizonMs?: number;
}

export function createReminderStore(db: Database, options: ReminderStoreOptions = {}): ReminderStore {
  const horizonMs = options.horizonMs ?? 7 * 24 * 60 * 60_000;
  const queue = createSchedulerStore(db);

  async function get(id: string): Promise<Reminder | null> {
    const [row] = await db.all<ReminderRow>('SELECT * FROM reminders WHERE id = $1', [id]);
    return row ? rowToReminder(row) : null;
  }

  async function plan(reminder: Reminder, now: Date): Promise<void> {
    const until = new Date(now.getTime() + horizonMs);
    await queue.insertOccurrences(reminder.id, occurrencesDue(reminder, now, until), until);
  }

  return {
    queue,
    get,

    async create(input, reference, scopeKind, now) {
      const id = randomUUID();
      const at = now.toISOString();
      await db.run(
        `INSERT INTO reminders (id, conversation_id, reference, scope_kind, body_id, meeting, first_date, time, recurrence, lead_minutes,
           agenda_url, note, created_by_id, created_by_name, state, version, created_at, updated_at, materialised_until)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'active', 1, $15, $15, $15)`,
        [
          id,
          input.conversationId,
          JSON.stringify(reference),
          scopeKind,
          input.bodyId,
          input.meeting,
          input.firstDate,
          input.time,
          JSON.stringify(input.recurrence),
          JSON.stringify([...input.leadMinutes].sort((a, b) => b - a)),
          input.agendaUrl,
          input.note,
          input.createdBy.id,
          input.createdBy.name,
          at,
        ],
      );
      const reminder = (await get(id))!;
      await plan(reminder, now);
      return reminder;
    },

    async reference(reminderId) {
      const [row] = await db.all<{ reference: string }>('SELECT reference FROM reminders WHERE id = $1', [reminderId]);
      return row ? (JSON.parse(row.reference) as StoredReference) : null;
    },

    async list(conversationId) {
      const rows = await db.all<ReminderRow>(`SELECT * FROM reminders WHERE conversation_id = $1 AND state <> 'cancelled' ORDER BY created_at`, [
        conversationId,
      ]);
      const out: ReminderSummary[] = [];
      for (const row of rows) {
        const [next] = await db.all<{ meeting_at: string }>(
          `SELECT meeting_at FROM reminder_occurrences WHERE reminder_id = $1 AND status IN ('pending', 'claimed', 'sending') ORDER BY due_at LIMIT 1`,
          [row.id],
        );
        const [last] = await db.all<{ status: string; finished_at: string | null; meeting_at: string }>(
          `SELECT status, finished_at, meeting_at FROM reminder_occurrences
            WHERE reminder_id = $1 AND finished_at IS NOT NULL AND status <> 'cancelled' ORDER BY finished_at DESC LIMIT 1`,
          [row.id],
        );
        out.push({
          reminder: rowToReminder(row),
          nextMeetingAt: next?.meeting_at ?? null,
          last: last ? { status: last.status as OccurrenceStatus, at: last.finished_at, meetingAt: last.meeting_at } : null,
        });
      }
      return out;
    },

    async update(id, expectedVersion, changes, now) {
      const result = await db.transaction(async (tx): Promise<EditResult> => {
        const [row] = await tx.all<ReminderRow>('SELECT * FROM reminders WHERE id = $1', [id]);
        if (!row || row.state === 'cancelled') return { ok: false, reason: 'not-found' };
        if (Number(row.version) !== expectedVersion) return { ok: false, reason: 'stale' };
        const next = { ...rowToReminder(row), ...changes };
        await tx.run(
          `UPDATE reminders SET body_id = $2, meeting = $3, first_date = $4, time = $5, recurrence = $6, lead_minutes = $7,
             agenda_url = $8, note = $9, version = version + 1, updated_at = $10, materialised_until = $10 WHERE id = $1`,
          [
            id,
            next.bodyId,
            next.meeting,
            next.firstDate,
            next.time,
            JSON.stringify(next.recurrence),
            JSON.stringify([...next.leadMinutes].sort((a, b) => b - a)),
            next.agendaUrl,
            next.note,
            now.toISOString(),
          ],
        );
        // Only occurrences nobody has claimed are re-planned; one being posted right now finishes as it was.
        await tx.run(`DELETE FROM reminder_occurrences WHERE reminder_id = $1 AND status = 'pending'`, [id]);
        const [updated] = await tx.all<ReminderRow>('SELECT * FROM reminders WHERE id = $1', [id]);
        return { ok: true, reminder: rowToReminder(updated!) };
      });
      if (result.ok && result.reminder.state === 'active') await plan(result.reminder, now);
      return result;
    },

    async cancel(id, expectedVersion, now) {
      return db.transaction(async (tx): Promise<EditResult> => {
        const [row] = await tx.all<ReminderRow>('SELECT * FROM reminders WHERE id = $1', [id]);
        if (!row || row.state === 'cancelled') return { ok: false, reason: 'not-found' };
        if (Number(row.version) !== expectedVersion) return { ok: false, reason: 'stale' };
        await tx.run(`UPDATE reminders SET state = 'cancelled', version = version + 1, updated_at = $2 WHERE id = $1`, [id, now.toISOString()]);
        await tx.run(`UPDATE reminder_occurrences SET status = 'cancelled', finished_at = $2 WHERE reminder_id = $1 AND status IN ('pending', 'paused')`, [
          id,
          now.toISOString(),
        ]);
        const [updated] = await tx.all<ReminderRow>('SELECT * FROM reminders WHERE id = $1', [id]);
        return { ok: true, reminder: rowToReminder(updated!) };
      });
    },

    async resumeConversation(conversationId, now) {
      return db.transaction(async (tx) => {
        const n = await tx.run(`UPDATE reminders SET state = 'active', updated_at = $2 WHERE conversation_id = $1 AND state = 'paused'`, [
          conversationId,
          now.toISOString(),
        ]);
        if (n > 0) {
          await tx.run(
            `UPDATE reminder_occurrences SET status = 'pending', finished_at = NULL, last_error = NULL, not_before = due_at
              WHERE conversation_id = $1 AND status = 'paused' AND meeting_at > $2`,
            [conversationId, now.toISOString()],
          );
        }
        return n;
      });
    },

    async occurrence(id) {
      const [row] = await db.all<Parameters<typeof rowToOccurrence>[0] & { activity_id: string | null; last_error: string | null }>(
        `SELECT ${OCCURRENCE_COLUMNS}, activity_id, last_error FROM reminder_occurrences WHERE id = $1`,
        [id],
      );
      return row ? { ...rowToOccurrence(row), activityId: row.activity_id, lastError: row.last_error } : null;
    },

    async occurrences(reminderId) {
      const rows = await db.all<Parameters<typeof rowToOccurrence>[0] & { finished_at: string | null }>(
        `SELECT ${OCCURRENCE_COLUMNS}, finished_at FROM reminder_occurrences WHERE reminder_id = $1 ORDER BY due_at`,
        [reminderId],
      );
      return rows.map((r) => ({ ...rowToOccurrence(r), finishedAt: r.finished_at }));
    },

    async respond(occurrenceId, voterHash, attending, now) {
      return db.transaction(async (tx) => {
        await tx.run(
          `INSERT INTO reminder_responses (occurrence_id, voter_hash, attending, updated_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (occurrence_id, voter_hash) DO UPDATE SET attending = excluded.attending, updated_at = excluded.updated_at`,
          [occurrenceId, voterHash, attending ? 1 : 0, now.toISOString()],
        );
        const rows = await tx.all<{ attending: number | string; n: number | string }>(
          'SELECT attending, COUNT(*) AS n FROM reminder_responses WHERE occurrence_id = $1 GROUP BY attending',
          [occurrenceId],
        );
        const count = (v: number) => Number(rows.find((r) => Number(r.attending) === v)?.n ?? 0);
        return { yes: count(1), no: count(0) };
      });
    },
  };
}
