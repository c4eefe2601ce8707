/**
 * Ranks answer units for a question. Three signals, each in 0..1:
 *  - entity: how much of a record's name or alias the question contains (typos corrected by fuse.js);
 *  - intent: whether the unit's attribute is what the question asks for ("who chairs" -> chair);
 *  - lexical: how much of the question's content (IDF-weighted) the unit's own words cover.
 * Built once per knowledge base. Scoring a question visits only the units that share a word, a
 * cue, a place or a named record with it (an inverted index): every other unit scores 0 (see rank).
 */
import Fuse from 'fuse.js';
import type { KnowledgeRecord, PartnershipId } from '../../knowledge/schema.ts';
import type { AttrKey, IntentWeights } from './intents.ts';
import type { AnswerUnit } from './units.ts';
import {
  buildMatcherIndex,
  fullTerms,
  matcherData,
  matcherIndexFrom,
  unitTerms,
  type AliasEntry,
  type MatcherData,
  type MatcherIndex,
} from './matcher-index.ts';
import { PLACE_TERMS } from './partnerships.ts';
import { RANK } from './thresholds.ts';
import { unitFeatures, type UnitFeatures } from './unit-features.ts';
import { allTerms, contentTerms, editDistance, isStopWord, normalise, stem, tokens } from './text.ts';
import { inLexicon } from '../triage/lemmas.ts';

/** Per-unit sums for one question, indexed by unit position (see Matcher.sumsByPass). */
interface Sums {
  covered: Float64Array;
  own: Float64Array;
  cues: Uint16Array;
  places: Uint16Array;
  /** The units to score, ascending. */
  units: number[];
}

export interface ScoredUnit {
  unit: AnswerUnit;
  score: number;
  entity: number;
  lexical: number;
  /** Share of the question's content (IDF-weighted) found in the unit's own sentence. */
  own: number;
  intent: number;
}

export interface MatchQuery {
  terms: string[];
  /** Words a described situation adds ("lado", "escalation"): they count half, as hints. */
  hints?: string[];
  /** Relation words of the question (lead, chair, meet...), see cueTerms. */
  cues?: string[];
  intent: IntentWeights;
  /** Place words in the question ("city", "hackney"): within a partnership they tell records apart. */
  places?: string[];
  /** The question itself names the partnership (not only the user's setting): national guidance yields more. */
  namedPartnership?: boolean;
  /** The question is about the 2009 action plan: historical records are not discounted. */
  historical?: boolean;
  /** Partnerships the units may come from; national (null) records are always allowed. */
  partnerships: readonly PartnershipId[] | null;
}

/** Signal weights, calibrated on the development and practitioner question sets (see README). */
export const W = {
  lexical: 0.5,
  entity: 0.25,
  intent: 0.2,
  cue: 0.15,
  /** How far the intent signal depends on the unit being about the question's subject at all. */
  intentGate: 1,
};

export class Matcher {
  readonly units: AnswerUnit[];
  private readonly idf: Map<string, number>;
  private readonly maxIdf: number;
  private readonly aliases: AliasEntry[];
  private readonly recordTerms: Map<string, Set<string>>;
  private readonly vocabulary: Set<string>;
  private readonly fuse: Fuse<string>;
  private readonly recordPlaceTerms: Map<string, Set<string>>;
  /** Units by record id: follow-ups, lists and two-part answers look records up per question. */
  private readonly byRecord = new Map<string, AnswerUnit[]>();
  /** For each alias term, the partnerships whose records use it (null = national/common). */
  private readonly termPartnerships: Map<string, Set<PartnershipId | null>>;
  /** Inverted indexes, term -> ascending unit (or alias) positions: see rank and entityScores. */
  private readonly unitsByTerm: Map<string, number[]>;
  private readonly unitsByOwnTerm: Map<string, number[]>;
  private readonly unitsByFullTerm: Map<string, number[]>;
  private readonly unitsByPlace: Map<string, number[]>;
  private readonly unitIndexesByRecord: Map<string, number[]>;
  private readonly aliasesByTerm: Map<string, number[]>;
  private readonly index: MatcherIndex;
  /** Typo corrections already worked out, word -> word (the vocabulary never changes). */
  private readonly corrections = new Map<string, string>();
  private readonly features: UnitFeatures;

