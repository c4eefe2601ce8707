/**
 * Follow-ups: every example in knowledge/follow-up/cues.yaml is a test, then the engine carries
 * a conversation (memory in, memory out) the way the bot and the CLI do.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../knowledge/load.ts';
import { createAnswerEngine } from '../../domain/answering/engine.ts';
import { createFollowUpResolver, isFresh } from '../../domain/answering/follow-up.ts';
import { Matcher } from '../../domain/answering/matcher.ts';
import { createPeopleReader } from '../../domain/answering/people.ts';
import type { Answer, ConversationMemory } from '../../domain/answering/types.ts';
import type { PartnershipId } from '../../knowledge/schema.ts';
import { readFileSync } from 'node:fs';
import { runConversation, summariseConversations, type EvalConversation } from '../../domain/answering/evaluate-conversations.ts';

const kb = loadKnowledge();
const matcher = new Matcher(kb.records);
const resolver = createFollowUpResolver(
  kb.followUps!,
  kb.records,
  (id) => matcher.unitsOf(id),
  Object.values(kb.triage.groups).flat(),
  createPeopleReader(kb.records),
  (text) => matcher.entityScores(text),
);
const engine = createAnswerEngine(kb);
const memoryOf = (record: string, attr: string): ConversationMemory => ({ recordIds: [record], attr, partnership: null, at: new Date().toISOString() });

describe('the examples in knowledge/follow-up/cues.yaml', () => {
  it('has examples of each kind of follow-up and of new questions', () => {
    const examples = kb.followUps!.examples;
    expect(examples.length).toBeGreaterThanOrEqual(15);
    expect(examples.some((e) => 'follow' in e.expect)).toBe(true);
  });

  it.each(kb.followUps!.examples.map((e) => [e.message, e] as const))('%s', (_m, e) => {
    const out = resolver.resolve(e.message, memoryOf(e.after.record, e.after.attr));
    if ('follow' in e.expect) {
      expect(out, JSON.stringify(out && out.kind === 'answer' ? out.unit.key : out)).toBeNull();
      return;
    }
    expect(out?.kind).toBe('answer');
    if (out?.kind !== 'answer') return;
    expect(out.unit.record.id).toBe(e.expect.record);
    expect(out.unit.attr).toBe(e.expect.attr);
  });
});

describe('a conversation through the engine', () => {
  function converse(questions: string[], partnership: PartnershipId | null = null): Answer[] {
    let memory: ConversationMemory | null = null;
    return questions.map((q) => {
      const a = engine.answer(q, { memory, partnership });
      if (a.memory) memory = a.memory;
      return a;
    });
  }

  it('answers the Done-when conversation, each answer cited', () => {
    const [chair, cadence, harrow] = converse(['who chairs the CHSCP Executive?', 'and how often does it meet?', 'what about Harrow?']);
    expect(chair!.memory).toMatchObject({ recordIds: ['city-hackney.executive'], attr: 'chair', partnership: 'city-hackney' });
    expect(cadence!.answered).toBe(true);
    expect(cadence!.text).toMatch(/bi-monthly/);
    expect(cadence!.sources.some((s) => s.document.startsWith('003') && s.section === '14.5')).toBe(true);
    expect(harrow!.answered).toBe(true);
    expect(harrow!.partnership).toBe('harrow');
    expect(harrow!.text).toMatch(/Harrow Safeguarding Children Board/);
    expect(harrow!.text).toMatch(/three times a year/);
    expect(harrow!.sources.every((s) => s.document.startsWith('002'))).toBe(true);
  });

  it('asks which one without memory, as before', () => {
    // The last two used to be answered as questions of their own, with whatever figure or deputy
    // ranked first: a guess about something the person never named.
    for (const q of ['and how often does it meet?', 'what about Harrow?', 'the other one', 'what was it the year before?', 'and the deputy?']) {
      const a = engine.answer(q, { memory: null });
      expect(a.answered, q).toBe(false);
      expect(a.kind, q).toBe('clarify');
    }
  });

  it('answers what points back once there is something to point to', () => {
    const [cp, before] = converse(['How many children were on a child protection plan in Haringey at the end of 2018/19?', 'what was it the year before?']);
    expect(cp!.answered).toBe(true);
    expect(before!.answered).toBe(true);
    expect(before!.text).toMatch(/339/);
  });

  it('answers a question that names its own topic on its own terms', () => {
    const [, ssp] = converse(['who chairs the CHSCP Executive?', 'how often does the Harrow SSP meet?']);
    expect(ssp!.recordIds).toEqual(['harrow.strategic-safeguarding-partnership']);
    expect(ssp!.text).toMatch(/three times a year/);
  });

  it('says so when another partnership has nothing that matches, and keeps the memory', () => {
    const [mash, harrow] = converse(['what does MASH stand for in Haringey?', 'what about Harrow?']);
    expect(mash!.memory).toBeDefined();
    expect(harrow!.answered).toBe(false);
    expect(harrow!.reason).toBe('no-equivalent');
    expect(harrow!.memory).toBeUndefined();
  });

  it('after a figure, another partnership without one is told plainly, not asked to name a group', () => {
    const [, harrow] = converse(['how many children were on a child protection plan in Haringey at the end of 2018/19?', 'and Harrow?']);
    expect(harrow!.answered).toBe(false);
    expect(harrow!.reason).toBe('no-equivalent');
    expect(harrow!.text).toMatch(/^Harrow's documents I hold don't give that figure/);
  });

  it('gives the earlier year of a figure when the document states it, and says so when it does not', () => {
    const [, before] = converse(['how many children were on a child protection plan at the end of 2018/19?', 'how many the year before?']);
    expect(before!.text).toContain('339');
    const [, none] = converse(['who chairs the CHSCP Executive?', 'and the year before?']);
    expect(none!.answered).toBe(false);
  });

  it('reads "before" alone as the earlier year, and says so when the answer states none, keeping the conversation', () => {
    const [, before, chairs] = converse(['what sub groups does harrow have?', 'how many did they have before?', 'who chairs them?'], 'harrow');
    expect(before!.answered).toBe(false);
    expect(chairs!.text).toMatch(/co-chair/i);
  });

  it('says where the thing talked of is published, from its own record, or that the documents do not say', () => {
    const [, where] = converse(['who checks the harrow annual report before it goes out?', "where's that published?"], 'harrow');
    expect(where!.text).toMatch(/website/);
    const [, review] = converse(
      ['How long does City & Hackney have to publish a local child safeguarding practice review?', "where's that published?"],
      'city-hackney',
    );
    expect(review!.text).not.toMatch(/issued on 26 June 2019/);
  });

  it('reads "it" as the group the last answer named, when what it was about has no such field', () => {
    const [, often, chair] = converse(
      ['how many deep dive audits does the haringey partnership expect each year?', 'and how often does it meet?', 'who chairs it?'],
      'haringey',
    );
    expect(often!.text).toMatch(/Quality, Performance and Outcomes Subgroup meets quarterly/);
    expect(chair!.text).toMatch(/chaired by the Strategic Safeguarding Partnership Manager/);
  });

  it("says the documents do not name a chair, rather than repeating the role, when asked the chair's name", () => {
    const [chair, name] = converse(['who chairs the Harrow SSP?', "what's the chair's name?"]);
    expect(chair!.answered).toBe(true);
    expect(name!.answered).toBe(false);
    expect(name!.reason).toBe('field-not-stated');
    // Where the chair's sentence does name someone, that is the answer.
    const [, named] = converse(['Who chaired the Special Overview and Scrutiny Committee in 2009?', "what's the chair's name?"]);
    expect(named!.text).toMatch(/Councillor Bull/);
  });

  it("keeps to the conversation's partnership when a new question does not name one", () => {
    const [, published] = converse(['Who leads the rapid review in City & Hackney?', 'where are the reviews published?']);
    expect(published!.text).not.toMatch(/differs by partnership/);
    expect(published!.sources.every((s) => !s.document.startsWith('000') && !s.document.startsWith('002'))).toBe(true);
  });

  it('answers a question across partnerships in a conversation about one of them (it once called itself without end)', () => {
    const memory: ConversationMemory = { recordIds: ['haringey.partnership'], partnership: 'haringey', at: new Date().toISOString() };
    const a = engine.answer("What are the HSCP's three partnership priorities for 2019-2021?", { memory });
    expect(a.text.length).toBeGreaterThan(0);
  });

  it("reads a message that points back with the last answer's subject, when it cannot be answered alone", () => {
    const [, reviewed] = converse(['how is the city and hackney partnership funded?', 'is that going to be reviewed?'], 'city-hackney');
    expect(reviewed!.answered).toBe(true);
    expect(reviewed!.text).toMatch(/review of CHSCP funding/i);
    // Only as a fact that gives the field asked: "where did most of them come from?" after the
    // number of contacts is not answered with the number again.
    const [, , from] = converse(
      ["how many contacts did haringey children's social care get in 2018/19?", 'how many the year before?', 'where did most of them come from?'],
      'haringey',
    );
    expect(from!.text).not.toMatch(/12,968 contacts/);
  });

  it('remembers ids and the attribute, never the text', () => {
    const [a] = converse(['who chairs the CHSCP Executive?']);
    expect(Object.keys(a!.memory!).sort()).toEqual(['at', 'attr', 'partnership', 'recordIds']);
  });
});

describe('freshness', () => {
  const at = new Date('2026-01-01T10:00:00Z');
  const m: ConversationMemory = { recordIds: ['x'], at: at.toISOString() };
  it('is fresh within the window and stale after it', () => {
    expect(isFresh(m, new Date(at.getTime() + 29 * 60_000), 30)).toBe(true);
    expect(isFresh(m, new Date(at.getTime() + 31 * 60_000), 30)).toBe(false);
    expect(isFresh(null, at, 30)).toBe(false);
    expect(isFresh({ ...m, at: 'nonsense' }, at, 30)).toBe(false);
  });
});

describe('the development conversations (test/answering/fixtures/dev-conversations.jsonl)', () => {
  const conversations = readFileSync('test/answering/fixtures/dev-conversations.jsonl', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as EvalConversation);
  it('are answered turn by turn with the memory, and would mostly fail without it', () => {
    const withMemory = summariseConversations(conversations.map((c) => runConversation(c, (q, ctx) => engine.answer(q, ctx))));
    const without = summariseConversations(conversations.map((c) => runConversation(c, (q, ctx) => engine.answer(q, { ...ctx, memory: null }))));
    expect(withMemory.conversations.total).toBeGreaterThanOrEqual(12);
    expect(withMemory.conversations.pass / withMemory.conversations.total).toBeGreaterThanOrEqual(0.9);
    expect(withMemory.followUps.harmful.pass).toBe(0);
    expect(without.followUps.answeredCorrect.pass).toBeLessThan(withMemory.followUps.answeredCorrect.pass / 2);
  });
});

// Conversations written from the documents alone by people who never saw the code (README,
// "Measured"). Floors just under the figures of 2 December 2026, so a change that loses ground on
// follow-ups fails here; the bar (follow-ups as right as first questions) is far above them.
describe.each([
  ['conversations-independent', 0.49, 0.41],
  ['conversations-second', 0.6, 0.33],
  // 0.46 -> 0.45 (3 December): "how many were there before?" after Harrow's sub groups was scored
  // right by luck (an audit sentence with "six months" in it); it is now an honest "not stated".
  ['conversations-third', 0.45, 0.5],
  // Written in the third session of 2 December; first contact 52.0% correct, 43.5% harmful. Not tuned on.
  ['conversations-fourth', 0.51, 0.45],
  // Fifth (written 2 December 2026, fifth session): first contact 49.2% correct, 38.8% harmful. Not tuned on.
  ['conversations-fifth', 0.48, 0.4],
  // Thirteenth (3 December): first contact 54.8% correct, 37.0% harmful; 58.1% / 33.3% after the
  // switch to a group named after a lead cue stopped tying with its acronym's entry; 56.5% / 30.0%
  // once typo correction kept real words and "where's that published?" was answered only from the
  // record talked of (one answer had been right from another record's publication).
  ['conversations-thirteenth', 0.56, 0.31],
  // Fifteenth (3 December, fourth session): first contact 57.1% correct, 33.3% harmful; 60.0% /
  // 32.3% after "sub groups" was counted as typed.
  ['conversations-fifteenth', 0.6, 0.33],
  // Sixteenth (3 December, fourth session, 30 conversations): first contact 48.0% correct, 44.2%
  // harmful; 50.0% / 41.9% after the subject reading and the City-to-Hackney move.
  ['conversations-sixteenth', 0.5, 0.42],
  // Seventeenth (end of the same round, scored once, not looked into): 51.0% correct, 41.9% harmful.
  ['conversations-seventeenth', 0.51, 0.42],
])('the %s follow-up turns', (name, correctFloor, harmfulCeiling) => {
  const conversations = readFileSync(`test/answering/fixtures/${name}.jsonl`, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as EvalConversation);
  let s: ReturnType<typeof summariseConversations>;
  beforeAll(async () => {
    const done = [];
    // One conversation at a time, yielding between them: a long synchronous run at collection can
    // time out the test worker's reports to the runner on a loaded machine.
    for (const c of conversations) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      done.push(runConversation(c, (q, ctx) => engine.answer(q, ctx)));
    }
    s = summariseConversations(done);
  });
  const rate = (x: { pass: number; total: number }) => x.pass / x.total;
  it(`are answered correctly in at least ${correctFloor * 100}%`, () => {
    expect(rate(s.followUps.answeredCorrect)).toBeGreaterThanOrEqual(correctFloor);
  });
  it(`are harmful in at most ${harmfulCeiling * 100}% of answers`, () => {
    expect(rate(s.followUps.harmful)).toBeLessThanOrEqual(harmfulCeiling);
  });
});

// A message that points back is also read with the last answer's subject, and that reading wins
// where the message alone found something unrelated to the conversation (issue 9: follow-ups).
describe('a follow-up that found something unrelated on its own', () => {
  it('is answered about the group talked of', () => {
    const first = engine.answer('what does the HSCP leadership group do?', { partnership: 'haringey' });
    const second = engine.answer('does it have lay members?', { partnership: 'haringey', memory: first.memory ?? null });
    expect(second.recordIds[0]).toBe(first.recordIds[0]);
  });
});

// "And Hackney's?" after a City of London record: the same kind of record for the other place of
// the partnership; where it lacks the field talked of, its description, named for the place.
describe('the other place of a two-place partnership', () => {
  it('moves from the City to Hackney', () => {
    let memory: ConversationMemory | null = null;
    for (const q of ['which threshold document does the City of London use?', 'what model is it based on?']) {
      memory = engine.answer(q, { partnership: 'city-hackney', memory }).memory ?? null;
    }
    const a = engine.answer("and Hackney's?", { partnership: 'city-hackney', memory });
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/Hackney Resource Guide/);
    expect(a.text).not.toMatch(/City of London Thresholds of Need is/);
  });
});

describe('a next message answered with something unrelated to the conversation, from few of its words', () => {
  it('is not answered with another record (thresholds.ts ANSWER_MIN_OWN_OFF_SUBJECT)', () => {
    const first = engine.answer("what's the quorum at Haringey partnership meetings?");
    expect(first.text).toMatch(/100% attendance/);
    // "relevant agencies" alone matches the definition of relevant agencies: not what happens when one is absent.
    const next = engine.answer("what happens if one of the relevant agencies doesn't turn up?", { memory: first.memory ?? null });
    expect(next.text).not.toMatch(/organisations whose involvement/);
  });
});
