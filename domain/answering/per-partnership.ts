/**
 * Answers that span partnerships: each partnership's best unit for a comparison, whether they
 * say the same thing anyway, and suggested questions that stand alone (naming their partnership).
 */
import type { PartnershipId } from '../../knowledge/schema.ts';
import type { ScoredUnit } from './matcher.ts';
import { mentionedPartnerships, PARTNERSHIP_LABELS } from './partnerships.ts';
import { DIFFERS } from './thresholds.ts';
import type { AnswerUnit } from './units.ts';

const ALL_PARTNERSHIPS = Object.keys(PARTNERSHIP_LABELS) as PartnershipId[];

/**
 * Which partnerships the answer speaks for, when the best unit belongs to one:
 * - `across`: the question asks across partnerships; one line each;
 * - `carry`: none named or known, but the conversation is about one: answer again for that one
 *   ("where are the reviews published?" after three questions about Hackney);
 * - `differs`: none named or known, and the fact differs: one line each, never one picked silently;
 * - `unsure`: it would differ, but the best candidate holds too few of the question's own words
 *   to speak for several records ("which Teams channel for the Section 11 minutes?");
 * - null: answer with the best unit.
 */
export type PartnershipDecision =
  | { kind: 'across'; units: AnswerUnit[] }
  | { kind: 'carry'; partnership: PartnershipId }
  | { kind: 'differs'; units: AnswerUnit[] }
  | { kind: 'unsure' }
  | null;

export function decidePartnerships(
  ranked: ScoredUnit[],
  best: ScoredUnit,
  {
    scope,
    across,
    mentioned,
    carried,
    distinctive,
  }: {
    scope: readonly PartnershipId[] | null;
    across: boolean;
    mentioned: readonly PartnershipId[];
    /** The conversation's partnership, if any. */
    carried: PartnershipId | null | undefined;
    /** The best record is named outright by the question (one record of its kind). */
    distinctive: boolean;
  },
): PartnershipDecision {
  if (across) {
    const units = pickPerPartnership(ranked, mentioned.length >= 2 ? mentioned : ALL_PARTNERSHIPS, best);
    if (units.length >= 2) return { kind: 'across', units };
  }
  if (scope || best.unit.record.partnership === null || distinctive) return null;
  // Not when the question asks across partnerships: answering again with the carried partnership
  // would come back here.
  if (carried && !across && pickPerPartnership(ranked, [carried], best).length) return { kind: 'carry', partnership: carried };
  const units = pickPerPartnership(ranked, ALL_PARTNERSHIPS, best);
  if (units.length < 2 || saySameThing(units)) return null;
  return best.lexical < DIFFERS.minLexical ? { kind: 'unsure' } : { kind: 'differs', units };
}

/** The best unit of each partnership that answers the same kind of question as the overall best. */
export function pickPerPartnership(ranked: ScoredUnit[], targets: readonly PartnershipId[], best: ScoredUnit): AnswerUnit[] {
  const out: AnswerUnit[] = [];
  // Each partnership's line must be about the same kind of body ("leadership group"), not
  // just the same attribute of something else: Harrow has no leadership group to list.
  const sameThing = (r: ScoredUnit) => best.entity < 0.3 || r.entity >= best.entity * 0.6;
  for (const p of targets) {
    const hit =
      ranked.find((r) => r.unit.record.partnership === p && r.unit.attr === best.unit.attr && r.score >= best.score * 0.6 && sameThing(r)) ??
      ranked.find((r) => r.unit.record.partnership === p && r.score >= best.score * 0.75 && sameThing(r));
    if (hit) out.push(hit.unit);
  }
  return out;
}

/** Glossary expansions and other facts worded alike everywhere need no per-partnership list. */
export function saySameThing(units: readonly AnswerUnit[]): boolean {
  if (units.every((u) => u.attr === 'expansion')) {
    const expansions = new Set(units.map((u) => (u.record.type === 'glossary' ? u.record.expansion.toLowerCase().replace(/[^a-z]/g, '') : u.key)));
    return expansions.size === 1;
  }
  return false;
}

const SHORT_PLACE: Record<PartnershipId, string> = { haringey: 'Haringey', harrow: 'Harrow', 'city-hackney': 'City & Hackney' };

/**
 * Questions for buttons, each able to stand alone: a question that does not already name its
 * partnership gets " in Harrow" unless the conversation's own partnership makes that implicit.
 */
export function distinctQuestions(units: readonly AnswerUnit[], n: number, implicit: PartnershipId | null = null): string[] {
  const out: string[] = [];
  for (const u of units) {
    const p = u.record.partnership;
    const q = p && p !== implicit && !mentionedPartnerships(u.question).includes(p) ? `${u.question.replace(/\?$/, '')} in ${SHORT_PLACE[p]}?` : u.question;
    if (!out.includes(q)) out.push(q);
    if (out.length >= n) break;
  }
  return out;
}
