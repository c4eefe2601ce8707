/**
 * A message that points back ("is that going to be reviewed?") and cannot be answered alone is read
 * again with the last answer's subject. That reading is kept only as a plain fact that gives the
 * field the message asks for: the subject's words must not make a situation of it, nor repeat the
 * last answer, nor describe what the last answer was about.
 */
import { GENERAL_ATTRS } from './candidates.ts';
import type { Answer, ConversationMemory } from './types.ts';

/**
 * @param told what the reading's answer would leave in memory (its record and field)
 * @param asked the fields the message asks for outright (empty: any fact will do)
 */
export function keepsSubjectReading(a: Answer, before: ConversationMemory, told: ConversationMemory | undefined, asked: readonly string[]): boolean {
  if (!a.answered || ['route', 'emergency', 'clarify'].includes(a.kind)) return false;
  const field = told?.attr?.split(':')[0];
  // "Who chairs the SSP?", "is that permanent?": not the chair again, nor what the SSP is.
  const same = told?.recordIds[0] === before.recordIds[0];
  if (same && (told?.attr === before.attr || GENERAL_ATTRS.has(field ?? ''))) return false;
  return !asked.length || (field !== undefined && asked.includes(field));
}

/**
 * Which reading a message in a conversation gets: its own (`alone`), or the one with the last
 * answer's subject added. The subject's reading is kept where the message alone found nothing, or
 * found something unrelated to the conversation while the subject's reading stays on it ("how
 * much did the council put in?" after the LSCB's budget), never where the message names a place
 * of its own ("and Hackney's?": the conversation moves). The second reading is only made when it
 * could win: most turns that answered on the conversation's subject ask the engine once.
 */
export function chooseReading(
  alone: Answer,
  {
    memory,
    withSubject,
    told,
    asked,
    related,
    namesPlace,
  }: {
    memory: ConversationMemory;
    /** The message read with the last answer's subject, or null when it does not point back. */
    withSubject: () => Answer | null;
    /** What an answer would leave in memory (its record and field). */
    told: (a: Answer) => ConversationMemory | undefined;
    /** The fields the message asks for outright. */
    asked: () => readonly string[];
    /** Whether two sets of records speak of one subject (two-part.ts createRelatedness). */
    related: (a: readonly string[], b: readonly string[]) => boolean;
    namesPlace: boolean;
  },
): Answer {
  const talkedOf = memory.recordIds;
  if (alone.answered && (namesPlace || related(alone.recordIds, talkedOf))) return alone;
  const other = withSubject();
  if (!other || !keepsSubjectReading(other, memory, told(other), asked())) return alone;
  return !alone.answered || related(other.recordIds, talkedOf) ? other : alone;
}
