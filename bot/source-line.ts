/**
 * One line per source, shared by the answer and search cards: "Title, section (June 2019)" for a
 * partnership document; for a public document, whose rule it is first ("National: Title
 * (edition), section", "London-wide: ...", "Local page: ..."), where `published` holds the edition
 * the section and quote were checked against.
 */
import type { AnswerSource } from '../domain/answering/types.ts';
import { scopeLabel } from '../domain/answering/compose.ts';

export function sourceLine(s: AnswerSource): string {
  const scope = scopeLabel(s);
  if (scope) return `${scope}: ${s.title}${s.published ? ` (${s.published})` : ''}, ${s.section}`;
  const when = s.published ? ` (${s.published})` : '';
  const historical = s.historical ? ' [historical document]' : '';
  return `${s.title}, ${s.section}${when}${historical}`;
}

export function sourceLink(s: AnswerSource): string {
  // Public documents have an address; a markdown link lets people open it.
  if (!s.url) return sourceLine(s);
  const scope = scopeLabel(s);
  const edition = scope && s.published ? ` (${s.published})` : '';
  return `${scope ? `${scope}: ` : ''}[${s.title}](${s.url})${edition}, ${s.section}`;
}
