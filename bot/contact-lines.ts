/**
 * The route to a person, from the deployment contacts (domain/contacts, CONTACTS_FILE):
 * the MASH line under "I don't know", and MASH and out-of-hours numbers under the 999 line.
 * Without a known partnership the lines stay generic rather than guessing a borough.
 */
import { contactProvenance, type Contact, type ContactDirectory } from '../domain/contacts/contacts.ts';
import { isPartnershipId } from './partnerships.ts';
import type { ContactLines } from './services.ts';
import { MESSAGES } from './user-messages.ts';

/** A number with its hours and, always, who checked it and when (or that nobody has). */
function describeWith(maxAgeDays: number | undefined) {
  return (c: Contact): string => {
    const how = c.phone ?? c.email ?? c.url ?? '';
    const extra = [c.hours, c.caution].filter(Boolean).join('; ');
    return `${c.label}: ${how}${extra ? ` (${extra})` : ''}. ${contactProvenance(c, new Date(), maxAgeDays)}`;
  };
}

export function contactLinesFrom(directory: ContactDirectory, maxAgeDays?: number): ContactLines {
  const describe = describeWith(maxAgeDays);
  return {
    personLine(p) {
      if (!p || !isPartnershipId(p)) return null;
      const mash = directory.forKinds(p, ['mash'])[0];
      return mash ? `${MESSAGES.genericPerson} For a consultation, ${describe(mash)}` : null;
    },
    emergencyLines(p) {
      if (!p || !isPartnershipId(p)) return [];
      return directory.forKinds(p, ['mash', 'out-of-hours']).map(describe);
    },
    mashConsultationLine(p) {
      if (!p || !isPartnershipId(p)) return undefined;
      const mash = directory.forKinds(p, ['mash']).find((c) => c.phone);
      return mash ? `${mash.label}, ${mash.phone}` : undefined;
    },
  };
}
