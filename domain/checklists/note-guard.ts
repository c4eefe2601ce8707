/**
 * Free-text notes on a checklist must not identify a child. We never ask for a name, and
 * every note field warns against identifying details; this check also refuses the patterns
 * that are unmistakably identifying (dates such as a date of birth, postcodes, NHS numbers,
 * email addresses and phone numbers), so an accidental paste is not stored.
 */
import { invalidInput, type IdentifyingKind } from '../../shared/errors.ts';

/** Each kind is a code; bot/user-messages.ts words it ("a postcode") in the refusal. */
const PATTERNS: Array<{ kind: IdentifyingKind; re: RegExp }> = [
  { kind: 'date', re: /\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}\b/ },
  { kind: 'postcode', re: /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/i },
  { kind: 'nhs-number', re: /\b\d{3}\s?\d{3}\s?\d{4}\b/ },
  { kind: 'email', re: /\b[^\s@]+@[^\s@]+\.[a-z]{2,}\b/i },
  { kind: 'phone', re: /(?:\+44\s?|\b0)\d{2,4}\s?\d{3,4}\s?\d{3,4}\b/ },
];

export function checkNote(note: string | undefined, maxLength: number): string | undefined {
  const text = note?.trim();
  if (!text) return undefined;
  if (text.length > maxLength) {
    throw invalidInput('note-too-long', `The note is longer than ${maxLength} characters.`, { maxLength });
  }
  const hit = PATTERNS.find((p) => p.re.test(text));
  if (hit) {
    throw invalidInput('identifying', `The note matches the ${hit.kind} pattern.`, { kind: hit.kind });
  }
  return text;
}
