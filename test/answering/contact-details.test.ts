/**
 * Phone numbers and mailboxes are deployment configuration, not knowledge: a question for one is
 * answered with the configured contacts' route, never with a sentence that happens to hold the
 * word "number" ("the LSCB had a number of subgroups" was given for "what's the number for it?").
 */
import { describe, expect, it } from 'vitest';
import { createIntentReader } from '../../domain/answering/intents.ts';
import { loadIntents } from '../../knowledge/language-load.ts';

const detectIntent = createIntentReader(loadIntents());
const asksForContactDetails = (q: string) => (detectIntent(q).contact ?? 0) > 0;

describe('a contact asked for (the `contact` mark in knowledge/language/intents.yaml)', () => {
  it.each([
    ["what's the number for it?", true],
    ['do you have their email?', true],
    ['what is the phone number for the Harrow MASH?', true],
    ['how do I contact the LADO?', true],
    ['how many contacts did the LADO get?', false],
    ['what number of referrals were re-referrals?', false],
    ['the number of children on a plan', false],
    // A website asked for is a contact; the website a report is published on is a fact.
    ["what's the website for the Harrow partnership?", true],
    ['who signs off the annual report before it is published on the website?', false],
  ])('%s: %s', (question, expected) => {
    expect(asksForContactDetails(question)).toBe(expected);
  });
});
