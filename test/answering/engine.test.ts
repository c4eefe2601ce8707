import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../knowledge/load.ts';
import { createAnswerEngine } from '../../domain/answering/engine.ts';
import type { PartnershipId } from '../../knowledge/schema.ts';

const engine = createAnswerEngine(loadKnowledge());
const ask = (q: string, partnership?: PartnershipId) => engine.answer(q, partnership ? { partnership } : {});
const lower = (s: string) => s.toLowerCase();

describe('question kinds: a short answer with its source', () => {
  it.each([
    // [question, context, words the answer must contain (any of each group), cited document prefix]
    ['Who chairs the CHSCP Executive?', undefined, [['icsc', 'independent child safeguarding commissioner']], '003'],
    ['how often does the exec meet in hackney', undefined, [['bi-monthly', 'bimonthly', 'every two months']], '003'],
    ['Who chairs the Executive group in Haringey?', undefined, [['independent chair']], '000'],
    ['what is the meeting frequency of the Haringey Practice, Learning and Workforce Development subgroup', undefined, [['quarterly']], '000'],
    ['Who sits on the Harrow Strategic Safeguarding Partnership?', undefined, [['chief executive']], '002'],
    ['Who appoints the ICSC?', undefined, [['safeguarding partners']], '003'],
    ['How often do the vice-chairs of the City and Hackney SLT rotate?', undefined, [['annual']], '003'],
    ['Who hosts the business support unit in Harrow?', undefined, [['harrow council']], '002'],
    ['Who was the independent chair of the Haringey LSCB?', undefined, [['david archibald']], '001'],
    ['who chairs the executive', 'city-hackney', [['icsc', 'independent child safeguarding commissioner']], '003'],
  ] as const)('%s', (q, ctx, must, doc) => {
    const a = ask(q, ctx as PartnershipId | undefined);
    expect(a.answered, a.text).toBe(true);
    for (const group of must)
      expect(
        group.some((w) => lower(a.text).includes(w)),
        `${a.text} should contain ${group.join(' / ')}`,
      ).toBe(true);
    expect(
      a.sources.some((s) => s.document.startsWith(doc)),
      JSON.stringify(a.sources),
    ).toBe(true);
    for (const s of a.sources) {
      expect(s.quote.length).toBeGreaterThan(0);
      expect(s.title.length).toBeGreaterThan(0);
    }
  });

  it('expands acronyms from the glossary', () => {
    const a = ask('What does CDOP stand for?');
    expect(a.kind).toBe('glossary');
    expect(lower(a.text)).toContain('child death overview panel');
  });

  it('understands typos and informal wording', () => {
    const a = ask('who chiars the chscp executiv?');
    expect(a.answered).toBe(true);
    expect(lower(a.text)).toMatch(/icsc|independent child safeguarding commissioner/);
  });

  it('answers reverse questions: which meetings a post chairs', () => {
    const a = ask('Which meetings does the SSPM chair?');
    expect(a.kind).toBe('reverse');
    expect(lower(a.text)).toContain('quality');
    expect(lower(a.text)).toMatch(/practice,? learning|workforce/);
  });

  it('compares partnerships when asked across them', () => {
    const a = ask('How often do the executive groups meet in each partnership?');
    expect(a.kind).toBe('comparison');
    const named = ['Haringey', 'Harrow', 'City of London & Hackney'].filter((p) => a.text.includes(p));
    expect(named.length).toBeGreaterThanOrEqual(2);
    expect(new Set(a.sources.map((s) => s.document.slice(0, 3))).size).toBeGreaterThanOrEqual(2);
  });

  it('offers follow-up questions about the same body', () => {
    const a = ask('Who chairs the CHSCP Executive?');
    expect(a.followUps.length).toBeGreaterThan(0);
    expect(a.followUps.length).toBeLessThanOrEqual(3);
  });
});

describe("situations, in a practitioner's words", () => {
  it('"I\'m worried about a child" gets what to do, from national guidance, and the referral checklist', () => {
    const a = ask("i'm worried about a child in my class, what do i do?");
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/999/);
    expect(a.text).toMatch(/refer/i);
    expect(a.sources.every((s) => s.scope !== undefined)).toBe(true);
    expect(a.checklist).toBe('referral');
  });

  it('"when do I go to the LADO?" gets the harm test and the one-working-day rule, and the LADO checklist', () => {
    const a = ask('when do I go to the LADO?');
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/harmed or may have harmed a child/);
    expect(a.text).toMatch(/within one working day/);
    expect(a.checklist).toBe('lado');
  });

  it('"a colleague has harmed a child" leads to the LADO', () => {
    const a = ask('What do I do if I think a colleague has harmed a child?');
    expect(lower(a.text)).toContain('lado');
    expect(a.checklist).toBe('lado');
  });

  it('a body only one partnership has is answered for that partnership, named in the answer', () => {
    const a = ask('who chairs the Leadership group?');
    expect(a.partnership).toBe('haringey');
    expect(a.text).toMatch(/HSCP Leadership group/);
    expect(a.text.match(/September 2020/g)).toHaveLength(1);
  });
});

describe('two questions in one message', () => {
  it('answers both, from the same body, in the order asked', () => {
    const a = ask('What does the Harrow Business Coordination Group do and how often does it meet?');
    const [first, second] = a.text.split('\n');
    expect(first).toMatch(/Business Coordination/);
    expect(first).not.toMatch(/quarterly/);
    expect(second).toMatch(/quarterly/);
  });

  // The second half is another record's, ranked just below the first for the whole message
  // (ninth fresh set: the total was given and the council's share left out). Worded here.
  it('answers the second from another record of the same partnership when the first record has nothing for it', () => {
    const a = ask('What did the Haringey LSCB budget total in 2018/19, and what did the council pay?');
    const [first, second] = a.text.split('\n');
    expect(first).toMatch(/£143,100/);
    expect(second).toMatch(/£112,998/);
  });

  it('takes nothing from another record that does not speak to the second half', () => {
    const a = ask('Who chairs the Harrow SSP and what biscuits do they serve?');
    expect(a.recordIds).toEqual(['harrow.strategic-safeguarding-partnership']);
  });
});

