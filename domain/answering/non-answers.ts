/**
 * The answers that are not a fact: a refusal with its reason code (worded in refusals.ts) and a
 * route to a person, and "the document is silent on that" with where we looked. Both suggest
 * questions that can be answered instead.
 */
import type { PartnershipId } from '../../knowledge/schema.ts';
import type { Composer } from './compose.ts';
import type { Matcher, ScoredUnit } from './matcher.ts';
import { distinctQuestions } from './per-partnership.ts';
import { refusalText, routeToPerson, type RefusalDetail } from './refusals.ts';
import type { Answer, AnswerContext, ReasonCode } from './types.ts';
import type { AnswerUnit } from './units.ts';

export function createNonAnswers(composer: Composer, matcher: Matcher) {
  function refuse(
    ctx: AnswerContext,
    reason: ReasonCode,
    ranked: ScoredUnit[] = [],
    partnership: PartnershipId | null = null,
    detail: RefusalDetail = {},
  ): Answer {
    const suggestions = distinctQuestions(
      ranked.slice(0, 12).map((r) => r.unit),
      3,
      ctx.partnership ?? null,
    );
    // Off-topic ("what's the weather?") is no safeguarding matter: no MASH consultation number for it.
    // An unclear situation's wording names the people to go to already; only the number is added.
    const next =
      reason === 'unclear-situation'
        ? ctx.mashConsultationLine
          ? ` The MASH consultation line: ${ctx.mashConsultationLine}.`
          : ''
        : ` ${routeToPerson(reason === 'out-of-scope' ? undefined : ctx.mashConsultationLine)}`;
    const text = `${refusalText(reason, detail)}${next}`;
    return {
      answered: false,
      text,
      markdown: text,
      partnership,
      sources: [],
      confidence: 0,
      suggestions,
      followUps: [],
      kind: reason === 'which-one' ? 'clarify' : 'unknown',
      recordIds: [],
      reason,
    };
  }

  /** The document is silent: say so, show where we looked, and route to a person. */
  function notStatedAnswer(unit: AnswerUnit, ctx: AnswerContext): Answer {
    const text = `${refusalText('not-stated', { silent: unit.text })} ${routeToPerson(ctx.mashConsultationLine)}`;
    return {
      answered: false,
      text,
      markdown: text,
      partnership: unit.record.partnership,
      sources: composer.sources([unit]),
      confidence: 0,
      suggestions: followUpsFor(unit, ctx),
      followUps: [],
      kind: 'unknown',
      recordIds: [unit.record.id],
      reason: 'not-stated',
    };
  }

  /** Other facts of the same record, as questions to try next. */
  function followUpsFor(unit: AnswerUnit, ctx: AnswerContext): string[] {
    return distinctQuestions(
      matcher.unitsOf(unit.record.id).filter((u) => u.attr !== unit.attr && !u.notStated && u.attr !== 'summary'),
      3,
      ctx.partnership ?? null,
    );
  }

  return { refuse, notStatedAnswer, followUpsFor };
}
