import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../knowledge/load.ts';
import { createAnswerEngine } from '../../domain/answering/engine.ts';

const kb = loadKnowledge();
const engine = createAnswerEngine(kb);
const placeOf = (id: string) => kb.records.find((r) => r.id === id)?.place;

describe('City of London and Hackney: one partnership, facts tagged by place', () => {
  it('only City & Hackney records carry a place', () => {
    const tagged = kb.records.filter((r) => r.place);
    expect(tagged.length).toBeGreaterThan(0);
    expect(tagged.every((r) => r.partnership === 'city-hackney')).toBe(true);
  });

  it.each([
    ["what is Hackney's threshold document?", 'hackney', /Hackney Resource Guide/],
    ['which threshold document does the City of London use?', 'city', /City of London Thresholds of Need/],
    ['hackney threshold doc', 'hackney', /Hackney/],
    ['who is the chief executive of Hackney council?', 'hackney', /Hackney/],
  ])('%s answers from %s records only', (q, place, text) => {
    const a = engine.answer(q);
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(text);
    for (const id of a.recordIds) expect([undefined, place]).toContain(placeOf(id));
  });
});
