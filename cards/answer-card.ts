/**
 * The answer card: the answer, its sources (title, section, publication date), the quote on
 * demand (only where a quote is held), follow-up questions as short buttons, and "Was this helpful?". The feedback buttons carry
 * the record ids and a hash of the question, not the question, unless the admin opted in.
 */
import type { AnswerView } from './answer-view.ts';
import { plainLines, renderCard, type CardAttachment } from './render.ts';
import { questionButton } from './button-title.ts';

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
  answer: AnswerView;
  answerId: string;
  questionHash: string;
  /** Included in the feedback payload only when FEEDBACK_STORE_QUESTION_TEXT is on. */
  questionForFeedback: string | null;
  partnershipLabel: string | null;
  /** Teams shows its own thumbs up / down on the message: no "Was this helpful?" buttons then. */
  nativeFeedback?: boolean;
  /** Teams personal chat offers the follow-ups as suggested actions above the compose box instead. */
  followUpsElsewhere?: boolean;
  /**
   * The message carries Teams citations (numbered references with the quote in their pop-up): the
   * card then leaves out its own source list and quotes, so Teams doesn't show the sources twice.
   */
  citationsElsewhere?: boolean;
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
    sources: input.citationsElsewhere ? [] : answer.sources.map((s) => ({ line: s.link })),
    // Only quotes we hold: no placeholder lines, and no toggle at all when there is nothing to show.
    quotes: input.citationsElsewhere ? [] : answer.sources.filter((s) => s.quote).map((s) => ({ quote: `"${s.quote}"`, from: s.line })),
    followUps: input.followUpsElsewhere ? [] : answer.followUps.slice(0, 3).map(questionButton),
    checklistId: answer.checklist?.id ?? '',
    checklistTitle: answer.checklist?.title ?? '',
    showFeedback: !input.nativeFeedback,
    feedbackYes: feedback(true),
    feedbackNo: feedback(false),
    fallbackText: plainLines([
      answer.text,
      ...answer.sources.map((s) => `Source: ${s.line}`),
      answer.followUps.length ? `You could also ask: ${answer.followUps.join(' | ')}` : null,
      answer.checklist ? `Type "checklist ${answer.checklist.id}" for the guided checklist.` : null,
    ]),
  });
}
