/**
 * Reads one YAML data file and validates it with a zod schema. Errors name the file and the
 * field (KB_YAML, KB_INVALID), so an admin editing the data can find what to fix.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { z } from 'zod';
import { KnowledgeError } from '../shared/errors.ts';

export function readYaml<T>(file: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new KnowledgeError('KB_YAML', `${file}: not valid YAML: ${(e as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new KnowledgeError('KB_INVALID', `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
