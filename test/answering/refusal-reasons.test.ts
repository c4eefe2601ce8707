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
    // A question about another council's procedure, which the rules read as a dispute: not a case.
    ["what's Enfield's process for escalating a professional disagreement about a referral?", 'other-council'],
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

  // The documents name roles, seldom people: a name asked for is a name given, or "not stated".
  it.each([
    ['What is the name of the independent chair of Harrow Safeguarding Children Board?', null],
    ["what's the name of the Harrow SSP's chair?", null],
    ['What was the name of the chair of the Special Overview and Scrutiny Committee in 2009?', /Councillor Bull/],
    ["What is the name of the Director of Children's Services in Haringey?", /Ann Graham/],
  ])('a name asked for: %j', (q, name) => {
    const a = engine.answer(q);
    if (name) expect(a.text).toMatch(name);
    else expect(a.answered).toBe(false);
  });

  // ...while a case in another council still gets its route, and danger its 999, wherever it is.
  it.each([
    ['I work in Enfield and a teacher hit a child in my class today', 'lado'],
    ['at a friend’s house in Barnet, the toddler has stopped breathing', 'emergency'],
  ])('a case in another council keeps its route: %j -> %s', (q, route) => {
    expect(engine.answer(q).routes?.[0]).toBe(route);
  });

  it('the refusal sentence comes from the one wording table and ends with a route to a person', () => {
    const a = engine.answer("what's the weather like tomorrow?");
    expect(a.text.startsWith(refusalText('out-of-scope'))).toBe(true);
    expect(a.text).toMatch(/designated safeguarding lead/);
  });
});

// A message about a child, told by someone, that the triage reads as some route but too unsure to
// give one: never "outside what I can help with" (fifteenth fresh set: a coach in the under-10s'
// changing room was refused as off-topic). Worded here, not taken from the set.
describe('an unclear situation is never refused as off-topic', () => {
  it.each([
    ['one of the girls at homework club, 7, told me her stepdad smashed the tv and her nan’s glasses last week'],
    ['the assistant coach keeps going into the under 9s changing room when they are getting changed, he says he is checking on them'],
    // An agency told of a child, and not acting (nineteenth fresh set's kind; our words).
    ["I've phoned children's services three times about the toddler in the B&B room with mould everywhere, they keep saying it's a housing issue"],
    ['rang CSC again re the twins sleeping on a mattress on the floor of one room, they told me to contact housing instead'],
  ])('%s', (q) => {
    const a = engine.answer(q);
    expect(a.reason).not.toBe('out-of-scope');
    if (!a.answered) {
      expect(a.reason).toBe('unclear-situation');
      expect(a.text).toMatch(/999/);
      expect(a.text).toMatch(/designated safeguarding lead/);
    }
  });

  it.each([["my 5 year old won't go to sleep before 10pm, any tips?"], ["what's a good present for my nephew, he's 9 and loves football?"]])(
    'a question about one’s own family is not read as a situation: %s',
    (q) => {
      const a = engine.answer(q);
      expect(a.answered).toBe(false);
      expect(a.reason).not.toBe('unclear-situation');
    },
  );
});

// "This differs by partnership" speaks for several records: matched on a group's name alone, with
// few of the question's own words, it answered questions nobody asked (near misses in the fixture
// sets). Worded here; "how often does the executive meet?" still gets one line per partnership.
describe('a per-partnership answer rests on the question’s own words', () => {
  it.each([['what font should the Section 11 audit return be typed in?'], ['who pays for the sandwiches at the executive meeting?']])('%s', (q) => {
    expect(engine.answer(q).answered).toBe(false);
  });

  it('still answers a real question for each partnership', () => {
    const a = engine.answer('how often does the executive meet?');
    expect(a.kind).toBe('comparison');
  });
});

// A fact found by its record's names alone, its own sentence holding almost none of the question's
// words, is another answer (ANSWER_MIN_OWN): the inspection topic was given for an Ofsted rating.
describe('an answer’s own sentence holds the question’s words', () => {
  it("what did Ofsted rate Haringey children's services at its last ILACS?", () => {
    expect(engine.answer("what did Ofsted rate Haringey children's services at its last ILACS?").answered).toBe(false);
  });
});
