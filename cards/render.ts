/**
 * Expands an Adaptive Card template (cards/templates/<name>.json) with a typed view model,
 * using adaptivecards-templating. Every template must carry `fallbackText`: clients that
 * cannot render the card (and the terminal client) show it instead, so a card that lost
 * its fallback is a bug we catch here rather than in a practitioner's chat.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type * as ACData from 'adaptivecards-templating';
import { protectCard } from './literal-text.ts';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export interface CardContent {
  type: 'AdaptiveCard';
  version: string;
  fallbackText: string;
  [key: string]: unknown;
}

export interface CardAttachment {
  contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
  content: CardContent;
}

const here = dirname(fileURLToPath(import.meta.url));
const templates = new Map<string, ACData.Template>();

/**
 * adaptivecards-templating (with adaptive-expressions and its parser) is loaded with the first
 * card, not at start: it was a tenth of a production start (issue 13). require() keeps rendering
 * synchronous, so the first card just waits for it once.
 */
const require = createRequire(import.meta.url);
// Found now, loaded later: a missing package still stops the start rather than the first use.
require.resolve('adaptivecards-templating');
let templating: typeof ACData | undefined;
const templatingLibrary = (): typeof ACData => (templating ??= require('adaptivecards-templating') as typeof ACData);

function template(name: string): ACData.Template {
  let t = templates.get(name);
  if (!t) {
    t = new (templatingLibrary().Template)(JSON.parse(readFileSync(join(here, 'templates', `${name}.json`), 'utf8')));
    templates.set(name, t);
  }
  return t;
}

export function renderCard(name: string, data: object): CardAttachment {
  const content = template(name).expand({ $root: data }) as CardContent;
  // Every card goes through the one rendering rule (cards/literal-text.ts) here, after expansion.
  protectCard(content);
  if (typeof content.fallbackText !== 'string' || content.fallbackText.trim() === '') {
    throw new Error(`card template "${name}" expanded without a fallbackText`);
  }
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content };
}

/** Card text is markdown; text from people and documents must not turn into links or headings by accident. */
export function plainLines(lines: ReadonlyArray<string | null | undefined | false>): string {
  return lines.filter((l): l is string => typeof l === 'string' && l.length > 0).join('\n');
}
