/**
 * What the answer, "I can't answer" and search-result cards show of an answer: plain strings
 * and lists, worked out in bot/ from the engine's answer. Cards read nothing else.
 */

/** One source, already written out: the card shows `link` (a Markdown link where there is an address). */
export interface SourceView {
  /** "Title, section (June 2019)", or "National: Title (edition), section". */
  line: string;
  /** `line` with the title as a Markdown link to the public document, when it has an address. */
  link: string;
  /** The verbatim quote, where one is held (no placeholder otherwise). */
  quote: string;
  historical: boolean;
}

export interface AnswerView {
  text: string;
  markdown: string;
  sources: SourceView[];
  followUps: string[];
  suggestions: string[];
  /** The guided checklist to offer, with its button title, when one fits. */
  checklist: { id: string; title: string } | null;
  /** For the feedback payload: which records, which kind of answer, which partnership. */
  recordIds: string[];
  kind: string;
  partnership: string | null;
}
