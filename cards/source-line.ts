/** One line per source: "Title, section (June 2019)"; shared by the answer and search cards. */
import type { AnswerSource } from '../domain/answering/types.ts';

export function sourceLine(s: AnswerSource): string {
  const when = s.published ? ` (${s.published})` : '';
  const historical = s.historical ? ' [historical document]' : '';
  return `${s.title}, ${s.section}${when}${historical}`;
}

export function sourceLink(s: AnswerSource): string {
  // National documents have a public address; a markdown link lets people open it.
  return s.url ? `[${s.title}](${s.url}), ${s.section}` : sourceLine(s);
}
