/**
 * Development only (never imported by the bot): reminder fixtures shared by the reminder tests,
 * the scheduler child process and the bench: a store on a real SQLite file or a real PostgreSQL
 * database, a reminder's input, its conversation reference, and the real proactive path
 * (CloudAdapter -> loopback connector).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAdapter } from '../bot/adapter.ts';
import { loadConfig } from '../bot/config.ts';
import { NO_BODIES, type BodyLookup } from '../bot/features/reminder-bodies.ts';
import { createReminderDelivery, createReminderSender } from '../bot/features/reminder-delivery.ts';
import type { ReminderInput } from '../domain/reminders/model.ts';
import { openDatabase, type Database } from '../storage/database.ts';
import { migrate } from '../storage/migrate.ts';
import { stateMigrations } from '../storage/state-store.ts';
import { createReminderStore, reminderMigrations, type ReminderStore } from '../storage/reminder-store.ts';
import type { ReminderConnector } from './reminder-connector.ts';
import type { TestPostgres } from './postgres.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface StoreHandle {
  url: string;
  db: Database;
  store: ReminderStore;
  /** Another connection to the same database (a second instance). */
  another(): Promise<{ db: Database; store: ReminderStore }>;
  close(): Promise<void>;
}

export async function openStore(dialect: Dialect, pg: TestPostgres | null): Promise<StoreHandle> {
  let dir: string | null = null;
  let url: string;
  if (dialect === 'sqlite') {
    dir = mkdtempSync(join(tmpdir(), 'reminders-'));
    url = `sqlite:${join(dir, 'bot.db')}`;
  } else {
    url = await pg!.createDatabase();
  }
  const db = await openDatabase(url);
  await migrate(db, [...stateMigrations, ...reminderMigrations]);
  const extra: Database[] = [];
  return {
    url,
    db,
    store: createReminderStore(db),
    async another() {
      const other = await openDatabase(url);
      extra.push(other);
      return { db: other, store: createReminderStore(other) };
    },
    async close() {
      for (const d of extra) await d.close();
      await db.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function referenceFor(connector: ReminderConnector, conversationId: string): Record<string, unknown> {
  return {
    channelId: 'msteams',
    serviceUrl: connector.url,
    conversation: { id: conversationId, conversationType: 'channel', isGroup: true },
    bot: { id: '28:bot-id', name: 'Safeguarding bot' },
  };
}

/** The real delivery path: reminder card -> Services.proactive -> CloudAdapter -> HTTP. */
export function realDelivery(store: ReminderStore, bodies: BodyLookup = NO_BODIES) {
  const adapter = createAdapter(loadConfig({}));
  return createReminderDelivery(store, createReminderSender(adapter, ''), bodies);
}

export function input(conversationId: string, overrides: Partial<ReminderInput> = {}): ReminderInput {
  return {
    conversationId,
    bodyId: null,
    meeting: 'Test partnership board',
    firstDate: '2026-03-26',
    time: '09:30',
    recurrence: { kind: 'none' },
    leadMinutes: [60],
    agendaUrl: null,
    note: null,
    createdBy: { id: 'aad-manager', name: 'Test Manager' },
    ...overrides,
  };
}
