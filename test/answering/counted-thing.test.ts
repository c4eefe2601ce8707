import { describe, expect, it } from 'vitest';
import { countedThing, countsThing, namedBy } from '../../domain/answering/counted-thing.ts';
import { loadKnowledge } from '../../knowledge/load.ts';
import { createAnswerEngine } from '../../domain/answering/engine.ts';
import { statesCount } from '../../domain/answering/limits.ts';

describe('"how many X" is answered with a number of X, not of something else', () => {
  it.each([
    ['How many schools are there in Harrow?', 'schools'],
    ['how many big deep dive audits a year are expected?', 'audits'],
    ['How many other boroughs is Harrow configured with?', 'boroughs'],
    ['How many times a year does the board meet?', null],
    ['Of all the LADO contacts, how many went to a meeting?', null],
    // People are whoever the figure counts (contacts, referrals, attendees).
    ['how many people contacted the LADO last year?', null],
    // The phrase ends where a time begins (sixteenth fresh set: "how many s47s last yr" counted years).
    ['how many section 47 enquiries last year?', 'enquiries'],
    ['how many audits each term?', 'audits'],
  ])('%s counts %s', (q, thing) => {
    expect(countedThing(q)?.norm ?? null).toBe(thing);
  });

  it.each([
    ['configured with those of seven other North West London boroughs', 'How many other boroughs?', true],
    ['Twelve agencies took part in the practice week', 'How many practitioners took part?', false],
    ['The largest groups of pupils are Asian Other (21%) and Indian (19%)', 'How many schools are there?', false],
    ['187 children were subject to a child protection plan', 'How many children were on a plan?', true],
    // A bracket is read through (ninth fresh set: the early years figure was refused).
    ['32 (11%) LADO contacts were about staff in early years settings', 'How many LADO contacts were about nursery staff?', true],
    // The question's own words may stand in the phrase ("Looked After"), other verbs may not.
    ['At 31 March 2019 there were 429 Looked After Children in Haringey', 'How many children were looked after in March?', true],
    ['12 schools referred children to the MASH', 'How many children were looked after in March?', false],
    // A number that is part of a name counts nothing.
    ['the CHSCP runs single-agency audits and Section 11 audits', 'How many audits did the CHSCP complete?', false],
    ['the CHSCP completed 11 audits in the year', 'How many audits did the CHSCP complete?', true],
    // A number of events that befell the thing counts it: "how many children died" (fifteenth fresh set).
    ['In the year there were 7 deaths of young people living in the area', 'How many young people died?', true],
    ['there were 3 admissions of babies to the unit', 'How many babies were admitted?', true],
    // A change of number stated after the thing (fifteenth fresh set: the sub groups "reduced from six to three").
    ['the forums were cut from nine to four last year', 'How many forums are there?', true],
    ['the forums were cut back and 4 panels were added', 'How many forums are there?', false],
    // Not through a name ("Section 11 of the Act"), nor through a longer phrase.
    ['Section 11 of the Children Act applies to schools', 'How many schools?', false],
    ['the rate of 12 per cent of referrals by schools', 'How many schools referred?', false],
  ])('"%s" answers "%s": %s', (text, q, ok) => {
    expect(countsThing(text, countedThing(q)!, q)).toBe(ok);
  });
});

describe('a figure known by the word counted', () => {
  it('is named by an alias in any form, and by no other word', () => {
    const thing = countedThing('how many icpcs did we hold?')!;
    expect(namedBy(['ICPC', 'ICPCs'], thing)).toBe(true);
    expect(namedBy(['child protection conferences'], thing)).toBe(false);
  });

  it('reads the thing counted as typed when the corrected word is one the documents write as two', () => {
    const kb = loadKnowledge();
    const a = createAnswerEngine(kb).answer('How many sub groups will the boards have under the new arrangements?', { partnership: 'harrow' });
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/six to three/);
  });

  it('answers "how many ICPCs" with the conferences it spells out', () => {
    const kb = loadKnowledge();
    const a = createAnswerEngine(kb).answer('how many ICPCs did Haringey hold in 18/19', { partnership: 'haringey' });
    expect(a.text).toMatch(/391 Initial Child Protection Conferences/);
  });
});

describe('a count is a number that is not a date', () => {
  it.each([
    ['The launch event was held in early November 2019 and was very well attended.', false],
    ['The group first met on 10 October 2019.', false],
    ['Haringey had 64 primary and 13 secondary schools in 2008.', true],
    ['Twelve agencies took part in the 2019 practice week.', true],
  ])('"%s": %s', (text, ok) => {
    expect(statesCount(text)).toBe(ok);
  });
});
