/**
 * A question that asks for a kind of detail is answered only by a sentence holding that kind
 * (issue 9, ninth fresh set: "what time and at which venue does the SSP meet?" got how often it
 * meets; "how much money does the police contribute?" got a sentence whose only numbers are
 * years; "the name of the person appointed as the ICSC" got who appoints the ICSC). Questions
 * worded here, not taken from a fixture set; the same kinds of question with the detail held keep
 * their answers.
 */
import { describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../domain/answering/engine.ts';
import { loadKnowledge } from '../../knowledge/load.ts';

const kb = loadKnowledge();
const engine = createAnswerEngine(kb);

describe('a detail the documents do not hold gets "I don\'t know", not a neighbouring fact', () => {
  it.each([
    ['Which room is the Haringey Executive group held in?', 'field-not-stated'],
    ['where does the CHSCP executive meet?', 'field-not-stated'],
    ['what time do Harrow SSP meetings start?', 'field-not-stated'],
    ['Is there a Teams link for the Haringey Leadership group?', 'field-not-stated'],
    ['How much money does Hackney Council put into the CHSCP?', 'figure-not-found'],
    ['how much do the City & Hackney CCG contribute to the CHSCP?', 'figure-not-found'],
    ['Who was appointed as the independent scrutineer for Haringey?', 'field-not-stated'],
    ["What's the name of the person appointed as Haringey's scrutineer?", 'field-not-stated'],
  ])('%s', (question, reason) => {
    const a = engine.answer(question);
    expect(a.answered, a.text).toBe(false);
    expect(a.reason).toBe(reason);
  });
});

describe('the same kinds of question keep their answers where the detail is held', () => {
  it.each([
    ['How often does the Harrow SSP meet?', /three times a year/i],
    ['How much did Haringey Council contribute to the LSCB budget in 2018-19?', /£?112,998/],
    ['What was the total Haringey LSCB budget for 2018/19?', /£?143,100/],
    ['What is the name of the Harrow threshold document?', /threshold/i],
    ["What's the name of Harrow's approach to joining up children's and adults' safeguarding?", /think whole family/i],
  ])('%s', (question, expected) => {
    const a = engine.answer(question);
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toMatch(expected);
  });
});

// Where something is published (issue 9 §2, "where are they published" -> publication): a sentence
// about the thing that says nothing of where is another answer. Worded here.
describe('"where is it published?" is answered by a sentence that says where', () => {
  it.each([
    ["where can I find Harrow's published safeguarding practice reviews?", /website/],
    ['where does the CHSCP publish its practice reviews?', /website|repository/],
  ])('%s', (question, where) => {
    const a = engine.answer(question);
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toMatch(where);
  });
});

// "Who led it?" of an action in the 2009 plan is the action's lead (its owner), not its chair.
describe('who led an action', () => {
  it('gives the lead the plan names', () => {
    const a = engine.answer('who was to lead the LSCB peer review in 2009?');
    expect(a.text).toMatch(/LSCB Chair/);
  });
});
