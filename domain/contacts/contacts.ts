/**
 * Deployment contacts: the phone numbers and mailboxes a lead needs at the end of a
 * checklist (LADO, the children's social care front door, out of hours, police). They change,
 * so they are configuration with a public source and a "checked on" date, never knowledge
 * facts. The default file ships with the numbers as publicly listed; the admin overrides it
 * with CONTACTS_FILE. A bad file stops the start with a message naming the file and field.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { ConfigError } from '../shared/errors.ts';
import { PARTNERSHIP_IDS, type PartnershipId } from '../../knowledge/schema.ts';
import { CONTACT_KINDS, type ContactKind } from '../checklists/schema.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_CONTACTS_FILE = join(here, '..', '..', 'config', 'contacts.default.yaml');

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

export const Contact = z.strictObject({
  kind: z.enum(CONTACT_KINDS),
  /** "Hackney MASH", "City of London children's social care". */
  label: z.string().min(3),
  phone: z.string().regex(/^[0-9 +()]{3,20}$/, 'expected a phone number such as 020 8489 4470').optional(),
  email: z.email('expected an email address').optional(),
  url: z.url('expected a web address').optional(),
  hours: z.string().min(3).optional(),
  /** Shown with the contact: "older page; confirm locally". */
  caution: z.string().min(3).optional(),
  source: z.strictObject({ title: z.string().min(3), url: z.url('expected a web address') }),
  checkedOn: isoDate,
}).refine((c) => c.phone || c.email || c.url, { message: 'a contact needs a phone, email or url' });
export type Contact = z.infer<typeof Contact>;

const PartnershipContacts = z.strictObject({
  name: z.string().min(3),
  contacts: z.array(Contact).min(1),
});

export const ContactsFile = z.strictObject({
  partnerships: z.strictObject({
    haringey: PartnershipContacts,
    harrow: PartnershipContacts,
    'city-hackney': PartnershipContacts,
  }),
});
export type ContactsFile = z.infer<typeof ContactsFile>;

export interface ContactDirectory {
  partnershipName(p: PartnershipId): string;
  /** Contacts of the given kinds for a partnership, in the order kinds are asked for. */
  forKinds(p: PartnershipId, kinds: readonly ContactKind[]): Contact[];
}

export function parseContacts(raw: unknown, file: string): ContactDirectory {
  const parsed = ContactsFile.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((i) => `field "${i.path.length ? i.path.join('.') : '(file)'}": ${i.message}`)
      .join('; ');
    throw new ConfigError('CONFIG_INVALID', `Contacts file ${file} is invalid: ${detail}`);
  }
  const data = parsed.data;
  for (const p of PARTNERSHIP_IDS) {
    const missing = CONTACT_KINDS.filter((k) => !data.partnerships[p].contacts.some((c) => c.kind === k));
    if (missing.length) {
      throw new ConfigError('CONFIG_INVALID', `Contacts file ${file} is invalid: field "partnerships.${p}.contacts": no ${missing.join(', ')} contact`);
    }
  }
  return {
    partnershipName: (p) => data.partnerships[p].name,
    forKinds: (p, kinds) => kinds.flatMap((k) => data.partnerships[p].contacts.filter((c) => c.kind === k)),
  };
}

export function loadContacts(file = DEFAULT_CONTACTS_FILE): ContactDirectory {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError('CONFIG_INVALID', `CONTACTS_FILE: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (err) {
    throw new ConfigError('CONFIG_INVALID', `Contacts file ${file} is not valid YAML: ${(err as Error).message}`);
  }
  return parseContacts(raw, file);
}
