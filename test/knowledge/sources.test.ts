import { describe, expect, it } from 'vitest';
import { loadKnowledge, allSources } from '../../knowledge/load.ts';
import { findQuoteProblems } from '../../knowledge/verify-quotes.ts';
import { scopeProblem } from '../../knowledge/primary-sources.ts';

const kb = loadKnowledge();

describe('every fact has a verified source', () => {
  it('loads and validates every data file', () => {
    expect(kb.records.length).toBeGreaterThan(0);
  });

  it('every quote is verbatim in its seed document (whitespace-insensitive)', () => {
    const problems = findQuoteProblems(kb).map((p) => `${p.recordId}: ${p.document} §${p.section}: "${p.quote.slice(0, 80)}"`);
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

describe('national and London facts cite primary documents', () => {
  it("no record cites another area's page, a school's copy or a summary as national or London, and local pages name their partnership", () => {
    const problems = kb.records.flatMap((r) =>
      allSources(r).flatMap((s) => {
        if (!('national' in s)) return [];
        const p = scopeProblem(s);
        return p ? [`${r.id}: ${p}`] : [];
      }),
    );
    expect(problems).toEqual([]);
  });

  it('every Working Together or KCSIE citation says the edition it was checked in and the current edition to check', () => {
    const missing = kb.records.flatMap((r) =>
      allSources(r).flatMap((s) =>
        'national' in s && /Working Together|Keeping Children Safe/.test(s.title) && (!s.checkedIn || !s.currentEdition)
          ? [`${r.id}: ${s.title} ${s.section}`]
          : [],
      ),
    );
    expect(missing).toEqual([]);
  });

  it.each([
    ['https://www.staffsscp.org.uk/allegations-of-abuse/', 'national', undefined, /not a primary national document/],
    ['https://studylib.net/doc/18565560/threshold-document', 'london', undefined, /not the London procedures/],
    ['https://www.haringey.gov.uk/children-and-families', 'local', 'harrow', /not a harrow page/],
    ['https://www.haringey.gov.uk/children-and-families', 'local', undefined, /names no partnership/],
  ] as const)('the scope check rejects %s cited as %s', (url, scope, partnership, re) => {
    const src = { national: true as const, title: 'x page', section: 's', url, scope, ...(partnership ? { partnership } : {}) };
    expect(scopeProblem(src)).toMatch(re);
  });
});

describe('answers show the edition a national paragraph was checked in', () => {
  it('every Working Together or KCSIE paragraph cited by a record says so in the section an answer shows', () => {
    const missing = kb.records.flatMap((r) =>
      allSources(r).flatMap((s) =>
        'national' in s && s.currentEdition && !s.section.includes(`check it in ${s.currentEdition}`) ? [`${r.id}: ${s.section}`] : [],
      ),
    );
    expect(missing).toEqual([]);
  });
});
