/**
 * The bot state tables (versions 100-199), in one place and in the order they were deployed:
 * partnership choice, feedback, expert tickets, conversation references (with the welcome flag),
 * conversation memory and answer messages. Deployed databases have run these by version, so
 * never edit or reorder one: add a new version instead.
 */
import type { Migration } from './migrate.ts';

export const stateMigrations: readonly Migration[] = [
  {
    version: 100,
    name: 'bot state: partnership choice, feedback, expert tickets, conversation references',
    sql: `
      CREATE TABLE partnership_choice (scope_key TEXT PRIMARY KEY, partnership TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE TABLE feedback (
        answer_id TEXT NOT NULL, voter_hash TEXT NOT NULL, helpful INTEGER NOT NULL,
        record_ids TEXT NOT NULL, question_hash TEXT NOT NULL, question_text TEXT,
        answer_kind TEXT NOT NULL, partnership TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        PRIMARY KEY (answer_id, voter_hash));
      CREATE TABLE expert_tickets (
        id TEXT PRIMARY KEY, state TEXT NOT NULL, version INTEGER NOT NULL, question TEXT NOT NULL,
        partnership TEXT, asker_name TEXT, asker_conversation_id TEXT NOT NULL,
        assignee_id TEXT, assignee_name TEXT, expert_conversation_id TEXT, expert_activity_id TEXT,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE TABLE conversation_refs (
        conversation_id TEXT PRIMARY KEY, reference TEXT NOT NULL, welcomed INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL)`,
  },
  {
    version: 101,
    name: 'conversation memory for follow-up questions: record ids and the attribute, never text',
    sql: `
      CREATE TABLE conversation_memory (
        memory_key TEXT PRIMARY KEY, record_ids TEXT NOT NULL, attr TEXT, partnership TEXT, at TEXT NOT NULL);
      CREATE INDEX conversation_memory_at ON conversation_memory (at)`,
  },
  {
    version: 102,
    name: 'answers sent in Teams (for its native feedback buttons) and feedback comments when the admin allows them',
    sql: `
      CREATE TABLE answer_messages (
        conversation_id TEXT NOT NULL, activity_id TEXT NOT NULL, answer_id TEXT NOT NULL, record_ids TEXT NOT NULL,
        question_hash TEXT NOT NULL, question_text TEXT, answer_kind TEXT NOT NULL, partnership TEXT, created_at TEXT NOT NULL,
        PRIMARY KEY (conversation_id, activity_id));
      CREATE INDEX answer_messages_created ON answer_messages (created_at);
      ALTER TABLE feedback ADD COLUMN comment TEXT`,
  },
];
