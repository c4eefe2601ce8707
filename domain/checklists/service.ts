/**
 * Wires the checklist runner from its parts: the validated definitions, the deployment
 * contacts, the England and Wales calendar and the seed document titles used in citations.
 * Throws at start if any part is invalid.
 *
 * The composition root (bot/main.ts) passes the contacts and document list it already loaded,
 * so nothing is read from disk twice; tests, the bench and the card gallery may leave them out
 * and get the shipped defaults.
 */
import { loadDocuments } from '../../knowledge/load.ts';
import type { DocumentMeta } from '../../knowledge/schema.ts';
import { createEnglandCalendar } from '../calendar/working-days.ts';
import { loadContacts, type ContactDirectory } from '../contacts/contacts.ts';
import { loadChecklistsFast } from './snapshot.ts';
import type { ChecklistRunStore } from './run.ts';
import { createChecklistRunner, type ChecklistRunner } from './runner.ts';
import type { DocumentTitles } from './summary.ts';

export const DEFAULT_RETENTION_DAYS = 90;

/** Seed file name -> "title (date)", for citations on cards and in the record. */
export function documentTitles(documents: readonly DocumentMeta[] = loadDocuments()): Map<string, string> {
  return new Map(documents.map((d) => [d.file, `${d.title} (${d.historical ? 'historical, ' : ''}${d.publishedLabel})`]));
}

export function createChecklistService(opts: {
  store: ChecklistRunStore;
  /** The deployment's contacts, already loaded; else read from contactsFile (or the shipped defaults). */
  contacts?: ContactDirectory;
  contactsFile?: string;
  /** Citation titles, already built; else read from the knowledge base's documents.yaml. */
  titles?: DocumentTitles;
  retentionDays?: number;
  newId?: () => string;
  clock?: () => Date;
  contactsMaxAgeDays?: number;
}): ChecklistRunner {
  return createChecklistRunner({
    // The build's validated definitions when they match the YAML on disk, else the YAML, validated.
    checklists: loadChecklistsFast(),
    contacts: opts.contacts ?? loadContacts(opts.contactsFile),
    calendar: createEnglandCalendar(),
    titles: opts.titles ?? documentTitles(),
    store: opts.store,
    retentionDays: opts.retentionDays ?? DEFAULT_RETENTION_DAYS,
    ...(opts.newId ? { newId: opts.newId } : {}),
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.contactsMaxAgeDays ? { contactsMaxAgeDays: opts.contactsMaxAgeDays } : {}),
  });
}
