import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../knowledge/load.ts';
import { createAnswerEngine } from '../../domain/answering/engine.ts';
import { partnershipOf, scoreOne, summarise, type EvalQuestion, type EvalSummary } from '../../domain/answering/evaluate.ts';

const engine = createAnswerEngine(loadKnowledge());
const load = (path: string): EvalQuestion[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalQuestion);
const rate = (x: { pass: number; total: number }) => (x.total ? x.pass / x.total : 1);
/**
 * Scores a set, letting the test worker answer the runner every few questions: scoring every set
 * in one synchronous run (at collection, as this file did) can block a worker for over a minute on
 * a loaded 2-core box, and vitest then reports a timeout talking to its worker.
 */
async function score(items: EvalQuestion[]): Promise<EvalSummary> {
  const outcomes = [];
  for (const [i, q] of items.entries()) {
    if (i % 20 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    outcomes.push(scoreOne(q, engine.answer(q.q, { partnership: partnershipOf(q) })));
  }
  return summarise(outcomes);
}

// Described situations, written from the documents by people who never saw the knowledge base or
// the code (README, "Measured"). The bar is 95% right route first and harmful at most 2%;
// these floors sit just under today's figures so a change that loses ground fails here.
describe.each([
  ['development situations', 'test/answering/fixtures/situations-dev.jsonl', 0.88, 0.1],
  ['independent situations', 'test/answering/fixtures/situations-independent.jsonl', 0.94, 0.06],
  ['second independent situations', 'test/answering/fixtures/situations-second.jsonl', 0.94, 0.05],
  ['third independent situations (scored once; one item looked into since)', 'test/answering/fixtures/situations-third.jsonl', 0.95, 0.05],
  ['fourth independent situations (scored once, then looked into)', 'test/answering/fixtures/situations-fourth.jsonl', 0.95, 0.04],
  ['fifth independent situations (scored once, then looked into)', 'test/answering/fixtures/situations-fifth.jsonl', 0.96, 0.03],
  // First contact: answered-correct 89.2%, right route first 87.5%, harmful 10.4% (12/115), 999 on
  // 28 of 33 emergency lines as first reported (999 as the first route on 29 of 33 by `npm run eval`).
  // Looked into by kind of situation since (knowledge/triage/examples-c.yaml,
  // test/triage/situations-by-kind.test.ts), never by its sentences.
  ['seventh independent situations (scored once, then looked into)', 'test/answering/fixtures/situations-seventh.jsonl', 0.98, 0.02],
  // Scored once, at the end of the round that tuned on the seventh set, and not looked into:
  // 96.0% correct, 91.0% route first, 10.0% harmful, 999 first on 30 of 30. The floor is that figure.
  ['eighth independent situations (scored once)', 'test/answering/fixtures/situations-eighth.jsonl', 0.9, 0.1],
  // Ninth (third session of 2 December): first contact 97.0% correct, 93.0% route first, 7.0%
  // harmful, 999 first on 24 of 25; 94.0% / 6.0% / 25 of 25 after a dispute reading stopped
  // taking 999 away where the words show no dispute.
  ['ninth independent situations (scored once, then looked into)', 'test/answering/fixtures/situations-ninth.jsonl', 0.93, 0.06],
  // Tenth (fifth session of 2 December): first contact 90.0% correct, 88.3% route first, 11.1%
  // harmful, 999 first on 29 of 30; 98.3% / 95.8% / 5.0% / 30 of 30 after negation, injury and
  // serious-harm words and a parent's missed appointments as neglect (vocabulary data).
  ['tenth independent situations (scored once, then looked into)', 'test/answering/fixtures/situations-tenth.jsonl', 0.95, 0.05],
  // Eleventh (written at the end of the fifth session of 2 December, scored once on first contact):
  // 95.0% correct, 87.0% route first, 12.1% harmful, 999 first on 22 of 25; after three vocabulary
  // changes for its missed 999s (a parent at the door demanding the child, a door nobody answers,
  // distress described as now): 90.0% / 9.1% / 25 of 25. Not otherwise looked into.
  ['eleventh independent situations (scored once; its missed 999s looked into)', 'test/answering/fixtures/situations-eleventh.jsonl', 0.89, 0.1],
  // Thirteenth (3 December, written from the documents by helpers who never read the code or the
  // knowledge base): first contact 83.3% route first, 22.7% harmful, 999 first on 21 of 24; 95.8% /
  // 9.2% / 24 of 24 after vocabulary by kind (stems that collide, sextortion, boundary crossing,
  // an abduction, head injuries, serious harm named by its treatment, unease with advice, negated
  // reports). (The twelfth set's files were lost with the session that wrote them: its figures are
  // in the README only.)
  ['thirteenth independent situations (scored once, then looked into by kind)', 'test/answering/fixtures/situations-thirteenth.jsonl', 0.95, 0.1],
  // Fourteenth (written at the end of the 3 December session, scored once at bc8d31e): first
  // contact 94.2% correct, 92.5% route first, 6.8% harmful, 999 first on 23 of 24. Only its missed
  // 999 (blood seen through clothing) was looked into.
  ['fourteenth independent situations (scored once)', 'test/answering/fixtures/situations-fourteenth.jsonl', 0.92, 0.07],
  // Fifteenth (4th session of 3 December, by helpers who read only the seeds and national facts):
  // first contact at cebe160 84.2% route first, 14.7% harmful, 999 first on 23 of 24; 94.2% / 5.9% /
  // 24 of 24 after vocabulary by kind (injuries on the mend, pictures of weapons, ICU, a carer gone
  // out and not back, a worker "here", "as the school nurse", serious harm by its treatment).
  ['fifteenth independent situations (scored once, then looked into by kind)', 'test/answering/fixtures/situations-fifteenth.jsonl', 0.94, 0.06],
  // Sixteenth (written after the fifteenth's round, scored once at b660ec0): first contact 75.0%
  // route first, 22.1% harmful, 999 first on 18 of 24; 91.7% / 9.2% / 24 of 24 after vocabulary by
  // kind (emergencies told calmly by their symptoms, a child left in a car, a worker's own children
  // or caution, a parent who works with children, gaps kept within a sentence).
  ['sixteenth independent situations (scored once, then looked into by kind)', 'test/answering/fixtures/situations-sixteenth.jsonl', 0.91, 0.1],
  // Seventeenth (written at the end of the same round, scored once at 4929eb0): first contact 80.8%
  // route first, 14.5% harmful, 999 first on 19 of 24; 89.2% / 11.1% / 24 of 24 after its missed
  // 999s and silent disclosures were added as vocabulary by kind.
  [
    'seventeenth independent situations (scored once; missed 999s and silences looked into)',
    'test/answering/fixtures/situations-seventeenth.jsonl',
    0.89,
    0.12,
  ],
  // Eighteenth (3 December, ninth session; two writers of 60, one choosing less obvious roles),
  // scored once at 95e50b6: first contact 90.8% route first, 7.6% harmful, 999 first on 22 of 24
  // (A 95.0% / 5.0%, B 86.7% / 10.3%); 95.8% / 4.2% / 24 of 24 after somewhere high with a goodbye,
  // drink and touch in other words, nobody ringing back, the time of telling and a pattern of nights.
  ['eighteenth independent situations, first writer', 'test/answering/fixtures/situations-eighteenth-a.jsonl', 0.96, 0.04],
  ['eighteenth independent situations, second writer', 'test/answering/fixtures/situations-eighteenth-b.jsonl', 0.95, 0.06],
  // Nineteenth (same session, written after the eighteenth's round, scored once at 7826b7a and, the
  // same item for item, at the session's start 95e50b6): 85.0% route first, 10.7% harmful, 999 first
  // on 16 of 16. Not tuned on but for a softened death ("didn't make it") and an agency told that is
  // not acting no longer refused as off-topic: 86.3% / 9.3%.
  ['nineteenth independent situations (scored once)', 'test/answering/fixtures/situations-nineteenth.jsonl', 0.86, 0.1],
  // Twentieth (100, written at the end of the same session, scored once at 8ee2564 and, the same
  // item for item, at the session's start 95e50b6): 84.0% route first, 16.2% harmful, 999 first on
  // 18 of 20 (six referrals got 999 in front of them). Only its two missed dangers were looked into
  // (a child taken abroad tonight; "off her face" and "driving him home now"): 86.0% / 14.1% / 20 of 20.
  ['twentieth independent situations (scored once; missed 999s looked into)', 'test/answering/fixtures/situations-twentieth.jsonl', 0.86, 0.15],
  // Twenty-first (first contact at 3e1d236: 87.0% route first, 14.7% harmful, 999 first on 17 of
  // 20) and twenty-third (first contact at 16fa73d: 92.0% / 8.2% / 18 of 20). Since 76527b5 the
  // triage learns every written set, these two included (npm run triage:learn-sets), so their
  // figures here are no longer first contact: 94% / 9% / 19 of 20 on each. The floors guard the
  // learning; what it does on unseen wording is measured one round left out (npm run eval:cross).
  ['twenty-first independent situations (learned)', 'test/answering/fixtures/situations-twentyfirst.jsonl', 0.9, 0.1],
  ['twenty-third independent situations (learned)', 'test/answering/fixtures/situations-twentythird.jsonl', 0.92, 0.1],
])('routes for %s', (_name, path, routeFloor, harmfulCeiling) => {
  let s: EvalSummary;
  beforeAll(async () => {
    s = await score(load(path));
  });
  it(`the right route comes first in at least ${routeFloor * 100}%`, () => {
    expect(rate(s.route)).toBeGreaterThanOrEqual(routeFloor);
  });
  it('999 comes first for at least 88% of the immediate-danger messages (the bar is all of them)', () => {
    expect(rate(s.perRoute.emergency ?? { pass: 0, total: 0 })).toBeGreaterThanOrEqual(0.88);
  });
  it(`at most ${harmfulCeiling * 100}% of answers are harmful (answered, but wrong)`, () => {
    expect(rate(s.harmful)).toBeLessThanOrEqual(harmfulCeiling);
  });
});

describe('near-miss questions outside the arrangements', () => {
  it.each([
    ['test/answering/fixtures/near-miss-out-of-scope.jsonl', 0.92],
    ['test/answering/fixtures/near-miss-second.jsonl', 0.88],
    ['test/answering/fixtures/near-miss-third.jsonl', 0.8],
    ['test/answering/fixtures/near-miss-fourth.jsonl', 0.85],
    // First contact 92.5%; 90.0% after the seventh round's triage changes.
    ['test/answering/fixtures/near-miss-fifth.jsonl', 0.87],
    // First contact 85.0%, unchanged since.
    ['test/answering/fixtures/near-miss-sixth.jsonl', 0.85],
    // Seventh: first contact 95.0%.
    ['test/answering/fixtures/near-miss-seventh.jsonl', 0.95],
    // Eighth: first contact 90.0%, not looked into.
    ['test/answering/fixtures/near-miss-eighth.jsonl', 0.9],
    // Thirteenth: first contact 82.5%; 85.0% once 'office' and 'officer' were told apart.
    ['test/answering/fixtures/near-miss-thirteenth.jsonl', 0.85],
    // Fifteenth: first contact 87.5%; 92.5% once a per-partnership answer needed the question's own words.
    ['test/answering/fixtures/near-miss-fifteenth.jsonl', 0.92],
    // Sixteenth: first contact 93.3%.
    ['test/answering/fixtures/near-miss-sixteenth.jsonl', 0.93],
    // Eighteenth: first contact 90.0%; 97.5% once workplace requests were words and a care package no sign.
    ['test/answering/fixtures/near-miss-eighteenth.jsonl', 0.97],
  ])('%s: refused in at least the floor', async (path, floor) => {
    const s = await score(load(path));
    expect(rate(s.abstention)).toBeGreaterThanOrEqual(floor);
  });
});

describe('factual and typed-as-staff-type questions (fourth independent set and typo set)', () => {
  it.each([
    ['test/answering/fixtures/fourth-questions.jsonl', 0.87, 0.85],
    ['test/answering/fixtures/typo-questions.jsonl', 0.68, 0.95],
    ['test/answering/fixtures/fifth-questions.jsonl', 0.8, 0.9],
    ['test/answering/fixtures/typo-second.jsonl', 0.75, 0.95],
    ['test/answering/fixtures/sixth-questions.jsonl', 0.8, 0.9],
    // Seventh: first contact 83.0% / 85.0%, looked into since; eighth: scored once, 73.8% / 65.0%.
    ['test/answering/fixtures/seventh-questions.jsonl', 0.84, 0.85],
    ['test/answering/fixtures/eighth-questions.jsonl', 0.77, 0.65],
    // Ninth: first contact 71.0% / 75.0%; 78.0% / 95.0% after the checks it prompted (asked detail, counts, dates, two records).
    ['test/answering/fixtures/ninth-questions.jsonl', 0.77, 0.95],
    // Tenth and third typo set (fifth session): first contact 84.0% / 90.0% and 76.9% / 87.5%;
    // abstention 100% on both after the person-name and room-number marks.
    ['test/answering/fixtures/tenth-questions.jsonl', 0.83, 0.95],
    ['test/answering/fixtures/typo-third.jsonl', 0.76, 0.95],
    // Eleventh: first contact 85.0% / 90.0%, not looked into.
    ['test/answering/fixtures/eleventh-questions.jsonl', 0.84, 0.9],
    // Thirteenth and its typo set (3 December): first contact 79.6% / 91.7% and 68.5% / 33.3%;
    // 80.6% / 91.7% and 68.5% / 83.3% after years read as typed and 'numbers' asking for a figure.
    ['test/answering/fixtures/thirteenth-questions.jsonl', 0.8, 0.91],
    ['test/answering/fixtures/typo-thirteenth.jsonl', 0.68, 0.83],
    // Fourteenth (end of the same session, scored once): first contact 82.9% / 60.0%, not looked into.
    ['test/answering/fixtures/fourteenth-questions.jsonl', 0.82, 0.6],
    // Fifteenth and its typo set (3 December, fourth session): first contact 83.8% / 80.0% and
    // 77.8% / 83.3%; 83.8% / 80.0% and 77.8% / 83.3% after the round's changes.
    ['test/answering/fixtures/fifteenth-questions.jsonl', 0.83, 0.8],
    ['test/answering/fixtures/typo-fifteenth.jsonl', 0.77, 0.83],
    // Sixteenth (66 clean, 30 typed badly, 14 to abstain on): first contact 75.0% / 85.7%; 77.1% / 85.7% after.
    ['test/answering/fixtures/sixteenth-questions.jsonl', 0.77, 0.85],
    // Seventeenth (end of the same round, scored once, not looked into): 63.6% / 91.7%.
    ['test/answering/fixtures/seventeenth-questions.jsonl', 0.63, 0.91],
    // Eighteenth (ninth session; 88 to answer incl. 25 typed badly, 12 to abstain on): first contact
    // 64.8% / 91.7% (citations 81.2%, harmful 29.6%); 70.5% / 91.7% after two-part questions and
    // what a document says.
    ['test/answering/fixtures/eighteenth-questions.jsonl', 0.7, 0.91],
    // Nineteenth (88 to answer incl. 25 typed badly, 12 to abstain on), scored once at 7826b7a and,
    // the same, at 95e50b6: 71.6% / 91.7% (citations 78.4%, harmful 26.7%); 73.9% / 91.7% after
    // "where is it published?" needed a sentence saying where and "who led" an action its lead.
    ['test/answering/fixtures/nineteenth-questions.jsonl', 0.73, 0.91],
    // Twenty-first (88 to answer incl. 30 typed badly, 12 to abstain on), scored once at 3e1d236:
    // 86.4% / 91.7% (citations 85.0%, harmful 9.5%); not looked into. (Its situations, 87.0% route
    // first and 999 first on 17 of 20 at first contact, had no floor until the triage learned them:
    // see the routes table above.)
    ['test/answering/fixtures/twentyfirst-questions.jsonl', 0.86, 0.91],
    // Twenty-third (88 to answer incl. 30 typed badly, 12 to abstain on), scored once at 16fa73d:
    // 84.1% / 83.3% (citations 86.1%, harmful 14.9%); 84.1% / 91.7% after the round (the off-topic
    // reader learning the written questions); not looked into.
    ['test/answering/fixtures/twentythird-questions.jsonl', 0.84, 0.91],
  ])('%s holds its answered-correct and abstention floors', async (path, correctFloor, abstainFloor) => {
    const s = await score(load(path));
    expect(rate(s.answeredCorrect)).toBeGreaterThanOrEqual(correctFloor);
    expect(rate(s.abstention)).toBeGreaterThanOrEqual(abstainFloor);
  });
});
