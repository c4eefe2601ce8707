/**
 * One-way hashes for what we store about people and their questions: feedback is kept
 * against a hash of the question (so repeated questions can be grouped) and of the voter
 * (so a second click replaces the first vote), without keeping either in the clear.
 */
import { createHash } from 'node:crypto';

export function questionHash(question: string): string {
  const normalised = question
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return createHash('sha256').update(`q:${normalised}`).digest('hex');
}

export function voterHash(userKey: string): string {
  return createHash('sha256').update(`u:${userKey}`).digest('hex');
}
