/**
 * Loads and validates the language data in knowledge/language/: the shorthand table (keys are
 * single lower-case words) and the off-topic words and examples. A mistake fails at start with
 * the file and field named.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { readYaml } from './read-yaml.ts';
import type { ShorthandData } from '../domain/answering/shorthand.ts';
import type { ScopeData } from '../domain/answering/scope.ts';
import { ATTR_LABELS, type AttrKey, type IntentRule } from '../domain/answering/intents.ts';
import type { ListData } from '../domain/answering/list.ts';
import { BODY_KINDS } from './schema.ts';
import { KnowledgeError } from '../shared/errors.ts';

const LANGUAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), 'language');
export const DEFAULT_SHORTHAND_FILE = join(LANGUAGE_DIR, 'shorthand.yaml');
export const DEFAULT_OFF_TOPIC_FILE = join(LANGUAGE_DIR, 'off-topic.yaml');
export const DEFAULT_INTENTS_FILE = join(LANGUAGE_DIR, 'intents.yaml');
export const DEFAULT_LISTS_FILE = join(LANGUAGE_DIR, 'lists.yaml');

const Shorthand = z
  .object({
    terms: z.record(z.string().regex(/^[a-z0-9&'/+]+$/, 'a key is one lower-case word'), z.string().min(1)),
    examples: z.array(z.object({ message: z.string().min(1), expect: z.string().min(1) }).strict()).default([]),
  })
  .strict();

export function loadShorthand(file = DEFAULT_SHORTHAND_FILE): ShorthandData {
  return readYaml(file, Shorthand);
}

const OffTopic = z
  .object({
    words: z.array(z.string().min(2)).default([]),
    offTopic: z.array(z.string().min(3)).min(1),
  })
  .strict();

export function loadOffTopic(file = DEFAULT_OFF_TOPIC_FILE): ScopeData {
  return readYaml(file, OffTopic);
}

/** Every attribute an intent rule may weigh: ATTR_LABELS is exhaustive over AttrKey, so the list is the type's. */
const ATTRS = Object.keys(ATTR_LABELS) as [AttrKey, ...AttrKey[]];
const Phrases = z.array(z.string().min(1)).min(1);
const Intents = z
  .object({
    rules: z
      .array(
        z
          .object({
            weights: z.partialRecord(z.enum(ATTRS), z.number().positive()),
            any: Phrases.optional(),
            all: z.array(Phrases).min(2).optional(),
            start: Phrases.optional(),
            prefix: Phrases.optional(),
            not: Phrases.optional(),
            examples: z.array(z.string().min(1)).min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export function loadIntents(file = DEFAULT_INTENTS_FILE): IntentRule[] {
  const { rules } = readYaml(file, Intents);
  rules.forEach((r, i) => {
    if (!r.any && !r.all && !r.start && !r.prefix) throw new KnowledgeError('KB_INVALID', `${file}: rules.${i}: a rule needs any, all, start or prefix`);
    if (!Object.keys(r.weights).length) throw new KnowledgeError('KB_INVALID', `${file}: rules.${i}.weights: at least one attribute`);
  });
  return rules as IntentRule[];
}

const Lists = z
  .object({
    asks: Phrases,
    asksAll: z.array(Phrases).min(2),
    notAsks: Phrases,
    placing: Phrases,
    kinds: z
      .array(
        z
          .object({
            label: z.string().min(1),
            kinds: z.array(z.enum([...BODY_KINDS, 'threshold'])).min(1),
            any: Phrases.optional(),
            start: Phrases.optional(),
            examples: z.array(z.string().min(1)).min(1),
          })
          .strict(),
      )
      .min(1),
    none: z.array(z.string().min(1)).default([]),
  })
  .strict();

/** Which questions ask for a list of bodies of one kind (knowledge/language/lists.yaml). */
export function loadLists(file = DEFAULT_LISTS_FILE): ListData {
  const data = readYaml(file, Lists);
  data.kinds.forEach((k, i) => {
    if (!k.any && !k.start) throw new KnowledgeError('KB_INVALID', `${file}: kinds.${i}: a kind needs any or start`);
  });
  return data;
}
