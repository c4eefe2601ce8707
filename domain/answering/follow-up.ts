/**
 * Follow-up questions: "and how often does it meet?", "what about Harrow?", "the other one",
 * "tell me more". Given the message and what the conversation remembers (record ids and the
 * attribute last answered, never text), decide whether the message continues the conversation
 * and, if so, which record and attribute it asks for. Pure: no clock, no storage.
 *
 * The language cues are data (knowledge/follow-up/cues.yaml). A message that still names a
 * topic of its own once the cue phrases are taken out is a new question: the engine answers it
 * on its own terms, so memory never bends a question that stands alone.
 */
import type { KnowledgeRecord } from '../../knowledge/schema.ts';
import type { FollowUpData } from './follow-up-types.ts';
import { mentionedPartnerships, namesOnlyElsewhere, onePlaceNamed, PARTNERSHIP_LABELS } from './partnerships.ts';
import { contentTerms, stem, tokens } from './text.ts';
import type { Answer, ConversationMemory } from './types.ts';
import type { AnswerUnit } from './units.ts';
import type { RefusalDetail } from './refusals.ts';
import { createFollowUpTargets, suffixOf, SWITCH_ENTITY } from './follow-up-targets.ts';

export type FollowUpOutcome =
  | {
      kind: 'answer';
      unit: AnswerUnit;
      /** The follow-up as a question that stands alone ("How often does the CHSCP Executive meet?"). */
      question: string;
      how: 'attribute' | 'place' | 'more' | 'other';
      /** Set when another partnership's nearest group is answered: says which group it is. */
      note?: string;
    }
  | { kind: 'which-one'; reason: 'which-other' | 'no-equivalent' | 'field-not-stated'; detail: RefusalDetail };

export interface FollowUpResolver {
  /** null: not a follow-up (or nothing to follow); answer the message on its own terms. */
  resolve(message: string, memory: ConversationMemory): FollowUpOutcome | null;
  /**
   * The message only points back ("what was it the year before?", "and the other one?", "tell me
   * more") and names no topic of its own: without a conversation to follow, it cannot be answered.
   */
  pointsBackOnly(message: string): boolean;
  /**
   * The previous answer's subject, as words to read the message with, when the message points
   * back to it ("why was that lower?", "who else has to be told?") but no cue resolved it.
   */
  subjectOf(message: string, memory: ConversationMemory): string | null;
  /** What to remember of an answer for the next turn; undefined when it answered nothing specific. */
  remember(question: string, answer: Answer, unit?: AnswerUnit, at?: Date): ConversationMemory | undefined;
}

/** Whether a memory is young enough to use: older context would surprise the person. */
export function isFresh(memory: ConversationMemory | null | undefined, now: Date, maxMinutes: number): memory is ConversationMemory {
  if (!memory) return false;
  const at = Date.parse(memory.at);
  return Number.isFinite(at) && now.getTime() - at <= maxMinutes * 60_000 && now.getTime() >= at - 60_000;
}

type Category = 'other' | 'same' | 'attribute' | 'more' | 'lead' | 'pronoun' | 'place' | 'filler' | 'earlier';

interface Phrase {
  /** The cue's words, stemmed: they match a message's words in any inflection. */
  stems: string[];
  category: Category;
  attr?: string;
}

/** How close to the best name score a record counts as equally well named (then the conversation's partnership decides). */
const NEAR_NAME = 0.1;
/** Unknown words tolerated in a message that clearly refers back ("and how often does it meet, roughly?"). */
const MAX_UNKNOWN_WITH_REFERENCE = 2;
/**
 * Fields a description never answers: a name, a chair, who sits on it, how often it meets. Asked
 * of a record without one, the answer is "not stated". Looser asks ("when?", "what does it do?")
 * may be answered by the record's description, which often holds the date or the purpose.
 */
