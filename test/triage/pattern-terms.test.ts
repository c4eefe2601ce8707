/**
 * How a vocabulary term is read: gaps of any width, and a gap written wrong is a readable error at
 * start (it used to be read as a word nobody types, so the term silently never matched).
 */
import { describe, expect, it } from 'vitest';
import { compileTerm } from '../../domain/triage/patterns.ts';

const groups = new Set(['worker', 'conduct']);

describe('vocabulary terms', () => {
  it('reads a gap of two digits as a gap', () => {
    const t = compileTerm('grab ~12 {worker}', groups);
    expect(JSON.stringify(t)).toContain('"max":12');
  });

  it.each(['grab ~x {worker}', 'grab ~ {worker}', 'grab ~3!unknown {worker}'])('refuses "%s" with a readable error', (term) => {
    expect(() => compileTerm(term, groups)).toThrow(/KB_INVALID|gap|unknown group/);
  });
});

describe('a wide gap in the vocabulary', () => {
  it('reads a child snatched and driven off, with the child described between, as taken away now', async () => {
    const { loadKnowledge } = await import('../../knowledge/load.ts');
    const { createTriage } = await import('../../domain/triage/triage.ts');
    const triage = createTriage(loadKnowledge().triage);
    const r = triage.triage('her ex has grabbed their 4 year old boy off the pavement outside the shops and driven off');
    expect(r.matched).toHaveProperty('taken_away_now');
    expect(r.routes[0]).toBe('emergency');
  });
});
