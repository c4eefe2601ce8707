/**
 * Free-text notes on a checklist must not identify a child. We never ask for a name, and
 * every note field warns against identifying details; this check also refuses the patterns
 * that are unmistakably identifying (dates such as a date of birth, postcodes, NHS numbers,
 * email addresses and phone numbers), so an accidental paste is not stored.
 */
import { AppError } from '../shared/errors.ts';

const PATTERNS: Array<{ what: string; re: RegExp }> = [
  { what: 'a date', re: /\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}\b/ },
  { what: 'a postcode', re: /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/i },
  { what: 'an NHS number', re: /\b\d{3}\s?\d{3}\s?\d{4}\b/ },
  { what: 'an email address', re: /\b[^\s@]+@[^\s@]+\.[a-z]{2,}\b/i },
  { what: 'a phone number', re: /(?:\+44\s?|\b0)\d{2,4}\s?\d{3,4}\s?\d{3,4}\b/ },
];

export function checkNote(note: string | undefined, maxLength: number): string | undefined {
  const text = note?.trim();
  if (!text) return undefined;
  if (text.length > maxLength) {
    throw new AppError('INVALID_INPUT', `The note is longer than ${maxLength} characters.`, { reason: 'note-too-long', maxLength });
  }
  const hit = PATTERNS.find((p) => p.re.test(text));
  if (hit) {
    throw new AppError('INVALID_INPUT', `The note looks like it contains ${hit.what}.`, { reason: 'identifying', what: hit.what });
  }
  return text;
}
