/**
 * What kind of fact a question asks for: every example in knowledge/language/intents.yaml gets
 * at least its rule's weights, the rule forms (phrases, in-order, opening words, prefixes, vetoes)
 * behave as the file's header says, and a broken file fails at load with the file named.
 */
import { describe, expect, it } from 'vitest';
import { loadIntents } from '../../knowledge/language-load.ts';
import { createIntentReader } from '../../domain/answering/intents.ts';
import { tempFile } from '../support/temp-file.ts';

const rules = loadIntents();
const detect = createIntentReader(rules);

describe('the examples in knowledge/language/intents.yaml', () => {
  const cases = rules.flatMap((r, i) => (r.examples ?? []).map((e) => [`rule ${i}: ${e}`, e, r.weights] as const));
  it.each(cases)('%s', (_name, example, weights) => {
    const got = detect(example);
    for (const [attr, w] of Object.entries(weights)) expect(got[attr as keyof typeof got] ?? 0).toBeGreaterThanOrEqual(w!);
  });
});

describe('the rule forms', () => {
  const reader = createIntentReader([
    { weights: { chair: 3 }, all: [['who'], ['chairs']] },
    { weights: { summary: 1 }, start: ['what is'] },
    { weights: { involved: 1 }, prefix: ['participat'] },
    { weights: { accountableTo: 3 }, any: ['accountable'], not: ['accountable officer'] },
  ]);
  it.each([
    ['who usually chairs it', { chair: 3 }],
    ['chairs who', {}],
    ['what is the HSCP', { summary: 1 }],
    ['so what is the HSCP', {}],
    ['schools participating', { involved: 1 }],
    ['who is it accountable to', { accountableTo: 3 }],
    ['who is the accountable officer', {}],
  ])('%s', (q, expected) => {
    expect(reader(q)).toEqual(expected);
  });
});

describe('the intents file as configuration', () => {
  it('rejects an unknown attribute, naming the file', () => {
    const file = tempFile('intents.yaml', 'rules:\n  - weights: { chairman: 3 }\n    any: [chair]\n    examples: [who chairs]\n');
    expect(() => loadIntents(file)).toThrow(/intents\.yaml: rules\.0\.weights/);
  });
  it('rejects a rule that could never fire', () => {
    const file = tempFile('intents.yaml', 'rules:\n  - weights: { chair: 3 }\n    examples: [who chairs]\n');
    expect(() => loadIntents(file)).toThrow(/a rule needs any, all, start or prefix/);
  });
});
