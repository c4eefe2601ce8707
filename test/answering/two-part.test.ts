/**
 * Two questions in one message, where the whole message's best record gives only the first: the
 * second half is read as a follow-up of the first answer and joined to it when it speaks of the
 * same thing (issue 9 §2, "answer what was asked"). A second half that the follow-up reading can
 * only answer with something unrelated is left off rather than guessed.
 */
import { describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../domain/answering/engine.ts';
import { halvesContext, splitTwoPart } from '../../domain/answering/two-part.ts';
import { loadKnowledge } from '../../knowledge/load.ts';

const kb = loadKnowledge();
const engine = createAnswerEngine(kb);

describe('splitting a message into two questions', () => {
  it.each([
    ['when is the annual report produced, and where is it published?', { first: 'when is the annual report produced', second: 'where is it published?' }],
    ['how many contacts were there and who made the most?', { first: 'how many contacts were there', second: 'who made the most?' }],
    // "and" typed as staff type it.
    ['when is the annual report published n who signs it off?', { first: 'when is the annual report published', second: 'who signs it off?' }],
    ['who chairs the QA subgroup & how often does it meet?', { first: 'who chairs the QA subgroup', second: 'how often does it meet?' }],
    // "and" inside a name, or a half too short to be a question of its own, is not a split.
    ['who chairs the Practice, Learning and Workforce Development subgroup?', null],
    ['who and when?', null],
    ['how often does it meet and how?', null],
  ])('%s', (question, expected) => {
    expect(splitTwoPart(question)).toEqual(expected);
  });
});

describe('both halves answered', () => {
  it('gives when the annual report is produced and where it is published', () => {
    const a = engine.answer('when does the HSCP business unit produce its annual report each year, and where is it published?');
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/June\/July/);
    expect(a.text).toMatch(/website/);
  });

  it('keeps a single answer when the second half would be answered with an unrelated fact', () => {
    // "who referred the most?" alone reads as the partnership's description; it is not joined.
    const a = engine.answer('how many contacts did haringey childrens social care get in 2018/19, and who referred the most?');
    expect(a.text).toMatch(/12,968/);
    expect(a.text).not.toMatch(/multi-agency safeguarding arrangement/);
  });

  it('gives the first half too when the whole message was answered with the second half', () => {
    // "who else is on it" is the members; the whole message's words found the chair (the second half).
    const a = engine.answer("I'm the new police rep on the Executive group - who else is on it and who chairs it?", { partnership: 'haringey' });
    expect(a.text).toMatch(/Independent Chair/);
    expect(a.text).toMatch(/Borough Commander/);
  });

  it('stays unanswered where a half is refused for another reason (a phone number)', () => {
    const a = engine.answer("who chairs the Harrow SSP and what's their mobile number?");
    expect(a.text).not.toMatch(/\b0\d{3}/);
  });
});

describe('the place both halves are about', () => {
  it.each([
    // Named in the second half only: the first half ("who chaired the CDOP") is Haringey's too.
    ['who chaired the CDOP, and how many children in Haringey died?', { partnership: 'harrow' as const }, 'haringey'],
    // Named nowhere, or two places named: the conversation's own place stands.
    ['who chairs it and how often does it meet?', { partnership: 'harrow' as const }, 'harrow'],
    ['who chairs the Harrow board and who chairs the Haringey one?', { partnership: null }, null],
  ])('%s', (question, ctx, expected) => {
    expect(halvesContext(question, ctx).partnership ?? null).toBe(expected);
  });
});
