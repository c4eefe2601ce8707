/**
 * Typo correction (fuse.js over the knowledge base's words) fixes misspellings, never a real
 * English word: "who actually employs..." was read as "who annually employs..." and answered with
 * how often the Business Unit meets; "is that permanent?" became "permanency".
 */
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../knowledge/load.ts';
import { Matcher } from '../../domain/answering/matcher.ts';
import { inLexicon } from '../../domain/triage/lemmas.ts';

const matcher = new Matcher(loadKnowledge().records);

describe('typo correction', () => {
  it.each([
    ['who actually employs the business unit staff', 'who actually employs the business unit staff'],
    ['is that permanent', 'is that permanent'],
    ['how was it supposed to work', 'how was it supposed to work'],
    ['how often does the comittee meet', 'how often does the committee meet'],
    ['harrow arrangemnts', 'harrow arrangements'],
  ])('"%s" reads "%s"', (typed, read) => {
    expect(matcher.correct(typed)).toBe(read);
  });

  it("knows the English model's own words from misspellings and from words it only met in a message", () => {
    expect(inLexicon('actually')).toBe(true);
    expect(inLexicon('annualy')).toBe(false);
    // Seen once in a message, still not a word of the lexicon.
    expect(inLexicon('zqxvbnrt')).toBe(false);
    expect(inLexicon('zqxvbnrt')).toBe(false);
  });
});