  /** `prebuilt`: the build's index of the same records (matcher-index.ts); else it is built here. */
  constructor(records: readonly KnowledgeRecord[], prebuilt?: MatcherData) {
    const ix = (prebuilt && matcherIndexFrom(records, prebuilt)) || buildMatcherIndex(records);
    this.index = ix;
    this.units = ix.units;
    this.idf = ix.idf;
    this.maxIdf = ix.maxIdf;
    this.aliases = ix.aliases;
    this.recordTerms = ix.recordTerms;
    this.vocabulary = ix.vocabulary;
    this.recordPlaceTerms = ix.recordPlaceTerms;
    this.termPartnerships = ix.termPartnerships;
    // Only the inverted indexes are kept, not a set of terms per unit (memory: issue 13).
    this.unitsByTerm = ix.unitsByTerm;
    this.unitsByOwnTerm = ix.unitsByOwnTerm;
    this.unitsByFullTerm = ix.unitsByFullTerm;
    this.unitsByPlace = ix.unitsByPlace;
    this.unitIndexesByRecord = ix.unitIndexesByRecord;
    this.aliasesByTerm = ix.aliasesByTerm;
    this.features = unitFeatures(this.units);
    for (const u of this.units) {
      const list = this.byRecord.get(u.record.id);
      if (list) list.push(u);
      else this.byRecord.set(u.record.id, [u]);
    }
    this.fuse = new Fuse(
      [...this.vocabulary].filter((w) => w.length >= 4 && !/\d/.test(w)),
      {
        includeScore: true,
        threshold: 0.45,
        ignoreLocation: true,
      },
    );
  }

  /** What the build writes into the knowledge snapshot, for `prebuilt` above. */
  toData(): MatcherData {
    return matcherData(this.index);
  }

  idfOf(term: string): number {
    return this.idf.get(term) ?? this.maxIdf;
  }

  /** Replaces misspelt words with the nearest knowledge-base word (fuse.js), keeping known words. */
  correct(question: string): string {
    return tokens(question)
      .map((w) => {
        const known = this.corrections.get(w);
        if (known !== undefined) return known;
        const fixed = this.correctWord(w);
        // Bounded: a stream of unique garbage words must not grow the process.
        if (this.corrections.size >= 20_000) this.corrections.clear();
        this.corrections.set(w, fixed);
        return fixed;
      })
      .join(' ');
  }

  private correctWord(w: string): string {
    if (w.length < 4 || /\d/.test(w) || isStopWord(w) || this.vocabulary.has(w) || this.idf.has(stem(w))) return w;
    // fuse.js proposes near words; a small edit distance confirms a typo rather than another
    // real word. Short words only take a same-length or one-letter-longer fix ("meting" ->
    // "meeting"), never a shorter word ("class" is not a typo of "cass").
    if (w.length < 5 || inLexicon(w)) return w;
    const allowed = w.length >= 8 ? 2 : 1;
    const best = this.fuse
      .search(w, { limit: 8 })
      .map((r) => ({ item: r.item, d: editDistance(w, r.item) }))
      .filter((r) => r.d <= allowed && (w.length >= 8 || r.item.length >= w.length))
      .sort((a, b) => a.d - b.d)[0];
    return best ? best.item : w;
  }

  /** Entity score per record: the best alias coverage, weighted by how specific the alias is. */
  entityScores(question: string): Map<string, number> {
    const q = new Set(allTerms(question).filter((t) => !PLACE_TERMS.has(t)));
    const qText = ` ${normalise(question)} `;
    const scores = new Map<string, number>();
    // Only aliases with a word in the question can score (matched > 0 below).
    for (const ai of union(q, this.aliasesByTerm)) {
      const a = this.aliases[ai]!;
      let matched = 0;
      const total = a.total;
      a.terms.forEach((t, k) => {
        if (q.has(t)) matched += a.weights[k]!;
      });
      if (!total || !matched) continue;
      const coverage = matched / total;
      // One common word ("child", "group") is not a name: require some specific weight.
      if (coverage < 0.5 || matched < 0.3 * this.maxIdf) continue;
      // Specific aliases (rare words, several of them) count for more than one common word.
      const specificity = Math.min(1, matched / (2.2 * this.maxIdf));
      // The name as written, word for word, beats the same words scattered through the question.
      const verbatim = qText.includes(` ${a.normalised} `) ? 1 : 0.85;
      const s = coverage ** 2 * (0.55 + 0.45 * specificity) * verbatim;
      if (s > (scores.get(a.record.id) ?? 0)) scores.set(a.record.id, s);
    }
    return scores;
  }

