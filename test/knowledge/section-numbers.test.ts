/**
 * The section number of every seed citation is the numbered paragraph that holds the quote,
 * or a heading above it. The checker is tested on small documents shaped like the seeds
 * (wrapped lines, list markers, a paragraph run into the line before, a numbered list inside
 * a section, a table of contents) and then run over every citation in the knowledge base.
 */
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../knowledge/load.ts';
import { citedNumber, findSectionProblems, indexSeed, paragraphAt } from '../../knowledge/section-check.ts';
import { normaliseForQuote } from '../../knowledge/verify-quotes.ts';

const SEED = [
  '1.\tIntroduction\t3',
  '4.\tDispute Resolution\t30',
  '1. Introduction',
  '1.1 This document sets out the arrangements.',
  '2. Our focus',
  '2.1 The partnership will focus on:',
  '1. Measuring impact linked to practice;',
  '2. Workforce development;',
  '- 2.2 Meetings will be held on a quarterly basis as required. 2.3 In particular, the group will seek collaboration.',
  '3 The Commissioning of Reviews',
  '3.1 Serious Cases',
  '- 3.2 The Panel decides.',
  '3.3 14% of the population has a limiting illness.',
  '4. Dispute Resolution',
  '4.1 Resolve disputes locally through timely dialogue.',
].join('\n');

describe('finding the paragraph that holds a quote', () => {
  const { text, markers } = indexSeed(SEED);
  // The last occurrence: a heading's table-of-contents entry comes first.
  const where = (quote: string) => paragraphAt(markers, text.lastIndexOf(normaliseForQuote(quote)));
  it.each([
    ['a paragraph on its own line', 'Resolve disputes locally', '4.1'],
    ['a heading line (not its table-of-contents entry)', '4. Dispute Resolution', '4'],
    ['an item of a numbered list inside 2.1 (not section 1 or 2)', 'Workforce development;', '2.1'],
    ['a paragraph the extraction ran on into the line before', 'In particular, the group', '2.3'],
    ['a list-marked paragraph', 'The Panel decides', '3.2'],
    ['a paragraph starting with a figure', '14% of the population', '3.3'],
  ])('%s', (_name, quote, expected) => {
    expect(where(quote)).toBe(expected);
  });

  it.each([
    ['21.1', '21.1'],
    ['18 Dispute resolution and escalation process', '18'],
    ['§21.1', '21.1'],
    ['13. HSCP - Functional responsibilities (13.17)', '13'],
    ['Appendix 2', undefined],
    ['page text', undefined],
  ])('reads the number cited in "%s"', (section, expected) => {
    expect(citedNumber(section)).toBe(expected);
  });
});

describe('every seed citation in the knowledge base', () => {
  it('names the section that holds its quote (or a heading above it)', () => {
    const problems = findSectionProblems(loadKnowledge()).map((p) => `${p.recordId}: cites ${p.cited}, quote in ${p.found}`);
    expect(problems).toEqual([]);
  });

  it('would catch a citation carrying the number of the paragraph before', () => {
    const kb = loadKnowledge();
    const rec = structuredClone(kb.records.find((r) => r.id === 'glossary.001.cdop')!);
    rec.sources = rec.sources.map((s) => ('document' in s ? { ...s, section: '6.5' } : s));
    expect(findSectionProblems({ ...kb, records: [rec] }).map((p) => p.found)).toContain('7');
  });
});
