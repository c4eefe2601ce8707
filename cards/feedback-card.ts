/** Thanks for feedback; after a "no", offers the route to a person. */
import { plainLines, renderCard, type CardAttachment } from './render.ts';

export type FeedbackOutcome = 'recorded' | 'changed' | 'same';

export function feedbackThanksCard(helpful: boolean, outcome: FeedbackOutcome, askLead: { question: string } | null): CardAttachment {
  const vote = helpful ? '"helpful"' : '"not helpful"';
  const said =
    outcome === 'same'
      ? `You had already marked this answer ${vote}, so nothing changed.`
      : `Thanks, I've ${outcome === 'changed' ? 'changed your answer to' : 'recorded'} ${vote}.`;
  const message = helpful || outcome === 'same' ? said : `${said} The team that maintains the knowledge base reviews these.`;
  return renderCard('feedback-thanks', {
    message,
    canAskLead: askLead !== null,
    question: askLead?.question ?? '',
    fallbackText: plainLines([message]),
  });
}
