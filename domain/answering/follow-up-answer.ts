/**
 * The answer to a follow-up the resolver placed ("and how often does it meet?" -> the Executive's
 * cadence): the fact with the resolver's note ("In Harrow, the nearest equivalent is..."), the
 * document's silence, or "which one?".
 */
import type { Composer } from './compose.ts';
import type { FollowUpOutcome } from './follow-up.ts';
import type { RefusalDetail } from './refusals.ts';
import type { Answer, AnswerContext, ReasonCode } from './types.ts';
import type { AnswerUnit } from './units.ts';
import type { ScoredUnit } from './matcher.ts';
import type { PartnershipId } from '../../knowledge/schema.ts';

/** A resolved follow-up names one record's attribute: as sure as a clear match, not more. */
const FOLLOW_UP_CONFIDENCE = 0.8;

export function followUpAnswer(
  f: FollowUpOutcome,
  ctx: AnswerContext,
  deps: {
    composer: Composer;
    abstain: (ctx: AnswerContext, reason: ReasonCode, ranked?: ScoredUnit[], partnership?: PartnershipId | null, detail?: RefusalDetail) => Answer;
    notStatedAnswer: (unit: AnswerUnit, ctx: AnswerContext) => Answer;
    followUpsFor: (unit: AnswerUnit, ctx: AnswerContext) => string[];
  },
): Answer {
  if (f.kind === 'which-one') return { ...deps.abstain(ctx, f.reason, [], null, f.detail), kind: f.reason === 'field-not-stated' ? 'unknown' : 'clarify' };
  if (f.unit.notStated) return deps.notStatedAnswer(f.unit, ctx);
  const a = deps.composer.single(f.unit, FOLLOW_UP_CONFIDENCE, f.unit.record.type === 'glossary' ? 'glossary' : 'fact');
  const say = (s: string) => (f.note ? `${f.note}\n${s}` : s);
  return { ...a, text: say(a.text), markdown: say(a.markdown), followUps: deps.followUpsFor(f.unit, ctx) };
}
