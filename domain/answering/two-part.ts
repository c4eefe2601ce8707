/**
 * Two questions in one message whose second half the first answer's record cannot give: "how
 * many contacts came in, and who referred the most?". The first half is answered as a question
 * of its own, and the second as the next turn of a conversation about that answer (the same
 * follow-up reading a chat gets: "who referred the most?" after the contacts figure). Both halves
 * must be answered, from different facts, or the message keeps its single answer. (A message the
 * engine could not answer whole stays unanswered: answering its halves instead was right twice and
 * harmful twice on the fixture sets.)
 */
import type { KnowledgeRecord } from '../../knowledge/schema.ts';
import { clausesOf } from './second-clause.ts';
import { contentTerms } from './text.ts';
import { mentionedPartnerships } from './partnerships.ts';
import { RELATED } from './thresholds.ts';
import type { Answer, AnswerContext, ConversationMemory } from './types.ts';

/** Whether two sets of records speak of one subject (see createRelatedness). */
export type RelatedRecords = (a: readonly string[], b: readonly string[]) => boolean;

/**
 * Whether two sets of records speak of one subject: the same record, or records whose names share
 * a word few names have ("contacts to children's social care", "sources of contacts"; not "children").
 */
export function createRelatedness(records: readonly KnowledgeRecord[]): RelatedRecords {
  const namesWith = new Map<string, number>();
  for (const r of records) for (const t of new Set(contentTerms(r.name))) namesWith.set(t, (namesWith.get(t) ?? 0) + 1);
  const byId = new Map(records.map((r) => [r.id, r]));
  // Each record's rare name words, read once: this is asked on every conversation turn.
  const rare = new Map<string, ReadonlySet<string>>();
  const nameTerms = (id: string): ReadonlySet<string> => {
    let terms = rare.get(id);
    if (!terms) {
      terms = new Set(contentTerms(byId.get(id)?.name ?? '').filter((t) => (namesWith.get(t) ?? 0) <= RELATED.rareNameWord));
      rare.set(id, terms);
    }
    return terms;
  };
  return (x, y) => x.some((i) => y.some((j) => i === j || [...nameTerms(i)].some((t) => nameTerms(j).has(t))));
}

/** The two halves of a two-question message (second-clause.ts reads the clauses), or null. */
export function splitTwoPart(question: string): { first: string; second: string } | null {
  const halves = clausesOf(question);
  // A half of one or two words ("who and when?") is not a question of its own.
  return halves && halves.first.split(/\s+/).length >= 3 && halves.second.split(/\s+/).length >= 2 ? halves : null;
}

/** A place named in either half is the place both are about ("who chaired the CDOP, and how many children in Haringey died?"). */
export function halvesContext(question: string, ctx: AnswerContext): AnswerContext {
  const named = mentionedPartnerships(question);
  return named.length === 1 ? { ...ctx, partnership: named[0]! } : ctx;
}

/** Kinds of answer a second half may be joined to: a fact, not a route, a list or a comparison. */
const JOINABLE = new Set<Answer['kind']>(['fact', 'glossary', 'unknown']);

const firstLine = (a: Answer) => a.text.split('\n')[0]!;

export function answerBothHalves(
  question: string,
  whole: Answer,
  ctx: AnswerContext,
  {
    ask,
    remember,
    oneFact,
    related,
  }: {
    ask: (question: string, ctx: AnswerContext) => Answer;
    remember: (question: string, answer: Answer) => ConversationMemory | undefined;
    /** Whether an answer gives one fact (facts of two records already answer both halves). */
    oneFact: (answer: Answer) => boolean;
    /** Whether two answers' records speak of the same thing (the same record, or records named alike). */
    related: RelatedRecords;
  },
): Answer | null {
  // One fact, or several of one record ("established in July 2018; met monthly"): the other half may be another record's.
  if (!whole.answered || !JOINABLE.has(whole.kind) || !(oneFact(whole) || whole.recordIds.length === 1)) return null;
  const halves = splitTwoPart(question);
  if (!halves) return null;
  ctx = halvesContext(question, ctx);
  const first = ask(halves.first, { ...ctx, memory: undefined });
  if (!first.answered || !JOINABLE.has(first.kind)) return null;
  const memory = remember(halves.first, first);
  if (!memory) return null;
  const second = ask(halves.second, { ...ctx, memory });
  if (!second.answered || !JOINABLE.has(second.kind)) return null;
  // The second half is about the first half's subject ("who referred the most" of the contacts):
  // an answer about something else is a reading of the few words alone, not of the question.
  if (!related(whole.recordIds, second.recordIds)) return null;
  // The whole message's answer was the second half's ("who else is on it and who chairs it?"
  // answered with the chair): the first half is what is missing.
  const next = whole.text.includes(firstLine(second)) && related(whole.recordIds, first.recordIds) ? first : second;
  // Nothing new: that half was given already (the same fact, or the same record twice).
  if (whole.text.includes(firstLine(next))) return null;
  const sources = [...whole.sources, ...next.sources].filter(
    (s, i, all) => all.findIndex((o) => o.document === s.document && o.section === s.section && o.quote === s.quote) === i,
  );
  return {
    ...whole,
    text: `${whole.text}\n${next.text}`,
    markdown: `${whole.markdown}\n\n${next.markdown}`,
    sources,
    confidence: Math.min(whole.confidence, next.confidence),
    recordIds: [...new Set([...whole.recordIds, ...next.recordIds])],
    kind: 'fact',
    answered: true,
  };
}
