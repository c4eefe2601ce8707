/**
 * How often a group meets, as one sentence built from the document's own words: a plan's
 * intention ("to meet monthly") and a named forum ("the existing termly PVI Forum") read as
 * English, not as "meets to meet monthly".
 */
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../knowledge/load.ts';
import { buildUnits } from '../../domain/answering/units.ts';

const kb = loadKnowledge();
const cadences = buildUnits(kb.records).filter((u) => u.attr === 'cadence' && !u.notStated);

describe('cadence sentences', () => {
  it('are built for every group whose documents say how often it meets', () => {
    expect(cadences.length).toBeGreaterThan(20);
  });

  it.each(cadences.map((u) => [u.record.id, u.text] as const))('%s: %s', (_id, text) => {
    expect(text).not.toMatch(/\bmeets (to|the|a|an)\b/i);
    expect(text).toMatch(/\.$/);
  });

  it("says a 2009 plan's intention as one", () => {
    const u = cadences.find((c) => c.record.name.startsWith('Safeguarding Policy and Practice Panel'));
    expect(u?.text).toMatch(/was to meet monthly/);
  });
});
