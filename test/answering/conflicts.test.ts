/**
 * Where two documents disagree (HSCP subgroups two or three, the Council's contribution, the LADO
 * total against its own percentages), the answer says so and cites both documents with their
 * sections, so a practitioner never gets one side silently.
 */
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../knowledge/load.ts';
import { Matcher } from '../../domain/answering/matcher.ts';
import { Composer } from '../../domain/answering/compose.ts';
import { createAnswerEngine } from '../../domain/answering/engine.ts';

const kb = loadKnowledge();
const matcher = new Matcher(kb.records);
const composer = new Composer(kb.documents);
const withConflicts = kb.records.filter((r) => r.conflicts.length > 0);

describe('records whose documents disagree', () => {
  it('exist in the knowledge base (the audit found three)', () => {
    expect(withConflicts.length).toBeGreaterThanOrEqual(3);
  });

  it.each(withConflicts.map((r) => [r.id, r] as const))('%s: the answer says so and cites both sides', (_id, record) => {
    const unit = matcher.unitsOf(record.id).find((u) => u.attr === 'summary') ?? matcher.unitsOf(record.id)[0]!;
    const a = composer.single(unit, 1, 'fact');
    expect(a.text).toMatch(/disagree|differ|not consistent/i);
    for (const c of record.conflicts) {
      for (const s of c.sources) {
        if (!('document' in s)) continue;
        expect(
          a.sources.some((x) => x.document === s.document && x.section === s.section),
          `${s.document} §${s.section}`,
        ).toBe(true);
      }
    }
  });

  it('a question about the subgroups gets both counts with both documents', () => {
    const a = createAnswerEngine(kb).answer('how many subgroups does the Haringey HSCP have?');
    expect(a.text).toMatch(/two/);
    expect(a.text).toMatch(/three/);
    expect(new Set(a.sources.map((s) => s.document.slice(0, 3)))).toEqual(new Set(['000', '001']));
  });
});
