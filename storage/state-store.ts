/**
 * Bot state: the partnership each user / team / chat chose, feedback on answers, tickets
 * for "Ask a safeguarding lead", the conversation references the bot needs to post
 * proactively, the welcome flag, conversation memory and answers sent in Teams. Written once
 * over the shared Database interface (SQLite or PostgreSQL).
 *
 * Each concern lives in its own store file; this composes them into the one StateStore the bot
 * uses. The tables they share are created by stateMigrations (state-migrations.ts).
 *
 * Card buttons can be clicked twice, or long after the card went stale, so every write that
 * a click triggers is idempotent or guarded by a version check: a stale click changes nothing.
 */
import type { ConversationMemory } from '../domain/answering/types.ts';
import type { Database } from './database.ts';
import { createAnswerMessageStore, type AnswerMessage, type AnswerMessageStore } from './answer-message-store.ts';
import { createConversationMemoryStore, type ConversationMemoryStore } from './conversation-memory-store.ts';
import { createConversationReferenceStore, type ConversationReferenceStore } from './conversation-reference-store.ts';
import { createFeedbackStore, type FeedbackStore } from './feedback-store.ts';
import { createPartnershipChoiceStore, type PartnershipChoiceStore } from './partnership-choice-store.ts';
import { createTicketStore, type TicketStore } from './ticket-store.ts';
import { createWelcomeStore, type WelcomeStore } from './welcome-store.ts';

export { stateMigrations } from './state-migrations.ts';
export type { AnswerMessage } from './answer-message-store.ts';
export type { StoredReference } from './conversation-reference-store.ts';
export type { FeedbackInput, FeedbackRow } from './feedback-store.ts';
export type { Ticket, TicketAction, TicketState, TransitionResult } from '../domain/tickets/transitions.ts';

/** What an answered question leaves behind: the follow-up memory and, in Teams, which answer the message was. */
export interface AnsweredTurn {
  memory?: { key: string; memory: ConversationMemory; maxMinutes: number };
  answerMessage?: AnswerMessage;
}

export interface StateStore
  extends PartnershipChoiceStore, FeedbackStore, TicketStore, ConversationReferenceStore, WelcomeStore, ConversationMemoryStore, AnswerMessageStore {
  /**
   * Both writes of an answered question in one transaction: on SQLite each commit is an fsync on
   * the event loop, so one commit instead of two is a measurable share of an answer turn (issue 13).
   */
  saveAnsweredTurn(turn: AnsweredTurn): Promise<void>;
}

/** Losing a follow-up's context or a thumbs-up's link in a power cut is harmless; waiting for the disk each turn is not free. */
const RELAXED = { relaxed: true } as const;

export function createStateStore(db: Database, now: () => Date = () => new Date()): StateStore {
  const memory = createConversationMemoryStore(db, now);
  const answers = createAnswerMessageStore(db, now);
  return {
    ...createPartnershipChoiceStore(db, now),
    ...createFeedbackStore(db, now),
    ...createTicketStore(db, now),
    ...createConversationReferenceStore(db, now),
    ...createWelcomeStore(db, now),
    getMemory: (key, maxMinutes) => memory.getMemory(key, maxMinutes),
    saveMemory: (key, m, maxMinutes) => memory.saveMemory(key, m, maxMinutes),
    getAnswerMessage: (conversationId, activityId) => answers.getAnswerMessage(conversationId, activityId),
    saveAnswerMessage: (m) => answers.saveAnswerMessage(m),
    async saveAnsweredTurn(turn) {
      // With the memory turned off (0 minutes) there is nothing of it to save: no empty transaction.
      const remembered = turn.memory && turn.memory.maxMinutes > 0 ? turn.memory : undefined;
      if (!remembered && !turn.answerMessage) return;
      await db.transaction(async (tx) => {
        if (remembered) await memory.within(tx).saveMemory(remembered.key, remembered.memory, remembered.maxMinutes);
        if (turn.answerMessage) await answers.within(tx).saveAnswerMessage(turn.answerMessage);
      }, RELAXED);
    },
  };
}
