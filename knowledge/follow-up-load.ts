/**
 * Loads and validates the follow-up cues and equivalents (knowledge/follow-up/*.yaml). Record
 * ids named there must exist, so a renamed record fails at load with the file named, not as a
 * silent "which one?" in a conversation.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { readYaml } from './read-yaml.ts';
import type { FollowUpData } from '../domain/answering/follow-up-types.ts';
import { KnowledgeError } from '../shared/errors.ts';

export const DEFAULT_FOLLOW_UP_DIR = join(dirname(fileURLToPath(import.meta.url)), 'follow-up');

const Phrases = z.array(z.string().min(1)).min(1);
const Attr = z.string().regex(/^[a-zA-Z]+$/);

const Cues = z
  .object({
    leads: Phrases,
    pronouns: Phrases,
    same: Phrases,
    more: Phrases,
    other: Phrases,
    earlier: Phrases,
    filler: Phrases,
    places: Phrases,
    attributes: z.record(Attr, Phrases),
    sentences: z.object({ published: Phrases, earlier: Phrases }).strict(),
    examples: z
      .array(
        z
          .object({
            after: z.object({ record: z.string().min(1), attr: Attr }).strict(),
            message: z.string().min(1),
            expect: z.union([z.object({ record: z.string().min(1), attr: Attr }).strict(), z.object({ follow: z.literal(false) }).strict()]),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

const Equivalents = z
  .object({
    groups: z.array(z.object({ why: z.string().min(1), records: z.array(z.string().min(1)).min(2) }).strict()),
    siblings: z.array(z.array(z.string().min(1)).min(2)),
  })
  .strict();

/**
 * `strict` (the full knowledge base) fails on an unknown record id; a partial knowledge base
 * (kb check --only, test fixtures) keeps only the entries whose records it holds.
 */
export function loadFollowUps(recordIds: ReadonlySet<string>, strict = true, dir = DEFAULT_FOLLOW_UP_DIR): FollowUpData {
  const cues = readYaml(join(dir, 'cues.yaml'), Cues);
  const eq = readYaml(join(dir, 'equivalents.yaml'), Equivalents);
  const named = [
    ...eq.groups.flatMap((g) => g.records.map((id) => ['equivalents.yaml', id] as const)),
    ...eq.siblings.flat().map((id) => ['equivalents.yaml', id] as const),
    ...cues.examples.flatMap((e) => [['cues.yaml', e.after.record] as const, ...('record' in e.expect ? [['cues.yaml', e.expect.record] as const] : [])]),
  ];
  const unknown = named.filter(([, id]) => !recordIds.has(id));
  if (unknown.length && strict) {
    throw new KnowledgeError('KB_INVALID', `${dir}: unknown record id(s): ${[...new Set(unknown.map(([f, id]) => `${id} (${f})`))].join(', ')}`);
  }
  const known = (ids: string[]) => ids.filter((id) => recordIds.has(id));
  const { examples, ...rest } = cues;
  return {
    cues: rest,
    examples: examples.filter((e) => recordIds.has(e.after.record) && (!('record' in e.expect) || recordIds.has(e.expect.record))),
    equivalents: eq.groups.map((g) => known(g.records)).filter((g) => g.length >= 2),
    siblings: eq.siblings.map(known).filter((g) => g.length >= 2),
  };
}
