/**
 * Scores multi-turn conversations: each turn is an eval question answered with the memory the
 * previous turns left, as the bot and `ask --session` carry it. Turns after the first are the
 * follow-ups, counted apart so their figures are not flattered by the opening questions.
 */
import { partnershipOf, scoreOne, summarise, type EvalOutcome, type EvalQuestion, type EvalSummary } from './evaluate.ts';
import type { Answer, AnswerContext, ConversationMemory } from './types.ts';

export interface EvalConversation {
  id: string;
  partnership?: string;
  turns: Array<Omit<EvalQuestion, 'id'>>;
}

export interface ConversationOutcome {
  id: string;
  turns: EvalOutcome[];
  /** Every turn right: correct where `must` is given, cited where `source` is, abstained where `abstain` is. */
  allRight: boolean;
}

export interface ConversationSummary {
  conversations: { pass: number; total: number };
  /** Turns 2 and later only. */
  followUps: EvalSummary;
  turns: number;
}

export const isConversation = (item: unknown): item is EvalConversation =>
  typeof item === 'object' && item !== null && Array.isArray((item as { turns?: unknown }).turns);

export function runConversation(c: EvalConversation, answer: (q: string, ctx: AnswerContext) => Answer): ConversationOutcome {
  let memory: ConversationMemory | null = null;
  const turns = c.turns.map((t, i) => {
    const a = answer(t.q, { partnership: partnershipOf(c), memory });
    if (a.memory) memory = a.memory;
    return scoreOne({ ...t, id: `${c.id}.${i + 1}` }, a);
  });
  const allRight = turns.every((o) => o.correct !== false && o.cited !== false && o.abstainedRightly !== false && !o.harmful);
  return { id: c.id, turns, allRight };
}

export function summariseConversations(outcomes: readonly ConversationOutcome[]): ConversationSummary {
  return {
    conversations: { pass: outcomes.filter((o) => o.allRight).length, total: outcomes.length },
    followUps: summarise(outcomes.flatMap((o) => o.turns.slice(1))),
    turns: outcomes.reduce((n, o) => n + o.turns.length, 0),
  };
}
