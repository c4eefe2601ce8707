/**
 * The records a follow-up can point to: the same record's other fields, the nearest equivalent in
 * another partnership, what an acronym stands for, the group a sentence names. Split from the
 * resolver (follow-up.ts), which reads the message's cues and decides which of these applies.
 */
import type { KnowledgeRecord, PartnershipId } from '../../knowledge/schema.ts';
import type { FollowUpData } from './follow-up-types.ts';
import { contentTerms } from './text.ts';
import type { AnswerUnit } from './units.ts';

/** How surely words must name another record for "and the SSP?" to switch to it. */
export const SWITCH_ENTITY = 0.5;

/** The attribute part of a unit's key ("chair", "fact:hosting"). */
export const suffixOf = (u: AnswerUnit): string => u.key.slice(u.key.indexOf('#') + 1);

export interface FollowUpTargetDeps {
  data: FollowUpData;
  records: readonly KnowledgeRecord[];
  byId: ReadonlyMap<string, KnowledgeRecord>;
  unitsOf: (recordId: string) => readonly AnswerUnit[];
  /** How well words name each record (the matcher's entity scores). */
  namedIn: (text: string) => ReadonlyMap<string, number>;
  /** Place words ("haringey", "city"): no part of a group's own name. */
  placeWords: ReadonlySet<string>;
}

export function createFollowUpTargets({ data, records, byId, unitsOf, namedIn, placeWords }: FollowUpTargetDeps) {
  function unitOf(record: KnowledgeRecord, attr: string | undefined): AnswerUnit | undefined {
    const units = unitsOf(record.id);
    return units.find((u) => suffixOf(u) === attr) ?? units.find((u) => u.attr === attr) ?? units.find((u) => u.attr === 'summary');
  }

  function equivalent(record: KnowledgeRecord, p: PartnershipId): KnowledgeRecord | undefined {
    const listed = data.equivalents
      .find((g) => g.includes(record.id))
      ?.map((id) => byId.get(id))
      .find((r) => r?.partnership === p);
    if (listed) return listed;
    const same = records.filter(
      (r) =>
        r.partnership === p &&
        sameKind(r, record) &&
        (r.type !== 'body' || record.type !== 'body' || r.kind === record.kind) &&
        (r.type !== 'glossary' || record.type !== 'glossary' || r.acronym.toLowerCase() === record.acronym.toLowerCase()),
    );
    if (record.type === 'partnership' || record.type === 'glossary' || (record.type === 'topic' && same.length === 1)) return same[0];
    // Otherwise the name must share words beyond the partnership's own, or we would guess.
    const mine = new Set(nameTerms(record));
    let best: { r: KnowledgeRecord; score: number } | undefined;
    for (const r of same) {
      const theirs = nameTerms(r);
      const shared = theirs.filter((t) => mine.has(t)).length;
      const score = shared / Math.max(1, new Set([...mine, ...theirs]).size);
      if (shared && (!best || score > best.score)) best = { r, score };
    }
    return best && best.score >= 0.34 ? best.r : undefined;
  }

  /** The body, post or topic a glossary entry's expansion names (the best-named record of its partnership). */
  function standsFor(g: Extract<KnowledgeRecord, { type: 'glossary' }>): KnowledgeRecord | undefined {
    let best: { r: KnowledgeRecord; score: number } | undefined;
    for (const [id, score] of namedIn(g.expansion)) {
      const r = byId.get(id);
      if (!r || r.type === 'glossary' || (g.partnership !== null && r.partnership !== g.partnership)) continue;
      if (score >= SWITCH_ENTITY && (!best || score > best.score)) best = { r, score };
    }
    return best?.r;
  }

  /** The field `attr` of the first group the record's sentence `said` names, of the same partnership. */
  function groupNamedIn(record: KnowledgeRecord, said: string | undefined, attr: string): AnswerUnit | undefined {
    const text = said ? unitOf(record, said)?.text : undefined;
    if (!text) return undefined;
    const lower = text.toLowerCase();
    const at = (r: KnowledgeRecord): number => Math.min(...[r.name, ...r.aliases].map((n) => lower.indexOf(n.toLowerCase())).filter((i) => i >= 0), Infinity);
    const named = [...namedIn(text)]
      .filter(([id, sc]) => sc >= SWITCH_ENTITY && id !== record.id)
      .map(([id]) => byId.get(id))
      .filter(
        (r): r is KnowledgeRecord => r !== undefined && r.type === 'body' && !r.historical && r.partnership === record.partnership && Number.isFinite(at(r)),
      )
      .sort((a, b) => at(a) - at(b));
    for (const r of named) {
      const unit = unitsOf(r.id).find((u) => !u.notStated && (u.attr === attr || suffixOf(u) === attr));
      if (unit) return unit;
    }
    return undefined;
  }

  /** A current record of the same type and, where both have one, the same topic. */
  function sameKind(r: KnowledgeRecord, record: KnowledgeRecord): boolean {
    return r.type === record.type && !r.historical && (!('topic' in r) || !('topic' in record) || r.topic === record.topic);
  }

  function nameTerms(r: KnowledgeRecord): string[] {
    return contentTerms(r.name).filter((t) => !placeWords.has(t) && !/^(hscp|chscp|lscb|hscb|ssp|safeguard|partnership)$/.test(t));
  }

  /**
   * The same kind of record for the other place of a two-place partnership ("and Hackney's?" after
   * the City of London's threshold document): same partnership and type, the place asked.
   */
  function otherPlace(record: KnowledgeRecord, place: 'city' | 'hackney'): KnowledgeRecord | undefined {
    if (!record.place || record.place === place) return undefined;
    const same = records.filter((r) => r.partnership === record.partnership && r.place === place && sameKind(r, record));
    return same.length === 1 ? same[0] : undefined;
  }

  return { unitOf, equivalent, standsFor, groupNamedIn, otherPlace };
}
