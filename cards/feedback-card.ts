/** Thanks for feedback; after a "no", offers the route to a person. */
import { plainLines, renderCard, type CardAttachment } from './render.ts';

export function feedbackThanksCard(helpful: boolean, changed: boolean, askLead: { question: string } | null): CardAttachment {
  const message = helpful
    ? `Thanks, I've ${changed ? 'changed your answer to' : 'recorded'} "helpful".`
    : `Thanks, I've ${changed ? 'changed your answer to' : 'recorded'} "not helpful". The team that maintains the knowledge base reviews these.`;
  return renderCard('feedback-thanks', {
    message,
    canAskLead: askLead !== null,
    question: askLead?.question ?? '',
    fallbackText: plainLines([message]),
  });
}
