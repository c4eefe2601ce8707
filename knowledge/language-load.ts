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

const LANGUAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), 'language');
export const DEFAULT_SHORTHAND_FILE = join(LANGUAGE_DIR, 'shorthand.yaml');
export const DEFAULT_OFF_TOPIC_FILE = join(LANGUAGE_DIR, 'off-topic.yaml');

const Shorthand = z.object({
  terms: z.record(z.string().regex(/^[a-z0-9&'/+]+$/, 'a key is one lower-case word'), z.string().min(1)),
  examples: z.array(z.object({ message: z.string().min(1), expect: z.string().min(1) }).strict()).default([]),
}).strict();

export function loadShorthand(file = DEFAULT_SHORTHAND_FILE): ShorthandData {
  return readYaml(file, Shorthand);
}

const OffTopic = z.object({
  words: z.array(z.string().min(2)).default([]),
  offTopic: z.array(z.string().min(3)).min(1),
}).strict();

export function loadOffTopic(file = DEFAULT_OFF_TOPIC_FILE): ScopeData {
  return readYaml(file, OffTopic);
}
