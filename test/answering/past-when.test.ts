/**
 * "When did / when was ..." asks for a date in the past: a sentence with no date in it, or how
 * often the thing meets, is another answer (issue 9: a practice week's date was answered with
 * its cadence). Questions about a timescale or a cadence keep their answers.
 */
import { describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../domain/answering/engine.ts';
import { loadKnowledge } from '../../knowledge/load.ts';

const kb = loadKnowledge();
const engine = createAnswerEngine(kb);

describe('a date asked for in the past', () => {
  it.each([
    ['what date was the Haringey practice week on neglect held?', /16-20 September 2019/],
    // Both were answered with how often the week takes place.
    ['when did haringey hold its multi-agency practice week?', /September 2019/],
    ['When was the multi-agency practice week in Haringey?', /September 2019/],
    ['how often is the multi-agency practice week held in Haringey?', /(twice|2 times) a year/],
    ['When must an initial child protection conference be held?', /15 working days/],
  ])('%s', (question, expected) => {
    const a = engine.answer(question);
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(expected);
  });
});
