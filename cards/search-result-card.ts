/**
 * The card a user inserts from the compose box (messaging extension). It lands in any
 * conversation, so it carries no buttons that would talk to the bot from there.
 */
import type { Answer } from '../domain/answering/types.ts';
import { plainLines, renderCard, type CardAttachment } from './render.ts';
import { sourceLine, sourceLink } from './source-line.ts';

export interface SearchResult {
  card: CardAttachment;
  preview: { title: string; text: string };
}

export function searchResultCard(question: string, answer: Answer, partnershipLabel: string | null): SearchResult {
  const card = renderCard('search-result', {
    heading: `${question}${partnershipLabel ? ` (${partnershipLabel})` : ''}`,
    markdown: answer.markdown || answer.text,
    sources: answer.sources.map((s) => ({ line: sourceLink(s) })),
    fallbackText: plainLines([answer.text, ...answer.sources.map((s) => `Source: ${sourceLine(s)}`)]),
  });
  const firstLine = answer.text.split('\n')[0] ?? answer.text;
  return {
    card,
    preview: {
      title: firstLine.length > 80 ? `${firstLine.slice(0, 77)}...` : firstLine,
      text: answer.sources[0] ? sourceLine(answer.sources[0]) : '',
    },
  };
}
