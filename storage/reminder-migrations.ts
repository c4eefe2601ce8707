/**
 * Reminder tables (versions 300-399). Times are stored as UTC ISO-8601 text with
 * milliseconds ("2026-03-26T09:30:00.000Z"), which sorts correctly as text on both SQLite
 * and PostgreSQL, so one set of queries serves both.
 *
 * reminder_occurrences.id is the occurrence key (reminder | meeting instant | lead): the
 * primary key is what makes "each occurrence is stored once" true on every instance.
 */
import type { Migration } from './migrate.ts';

const tables = `
  CREATE TABLE reminders (
    id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, reference TEXT NOT NULL, scope_kind TEXT NOT NULL,
    body_id TEXT, meeting TEXT NOT NULL, first_date TEXT NOT NULL, time TEXT NOT NULL,
    recurrence TEXT NOT NULL, lead_minutes TEXT NOT NULL, agenda_url TEXT, note TEXT,
    created_by_id TEXT NOT NULL, created_by_name TEXT, state TEXT NOT NULL, version INTEGER NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL, materialised_until TEXT NOT NULL);
  CREATE INDEX reminders_conversation ON reminders (conversation_id);
  CREATE INDEX reminders_materialise ON reminders (state, materialised_until);
  CREATE TABLE reminder_occurrences (
    id TEXT PRIMARY KEY, reminder_id TEXT NOT NULL REFERENCES reminders (id), conversation_id TEXT NOT NULL,
    meeting_at TEXT NOT NULL, lead_minutes INTEGER NOT NULL, due_at TEXT NOT NULL,
    status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, not_before TEXT NOT NULL,
    lease_owner TEXT, lease_until TEXT, finished_at TEXT, activity_id TEXT, last_error TEXT);
  CREATE INDEX reminder_occurrences_pending ON reminder_occurrences (status, not_before);
  CREATE INDEX reminder_occurrences_lease ON reminder_occurrences (status, lease_until);
  CREATE INDEX reminder_occurrences_reminder ON reminder_occurrences (reminder_id, due_at);
  CREATE INDEX reminder_occurrences_conversation ON reminder_occurrences (conversation_id, status);
  CREATE TABLE reminder_responses (
    occurrence_id TEXT NOT NULL REFERENCES reminder_occurrences (id), voter_hash TEXT NOT NULL,
    attending INTEGER NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (occurrence_id, voter_hash))`;

export const reminderMigrations: readonly Migration[] = [
  {
    version: 300,
    name: 'reminders: reminders, occurrences (claimed with leases), attendance responses',
    sql: tables,
  },
];
