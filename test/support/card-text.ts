/**
 * What a card should show, read from its JSON: the text of every element visible without a click
 * (TextBlocks, facts, button titles, input values), with the card's Markdown taken out (bold,
 * links, list dashes) so it can be compared with what a renderer put on screen. Both sides go
 * through `comparable`, which folds what renderers may legitimately change (typographic quotes,
 * whitespace) and nothing else: "©" for "(c)" or a vanished "<name>" still fails.
 */
import { withoutMarks } from '../../cards/literal-text.ts';

export function comparable(text: string): string {
  // Invisible format characters (Web Chat wraps links in zero-width spaces) are not text.
  return withoutMarks(text)
    .replace(/\p{Cf}/gu, '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

function unmarkdown(text: string): string {
  return text
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/^\s*[-*] /gm, '');
}

/** The visible pieces of a card (each compared on its own, since renderers lay them out in cells and rows). */
export function visiblePieces(content: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.isVisible === false) return;
    if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(...unmarkdown(o.text).split('\n'));
    if (o.type === 'FactSet')
      for (const f of (o.facts ?? []) as Array<{ title: string; value: string }>) out.push(unmarkdown(f.title), ...unmarkdown(f.value).split('\n'));
    if (typeof o.type === 'string' && o.type.startsWith('Action.') && typeof o.title === 'string') out.push(o.title);
    if (o.type === 'Input.Text' && typeof o.value === 'string') out.push(...o.value.split('\n'));
    for (const [key, value] of Object.entries(o)) {
      // A ShowCard's card is behind a click; submit data is never shown.
      if (key === 'data' || (o.type === 'Action.ShowCard' && key === 'card')) continue;
      if (typeof value === 'object') walk(value);
    }
  };
  walk((content as { body?: unknown }).body);
  walk((content as { actions?: unknown }).actions);
  return out.map(comparable).filter((p) => p.length > 0);
}

/** The pieces a rendering does not show. */
export function missingPieces(content: unknown, renderedText: string): string[] {
  const shown = comparable(renderedText);
  return visiblePieces(content).filter((p) => !shown.includes(p));
}
