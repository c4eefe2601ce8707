/**
 * What a turn handler may use. Built once, whole, by the composition root (bot/main.ts; in tests
 * test/support/bot-server.ts) and handed to every route, so feature modules (bot/features/*.ts)
 * never reach for globals or the environment, never build a service themselves and keep no state
 * of their own between turns.
 */
import type { Answer, AnswerContext } from '../domain/answering/types.ts';
import type { ChecklistRunner } from '../domain/checklists/runner.ts';
import type { Scheduler } from '../domain/reminders/scheduler.ts';
import type { Database } from '../storage/database.ts';
import type { ReminderStore } from '../storage/reminder-store.ts';
import type { StateStore, StoredReference } from '../storage/state-store.ts';
import type { Config } from './config.ts';
import type { BodyLookup } from './features/reminder-bodies.ts';
import type { Logger } from './logger.ts';
import type { Telemetry } from './telemetry.ts';

/** The answer engine as the bot sees it (createAnswerEngine(kb) satisfies this). */
export interface AnswerEngine {
  answer(question: string, context?: AnswerContext): Answer | Promise<Answer>;
}

/** Who to talk to when the bot cannot help, per partnership (from deployment configuration). */
export interface ContactLines {
  /** "Call the Harrow MASH consultation line on ..." or null when not configured. */
  personLine(partnership: string | null): string | null;
  /** Lines shown under the 999 instruction on the emergency card. */
  emergencyLines(partnership: string | null): string[];
  /** Passed to the engine so its abstain text can name the line. */
  mashConsultationLine(partnership: string | null): string | undefined;
}

/** A message to post outside the current turn (experts channel, notifying an asker). */
export interface OutgoingMessage {
  text?: string;
  attachments?: Array<{ contentType: string; content: unknown }>;
  /** Channel-specific data; reminders carry their occurrence id here as an idempotency key. */
  channelData?: Record<string, unknown>;
}

export interface Proactive {
  /** Posts into a stored conversation; returns the new activity's id when the channel gives one. */
  send(reference: StoredReference, message: OutgoingMessage): Promise<string | null>;
  /** Replaces a card the bot posted earlier in that conversation. */
  update(reference: StoredReference, activityId: string, message: OutgoingMessage): Promise<void>;
}

export interface Services {
  config: Config;
  logger: Logger;
  db: Database;
  state: StateStore;
  engine: AnswerEngine;
  contacts: ContactLines;
  /** The meetings the reminder form offers, built once from the knowledge base by the composition root. */
  bodies: BodyLookup;
  /** Guided checklists over their run store, with the definitions, contacts and citation titles loaded at start. */
  checklists: ChecklistRunner;
  /** Meeting reminders and their occurrences. */
  reminders: ReminderStore;
  /**
   * Posts reminder occurrences when they fall due, through an adapter of its own (bot/features/reminder-delivery.ts
   * says why). Built, not started, by the composition root (bot/reminder-scheduler.ts); the reminders feature starts
   * it with the server and stops it on close.
   */
  reminderScheduler: Scheduler;
  proactive: Proactive;
  /** Spans and metrics (bot/telemetry.ts); a no-op unless telemetry is configured. */
  telemetry: Telemetry;
}
