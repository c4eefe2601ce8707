/**
 * A message about a child that the triage reads as some route, but too unsure to give one, is never
 * "outside what I can help with" nor a bare "I don't know": it is told where to go (999 if in danger,
 * the DSL today, the MASH for a worry about a child, the LADO for someone who works with children).
 * Told of by someone, about a child and an adult in their life or work, or an agency that has
 * been told: "one of our regulars, 8, told me mummy's boyfriend broke mummy's arm"; "I've rung
 * children's services twice about the toddler, they say it's housing"; not "how do I get a blue badge for my dad?".
 */
import type { TriageResult } from '../triage/triage.ts';
import type { ReasonCode } from './types.ts';

/** Vocabulary groups (knowledge/triage/vocabulary.yaml): each line needs one of its groups matched. */
const TOLD_OF_A_CHILD: ReadonlyArray<readonly string[]> = [['subject'], ['hearsay', 'report'], ['worker', 'family', 'agency']];
/** The refusals it stands in for: those that say nothing about where to go with a worry. */
const REPLACES: ReadonlySet<ReasonCode> = new Set(['out-of-scope', 'low-confidence', 'unknown-words']);

/** The reason to give instead of `reason` for this message. */
export function refusalFor(situation: TriageResult): (reason: ReasonCode) => ReasonCode {
  const unclear =
    situation.classifier !== undefined && situation.classifier.label !== 'none' && TOLD_OF_A_CHILD.every((any) => any.some((g) => g in situation.matched));
  return (reason) => (unclear && REPLACES.has(reason) ? 'unclear-situation' : reason);
}
