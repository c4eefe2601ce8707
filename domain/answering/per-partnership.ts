/**
 * Answers that span partnerships: each partnership's best unit for a comparison, whether they
 * say the same thing anyway, and suggested questions that stand alone (naming their partnership).
 */
import type { PartnershipId } from '../../knowledge/schema.ts';
import type { ScoredUnit } from './matcher.ts';
import { mentionedPartnerships } from './partnerships.ts';
import type { AnswerUnit } from './units.ts';

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
