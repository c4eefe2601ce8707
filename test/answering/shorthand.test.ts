/**
 * Chat shorthand: every example in knowledge/language/shorthand.yaml is a test, a bad table fails
 * at load with the file named, and shorthand questions reach the right partnership's record.
 */
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../knowledge/load.ts';
import { loadShorthand } from '../../knowledge/language-load.ts';
import { createShorthand } from '../../domain/answering/shorthand.ts';
import { createAnswerEngine } from '../../domain/answering/engine.ts';
import { tempFile } from '../support/temp-file.ts';

const data = loadShorthand();
const expand = createShorthand(data);

describe('the examples in knowledge/language/shorthand.yaml', () => {
  it('has examples, including one that must be left alone', () => {
    expect(data.examples.length).toBeGreaterThanOrEqual(5);
    expect(data.examples.some((e) => e.message === e.expect)).toBe(true);
  });
  it.each(data.examples.map((e) => [e.message, e.expect]))('%s', (message, expected) => {
    expect(expand(message)).toBe(expected);
  });
});

describe('the shorthand table as configuration', () => {
  it('rejects a key that is not one lower-case word, naming the file', () => {
    const file = tempFile('shorthand.yaml', 'terms:\n  "Two Words": x\n');
    expect(() => loadShorthand(file)).toThrow(/shorthand\.yaml: terms\.Two Words: /);
  });
  it('never expands an acronym the documents use (the glossary answers those)', () => {
    const kb = loadKnowledge();
    const acronyms = new Set(kb.records.flatMap((r) => (r.type === 'glossary' ? [r.acronym.toLowerCase()] : [])));
    expect(Object.keys(data.terms).filter((k) => acronyms.has(k))).toEqual([]);
  });
});

describe('questions typed in shorthand', () => {
  const engine = createAnswerEngine(loadKnowledge());
  it.each([
    ['hgy exec group who chairs it', '000', /independent chair/i],
    ['hw often does c&h exec meet', '003', /bi-monthly|6 times a year/i],
    ['wht r the hrw sub groups', '002', /quality assurance/i],
  ])('%s', (q, doc, must) => {
    const a = engine.answer(q);
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(must);
    expect(a.sources.some((s) => s.document.startsWith(doc))).toBe(true);
  });
  it('reads shorthand in a described situation too: "mum\'s bf" is a family member', () => {
    const a = engine.answer("yr 4 says mum's bf hits her with a belt");
    expect(a.routes?.[0]).toBe('mash');
  });
});
