/**
 * "Was this helpful? yes / no" on the answer card. Stored against the knowledge record ids
 * and a hash of the question (the text only if the admin turned FEEDBACK_STORE_QUESTION_TEXT
 * on); one vote per person per answer, so a double click or a change of mind never counts twice.
 */
import { z } from 'zod';
import type { TurnContext } from 'botbuilder';
import type { Services } from '../services.ts';
import { feedbackThanksCard } from '../../cards/feedback-card.ts';
import { voterHash } from '../hashing.ts';
import { verbRoute, type Feature } from '../route-types.ts';
import { userKey } from '../scope.ts';

const FeedbackData = z.object({
  verb: z.literal('feedback'),
  helpful: z.boolean(),
  answerId: z.uuid(),
  recordIds: z.array(z.string().min(1).max(200)).max(50),
  questionHash: z.string().regex(/^[0-9a-f]{64}$/),
  kind: z.string().min(1).max(40),
  partnership: z.string().max(40).nullable(),
  question: z.string().max(1000).optional(),
});

export const feedbackFeature: Feature = {
  name: 'feedback',
  verbs: [
    verbRoute('feedback', FeedbackData, async (turn, data) => {
      const { config, state, logger } = turn.services;
      const outcome = await state.recordFeedback({
        answerId: data.answerId,
        voterHash: voterHash(userKey(turn.context.activity)),
        helpful: data.helpful,
        recordIds: data.recordIds,
        questionHash: data.questionHash,
        // The card only carries the text when the admin enabled it; check again here in case they turned it off since.
        questionText: config.feedbackStoreQuestionText ? (data.question ?? null) : null,
        answerKind: data.kind,
        partnership: data.partnership,
      });
      logger.info({ event: 'feedback', helpful: data.helpful, kind: data.kind, records: data.recordIds.length, outcome }, 'feedback recorded');
      // After a "no", offer the person route when the card told us the question (admin opted in).
      const askLead = !data.helpful && config.expertsConversationId && data.question ? { question: data.question } : null;
      await turn.context.sendActivity({ attachments: [feedbackThanksCard(data.helpful, outcome, askLead)] });
    }),
  ],
};

/**
 * Teams' own thumbs up / down (channelData.feedbackLoopEnabled on an answer) arrive as a
 * `message/submitAction` invoke naming the answer message (replyToId). Stored like the card's
 * vote, against the answer's record ids and question hash; the free text only when the admin
 * enabled FEEDBACK_STORE_COMMENTS, and never logged.
 */
const NativeFeedback = z.object({
  actionName: z.literal('feedback'),
  actionValue: z.object({
    reaction: z.enum(['like', 'dislike']),
    // A JSON string from Teams' dialog ('{"feedbackText":"..."}'), or already an object.
    feedback: z.union([z.string().max(20_000), z.record(z.string(), z.unknown())]).optional(),
  }),
});

function commentOf(feedback: string | Record<string, unknown> | undefined): string | null {
  let value: unknown = feedback;
  if (typeof feedback === 'string') {
    try {
      value = JSON.parse(feedback);
    } catch {
      value = { feedbackText: feedback };
    }
  }
  const text = value && typeof value === 'object' ? (value as { feedbackText?: unknown }).feedbackText : undefined;
  return typeof text === 'string' && text.trim() ? text.trim().slice(0, 1000) : null;
}

export type NativeFeedbackOutcome = 'recorded' | 'changed' | 'same' | 'unknown-answer' | 'invalid';

export async function recordNativeFeedback(context: TurnContext, services: Services): Promise<NativeFeedbackOutcome> {
  const { config, state, logger } = services;
  const parsed = NativeFeedback.safeParse(context.activity.value);
  const replyTo = context.activity.replyToId;
  if (!parsed.success || !replyTo) {
    logger.warn(
      { event: 'feedback.native.rejected', issues: parsed.success ? ['replyToId'] : parsed.error.issues.map((i) => i.path.join('.')) },
      'feedback invoke rejected',
    );
    return 'invalid';
  }
  const answer = await state.getAnswerMessage(context.activity.conversation.id, replyTo);
  if (!answer) {
    logger.info({ event: 'feedback.native', outcome: 'unknown-answer' }, 'feedback on a message the bot does not know');
    return 'unknown-answer';
  }
  const helpful = parsed.data.actionValue.reaction === 'like';
  const outcome = await state.recordFeedback({
    answerId: answer.answerId,
    voterHash: voterHash(userKey(context.activity)),
    helpful,
    recordIds: answer.recordIds,
    questionHash: answer.questionHash,
    questionText: config.feedbackStoreQuestionText ? answer.questionText : null,
    answerKind: answer.answerKind,
    partnership: answer.partnership,
    comment: config.feedbackStoreComments ? commentOf(parsed.data.actionValue.feedback) : null,
  });
  logger.info({ event: 'feedback', native: true, helpful, kind: answer.answerKind, records: answer.recordIds.length, outcome }, 'feedback recorded');
  return outcome;
}
