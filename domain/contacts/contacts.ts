/**
 * Deployment contacts: the phone numbers and mailboxes a lead needs at the end of a
 * checklist (LADO, the children's social care front door, out of hours, police). They change,
 * so they are configuration with a public source, never knowledge facts. `checkedOn` is set
 * only when a person has confirmed the number; the shipped defaults are "not checked" and say
 * where they were publicly listed. Every place a number is shown carries that provenance
 * (contactProvenance), and the bot and kb:check warn when the shipped defaults are in use or a
 * check is older than CONTACTS_MAX_AGE_DAYS. A kind a deployment has no number for is listed
 * under `notConfigured`, so "not configured" is said explicitly rather than a number guessed.
 * A bad file stops the start with a message naming the file and field.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { ConfigError } from '../../shared/errors.ts';
import { PARTNERSHIP_IDS, type PartnershipId } from '../../knowledge/schema.ts';
import { CONTACT_KINDS, type ContactKind } from '../checklists/schema.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_CONTACTS_FILE = join(here, '..', '..', 'config', 'contacts.default.yaml');

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');

export const Contact = z
  .strictObject({
    kind: z.enum(CONTACT_KINDS),
    /** "Hackney MASH", "City of London children's social care". */
    label: z.string().min(3),
    phone: z
      .string()
      .regex(/^[0-9 +()]{3,20}$/, 'expected a phone number such as 020 8489 4470')
      .optional(),
    email: z.email('expected an email address').optional(),
    url: z.url('expected a web address').optional(),
    hours: z.string().min(3).optional(),
    /** Shown with the contact: "older page; confirm locally". */
    caution: z.string().min(3).optional(),
    source: z.strictObject({ title: z.string().min(3), url: z.url('expected a web address') }),
    /** The day a person confirmed this number by calling it or with its owner; absent means not checked. */
    checkedOn: isoDate.optional(),
    /** Who confirmed it (a role, not a name), shown with the date. */
    checkedBy: z.string().min(2).optional(),
  })
  .refine((c) => !c.checkedBy || c.checkedOn, { message: 'checkedBy needs checkedOn, the day it was checked' })
  .refine((c) => c.phone || c.email || c.url, { message: 'a contact needs a phone, email or url' });
export type Contact = z.infer<typeof Contact>;

const PartnershipContacts = z.strictObject({
  name: z.string().min(3),
  contacts: z.array(Contact),
  /** Kinds this deployment has no number for: shown as "not configured", never guessed. */
  notConfigured: z.array(z.enum(CONTACT_KINDS)).default([]),
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
  /** Of the given kinds, those this deployment has explicitly not configured. */
  notConfigured(p: PartnershipId, kinds: readonly ContactKind[]): ContactKind[];
  /** Every contact, with its partnership, for the start-up and kb:check warnings. */
  all(): Array<Contact & { partnership: PartnershipId }>;
  /** The file read, and whether it is the shipped default file. */
  file: string;
  isDefault: boolean;
}

/** What a contact kind is called in "not configured" lines. */
export const CONTACT_KIND_LABELS: Record<ContactKind, string> = {
  police: 'Police',
  mash: "Children's social care front door (MASH)",
  'out-of-hours': 'Out of hours',
  lado: 'LADO',
};

export const DEFAULT_CONTACTS_MAX_AGE_DAYS = 180;

const DAY_MS = 86_400_000;

/**
 * The line shown under every number: who checked it and when, or that nobody has and where it
 * was publicly listed, or that the check is older than the maximum age.
 */
export function contactProvenance(c: Contact, now: Date, maxAgeDays = DEFAULT_CONTACTS_MAX_AGE_DAYS): string {
  if (!c.checkedOn) return `Not checked by your organisation: as publicly listed by ${c.source.title}. Confirm it before relying on it.`;
  const by = c.checkedBy ? ` by ${c.checkedBy}` : '';
  const age = Math.floor((now.getTime() - Date.parse(`${c.checkedOn}T00:00:00Z`)) / DAY_MS);
  if (age > maxAgeDays) return `Last checked ${c.checkedOn}${by}, more than ${maxAgeDays} days ago: confirm it. Source: ${c.source.title}.`;
  return `Checked ${c.checkedOn}${by}. Source: ${c.source.title}.`;
}

/** Start-up and kb:check warnings: shipped defaults in use, numbers never checked, checks too old. */
export function contactWarnings(dir: ContactDirectory, now: Date, maxAgeDays = DEFAULT_CONTACTS_MAX_AGE_DAYS): string[] {
  const out: string[] = [];
  if (dir.isDefault)
    out.push('The shipped default contacts are in use (CONTACTS_FILE is not set): numbers as publicly listed, not confirmed for this deployment.');
  const all = dir.all();
  const unchecked = all.filter((c) => !c.checkedOn);
  const old = all.filter((c) => c.checkedOn && now.getTime() - Date.parse(`${c.checkedOn}T00:00:00Z`) > maxAgeDays * DAY_MS);
  if (unchecked.length) out.push(`${unchecked.length} contact(s) not checked by anyone: ${unchecked.map((c) => `${c.partnership} ${c.label}`).join('; ')}.`);
  if (old.length)
    out.push(
      `${old.length} contact(s) last checked more than ${maxAgeDays} days ago: ${old.map((c) => `${c.partnership} ${c.label} (${c.checkedOn})`).join('; ')}.`,
    );
  return out;
}

export function parseContacts(raw: unknown, file: string, isDefault = false): ContactDirectory {
  const parsed = ContactsFile.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `field "${i.path.length ? i.path.join('.') : '(file)'}": ${i.message}`).join('; ');
    throw new ConfigError('CONFIG_INVALID', `Contacts file ${file} is invalid: ${detail}`);
  }
  const data = parsed.data;
  for (const p of PARTNERSHIP_IDS) {
    const { contacts, notConfigured } = data.partnerships[p];
    const missing = CONTACT_KINDS.filter((k) => !contacts.some((c) => c.kind === k) && !notConfigured.includes(k));
    if (missing.length) {
      throw new ConfigError(
        'CONFIG_INVALID',
        `Contacts file ${file} is invalid: field "partnerships.${p}.contacts": no ${missing.join(', ')} contact (list it under notConfigured if this deployment has none)`,
      );
    }
  }
  return {
    file,
    isDefault,
    partnershipName: (p) => data.partnerships[p].name,
    forKinds: (p, kinds) => kinds.flatMap((k) => data.partnerships[p].contacts.filter((c) => c.kind === k)),
    notConfigured: (p, kinds) =>
      kinds.filter((k) => data.partnerships[p].notConfigured.includes(k) && !data.partnerships[p].contacts.some((c) => c.kind === k)),
    all: () => PARTNERSHIP_IDS.flatMap((p) => data.partnerships[p].contacts.map((c) => ({ ...c, partnership: p }))),
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
  return parseContacts(raw, file, file === DEFAULT_CONTACTS_FILE);
}
