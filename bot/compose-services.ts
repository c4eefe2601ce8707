/**
 * Everything the bot uses, built from what the composition root has loaded: storage opened and
 * migrated, every store on it, the checklist runner (with the contacts and citation titles
 * already loaded: no second disk read), the reminder scheduler (the server starts and stops it),
 * both adapters and proactive posting. bot/main.ts calls it, and the tests' harness calls the same
 * function (test/support/bot-server.ts), so what the tests drive is what runs. The caller closes
 * `services.db` after the server.
 */
import type { DocumentMeta } from '../knowledge/schema.ts';
import { createChecklistService, documentTitles } from '../domain/checklists/service.ts';
import type { ContactDirectory } from '../domain/contacts/contacts.ts';
import { createChecklistStore } from '../storage/checklist-store.ts';
import { createReminderStore } from '../storage/reminder-store.ts';
import { createStateStore } from '../storage/state-store.ts';
import { createAdapter, type BotAdapter } from './adapter.ts';
import type { Config } from './config.ts';
import { contactLinesFrom } from './contact-lines.ts';
import type { BodyLookup } from './features/reminder-bodies.ts';
import { createReminderSender } from './features/reminder-delivery.ts';
import type { Logger } from './logger.ts';
import { createProactive } from './proactive.ts';
import { createReminderScheduler } from './reminder-scheduler.ts';
import type { AnswerEngine, Services } from './services.ts';
import { openStorage } from './storage-setup.ts';
import type { Telemetry } from './telemetry.ts';

export interface LoadedParts {
  config: Config;
  logger: Logger;
  telemetry: Telemetry;
  engine: AnswerEngine;
  /** The knowledge base's meetings for reminders. */
  bodies: BodyLookup;
  directory: ContactDirectory;
  /** The knowledge base's documents, for the checklists' citation titles. */
  documents: readonly DocumentMeta[];
}

export async function composeServices(parts: LoadedParts): Promise<{ services: Services; adapter: BotAdapter }> {
  const { config, logger, telemetry, engine, bodies, directory } = parts;
  const db = await openStorage(config);
  const adapter = createAdapter(config);
  const reminders = createReminderStore(db);
  const services: Services = {
    config,
    logger,
    db,
    state: createStateStore(db),
    engine,
    contacts: contactLinesFrom(directory, config.contactsMaxAgeDays),
    bodies,
    checklists: createChecklistService({
      store: createChecklistStore(db),
      contacts: directory,
      titles: documentTitles(parts.documents),
      retentionDays: config.checklistRetentionDays,
      contactsMaxAgeDays: config.contactsMaxAgeDays,
    }),
    reminders,
    reminderScheduler: createReminderScheduler({
      config,
      reminders,
      // Its own adapter instance: the reminder sender adjusts the connector client per call (no library retries).
      sender: createReminderSender(createAdapter(config), config.appId),
      bodies,
      telemetry,
      logger,
    }),
    proactive: createProactive(adapter, config.appId),
    telemetry,
  };
  return { services, adapter };
}
