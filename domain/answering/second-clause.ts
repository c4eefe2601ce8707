/**
 * Two questions in one message: "what does the Business Coordination Group do and how often
 * does it meet?". The first is answered by the ranking; the second clause is answered from the
 * same record when it has that fact (its subject is usually "it"), so both get an answer.
 */
import type { AttrKey, DetectIntent, IntentWeights } from './intents.ts';
import type { Matcher, ScoredUnit } from './matcher.ts';
import type { ReasonCode } from './types.ts';
import { contentTerms } from './text.ts';
import type { AnswerUnit } from './units.ts';

// "and" as staff type it too: "n", "&" ("when does hscp publish the annual report n when is the business plan produced").
const CLAUSE = /(?:,\s*|\s)(?:and|n|&)\s+(?=(how|who|what|when|where|which|does|do|is|are|can|will|whose)\b)/i;

/** The two clauses of a two-question message ("X, and who/how/what ...?"), or null. */
export function clausesOf(question: string): { first: string; second: string } | null {
  const m = CLAUSE.exec(question);
  return m ? { first: question.slice(0, m.index).trim(), second: question.slice(m.index + m[0].length).trim() } : null;
}

/** The second clause of a two-question message, or null. */
export function secondClause(question: string): string | null {
  return clausesOf(question)?.second ?? null;
}

/** The two answers in the order the message asked them. */
export function inAskedOrder(detectIntent: DetectIntent, question: string, clause: string, found: AnswerUnit, other: AnswerUnit): AnswerUnit[] {
  const first = detectIntent(question.slice(0, Math.max(0, question.length - clause.length)));
  const second = detectIntent(clause);
  return (second[found.attr] ?? 0) > (first[found.attr] ?? 0) ? [other, found] : [found, other];
}

/** The unit of `record` that answers `clause`, if it is a different, stated fact. */
export function answerFromSameRecord(detectIntent: DetectIntent, matcher: Matcher, first: AnswerUnit, clause: string): AnswerUnit | null {
  const intent = detectIntent(clause);
  const terms = new Set(contentTerms(clause));
  let best: { unit: AnswerUnit; score: number } | null = null;
  for (const u of matcher.unitsOf(first.record.id)) {
    if (u.key === first.key || u.notStated || u.text === first.text) continue;
    const want = intent[u.attr as AttrKey] ?? 0;
    const overlap = [...u.terms].filter((t) => terms.has(t)).length;
    const score = want * 2 + overlap;
    if (score > 0 && (!best || score > best.score)) best = { unit: u, score };
  }
  // An attribute the clause asks for (weight), or at least two of its words in one fact.
  return best && best.score >= 2 ? best.unit : null;
}

/**
 * The unit of another record that answers `clause`, from the candidates ranked nearly as high as
 * the first answer for the whole message: "what was the total LSCB budget and how much came from
 * the council?" is two records (the total, the council's share). It must be of the same
 * partnership, speak to more of the clause's words than the first answer does, and pass the
 * checks for the clause on its own (a sum for "how much", a date for "when").
 */
export function answerFromRanked(
  first: ScoredUnit,
  ranked: readonly ScoredUnit[],
  clause: string,
  checkClause: (r: ScoredUnit, runnerUp?: boolean) => ReasonCode | null,
): AnswerUnit | null {
  const terms = new Set(contentTerms(clause));
  const overlap = (u: AnswerUnit) => [...u.terms].filter((t) => terms.has(t)).length;
  const base = overlap(first.unit);
  const other = ranked
    .slice(1, 5)
    .find(
      (r) =>
        r.unit.record.id !== first.unit.record.id &&
        !r.unit.notStated &&
        r.unit.text !== first.unit.text &&
        r.unit.record.partnership === first.unit.record.partnership &&
        r.score >= first.score * 0.75 &&
        overlap(r.unit) > base &&
        checkClause(r, true) === null,
    );
  return other?.unit ?? null;
}

/**
 * What to give for the chosen unit: both facts when two attributes are asked with equal weight
 * ("who chairs it and how often does it meet?") or a second clause asks another fact of the same
 * record, in the order asked; a general answer ("what is / how does") with the closest detail of
 * the same record; otherwise the unit alone.
 */
export function unitsToGive(
  best: ScoredUnit,
  ranked: readonly ScoredUnit[],
  {
    corrected,
    intent,
    detectIntent,
    matcher,
    checkFor,
  }: {
    corrected: string;
    intent: IntentWeights;
    detectIntent: DetectIntent;
    matcher: Matcher;
    /** The candidate checks for a question of its own (the second clause). */
    checkFor: (question: string) => (r: ScoredUnit, runnerUp?: boolean) => ReasonCode | null;
  },
): AnswerUnit[] {
  const maxW = Math.max(0, ...Object.values(intent));
  const second = (Object.entries(intent) as Array<[string, number]>)
    .filter(([k, w]) => w === maxW && k !== best.unit.attr && !['summary', 'role', 'fact', 'holder'].includes(k))
    .map(([k]) => matcher.unitFor(best.unit.record.id, k as AnswerUnit['attr']))
    .find((u) => u && !u.notStated);
  if (second) return [best.unit, second];
  const clause = secondClause(corrected);
  if (clause) {
    // The same record first ("what does it do and how often does it meet?"), then another one.
    const other = answerFromSameRecord(detectIntent, matcher, best.unit, clause) ?? answerFromRanked(best, ranked, clause, checkFor(clause));
    if (other) return inAskedOrder(detectIntent, corrected, clause, best.unit, other);
  }
  const detail = ['summary', 'fact', 'role'].includes(best.unit.attr)
    ? ranked
        .slice(1, 4)
        .find(
          (r) =>
            r.unit.record.id === best.unit.record.id &&
            !r.unit.notStated &&
            ['fact', 'summary', 'role'].includes(r.unit.attr) &&
            r.score >= best.score * 0.85 &&
            r.unit.text !== best.unit.text,
        )
    : undefined;
  return detail ? [best.unit, detail.unit] : [best.unit];
}
