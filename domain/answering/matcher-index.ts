/**
 * What the matcher works out from the records once (its answer units' terms, word weights, the
 * records' names, the typo vocabulary and the inverted indexes), and the same as plain JSON.
 * Why JSON: working it out is most of a start's own time (issue 13: text normalisation over
 * ~4,400 units, and wink's tagger on every record name), so `npm run build` writes it into the
 * knowledge snapshot and a production start reads it back; a start from the YAML builds it here.
 */
import type { KnowledgeRecord, PartnershipId } from '../../knowledge/schema.ts';
import { PLACE_TERMS } from './partnerships.ts';
import { allTerms, contentTerms, normalise, QUESTION_VOCABULARY, tokens } from './text.ts';
import { buildUnits, type AnswerUnit, type PrebuiltUnit } from './units.ts';

export interface AliasEntry {
  record: KnowledgeRecord;
  phrase: string;
  normalised: string;
  terms: string[];
  /** IDF of each term, same order, and their sum: fixed once the index is built. */
  weights: number[];
  total: number;
}

export interface MatcherIndex {
  units: AnswerUnit[];
  idf: Map<string, number>;
  maxIdf: number;
  aliases: AliasEntry[];
  recordTerms: Map<string, Set<string>>;
  /** Every word of the knowledge base (and of typical questions), in first-seen order: fuse.js's list. */
  vocabulary: Set<string>;
  recordPlaceTerms: Map<string, Set<string>>;
  /** For each alias term, the partnerships whose records use it (null = national/common). */
  termPartnerships: Map<string, Set<PartnershipId | null>>;
  /** Inverted indexes, term -> ascending unit (or alias) positions. */
  unitsByTerm: Map<string, number[]>;
  unitsByOwnTerm: Map<string, number[]>;
  unitsByFullTerm: Map<string, number[]>;
  unitsByPlace: Map<string, number[]>;
  unitIndexesByRecord: Map<string, number[]>;
  aliasesByTerm: Map<string, number[]>;
}

/** Bump when what is built here changes in code, so a snapshot from an older build is not read. */
const MATCHER_DATA_VERSION = 1;

type Entries<V> = Array<[string, V]>;

/** The index as JSON: records by id, sets and maps as arrays and entries, in their own order. */
export interface MatcherData {
  version: number;
  units: PrebuiltUnit[];
  idf: Entries<number>;
  /** Weights are worked out again from idf on reading: the same numbers, in a third of the file. */
  aliases: Array<[recordId: string, phrase: string, normalised: string, terms: string[]]>;
  recordTerms: Entries<string[]>;
  vocabulary: string[];
  recordPlaceTerms: Entries<string[]>;
  termPartnerships: Entries<Array<PartnershipId | null>>;
  lists: Record<'unitsByTerm' | 'unitsByOwnTerm' | 'unitsByFullTerm' | 'unitsByPlace' | 'unitIndexesByRecord' | 'aliasesByTerm', Entries<number[]>>;
}

/** A unit's words with its record's names: what lexical coverage counts. */
export function unitTerms(u: AnswerUnit, recordTerms: ReadonlyMap<string, ReadonlySet<string>>): Set<string> {
  return new Set([...u.terms, ...(recordTerms.get(u.record.id) ?? [])]);
}

/** Every word of a unit's label and sentence, stop words included: what cues are looked for in. */
export function fullTerms(u: AnswerUnit): Set<string> {
  return new Set(allTerms(`${u.label ?? ''} ${u.text}`));
}

