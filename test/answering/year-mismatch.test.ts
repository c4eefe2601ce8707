/**
 * A figure for another year is not an answer (issue 9: "how many LADO contacts in 2019/20?" was
 * answered with 2018/19's 271 because the report about 2018/19 was published in 2020).
 */
import { describe, expect, it } from 'vitest';
import { datesSpokenFor, namesMonth, yearMismatch } from '../../domain/answering/limits.ts';
import { loadKnowledge } from '../../knowledge/load.ts';
import { createAnswerEngine } from '../../domain/answering/engine.ts';

describe('yearMismatch', () => {
  it.each([
    // question, the answer's own words, the document's date, mismatch?
    ['how many LADO contacts in 2018-19?', 'In total there were 271 contacts in 2018-19.', '2020', false],
    ['how many LADO contacts in 18/19?', 'In total there were 271 contacts in 2018-19.', '2020', false],
    ['how many LADO contacts in 2019/20?', 'In total there were 271 contacts in 2018-19.', '2020', true],
    ['re-referral rate in 2017/18?', 'Children in numbers 2018/19: 46.9% became referrals.', '2020', true],
    ['re-referral rate in 2018/19?', 'Children in numbers 2018/19: 46.9% became referrals.', '2020', false],
    ['what was the budget in 2018/19?', 'The budget agreed in March 2019 was £143,100.', '', false],
    ['what was the 2020/21 budget?', 'The budget for 2019-2020 was £143,100.', '', true],
    ['what did the 2019 arrangements say about scrutiny?', 'An independent scrutineer will publish a report.', '2019', false],
    ['what did the 2019 arrangements say about scrutiny?', 'An independent scrutineer will publish a report.', '2017', true],
    ['who chairs the executive?', 'The Independent Chair for 2019-20.', '', false],
  ])('%s / %s / dated %s: %s', (question, answer, dated, expected) => {
    expect(yearMismatch(question, answer, dated)).toBe(expected);
  });
});

describe('years through the engine', () => {
  const kb = loadKnowledge();
  const engine = createAnswerEngine(kb);

  it('reads a year as typed ("21/22"), which the corrected words lose ("21 22")', () => {
    const a = engine.answer('haringey lado contacts 21/22?', { partnership: 'haringey' });
    expect(a.answered).toBe(false);
    expect(a.reason).toBe('year-not-covered');
  });

  it('dates an answer by the period its document names (the annual report of April 2018 - September 2019)', () => {
    const a = engine.answer('Who chaired the Haringey CDOP in 2018/19?');
    expect(a.answered).toBe(true);
    expect(a.sources.some((s) => s.document.startsWith('001'))).toBe(true);
  });
});

// A document whose title names a period speaks for that period, not for the next year nor for its
// publication year: "the 2019/20 deaths" are not in the report of April 2018 - September 2019
// (fifteenth fresh set's kind), while "in 2019" is (a span covers the year it ends in).
describe('the dates a document speaks for', () => {
  it.each([
    [{ title: 'Annual Report April 2018 - September 2019', published: '2020-02-10' }, '2018/19'],
    [{ title: 'Safeguarding Arrangements', published: '2019-06-28' }, '2019'],
    [{ title: 'Action Plan 2009', published: '2009-02-01' }, '2009 2009'],
  ])('%j speaks for %s', (doc, dates) => {
    expect(datesSpokenFor(doc)).toBe(dates);
  });

  it.each([
    ['how many child deaths were reviewed in 2019/20?', true],
    ['how many child deaths were reviewed in 2018/19?', false],
    ['who chaired the challenge meetings in 2019?', false],
    ['who chaired the meetings in 2016?', true],
  ])('%s -> year not covered: %s', (question, expected) => {
    expect(yearMismatch(question, 'The panel reviewed the deaths of children resident in the borough.', '2018/19')).toBe(expected);
  });
});

describe('a month named in a date', () => {
  it.each([
    ['4 to 8 December 2017', true],
    // The 2009 plan's timescales abbreviate months.
    ['the timescale for action 1.2.4 was: Apr – Jul 2009.', true],
    ['Feb - May 09', true],
    ['Sept 2009', true],
    // "May" the verb, and a word that only starts like a month, are no date.
    ['the chair may decide', false],
    ['the Marches and the Decembrist', false],
  ])('%s -> %s', (text, expected) => {
    expect(namesMonth(text)).toBe(expected);
  });
});
