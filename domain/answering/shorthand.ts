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
  return (text) =>
    text
      .replace(/[\u2018\u2019]/g, "'")
      // "14yo", "3yrs", "2hrs": a number glued to its unit is two words ("1st", "2nd" stay as they are).
      .replace(/\b(\d+)(?!st\b|nd\b|rd\b|th\b)([a-z]+(?:\/[a-z]+)?)\b/giu, '$1 $2')
      .replace(re, (m) => data.terms[m.toLowerCase()] ?? m);
}
