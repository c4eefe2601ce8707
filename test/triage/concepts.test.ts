/**
 * The procedure words a question gains from what it describes, table-driven from
 * knowledge/triage/concepts.yaml: each example gains its concept's words, and the `none`
 * questions (questions about the arrangements, IT tickets, "my back is killing me") gain none.
 */
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../knowledge/load.ts';
import { createTriage } from '../../domain/triage/triage.ts';

const kb = loadKnowledge();
const triage = createTriage(kb.triage);
const concepts = kb.triage.concepts ?? [];

describe('a described situation gains the procedure it points to', () => {
  it('holds concepts', () => {
    expect(concepts.length).toBeGreaterThan(5);
  });

  it.each(concepts.flatMap((c) => c.examples.map((q) => [c.add, q] as const)))('"%s" for: %s', (words, q) => {
    expect(triage.conceptWords(q)).toContain(words);
  });
});

describe('questions that describe no situation gain nothing', () => {
  it.each(kb.triage.conceptsNone ?? [])('%s', (q) => {
    expect(triage.conceptWords(q)).toBe('');
  });
});
