import { describe, expect, it } from 'vitest';
import { loadKnowledge, allSources } from '../../knowledge/load.ts';
import { findQuoteProblems } from '../../knowledge/verify-quotes.ts';

const kb = loadKnowledge();

describe('every fact has a verified source', () => {
  it('loads and validates every data file', () => {
    expect(kb.records.length).toBeGreaterThan(0);
  });

  it('every quote is verbatim in its seed document (whitespace-insensitive)', () => {
    const problems = findQuoteProblems(kb).map(
      (p) => `${p.recordId}: ${p.document} §${p.section}: "${p.quote.slice(0, 80)}"`,
    );
    expect(problems).toEqual([]);
  });

  it('every record has at least one source, and national ones are marked national', () => {
    for (const r of kb.records) {
      expect(r.sources.length, r.id).toBeGreaterThan(0);
      const nationalOnly = allSources(r).every((s) => 'national' in s);
      if (nationalOnly) expect(r.national, `${r.id} cites only national documents`).toBe(true);
    }
  });

  it('every seed document has a title and a publication date', () => {
    expect(kb.documents.map((d) => d.file.slice(0, 3)).sort()).toEqual(['000', '001', '002', '003', '004']);
    for (const d of kb.documents) expect(d.published).toMatch(/^\d{4}-\d{2}/);
  });
});
