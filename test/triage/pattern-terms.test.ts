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

// A gap stays within its sentence: "...living in a car with their dad. Nothing back, chased twice"
// had read as a parent ignoring calls (sixteenth fresh set), which hid the agency's silence.
// A bracket or a dash does not end a sentence: "dad (lives with the kids) works as a caretaker".
describe('a gap does not cross the end of a sentence', () => {
  it.each([
    ['his dad is here. Nothing has come back from them', false],
    ['his dad has had nothing back from them', true],
    ['his dad (who lives with us) has had nothing back', true],
    ['his dad - who lives with us - has had nothing back', true],
  ])('"%s": %s', async (message, expected) => {
    const { compiledGroups } = await import('../../domain/triage/patterns-data.ts');
    const { MessageMatches } = await import('../../domain/triage/patterns.ts');
    const { tokenise } = await import('../../domain/triage/lemmas.ts');
    const compiled = compiledGroups({ family: ['dad'], silent: ['nothing ~2 back'], both: ['{family} ~6 {silent}'] });
    expect(new MessageMatches(tokenise(message), compiled).has('both')).toBe(expected);
  });
});
