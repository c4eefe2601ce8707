/**
 * Spells out a post's acronym the first time an answer uses it ("the AD (Assistant Director)
 * Social Care"), from the glossary of the same partnership: a practitioner reading "AD" or
 * "SPA" at 4:55 on a Friday should not have to ask a second question to understand the first.
 */
import type { KnowledgeRecord, PartnershipId } from '../../knowledge/schema.ts';

// The partnerships' own names stay as they are: every answer would otherwise repeat them.
const LEAVE = new Set(['HSCP', 'CHSCP', 'CHSCB', 'HSCB', 'HSAB', 'SSP', 'LSCB', 'NHS', 'CCG', 'MASH', 'LADO']);

export class AcronymExpander {
  private readonly byPartnership = new Map<PartnershipId | null, Map<string, string>>();

  constructor(records: readonly KnowledgeRecord[]) {
    for (const r of records) {
      if (r.type !== 'glossary' || r.historical || !/^[A-Z][A-Za-z]{1,4}$/.test(r.acronym) || LEAVE.has(r.acronym)) continue;
      if (!this.byPartnership.has(r.partnership)) this.byPartnership.set(r.partnership, new Map());
      const map = this.byPartnership.get(r.partnership)!;
      if (!map.has(r.acronym)) map.set(r.acronym, r.expansion);
    }
  }

  /** At most two acronyms per answer, each once, and never one the sentence already spells out. */
  expand(text: string, partnership: PartnershipId | null, subject: string): string {
    const map = this.byPartnership.get(partnership);
    if (!map) return text;
    let done = 0;
    const seen = new Set<string>();
    // The expansion's own bracketed note does not count when looking for it in the sentence:
    // "Basic Command Unit (BCU)" already spells out "Basic Command Unit (of the Metropolitan Police Service)".
    return text.replace(/\b([A-Z][A-Za-z]{1,4})\b(?!\s*\()/g, (acr) => {
      const expansion = map.get(acr);
      if (!expansion || seen.has(acr) || done >= 2 || subject.includes(acr)) return acr;
      seen.add(acr);
      const words = expansion
        .replace(/\s*\([^)]*\)\s*/g, ' ')
        .trim()
        .toLowerCase();
      if (text.toLowerCase().includes(expansion.toLowerCase()) || text.toLowerCase().includes(words)) return acr;
      done++;
      return `${acr} (${expansion})`;
    });
  }
}
