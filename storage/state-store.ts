/**
 * Bot state: the partnership each user / team / chat chose, feedback on answers, tickets
 * for "Ask a safeguarding lead", and the conversation references the bot needs to post
 * proactively. Written once over the shared Database interface (SQLite or PostgreSQL).
 *
 * Card buttons can be clicked twice, or long after the card went stale, so every write that
 * a click triggers is idempotent or guarded by a version check: a stale click changes nothing.
 */
import { randomUUID } from 'node:crypto';
import type { ConversationMemory } from '../domain/answering/types.ts';
import type { Database } from './database.ts';
import type { Migration } from './migrate.ts';
import { decideTransition, type Ticket, type TicketAction, type TicketState, type TransitionResult } from '../domain/tickets/transitions.ts';

export type { Ticket, TicketAction, TicketState, TransitionResult };

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

/** How long an answer stays open to Teams' thumbs up / down. */
const ANSWER_MESSAGE_DAYS = 30;

/** What the bot needs, when a thumbs-up arrives, to store it like card feedback. */
export interface AnswerMessage {
  conversationId: string;
  activityId: string;
  answerId: string;
  recordIds: readonly string[];
  questionHash: string;
  /** Only when the admin enabled FEEDBACK_STORE_QUESTION_TEXT. */
  questionText: string | null;
  answerKind: string;
  partnership: string | null;
}

/** A Bot Framework conversation reference, kept opaque here so storage has no botbuilder import. */
export type StoredReference = Record<string, unknown>;

export interface FeedbackInput {
  answerId: string;
  /** A hash of the voter's id: one vote per person per answer, without storing who. */
  voterHash: string;
  helpful: boolean;
  recordIds: readonly string[];
  questionHash: string;
  /** Only when the admin enabled FEEDBACK_STORE_QUESTION_TEXT. */
  questionText: string | null;
  answerKind: string;
  partnership: string | null;
  /** Free text from Teams' feedback dialog, only when the admin enabled FEEDBACK_STORE_COMMENTS. */
  comment?: string | null;
}

export interface FeedbackRow {
  answerId: string;
  helpful: boolean;
  recordIds: string[];
  questionHash: string;
  questionText: string | null;
  answerKind: string;
  partnership: string | null;
  comment?: string;
}

export interface StateStore {
  getPartnership(scopeKey: string): Promise<string | null>;
  setPartnership(scopeKey: string, partnership: string): Promise<void>;
  /** Upsert: a second click by the same person on the same answer replaces their vote. */
  /** 'same' when this person already gave this answer the same vote (a second press of the same button). */
  recordFeedback(input: FeedbackInput): Promise<'recorded' | 'changed' | 'same'>;
  listFeedback(): Promise<FeedbackRow[]>;
  /** Idempotent on id: a double-clicked "Send" creates one ticket. `created` is false for the repeat. */
  createTicket(input: {
    id?: string;
    question: string;
    partnership: string | null;
    askerName: string | null;
    askerConversationId: string;
  }): Promise<{ ticket: Ticket; created: boolean }>;
  getTicket(id: string): Promise<Ticket | null>;
  markTicketPosted(id: string, expertConversationId: string, expertActivityId: string | null): Promise<void>;
  markTicketUndelivered(id: string): Promise<void>;
  /** Applies the action only if the ticket is still at `expectedVersion` and the action is allowed. */
  transitionTicket(id: string, expectedVersion: number, action: TicketAction, actor: { id: string; name: string }): Promise<TransitionResult>;
  saveReference(conversationId: string, reference: StoredReference): Promise<void>;
  getReference(conversationId: string): Promise<StoredReference | null>;
  /** True the first time after install: the welcome card is sent once per installation. */
  claimWelcome(conversationId: string): Promise<boolean>;
  resetWelcome(conversationId: string): Promise<void>;
  /** The conversation's memory if younger than maxMinutes (0 turns memory off), else null. */
  getMemory(key: string, maxMinutes: number): Promise<ConversationMemory | null>;
  /** Replaces the memory, stamped now; memories older than maxMinutes are deleted on the way. */
  saveMemory(key: string, memory: ConversationMemory, maxMinutes: number): Promise<void>;
  saveAnswerMessage(m: AnswerMessage): Promise<void>;
  getAnswerMessage(conversationId: string, activityId: string): Promise<AnswerMessage | null>;
}

const TICKET_COLUMNS = `id, state, version, question, partnership, asker_name, asker_conversation_id, assignee_id,
  assignee_name, expert_conversation_id, expert_activity_id, created_at, updated_at`;

interface TicketRow {
  id: string;
  state: TicketState;
  version: number | string;
  question: string;
  partnership: string | null;
  asker_name: string | null;
  asker_conversation_id: string;
  assignee_id: string | null;
  assignee_name: string | null;
  expert_conversation_id: string | null;
  expert_activity_id: string | null;
  created_at: string;
  updated_at: string;
}

