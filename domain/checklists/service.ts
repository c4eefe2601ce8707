/**
 * Wires the checklist runner from its parts: the validated definitions, the deployment
 * contacts (CONTACTS_FILE or the shipped defaults), the England and Wales calendar and the
 * seed document titles used in citations. Throws at start if any part is invalid.
 */
import { loadDocuments } from '../../knowledge/load.ts';
import { createEnglandCalendar } from '../calendar/working-days.ts';
import { loadContacts } from '../contacts/contacts.ts';
import { loadChecklists } from './load.ts';
import type { ChecklistRunStore } from './run.ts';
import { createChecklistRunner, type ChecklistRunner } from './runner.ts';

export const DEFAULT_RETENTION_DAYS = 90;

/** Seed file name -> "title (date)", for citations on cards and in the record. */
export function documentTitles(): Map<string, string> {
  return new Map(loadDocuments().map((d) => [d.file, `${d.title} (${d.historical ? 'historical, ' : ''}${d.publishedLabel})`]));
}

export function createChecklistService(opts: {
  store: ChecklistRunStore;
  contactsFile?: string;
  retentionDays?: number;
  newId?: () => string;
  clock?: () => Date;
  contactsMaxAgeDays?: number;
}): ChecklistRunner {
  const titles = documentTitles();
  return createChecklistRunner({
    checklists: loadChecklists(),
    contacts: loadContacts(opts.contactsFile),
    calendar: createEnglandCalendar(),
    titles,
    store: opts.store,
    retentionDays: opts.retentionDays ?? DEFAULT_RETENTION_DAYS,
    ...(opts.newId ? { newId: opts.newId } : {}),
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.contactsMaxAgeDays ? { contactsMaxAgeDays: opts.contactsMaxAgeDays } : {}),
  });
}