const STRICT_FIELDS: ReadonlySet<string> = new Set(['chairName', 'holder', 'chair', 'viceChair', 'members', 'cadence', 'quorum', 'accountableTo']);
/** The order "tell me more" walks a record in, after what was last said. */
const MORE_FIRST = ['summary', 'role'];

/** What the cues in a message say; shared between the calls of one turn, so read-only. */
interface Reading {
  readonly found: ReadonlySet<Category>;
  readonly attr: string | undefined;
  readonly rest: string;
  readonly known: readonly string[];
  readonly unknown: readonly string[];
}

export function createFollowUpResolver(
  data: FollowUpData,
  records: readonly KnowledgeRecord[],
  unitsOf: (recordId: string) => readonly AnswerUnit[],
  extraVocabulary: Iterable<string> = [],
  /** Whether a sentence names a person (domain/answering/people.ts): "the chair's name" is answered only by one that does. */
  namesPerson: (text: string) => boolean = () => false,
  /** How well words name each record (the matcher's entity scores): "and the SSP?" names the SSP. */
  namedIn: (text: string) => ReadonlyMap<string, number> = () => new Map(),
): FollowUpResolver {
  const byId = new Map(records.map((r) => [r.id, r]));
  const phrases = buildPhrases(data);
  const placeWords = new Set(data.cues.places.flatMap((p) => tokens(p)));
  // Words that name something the knowledge holds: a message left with one of them has its own topic.
  const vocabulary = new Set<string>();
  for (const r of records) for (const t of contentTerms([r.name, ...r.aliases].join(' '))) vocabulary.add(t);
  for (const phrase of extraVocabulary) for (const t of contentTerms(phrase)) vocabulary.add(t);
  for (const w of placeWords) vocabulary.delete(w);
  // The sentence phrases as stems, and whether a sentence says one of them (word by word, in order).
  const sentences = {
    published: data.cues.sentences.published.map((p) => tokens(p).map(stem)),
    earlier: data.cues.sentences.earlier.map((p) => tokens(p).map(stem)),
  };
  const says = (text: string, phrasesOf: readonly string[][]): boolean => {
    const words = tokens(text).map(stem);
    return phrasesOf.some((p) => p.length > 0 && words.some((_, i) => p.every((w, j) => words[i + j] === w)));
  };

  // The cues by their first word, each list in the cues' order (issue 13: every message is read).
  const byFirst = new Map<string, number[]>();
  phrases.forEach((p, i) => {
    const list = byFirst.get(p.stems[0]!);
    if (list) list.push(i);
    else byFirst.set(p.stems[0]!, [i]);
  });
  // One message is read up to three times a turn (resolve, pointsBackOnly, remember): the last reading is kept.
  let last: { message: string; reading: Reading } | undefined;
  function read(message: string): Reading {
    if (last?.message !== message) last = { message, reading: readOnce(message) };
    return last.reading;
  }

  function readOnce(message: string): Reading {
    const words = tokens(message);
    // Cue words match in any inflection ("sits on" as "sit on", "chaired" as "chair").
    const stems = words.map(stem);
    const used = new Array<boolean>(words.length).fill(false);
    const found = new Set<Category>();
    let attr: string | undefined;
    // Hot path (every message): only the cues whose first word the message has, in the cues' order.
    const candidates = [...new Set(stems)].flatMap((w) => byFirst.get(w) ?? []).sort((a, b) => a - b);
    for (const ci of candidates) {
      const p = phrases[ci]!;
      for (let i = 0; i + p.stems.length <= words.length; i++) {
        if (p.stems.some((w, j) => used[i + j] || stems[i + j] !== w)) continue;
        for (let j = 0; j < p.stems.length; j++) used[i + j] = true;
        found.add(p.category);
        if (p.category === 'attribute' && attr === undefined) attr = p.attr;
      }
    }
    const rest = words.filter((_, i) => !used[i]).join(' ');
    const leftover = contentTerms(rest);
    return { found, attr, rest, known: leftover.filter((t) => vocabulary.has(t)), unknown: leftover.filter((t) => !vocabulary.has(t)) };
  }

  const { unitOf, equivalent, standsFor, groupNamedIn, otherPlace } = createFollowUpTargets({ data, records, byId, unitsOf, namedIn, placeWords });

  function nextForMore(record: KnowledgeRecord, last: string | undefined): AnswerUnit | undefined {
    const units = unitsOf(record.id).filter((u) => !u.notStated);
    const ordered = [...MORE_FIRST.flatMap((a) => units.filter((u) => u.attr === a)), ...units.filter((u) => !MORE_FIRST.includes(u.attr))];
    if (!last || !MORE_FIRST.includes(last.split(':')[0]!)) return ordered[0];
    const at = ordered.findIndex((u) => suffixOf(u) === last);
    const said = ordered[at]?.text;
    return ordered.slice(at + 1).find((u) => u.text !== said);
  }

  /** The first record the last answer was about that the knowledge base still holds. */
  function previousOf(memory: ConversationMemory): KnowledgeRecord | undefined {
    return memory.recordIds.map((id) => byId.get(id)).find((r) => r !== undefined);
  }

  function resolve(message: string, memory: ConversationMemory): FollowUpOutcome | null {
    const previous = previousOf(memory);
    // "What about Camden?" is about a council we do not cover: the engine says so.
    if (!previous || namesOnlyElsewhere(message)) return null;
    const { found, attr, rest, known, unknown } = read(message);
    if (known.length) return switched(message, rest, found, attr, unknown, memory, previous);
    const refers = ['other', 'same', 'more', 'lead', 'pronoun', 'earlier'].some((c) => found.has(c as Category));
    const places = mentionedPartnerships(message);
    if (!refers && !attr && !places.length) return null;
    if (unknown.length > (refers ? MAX_UNKNOWN_WITH_REFERENCE : 0)) return null;
    if (places.length > 1) return null;
    // "And Hackney's?" after a City of London record: the same kind of record for the other place.
    const place = onePlaceNamed(message);
    const atOtherPlace = place ? otherPlace(previous, place) : undefined;

    // "What does ICSC stand for?" then "who appoints them?": the field is the post's, not the
    // acronym's, so an attribute asked of a glossary entry is asked of what it stands for.
    let record = attr && previous.type === 'glossary' ? (standsFor(previous) ?? previous) : previous;
    let how: 'attribute' | 'place' | 'more' | 'other' = attr ? 'attribute' : 'more';
    let note: string | undefined;
    if (found.has('other')) {
      const sibling = data.siblings.find((g) => g.includes(previous.id))?.find((id) => id !== previous.id);
      const r = sibling ? byId.get(sibling) : undefined;
      if (!r) return { kind: 'which-one', reason: 'which-other', detail: { name: previous.name } };
      record = r;
      how = 'other';
    } else if (atOtherPlace) {
      record = atOtherPlace;
      how = 'place';
      note = `In ${atOtherPlace.place === 'city' ? 'the City of London' : 'Hackney'}:`;
    } else if (places[0] && places[0] !== previous.partnership) {
      const p = places[0];
      const r = equivalent(previous, p);
      if (!r) {
        return {
          kind: 'which-one',
          reason: 'no-equivalent',
          detail: { name: previous.name, place: PARTNERSHIP_LABELS[p], ...(previous.type === 'figure' ? { figure: true } : {}) },
        };
      }
      record = r;
      how = 'place';
      // A group or post gets named ("the nearest equivalent is the HSCB"); a topic's answer names itself.
      note =
        r.type === 'body' || r.type === 'role'
          ? `In ${PARTNERSHIP_LABELS[p]}, the nearest equivalent of the ${previous.name} is the ${r.name}.`
          : `In ${PARTNERSHIP_LABELS[p]}:`;
    }
    if (found.has('earlier') && !places.length) {
      const same = unitOf(record, memory.attr);
      // Two years, or a comparison, in the sentence: it states the earlier figure.
      const statesEarlier = same && (/(19|20)\d\d\b[\s\S]*(19|20)\d\d\b/.test(same.text) || says(same.text, sentences.earlier));
      if (!same || !statesEarlier) return { kind: 'which-one', reason: 'field-not-stated', detail: { name: record.name } };
      return { kind: 'answer', unit: same, question: same.question, how: 'attribute' };
    }
    // "Where's that published?": a sentence of this record that says where, or "not stated".
    if (attr === 'publication') {
      const where = unitsOf(record.id).find((u) => !u.notStated && says(u.text, sentences.published));
      if (!where) return { kind: 'which-one', reason: 'field-not-stated', detail: { name: record.name } };
      return { kind: 'answer', unit: where, question: where.question, how: 'attribute', ...(note ? { note } : {}) };
    }
    // "What's the chair's name?": the chair's sentence answers it only when it names a person.
    if (attr === 'chairName') {
      const chair = unitOf(record, 'chair');
      if (chair && !chair.notStated && namesPerson(chair.text)) return { kind: 'answer', unit: chair, question: chair.question, how: 'attribute' };
    }
    // "What's the chair's name?" asks for a field: when the record holds none, say the documents
    // don't state it, rather than repeat the record's description as if it answered.
    if (attr && STRICT_FIELDS.has(attr) && how !== 'more' && !unitsOf(record.id).some((u) => u.attr === attr || suffixOf(u) === attr)) {
      // "It" may be the group the last answer named rather than what it was about ("the structure
      // has an Executive Group at the top...", "who sits on it?"): the first group named there that
      // states the field answers it.
      const named = how === 'attribute' ? groupNamedIn(record, memory.attr, attr) : undefined;
      if (named) return { kind: 'answer', unit: named, question: named.question, how: 'attribute' };
      return { kind: 'which-one', reason: 'field-not-stated', detail: { name: record.name } };
    }
    const asked = how === 'more' ? nextForMore(record, memory.attr) : unitOf(record, attr ?? memory.attr);
    // The other place's record without the field talked of ("what model is it based on?" of the
    // City's document, then "and Hackney's?"): its description, named for the place.
    const unit = record === atOtherPlace && asked?.notStated && !attr ? unitOf(record, 'summary') : asked;
    if (!unit) return null;
    return { kind: 'answer', unit, question: unit.question, how, ...(note ? { note } : {}) };
  }

  /**
   * "How often does the HSCB meet?" then "what about the adults board?": a lead cue and another
   * record's name, nothing asked of it, is the same question about that record. Only a field is
   * carried (cadence, chair, members...) to another group that states it; anything else is a new
   * question (null), answered on its own terms.
   */
  function switched(
    message: string,
    rest: string,
    found: ReadonlySet<Category>,
    attr: string | undefined,
    unknown: readonly string[],
    memory: ConversationMemory,
    previous: KnowledgeRecord,
  ): FollowUpOutcome | null {
    const field = memory.attr;
    // "and" is read as a "more" cue when it stands first; here it leads to another group's name.
    const leads = found.has('lead') || /^(ok(ay)?\s+)?and\b/i.test(message.trim());
    if (attr || !leads || unknown.length || !field || !STRICT_FIELDS.has(field) || tokens(message).length > 10) return null;
    const places = mentionedPartnerships(message);
    const scores = [...namedIn(rest)].filter(([id, s]) => s >= SWITCH_ENTITY && id !== previous.id);
    // Of equally well named records, the conversation's partnership's (or the one the message names).
    const wanted = places[0] ?? previous.partnership;
    const ranked = scores
      .map(([id, s]) => ({ r: byId.get(id), s }))
      // An acronym's entry names the group too ("SLT"), but holds no field of it: the group is meant.
      .filter((x): x is { r: KnowledgeRecord; s: number } => x.r !== undefined && !x.r.historical && x.r.type !== 'glossary');
    // Names within NEAR_NAME of the best are as good as equal: of those, the conversation's
    // partnership's first ("and their executive?" after City and Hackney's SLT is the CHSCP's).
    const best = Math.max(...ranked.map((x) => x.s));
    const near = (x: { s: number }) => Number(x.s >= best - NEAR_NAME);
    const wants = (x: { r: KnowledgeRecord }) => Number(x.r.partnership === wanted);
    ranked.sort((a, b) => near(b) - near(a) || wants(b) - wants(a) || b.s - a.s);
    const top = ranked[0];
    if (!top || (ranked[1] && ranked[1].s === top.s && ranked[1].r.partnership === top.r.partnership)) return null;
    // A group that states the field: anything else ("what about Harrow's sub groups?", a topic) is
    // better answered as the new question it is.
    const unit = top.r.type === 'body' ? unitsOf(top.r.id).find((u) => !u.notStated && (u.attr === field || suffixOf(u) === field)) : undefined;
    return unit ? { kind: 'answer', unit, question: unit.question, how: 'attribute' } : null;
  }

  function remember(question: string, answer: Answer, answered?: AnswerUnit, at: Date = new Date()): ConversationMemory | undefined {
    const first = answer.recordIds[0];
    if (!first || answer.kind === 'clarify') return undefined;
    // Which attribute was told: the one asked for, else the one whose sentence the answer reads.
    const quotes = new Set(answer.sources.map((s) => s.quote));
    const told = unitsOf(first).filter((u) => u.sources.length && u.sources.every((s) => quotes.has(s.quote ?? '')));
    const asked = read(question).attr;
    const reads = (u: AnswerUnit) => answer.text.includes(u.text.slice(0, 40));
    const unit =
      answered?.record.id === first ? answered : (told.find((u) => u.attr === asked) ?? told.find(reads) ?? told.find((u) => u.attr !== 'summary') ?? told[0]);
    return {
      recordIds: answer.recordIds.slice(0, 10),
      ...(unit ? { attr: suffixOf(unit) } : {}),
      partnership: answer.partnership,
      at: at.toISOString(),
    };
  }

  function pointsBackOnly(message: string): boolean {
    const { found, known, unknown } = read(message);
    const refers = (['other', 'more', 'pronoun', 'earlier'] as const).some((c) => found.has(c));
    return refers && !known.length && unknown.length <= 1 && !mentionedPartnerships(message).length && tokens(message).length <= 10;
  }

  function subjectOf(message: string, memory: ConversationMemory): string | null {
    const previous = previousOf(memory);
    if (!previous || namesOnlyElsewhere(message)) return null;
    const { found, rest } = read(message);
    const refers = (['pronoun', 'lead', 'same', 'earlier', 'other'] as const).some((c) => found.has(c));
    if (!refers || [...namedIn(rest).values()].some((s) => s >= SWITCH_ENTITY)) return null;
    const words = contentTerms(previous.name).filter((t) => !placeWords.has(t));
    return words.length ? words.join(' ') : null;
  }

  return { resolve, remember, pointsBackOnly, subjectOf };
}

/** Every cue phrase as words, longest first within its category, categories in reading order. */
function buildPhrases(data: FollowUpData): Phrase[] {
  const c = data.cues;
  const list = (category: Category, items: readonly string[], attr?: string): Phrase[] =>
    items
      .map((s) => ({ stems: tokens(s).map(stem), category, ...(attr ? { attr } : {}) }))
      .filter((p) => p.stems.length)
      .sort((a, b) => b.stems.length - a.stems.length);
  // Attributes keep their file order (most specific first); within one attribute, longest phrase first.
  const attributes = Object.entries(c.attributes).flatMap(([attr, items]) => list('attribute', items, attr));
  return [
    ...list('earlier', c.earlier),
    ...list('other', c.other),
    ...list('same', c.same),
    ...attributes,
    ...list('more', c.more),
    ...list('lead', c.leads),
    ...list('pronoun', c.pronouns),
    ...list('place', c.places),
    ...list('filler', c.filler),
  ];
}