  /** `exhaustive` scores every unit (the pass the index stands in for; the tests compare the two). */
  rank(q: MatchQuery, entity: Map<string, number>, exhaustive = false): ScoredUnit[] {
    const weighted: Array<[string, number]> = [
      ...q.terms.map((t) => [t, this.idfOf(t)] as [string, number]),
      ...(q.hints ?? []).filter((t) => !q.terms.includes(t)).map((t) => [t, 0.5 * this.idfOf(t)] as [string, number]),
    ];
    const qWeight = weighted.reduce((s, [, w]) => s + w, 0);
    const maxIntent = Math.max(0, ...Object.values(q.intent));
    const sums = exhaustive || W.intentGate < 1 ? this.sumsByPass(q, weighted) : this.sumsByIndex(q, weighted, entity);
    // Scored into arrays first and turned into objects only above a floor set by the best: most
    // candidates trail far behind it and nothing reads that far down the ranking (every fixture
    // answer is the same without them), while making and sorting ~700 objects a question was a
    // fifth of the engine's time (issue 13).
    const n = sums.units.length;
    const scores = new Float64Array(n);
    const parts = new Float64Array(n * 4);
    let best = 0;
    // The question's side of every factor, once; the unit's side from the flat arrays.
    const f = this.features;
    const allowed = new Uint8Array(f.partnerships.length).fill(1);
    if (q.partnerships) f.partnerships.forEach((p, i) => (allowed[i] = q.partnerships!.includes(p as PartnershipId) ? 1 : 0));
    const entityOf = new Float64Array(f.recordCount);
    for (const [id, v] of entity) {
      const ri = f.recordIndexById.get(id);
      if (ri !== undefined) entityOf[ri] = v;
    }
    const intentOf = new Float64Array(f.attrs.length);
    f.attrs.forEach((a, i) => (intentOf[i] = maxIntent ? (q.intent[a as AttrKey] ?? 0) / maxIntent : a === 'summary' ? 0.4 : 0.15));
    // Historical (2009) facts only win when nothing current does.
    const ageFactor = q.historical ? 1 : 0.85;
    // A named or known partnership prefers its own arrangements over national guidance.
    const localFactor = q.partnerships ? (q.namedPartnership ? 0.85 : 0.92) : 1;
    // An acronym in a longer question ("% of CSC contacts from the police") is not a request to expand it.
    const glossaryFactor = !q.intent.expansion && q.terms.length > 1 ? 0.85 : 1;
    const cues = q.cues?.length ?? 0;
    // "the Hackney threshold document" vs "the City of London one": a small nudge, not a filter.
    const places = q.places?.length ?? 0;
    for (let k = 0; k < n; k++) {
      const ui = sums.units[k]!;
      const p = f.partnership[ui]!;
      if (p >= 0 && !allowed[p]) continue;
      const covered = sums.covered[ui]!;
      // A typed attribute (chair, members...) need not repeat its body's name to answer.
      const own = f.typedAttr[ui] ? covered : sums.own[ui]!;
      const lexical = qWeight ? (0.7 * covered + 0.3 * own) / qWeight : 0;
      const e = entityOf[f.recordIndex[ui]!]!;
      const intent = intentOf[f.attr[ui]!]!;
      const cue = cues ? sums.cues[ui]! / cues : 0;
      const age = f.historical[ui] ? ageFactor : 1;
      const local = p < 0 ? localFactor : 1;
      const place = places ? sums.places[ui]! / places : 0;
      const notStated = f.notStated[ui] ? 0.95 : 1;
      const glossary = f.glossary[ui] ? glossaryFactor : 1;
      const score =
        (0.12 * place + W.lexical * lexical + W.entity * e + W.intent * intent * (1 - W.intentGate + W.intentGate * Math.max(lexical, e)) + W.cue * cue) *
        age *
        notStated *
        local *
        glossary;
      scores[k] = score;
      parts[k * 4] = e;
      parts[k * 4 + 1] = lexical;
      parts[k * 4 + 2] = qWeight ? own / qWeight : 0;
      parts[k * 4 + 3] = intent;
      if (score > best) best = score;
    }
    const floor = RANK.relativeFloor * best;
    const out: ScoredUnit[] = [];
    for (let k = 0; k < n; k++) {
      const score = scores[k]!;
      if (score > RANK.minScore && score >= floor) {
        out.push({
          unit: this.units[sums.units[k]!]!,
          score,
          entity: parts[k * 4]!,
          lexical: parts[k * 4 + 1]!,
          own: parts[k * 4 + 2]!,
          intent: parts[k * 4 + 3]!,
        });
      }
    }
    return out.sort((a, b) => b.score - a.score);
  }

  /**
   * Per unit: the question's weight it covers with its record's names (covered) and with its own
   * sentence alone (own; the second separates the facts of one record, "who takes part" vs "why
   * it matters"), and how many of the question's cues and places it has. Every unit, directly.
   */
  private sumsByPass(q: MatchQuery, weighted: ReadonlyArray<[string, number]>): Sums {
    const sums = this.freshSums();
    this.units.forEach((unit, i) => {
      const { terms, full } = this.passSets()[i]!;
      for (const [t, w] of weighted) {
        if (!terms.has(t)) continue;
        sums.covered[i]! += w;
        if (unit.terms.has(t)) sums.own[i]! += w;
      }
      sums.cues[i] = (q.cues ?? []).filter((c) => full.has(c)).length;
      const recTerms = this.recordPlaceTerms.get(unit.record.id);
      sums.places[i] = recTerms ? (q.places ?? []).filter((t) => recTerms.has(t)).length : 0;
    });
    return { ...sums, units: [...this.units.keys()] };
  }

