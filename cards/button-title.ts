/**
 * Button titles that fit: Teams and Web Chat draw an action's title on one line and neither wraps
 * it, so a long title runs past the card edge (Teams) or is cut off (Web Chat). Titles are kept to
 * 40 characters. A question used as a button ("You could also ask", "Did you mean") is first
 * shortened the way people say it, "the Strategic Safeguarding Partnership (SSP)" -> "the SSP";
 * only if it is still too long is it cut at a word with an ellipsis, and the card keeps the whole
 * question as the button's tooltip and in what the button sends.
 */
export const MAX_BUTTON_TITLE = 40;

/** "Long Name (ACR)" -> "ACR": the acronym alone reads naturally once the name is on screen elsewhere. */
function preferAcronyms(text: string): string {
  return text.replace(/\b(?:[A-Z][\w&'-]*\s+)(?:(?:of|for|and|the|&|[A-Z][\w&'-]*)\s+)*\(([A-Z][A-Za-z&]{1,9})\)/g, '$1');
}

export function buttonTitle(text: string, max = MAX_BUTTON_TITLE): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const short = preferAcronyms(t);
  if (short.length <= max) return short;
  const cut = short.slice(0, max - 1);
  const atWord = cut.lastIndexOf(' ') > max / 2 ? cut.slice(0, cut.lastIndexOf(' ')) : cut;
  return `${atWord.replace(/[\s,;:]+$/, '')}…`;
}

/** A question as a button: short title, the whole question as tooltip and as what is asked. */
export function questionButton(question: string): { title: string; tooltip: string; question: string } {
  return { title: buttonTitle(question), tooltip: question, question };
}
