/** "I don't know": the engine's explanation, "did you mean" buttons, and the route to a person. */
import type { AnswerView } from './answer-view.ts';
import { questionButton } from './button-title.ts';
import { plainLines, renderCard, type CardAttachment } from './render.ts';

export interface AbstainCardInput {
  answer: Pick<AnswerView, 'text' | 'markdown' | 'suggestions'>;
  question: string;
  /** Defaults to "I can't answer that ..."; the engine may instead be asking for more detail. */
  heading?: string | undefined;
  /** Who to talk to instead, e.g. the MASH consultation line or "your designated safeguarding lead". */
  personLine: string;
  /** Only when an experts conversation is configured. */
  canAskLead: boolean;
}

export function abstainCard(input: AbstainCardInput): CardAttachment {
  const suggestions = input.answer.suggestions.slice(0, 3);
  const heading = input.heading ?? "I can't answer that from the partnership documents I hold.";
  return renderCard('abstain', {
    heading,
    markdown: input.answer.markdown || input.answer.text,
    suggestions: suggestions.map(questionButton),
    personLine: input.personLine,
    canAskLead: input.canAskLead,
    question: input.question,
    fallbackText: plainLines([
      heading,
      input.answer.text,
      suggestions.length ? `Did you mean: ${suggestions.join(' | ')}` : null,
      input.personLine,
      input.canAskLead ? 'Type "ask a lead" followed by your question to send it to a safeguarding lead.' : null,
    ]),
  });
}
