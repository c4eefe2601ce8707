import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../knowledge/load.ts';
import { createAnswerEngine } from '../../domain/answering/engine.ts';
import { refusalText } from '../../domain/answering/refusals.ts';

const engine = createAnswerEngine(loadKnowledge());

describe('every refusal carries a reason code, worded in one place', () => {
  it.each([
    ['', 'empty'],
    ["what's the weather like tomorrow?", 'out-of-scope'],
    ['what are the safeguarding arrangements in Barnet?', 'other-council'],
    ["what's the phone number for the MASH?", 'contact-details'],
    ['who chairs it?', 'which-one'],
    ['when is the next CHSCP Executive meeting?', 'future-meeting'],
    ['how many LADO referrals did Haringey get in 2023/24?', 'year-not-covered'],
    ["what is the name of the Harrow board's independent chair?", 'not-stated'],
    ['How many schools are there in Harrow?', 'figure-not-found'],
  ])('%j -> %s', (q, reason) => {
    const a = engine.answer(q);
    expect(a.answered).toBe(false);
    expect(a.reason).toBe(reason);
  });

  it('the refusal sentence comes from the one wording table and ends with a route to a person', () => {
    const a = engine.answer("what's the weather like tomorrow?");
    expect(a.text.startsWith(refusalText('out-of-scope'))).toBe(true);
    expect(a.text).toMatch(/designated safeguarding lead/);
  });
});