  /**
   * The same sums from the inverted indexes, for the units that can score above 0 only, ascending
   * (the order of a full pass, so ties rank as before). A unit with no question word, no named
   * record, no cue and no place has lexical, entity, cue and place all 0, and with the intent
   * gated by max(lexical, entity) a score of 0. Each unit's weights are added in the question's
   * term order, as in the full pass, so the sums are the same to the last bit.
   */
  private sumsByIndex(q: MatchQuery, weighted: ReadonlyArray<[string, number]>, entity: ReadonlyMap<string, number>): Sums {
    const sums = this.freshSums();
    // Which units to score, marked in a byte array rather than a Set (a Set of ~1,000 numbers
    // per ranking cost more than the sums themselves).
    const seen = new Uint8Array(this.units.length);
    const units: number[] = [];
    const mark = (i: number) => {
      if (!seen[i]) {
        seen[i] = 1;
        units.push(i);
      }
    };
    for (const [t, w] of weighted) {
      for (const i of this.unitsByTerm.get(t) ?? []) {
        sums.covered[i]! += w;
        mark(i);
      }
      for (const i of this.unitsByOwnTerm.get(t) ?? []) sums.own[i]! += w;
    }
    for (const c of q.cues ?? []) {
      for (const i of this.unitsByFullTerm.get(c) ?? []) {
        sums.cues[i]! += 1;
        mark(i);
      }
    }
    for (const pl of q.places ?? []) {
      for (const i of this.unitsByPlace.get(pl) ?? []) {
        sums.places[i]! += 1;
        mark(i);
      }
    }
    for (const id of entity.keys()) for (const i of this.unitIndexesByRecord.get(id) ?? []) mark(i);
    return { ...sums, units: units.sort((a, b) => a - b) };
  }

  /**
   * Each unit's term sets for the full pass, built on its first use only (the index serves every
   * question; the full pass runs where nothing is indexed, i.e. tuning and the comparison test).
   */
  private passSetsCache: Array<{ terms: Set<string>; full: Set<string> }> | undefined;
  private passSets(): Array<{ terms: Set<string>; full: Set<string> }> {
    this.passSetsCache ??= this.units.map((u) => ({ terms: unitTerms(u, this.recordTerms), full: fullTerms(u) }));
    return this.passSetsCache;
  }

  private freshSums(): Omit<Sums, 'units'> {
    const n = this.units.length;
    return { covered: new Float64Array(n), own: new Float64Array(n), cues: new Uint16Array(n), places: new Uint16Array(n) };
  }

  /**
   * Whether the question names this record by a word only one partnership uses ("ICSC",
   * "SSPM", "MACA"): then the question implies the partnership and needs no clarifying.
   */
  isDistinctive(recordId: string, question: string): boolean {
    const rec = this.record(recordId);
    if (!rec || rec.partnership === null) return true;
    const q = new Set(allTerms(question));
    for (const t of this.recordTerms.get(recordId) ?? []) {
      if (!q.has(t) || this.idfOf(t) < 0.5 * this.maxIdf) continue;
      const ps = this.termPartnerships.get(t);
      if (ps && ps.size === 1 && ps.has(rec.partnership)) return true;
    }
    return false;
  }

  record(recordId: string): KnowledgeRecord | undefined {
    return this.byRecord.get(recordId)?.[0]?.record;
  }

  unitsOf(recordId: string): readonly AnswerUnit[] {
    return this.byRecord.get(recordId) ?? [];
  }

  unitFor(recordId: string, attr: AttrKey): AnswerUnit | undefined {
    return this.unitsOf(recordId).find((u) => u.attr === attr);
  }

  /** Unknown content words of a question, after typo correction, for out-of-scope detection. */
  unknownShare(question: string): number {
    const terms = contentTerms(question);
    if (!terms.length) return 0;
    const unknown = terms.filter((t) => !this.idf.has(t));
    return unknown.length / terms.length;
  }
}

/** Ascending positions listed under any of the keys. */
function union(keys: Iterable<string>, index: ReadonlyMap<string, readonly number[]>): number[] {
  const found = new Set<number>();
  for (const k of keys) for (const i of index.get(k) ?? []) found.add(i);
  return [...found].sort((a, b) => a - b);
}