export function buildMatcherIndex(records: readonly KnowledgeRecord[]): MatcherIndex {
  const units = buildUnits(records);
  const df = new Map<string, number>();
  for (const u of units) {
    const seen = new Set([...u.terms, ...contentTerms(`${u.record.name} ${u.record.aliases.join(' ')}`)]);
    for (const t of seen) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const n = units.length || 1;
  const idf = new Map<string, number>();
  for (const [t, d] of df) idf.set(t, Math.log(1 + n / d));
  const maxIdf = Math.log(1 + n);
  const ix: MatcherIndex = { ...emptyIndex(units, idf), maxIdf };

  for (const rec of records) {
    const phrases = [rec.name, ...rec.aliases, ...(rec.type === 'glossary' ? [rec.acronym, rec.expansion] : [])];
    const recTerms = new Set<string>();
    for (const phrase of phrases) {
      // Years and counts in a name ("... 2018-19") qualify it; people rarely type them.
      const terms = [...new Set(allTerms(phrase))].filter((t) => !/^\d+$/.test(t) && !PLACE_TERMS.has(t));
      for (const t of terms) {
        recTerms.add(t);
        if (!ix.termPartnerships.has(t)) ix.termPartnerships.set(t, new Set());
        ix.termPartnerships.get(t)!.add(rec.partnership);
      }
      if (terms.length) {
        const weights = terms.map((t) => idf.get(t) ?? maxIdf);
        ix.aliases.push({ record: rec, phrase, normalised: normalise(phrase), terms, weights, total: weights.reduce((a, b) => a + b, 0) });
      }
    }
    ix.recordTerms.set(rec.id, recTerms);
    ix.recordPlaceTerms.set(rec.id, new Set(allTerms(`${rec.name} ${rec.aliases.join(' ')}`).filter((t) => PLACE_TERMS.has(t))));
    for (const w of tokens(`${phrases.join(' ')} ${rec.summary.text}`)) ix.vocabulary.add(w);
  }
  for (const u of units) for (const w of tokens(`${u.label ?? ''} ${u.text}`)) ix.vocabulary.add(w);
  for (const w of QUESTION_VOCABULARY) ix.vocabulary.add(w);
  units.forEach((u, i) => {
    for (const t of unitTerms(u, ix.recordTerms)) push(ix.unitsByTerm, t, i);
    // Own terms are a subset of the unit's terms (unitTerms), so own never outruns covered.
    for (const t of u.terms) push(ix.unitsByOwnTerm, t, i);
    for (const t of fullTerms(u)) push(ix.unitsByFullTerm, t, i);
    for (const t of ix.recordPlaceTerms.get(u.record.id) ?? []) push(ix.unitsByPlace, t, i);
    push(ix.unitIndexesByRecord, u.record.id, i);
  });
  ix.aliases.forEach((a, i) => {
    for (const t of new Set(a.terms)) push(ix.aliasesByTerm, t, i);
  });
  return ix;
}

function emptyIndex(units: AnswerUnit[], idf: Map<string, number>): Omit<MatcherIndex, 'maxIdf'> {
  return {
    units,
    idf,
    aliases: [],
    recordTerms: new Map(),
    vocabulary: new Set(),
    recordPlaceTerms: new Map(),
    termPartnerships: new Map(),
    unitsByTerm: new Map(),
    unitsByOwnTerm: new Map(),
    unitsByFullTerm: new Map(),
    unitsByPlace: new Map(),
    unitIndexesByRecord: new Map(),
    aliasesByTerm: new Map(),
  };
}

export function matcherData(ix: MatcherIndex): MatcherData {
  const sets = <T>(m: ReadonlyMap<string, ReadonlySet<T>>): Entries<T[]> => [...m].map(([k, v]) => [k, [...v]]);
  return {
    version: MATCHER_DATA_VERSION,
    units: ix.units.map((u) => [u.key, [...u.terms], u.question]),
    idf: [...ix.idf],
    aliases: ix.aliases.map((a) => [a.record.id, a.phrase, a.normalised, a.terms]),
    recordTerms: sets(ix.recordTerms),
    vocabulary: [...ix.vocabulary],
    recordPlaceTerms: sets(ix.recordPlaceTerms),
    termPartnerships: sets(ix.termPartnerships),
    lists: {
      unitsByTerm: [...ix.unitsByTerm],
      unitsByOwnTerm: [...ix.unitsByOwnTerm],
      unitsByFullTerm: [...ix.unitsByFullTerm],
      unitsByPlace: [...ix.unitsByPlace],
      unitIndexesByRecord: [...ix.unitIndexesByRecord],
      aliasesByTerm: [...ix.aliasesByTerm],
    },
  };
}

/**
 * The index read back for these records, or null when the data is from another version of this
 * code or out of step with the records (then the caller builds it: slower, never wrong).
 */
export function matcherIndexFrom(records: readonly KnowledgeRecord[], data: MatcherData): MatcherIndex | null {
  if (data.version !== MATCHER_DATA_VERSION) return null;
  let units: AnswerUnit[];
  try {
    units = buildUnits(records, data.units);
  } catch {
    return null;
  }
  const byId = new Map(records.map((r) => [r.id, r]));
  if (data.aliases.some(([id]) => !byId.has(id))) return null;
  const sets = <T>(entries: Entries<T[]>) => new Map(entries.map(([k, v]) => [k, new Set(v)]));
  const idf = new Map(data.idf);
  const maxIdf = Math.log(1 + (units.length || 1));
  return {
    units,
    idf,
    maxIdf,
    aliases: data.aliases.map(([id, phrase, normalised, terms]) => {
      const weights = terms.map((t) => idf.get(t) ?? maxIdf);
      return { record: byId.get(id)!, phrase, normalised, terms, weights, total: weights.reduce((a, b) => a + b, 0) };
    }),
    recordTerms: sets(data.recordTerms),
    vocabulary: new Set(data.vocabulary),
    recordPlaceTerms: sets(data.recordPlaceTerms),
    termPartnerships: sets(data.termPartnerships),
    unitsByTerm: new Map(data.lists.unitsByTerm),
    unitsByOwnTerm: new Map(data.lists.unitsByOwnTerm),
    unitsByFullTerm: new Map(data.lists.unitsByFullTerm),
    unitsByPlace: new Map(data.lists.unitsByPlace),
    unitIndexesByRecord: new Map(data.lists.unitIndexesByRecord),
    aliasesByTerm: new Map(data.lists.aliasesByTerm),
  };
}

function push(index: Map<string, number[]>, key: string, i: number): void {
  const list = index.get(key);
  if (!list) index.set(key, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}