function toTicket(r: TicketRow): Ticket {
  return {
    id: r.id,
    state: r.state,
    version: Number(r.version),
    question: r.question,
    partnership: r.partnership,
    askerName: r.asker_name,
    askerConversationId: r.asker_conversation_id,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    expertConversationId: r.expert_conversation_id,
    expertActivityId: r.expert_activity_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function createStateStore(db: Database, now: () => Date = () => new Date()): StateStore {
  const stamp = () => now().toISOString();

  const getTicket = (id: string) => getTicketIn(db, id);

  return {
    async getPartnership(scopeKey) {
      const rows = await db.all<{ partnership: string }>('SELECT partnership FROM partnership_choice WHERE scope_key = $1', [scopeKey]);
      return rows[0]?.partnership ?? null;
    },

    async setPartnership(scopeKey, partnership) {
      await db.run(
        `INSERT INTO partnership_choice (scope_key, partnership, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (scope_key) DO UPDATE SET partnership = excluded.partnership, updated_at = excluded.updated_at`,
        [scopeKey, partnership, stamp()],
      );
    },

    async recordFeedback(f) {
      return db.transaction(async (tx) => {
        const existing = await tx.all<{ helpful: number | string }>('SELECT helpful FROM feedback WHERE answer_id = $1 AND voter_hash = $2', [
          f.answerId,
          f.voterHash,
        ]);
        const before = existing[0];
        if (before && (Number(before.helpful) === 1) === f.helpful) return 'same';
        const at = stamp();
        await tx.run(
          `INSERT INTO feedback (answer_id, voter_hash, helpful, record_ids, question_hash, question_text, answer_kind, partnership, created_at, updated_at, comment)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10)
           ON CONFLICT (answer_id, voter_hash) DO UPDATE SET helpful = excluded.helpful, updated_at = excluded.updated_at, comment = COALESCE(excluded.comment, feedback.comment)`,
          [
            f.answerId,
            f.voterHash,
            f.helpful ? 1 : 0,
            JSON.stringify(f.recordIds),
            f.questionHash,
            f.questionText,
            f.answerKind,
            f.partnership,
            at,
            f.comment ?? null,
          ],
        );
        return existing.length ? 'changed' : 'recorded';
      });
    },

    async listFeedback() {
      const rows = await db.all<{
        answer_id: string;
        helpful: number | string;
        record_ids: string;
        question_hash: string;
        question_text: string | null;
        answer_kind: string;
        partnership: string | null;
        comment: string | null;
      }>('SELECT answer_id, helpful, record_ids, question_hash, question_text, answer_kind, partnership, comment FROM feedback ORDER BY created_at');
      return rows.map((r) => ({
        answerId: r.answer_id,
        helpful: Number(r.helpful) === 1,
        recordIds: JSON.parse(r.record_ids) as string[],
        questionHash: r.question_hash,
        questionText: r.question_text,
        answerKind: r.answer_kind,
        partnership: r.partnership,
        ...(r.comment ? { comment: r.comment } : {}),
      }));
    },

    async createTicket(input) {
      const id = input.id ?? randomUUID();
      const at = stamp();
      const inserted = await db.run(
        `INSERT INTO expert_tickets (id, state, version, question, partnership, asker_name, asker_conversation_id, created_at, updated_at)
         VALUES ($1, 'open', 1, $2, $3, $4, $5, $6, $6) ON CONFLICT (id) DO NOTHING`,
        [id, input.question, input.partnership, input.askerName, input.askerConversationId, at],
      );
      const ticket = await getTicket(id);
      if (!ticket) throw new Error(`ticket ${id} vanished after insert`);
      return { ticket, created: inserted === 1 };
    },

    getTicket,

    async markTicketPosted(id, expertConversationId, expertActivityId) {
      await db.run('UPDATE expert_tickets SET expert_conversation_id = $2, expert_activity_id = $3, updated_at = $4 WHERE id = $1', [
        id,
        expertConversationId,
        expertActivityId,
        stamp(),
      ]);
    },

    async markTicketUndelivered(id) {
      await db.run("UPDATE expert_tickets SET state = 'undelivered', version = version + 1, updated_at = $2 WHERE id = $1", [id, stamp()]);
    },

    async transitionTicket(id, expectedVersion, action, actor) {
      return db.transaction(async (tx) => {
        const current = await getTicketIn(tx, id);
        const decision = decideTransition(current, expectedVersion, action, actor.id);
        if (decision.kind === 'not_found' || !current) return { ok: false, reason: 'not_found' } as const;
        if (decision.kind === 'stale') return { ok: false, reason: 'stale', ticket: current } as const;
        const changed = await tx.run(
          action === 'assign'
            ? `UPDATE expert_tickets SET state = 'assigned', assignee_id = $3, assignee_name = $4, version = version + 1, updated_at = $5
               WHERE id = $1 AND version = $2`
            : `UPDATE expert_tickets SET state = 'closed', assignee_id = COALESCE(assignee_id, $3), assignee_name = COALESCE(assignee_name, $4),
               version = version + 1, updated_at = $5 WHERE id = $1 AND version = $2`,
          [id, expectedVersion, actor.id, actor.name, stamp()],
        );
        const after = (await getTicketIn(tx, id))!;
        return changed === 1 ? ({ ok: true, ticket: after } as const) : ({ ok: false, reason: 'stale', ticket: after } as const);
      });
    },

    async saveReference(conversationId, reference) {
      await db.run(
        `INSERT INTO conversation_refs (conversation_id, reference, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (conversation_id) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at`,
        [conversationId, JSON.stringify(reference), stamp()],
      );
    },

    async getReference(conversationId) {
      const rows = await db.all<{ reference: string }>('SELECT reference FROM conversation_refs WHERE conversation_id = $1', [conversationId]);
      return rows[0] && rows[0].reference !== '{}' ? (JSON.parse(rows[0].reference) as StoredReference) : null;
    },

    async claimWelcome(conversationId) {
      // An upsert: the reference itself is saved after the turn, so the row may not exist yet.
      // '{}' stands for "no reference yet" until then (getReference reads it as null).
      const changed = await db.run(
        `INSERT INTO conversation_refs (conversation_id, reference, updated_at, welcomed) VALUES ($1, '{}', $2, 1)
         ON CONFLICT (conversation_id) DO UPDATE SET welcomed = 1, updated_at = excluded.updated_at WHERE conversation_refs.welcomed = 0`,
        [conversationId, stamp()],
      );
      return changed === 1;
    },

    async resetWelcome(conversationId) {
      await db.run('UPDATE conversation_refs SET welcomed = 0, updated_at = $2 WHERE conversation_id = $1', [conversationId, stamp()]);
    },

    async getMemory(key, maxMinutes) {
      if (maxMinutes <= 0) return null;
      const rows = await db.all<{ record_ids: string; attr: string | null; partnership: string | null; at: string }>(
        'SELECT record_ids, attr, partnership, at FROM conversation_memory WHERE memory_key = $1 AND at >= $2',
        [key, new Date(now().getTime() - maxMinutes * 60_000).toISOString()],
      );
      const r = rows[0];
      if (!r) return null;
      return {
        recordIds: JSON.parse(r.record_ids) as string[],
        ...(r.attr ? { attr: r.attr } : {}),
        partnership: r.partnership as ConversationMemory['partnership'],
        at: r.at,
      };
    },

    async saveMemory(key, memory, maxMinutes) {
      if (maxMinutes <= 0) return;
      const at = stamp();
      await db.transaction(async (tx) => {
        await tx.run('DELETE FROM conversation_memory WHERE at < $1', [new Date(now().getTime() - maxMinutes * 60_000).toISOString()]);
        await tx.run(
          `INSERT INTO conversation_memory (memory_key, record_ids, attr, partnership, at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (memory_key) DO UPDATE SET record_ids = excluded.record_ids, attr = excluded.attr, partnership = excluded.partnership, at = excluded.at`,
          [key, JSON.stringify(memory.recordIds.slice(0, 20)), memory.attr ?? null, memory.partnership ?? null, at],
        );
      });
    },

    async saveAnswerMessage(m) {
      const at = stamp();
      await db.run('DELETE FROM answer_messages WHERE created_at < $1', [new Date(now().getTime() - ANSWER_MESSAGE_DAYS * 86_400_000).toISOString()]);
      await db.run(
        `INSERT INTO answer_messages (conversation_id, activity_id, answer_id, record_ids, question_hash, question_text, answer_kind, partnership, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (conversation_id, activity_id) DO NOTHING`,
        [m.conversationId, m.activityId, m.answerId, JSON.stringify(m.recordIds), m.questionHash, m.questionText, m.answerKind, m.partnership, at],
      );
    },

    async getAnswerMessage(conversationId, activityId) {
      const rows = await db.all<{
        answer_id: string;
        record_ids: string;
        question_hash: string;
        question_text: string | null;
        answer_kind: string;
        partnership: string | null;
      }>(
        'SELECT answer_id, record_ids, question_hash, question_text, answer_kind, partnership FROM answer_messages WHERE conversation_id = $1 AND activity_id = $2',
        [conversationId, activityId],
      );
      const r = rows[0];
      return r
        ? {
            conversationId,
            activityId,
            answerId: r.answer_id,
            recordIds: JSON.parse(r.record_ids) as string[],
            questionHash: r.question_hash,
            questionText: r.question_text,
            answerKind: r.answer_kind,
            partnership: r.partnership,
          }
        : null;
    },
  };
}

async function getTicketIn(db: Database, id: string): Promise<Ticket | null> {
  const rows = await db.all<TicketRow>(`SELECT ${TICKET_COLUMNS} FROM expert_tickets WHERE id = $1`, [id]);
  return rows[0] ? toTicket(rows[0]) : null;
}
