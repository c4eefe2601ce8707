/**
 * "Was this helpful? yes / no" on the answer card. Stored against the knowledge record ids
 * and a hash of the question (the text only if the admin turned FEEDBACK_STORE_QUESTION_TEXT
 * on); one vote per person per answer, so a double click or a change of mind never counts twice.
 */
import { z } from 'zod';
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
