/**
 * Loads and validates the shorthand table (knowledge/language/shorthand.yaml): keys are single
 * lower-case words, so a typo in the file fails at start with the file and field named.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { readYaml } from './read-yaml.ts';
import type { ShorthandData } from '../domain/answering/shorthand.ts';

export const DEFAULT_SHORTHAND_FILE = join(dirname(fileURLToPath(import.meta.url)), 'language', 'shorthand.yaml');

const Shorthand = z.object({
  terms: z.record(z.string().regex(/^[a-z0-9&'/+]+$/, 'a key is one lower-case word'), z.string().min(1)),
  examples: z.array(z.object({ message: z.string().min(1), expect: z.string().min(1) }).strict()).default([]),
}).strict();

export function loadShorthand(file = DEFAULT_SHORTHAND_FILE): ShorthandData {
  return readYaml(file, Shorthand);
}
