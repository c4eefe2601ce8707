/**
 * Coverage summary for admins: what the knowledge base holds and where it is thin.
 * A body without a chair or cadence is listed only when it is missing entirely;
 * an explicit "not stated" is a recorded fact about the document and counted apart.
 */
import type { KnowledgeBase } from './load.ts';
import { NOT_STATED, type KnowledgeRecord } from './schema.ts';

export interface Coverage {
  total: number;
  byType: Record<string, number>;
  byPartnership: Record<string, number>;
  chairNotStated: string[];
  cadenceNotStated: string[];
  acronymsWithoutExpansion: string[];
  historical: number;
  national: number;
}

const ACRONYM = /\b[A-Z][A-Z&]{1,7}s?\b/g;
// Words in capitals that are not acronyms people would ask about.
const NOT_ACRONYMS = new Set(['THE', 'AND', 'FOR', 'OF', 'TO', 'A', 'I', 'II', 'III', 'IV', 'UK', 'NB', 'OR', 'IN', 'ON', 'BY']);

export function coverageReport(kb: KnowledgeBase): Coverage {
  const byType: Record<string, number> = {};
  const byPartnership: Record<string, number> = {};
  const chairNotStated: string[] = [];
  const cadenceNotStated: string[] = [];
  const glossary = new Set<string>();
  const used = new Map<string, string>();

  for (const r of kb.records) {
    byType[r.type] = (byType[r.type] ?? 0) + 1;
    const p = r.partnership ?? 'national/common';
    byPartnership[p] = (byPartnership[p] ?? 0) + 1;
    if (r.type === 'body') {
      if (r.chair === NOT_STATED) chairNotStated.push(r.id);
      if (r.cadence === NOT_STATED) cadenceNotStated.push(r.id);
    }
    if (r.type === 'glossary') glossary.add(r.acronym.toUpperCase());
    for (const text of [r.name, ...r.aliases, summaryText(r)]) {
      for (const m of text.matchAll(ACRONYM)) {
        const a = m[0].replace(/s$/, '');
        if (!NOT_ACRONYMS.has(a) && !used.has(a)) used.set(a, r.id);
      }
    }
  }
  const acronymsWithoutExpansion = [...used.entries()].filter(([a]) => !glossary.has(a)).map(([a, id]) => `${a} (in ${id})`);
  return {
    total: kb.records.length,
    byType,
    byPartnership,
    chairNotStated,
    cadenceNotStated,
    acronymsWithoutExpansion,
    historical: kb.records.filter((r) => r.historical).length,
    national: kb.records.filter((r) => r.national).length,
  };
}

function summaryText(r: KnowledgeRecord): string {
  return r.summary.text;
}

export function formatCoverage(c: Coverage): string {
  const lines = [
    `Knowledge base: ${c.total} records (${c.national} national, ${c.historical} historical)`,
    '',
    'Records per kind:',
    ...Object.entries(c.byType)
      .sort()
      .map(([k, n]) => `  ${k.padEnd(14)} ${n}`),
    '',
    'Records per partnership:',
    ...Object.entries(c.byPartnership)
      .sort()
      .map(([k, n]) => `  ${k.padEnd(16)} ${n}`),
    '',
    `Bodies whose chair the document does not state (${c.chairNotStated.length}): ${c.chairNotStated.join(', ') || 'none'}`,
    `Bodies whose cadence the document does not state (${c.cadenceNotStated.length}): ${c.cadenceNotStated.join(', ') || 'none'}`,
    `Acronyms used without a glossary expansion (${c.acronymsWithoutExpansion.length}): ${c.acronymsWithoutExpansion.join(', ') || 'none'}`,
    '',
  ];
  return lines.join('\n');
}
