/**
 * The one rendering rule for text the bot shows: what must appear literally survives both
 * renderers. Teams and Web Chat run card TextBlocks, FactSets and text messages through Markdown:
 * a word in angle brackets ("partnership <name>") is taken for an HTML tag and dropped, and Web
 * Chat's typographer turns "(c)" into "©", "(r)" into "®", "+-" into "±" and "--" into a dash.
 *
 * The fix puts an invisible WORD JOINER (U+2060) where the Markdown rule would fire: after "<",
 * inside "(c)", between "+" and "-". Nothing changes on screen, no backslash escapes are needed
 * (Teams' Markdown subset does not honour them everywhere), and intended Markdown (bold, lists,
 * links) is untouched. The record to paste is not Markdown at all (it is an input's value), so it
 * copies without these marks.
 */
export const WORD_JOINER = '\u2060';

const RULES: ReadonlyArray<[RegExp, string]> = [
  // "<name>", "</x>", "<!--": anything a Markdown renderer could read as raw HTML.
  [/<(?=[A-Za-z/!?])/g, `<${WORD_JOINER}`],
  // Typographer replacements: (c) (r) (tm) (p), in any case.
  [/\((?=(c|r|tm|p)\))/gi, `(${WORD_JOINER}`],
  [/\+-/g, `+${WORD_JOINER}-`],
  [/-(?=-)/g, `-${WORD_JOINER}`],
  [/\.(?=\.\.)/g, `.${WORD_JOINER}`],
];

/** `text` as it must be written into a Markdown-rendered field to be shown literally. Idempotent. */
export function literalText(text: string): string {
  let out = text.replaceAll(WORD_JOINER, '');
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}

/** What a person sees and copies: the text without the invisible marks. */
export function withoutMarks(text: string): string {
  return text.replaceAll(WORD_JOINER, '');
}

/** Card element fields that renderers pass through Markdown (Adaptive Cards 1.5). */
function protectElement(node: Record<string, unknown>): void {
  if (node.type === 'TextBlock' && typeof node.text === 'string') node.text = literalText(node.text);
  if (node.type === 'FactSet' && Array.isArray(node.facts)) {
    for (const fact of node.facts as Array<Record<string, unknown>>) {
      if (typeof fact.title === 'string') fact.title = literalText(fact.title);
      if (typeof fact.value === 'string') fact.value = literalText(fact.value);
    }
  }
}

/** Applies the rule to every Markdown field of an expanded card, in place (including ShowCard bodies). */
export function protectCard(node: unknown): void {
  if (Array.isArray(node)) {
    for (const child of node) protectCard(child);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  protectElement(o);
  for (const [key, value] of Object.entries(o)) {
    // Submit data goes back to the bot as typed; only what is displayed is protected.
    if (key !== 'data' && typeof value === 'object') protectCard(value);
  }
}
