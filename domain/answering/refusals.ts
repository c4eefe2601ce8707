/**
 * Every refusal the engine gives, by reason code, worded in this one place. Tests and the bot
 * check the code, not the sentence, so wording can improve without touching either.
 */
import type { ReasonCode } from './types.ts';

export interface RefusalDetail {
  /** The other council named ("Barnet"), for `other-council`. */
  place?: string;
  /** What the documents do say, for `future-meeting` (the cadence sentence). */
  instead?: string;
  /** The group the conversation was about, for follow-ups ("the CHSCP Executive"). */
  name?: string;
  /** The silent field's sentence, for `not-stated` ("The chair of X is not stated in ..."). */
  silent?: string;
  /** The conversation was about a figure, for `no-equivalent`: there is no group to name, only no figure. */
  figure?: boolean;
}

const WORDING: Record<ReasonCode, (d: RefusalDetail) => string> = {
  empty: () => 'Please type a question about your safeguarding partnership.',
  'too-long': () => 'That message is too long for me to read reliably: please ask one question in a sentence or two.',
  'out-of-scope': () => "I don't know: that is outside what I can help with. I answer questions about the safeguarding partnership arrangements.",
  'other-council': (d) =>
    `I only hold the safeguarding arrangements of Haringey, Harrow and the City of London & Hackney, so I can't answer about ${d.place ?? 'that area'}.`,
  'contact-details': () =>
    "I don't know: phone numbers and mailboxes are not in the partnership documents I hold; your organisation's safeguarding contacts list has them.",
  'future-meeting': (d) =>
    `I don't know the date of the next meeting: the published arrangements give how often groups meet, not their dates.${d.instead ? ` What the arrangements do say: ${d.instead}` : ''} The meeting's organiser or your partnership's business unit will have the date.`,
  'year-not-covered': () => "I don't know: the documents I hold don't give that for the year you asked about.",
  'figure-not-found': () => "I don't know: I couldn't find that figure in the partnership documents I hold.",
  'field-not-stated': () => "I don't know: the partnership documents I hold don't state that detail.",
  'unknown-words': () => "I don't know: the words your question turns on aren't in the partnership arrangements I hold, so I won't guess.",
  'not-stated': (d) => `I don't know: ${d.silent ? lowerFirst(d.silent) : 'the document does not state that.'}`,
  'low-confidence': () => "I don't know: I couldn't find that in the partnership arrangements I hold.",
  'unclear-situation': () =>
    "I can't tell from your message which safeguarding route it needs, so I won't guess. If a child is in immediate danger, call 999. Otherwise talk to your designated safeguarding lead today: a worry about a child goes to the MASH / children's social care, and a concern about someone who works with children goes to the LADO.",
  'which-other': (d) => `I don't know which other group you mean: could you name it (for example "who chairs the ${d.name ?? 'Executive'}?")?`,
  'no-equivalent': (d) =>
    d.figure
      ? `${d.place ?? 'The other partnership'}'s documents I hold don't give that figure (${d.name ?? 'the one we were talking about'}).`
      : `I don't know which group or topic in ${d.place ?? 'that partnership'} matches the ${d.name ?? 'one we were talking about'}: could you name it?`,
  'which-one': () => 'I don\'t know which group or topic you mean: could you name it (for example "who chairs the CHSCP Executive?")?',
};

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** The refusal sentence for a reason, without the route to a person (the engine adds it). */
export function refusalText(code: ReasonCode, detail: RefusalDetail = {}): string {
  return WORDING[code](detail);
}

/** Where to go next when the bot can't answer: a person, never a guess. */
export function routeToPerson(mashConsultationLine?: string): string {
  const line = mashConsultationLine ? ` or the MASH consultation line (${mashConsultationLine})` : " or your MASH / children's social care front door";
  return `Please ask your designated safeguarding lead${line}.`;
}
