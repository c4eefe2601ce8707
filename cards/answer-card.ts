/**
 * The answer card: the answer, its sources (title, section, publication date), the quote on
 * demand, follow-up questions as buttons, and "Was this helpful?". The feedback buttons carry
 * the record ids and a hash of the question, not the question, unless the admin opted in.
 */
import type { Answer } from '../domain/answering/types.ts';
import { plainLines, renderCard, type CardAttachment } from './render.ts';
import { sourceLine, sourceLink } from './source-line.ts';

export interface FeedbackPayload {
  verb: 'feedback';
  helpful: boolean;
  answerId: string;
  recordIds: string[];
  questionHash: string;
  kind: string;
  partnership: string | null;
  question?: string;
}

export interface AnswerCardInput {
  answer: Answer;
  answerId: string;
  questionHash: string;
  /** Included in the feedback payload only when FEEDBACK_STORE_QUESTION_TEXT is on. */
  questionForFeedback: string | null;
  partnershipLabel: string | null;
}

export function answerCard(input: AnswerCardInput): CardAttachment {
  const { answer } = input;
  const feedback = (helpful: boolean): FeedbackPayload => ({
    verb: 'feedback',
    helpful,
    answerId: input.answerId,
    recordIds: answer.recordIds,
    questionHash: input.questionHash,
    kind: answer.kind,
    partnership: answer.partnership,
    ...(input.questionForFeedback ? { question: input.questionForFeedback } : {}),
  });
  const historical = answer.sources.some((s) => s.historical);
  const heading = input.partnershipLabel ? `Answer for ${input.partnershipLabel}` : 'Answer';
  return renderCard('answer', {
    heading,
    markdown: answer.markdown || answer.text,
    historicalNote: historical ? 'Part of this comes from a historical document; check current arrangements.' : '',
    sources: answer.sources.map((s) => ({ line: sourceLink(s), quote: s.quote ? `"${s.quote}"` : '(no quote recorded)' })),
    followUps: answer.followUps.slice(0, 3),
    showFeedback: true,
    feedbackYes: feedback(true),
    feedbackNo: feedback(false),
    fallbackText: plainLines([
      answer.text,
      ...answer.sources.map((s) => `Source: ${sourceLine(s)}`),
      answer.followUps.length ? `You could also ask: ${answer.followUps.join(' | ')}` : null,
    ]),
  });
}