describe('plain words', () => {
  it("spells out a post's acronym once, from the partnership's glossary", () => {
    const a = ask('In Haringey who decides whether a case should be considered for a safeguarding practice review?');
    expect(a.text).toContain('AD (Assistant Director)');
    expect(a.text.match(/Assistant Director/g)).toHaveLength(1);
  });

  it('leaves an acronym alone when the sentence already spells it out', () => {
    const a = ask('Who chairs the CHSCP Executive?');
    expect(a.text).not.toContain('ICSC (Independent');
  });

  it("counts the sentence's words without the expansion's own bracketed note", () => {
    // The glossary's "Basic Command Unit (of the Metropolitan Police Service)" had been added after
    // "Basic Command Unit (BCU)": "BCU (Basic Command Unit (of the ...))".
    const a = ask('Which police BCU covers Harrow?');
    expect(a.text).toContain('Basic Command Unit (BCU)');
    expect(a.text).not.toMatch(/BCU \(Basic/);
  });
});

describe('lists, silences and limits', () => {
  it("lists a partnership's sub-groups from its arrangements", () => {
    const a = ask('what subgroups does harrow have?');
    expect(a.kind).toBe('list');
    expect(a.text).toMatch(/Quality Assurance/);
    expect(a.sources.every((s) => s.document.startsWith('002'))).toBe(true);
  });

  it('says so when the document does not state a fact, and shows where it looked', () => {
    const a = ask('What is the quorum of the CHSCP Executive?');
    expect(a.answered).toBe(false);
    expect(a.text).toMatch(/does not state/);
    expect(a.sources[0]?.document).toMatch(/^003_/);
  });

  it.each([
    ['what is the phone number for the Harrow MASH?', /phone numbers/],
    ['When is the next CHSCP Executive meeting?', /date of the next meeting/],
    ["What's the Harrow safeguarding partnership budget for 2020/21?", /year you asked/],
  ])('%s is not answered with a nearby fact', (q, why) => {
    const a = ask(q);
    expect(a.answered).toBe(false);
    expect(a.text).toMatch(why);
  });
});

describe('partnership context', () => {
  it('never silently picks one partnership when the fact differs and none is known', () => {
    const a = ask('Who chairs the executive?');
    expect(a.answered).toBe(true);
    expect(a.kind).toBe('comparison');
    expect(a.partnership).toBeNull();
  });

  it('answers for the known partnership', () => {
    const a = ask('How often does the executive meet?', 'city-hackney');
    expect(a.partnership).toBe('city-hackney');
    expect(a.sources.every((s) => s.document.startsWith('003') || s.scope !== undefined)).toBe(true);
  });

  it('a partnership named in the question wins over the context', () => {
    const a = ask('How often does the CHSCP executive meet?', 'haringey');
    expect(a.partnership).toBe('city-hackney');
  });
});

describe('abstention: an honest "I don\'t know" with a route to a person', () => {
  it.each([
    'What is the time of the next bus to Tottenham?',
    'Write me a poem about autumn',
    'Who chairs the Leeds safeguarding partnership?',
    'How do I set up my out of office reply?',
    'What is the capital of France?',
    'asdkjh qwpoeiru zxmcnv',
    'How do I reset my password?',
    'Who chairs the Camden safeguarding board?',
  ])('%s', (q) => {
    const a = ask(q);
    expect(a.answered).toBe(false);
    expect(a.kind).toBe('unknown');
    expect(a.sources).toEqual([]);
    expect(lower(a.text)).toMatch(/don't know|only hold|outside/);
    expect(lower(a.text)).toContain('designated safeguarding lead');
    expect(a.suggestions.length).toBeLessThanOrEqual(3);
  });

  it('gives the configured MASH consultation line when abstaining on a safeguarding question', () => {
    const a = engine.answer('How many schools are there in Harrow?', { mashConsultationLine: '020 0000 0000' });
    expect(a.reason).toBe('figure-not-found');
    expect(a.text).toContain('020 0000 0000');
  });

  it.each(['Write me a poem about autumn', "what's the weather like tomorrow?"])('an off-topic refusal (%j) gives no MASH consultation number', (q) => {
    const a = engine.answer(q, { mashConsultationLine: '020 0000 0000' });
    expect(a.reason).toBe('out-of-scope');
    expect(a.text).not.toContain('020 0000 0000');
    expect(a.text).not.toMatch(/consultation/);
    expect(a.text).toContain('designated safeguarding lead');
  });
});

describe('emergency: 999 first, whatever else is asked', () => {
  it.each([
    'someone is hurting a child now',
    'A child is in immediate danger, who chairs the exec?',
    'the boy is being hit right now what do I do',
    'urgent: a girl has been stabbed and is bleeding',
  ])('%s', (q) => {
    const a = ask(q);
    expect(a.kind).toBe('emergency');
    expect(a.text.split('\n')[0]).toContain('999');
  });

  it('does not treat ordinary questions as emergencies', () => {
    for (const q of ['What is the threshold for significant harm?', 'How often does the QA subgroup meet?']) {
      expect(ask(q).kind).not.toBe('emergency');
    }
  });
});
