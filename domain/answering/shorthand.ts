/**
 * Expands the shorthand staff type ("hgy exec", "mum's bf", "sw hasn't replied in 3 wks") into
 * the words the knowledge and the triage vocabulary use. The table is data
 * (knowledge/language/shorthand.yaml); this only applies it, whole words only, keeping the
 * rest of the message exactly as typed.
 */
export interface ShorthandData {
  terms: Record<string, string>;
  examples: Array<{ message: string; expect: string }>;
}

export type Expand = (text: string) => string;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Letters, digits, "&", "'" and "/" join a word: "c&h" and "y/o" are one word, "hgy's" is not "hgy". */
const WORD = "[\\p{L}\\p{N}&'/]";

export function createShorthand(data: ShorthandData): Expand {
  const keys = Object.keys(data.terms).sort((a, b) => b.length - a.length);
  if (!keys.length) return (t) => t;
  const re = new RegExp(`(?<!${WORD})(${keys.map(escape).join('|')})(?!${WORD})`, 'giu');
  return (text) => text.replace(/[\u2018\u2019]/g, "'").replace(re, (m) => data.terms[m.toLowerCase()] ?? m);
}
