/**
 * One line per source, shared by the answer and search cards: "Title, section (June 2019)" for a
 * partnership document; "National: Title (edition), section" for a national one, whose `published`
 * holds the edition the section and quote were checked against.
 */
import type { AnswerSource } from '../domain/answering/types.ts';

export function sourceLine(s: AnswerSource): string {
  if (s.national) return `National: ${s.title}${s.published ? ` (${s.published})` : ''}, ${s.section}`;
  const when = s.published ? ` (${s.published})` : '';
  const historical = s.historical ? ' [historical document]' : '';
  return `${s.title}, ${s.section}${when}${historical}`;
}

export function sourceLink(s: AnswerSource): string {
  // National documents have a public address; a markdown link lets people open it.
  if (!s.url) return sourceLine(s);
  const edition = s.national && s.published ? ` (${s.published})` : '';
  return `${s.national ? 'National: ' : ''}[${s.title}](${s.url})${edition}, ${s.section}`;
}
