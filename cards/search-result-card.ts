/**
 * The card a user inserts from the compose box (messaging extension). It lands in any
 * conversation, so it carries no buttons that would talk to the bot from there.
 */
import type { AnswerView } from './answer-view.ts';
import { plainLines, renderCard, type CardAttachment } from './render.ts';

/** Marks the card so the bot knows it again when someone sends it into a chat with the bot. */
export const SEARCH_RESULT_MARKER = 'safeguarding-bot-search-result';

/** Whether a message carries a card the bot's compose-box search inserted (sent on, it is not a question). */
export function carriesSearchResult(attachments: ReadonlyArray<{ contentType?: string; content?: unknown }> | undefined): boolean {
  return (attachments ?? []).some(
    (a) => a.contentType === 'application/vnd.microsoft.card.adaptive' && JSON.stringify(a.content ?? null).includes(`"id":"${SEARCH_RESULT_MARKER}"`),
  );
}

export interface SearchResult {
  card: CardAttachment;
  preview: { title: string; text: string };
}

export function searchResultCard(question: string, answer: Pick<AnswerView, 'text' | 'markdown' | 'sources'>, partnershipLabel: string | null): SearchResult {
  const card = renderCard('search-result', {
    heading: `${question}${partnershipLabel ? ` (${partnershipLabel})` : ''}`,
    markdown: answer.markdown || answer.text,
    sources: answer.sources.map((s) => ({ line: s.link })),
    fallbackText: plainLines([answer.text, ...answer.sources.map((s) => `Source: ${s.line}`)]),
  });
  const firstLine = answer.text.split('\n')[0] ?? answer.text;
  return {
    card,
    preview: {
      title: firstLine.length > 80 ? `${firstLine.slice(0, 77)}...` : firstLine,
      text: answer.sources[0]?.line ?? '',
    },
  };
}
