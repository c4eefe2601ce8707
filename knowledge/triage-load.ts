/**
 * Loads and validates the triage vocabulary and routes (knowledge/triage/*.yaml). Errors name
 * the file and the field, like the knowledge loader's, so an admin can fix the data.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { readYaml } from './read-yaml.ts';
import type { TriageData } from '../domain/triage/types.ts';
import { KnowledgeError } from '../shared/errors.ts';

export const DEFAULT_TRIAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), 'triage');

const RouteId = z.enum(['emergency', 'lado', 'mash', 'escalation', 'panel']);
const Condition = z.array(z.string().regex(/^!?[a-z_]+$/)).min(1);
const Partnership = z.enum(['haringey', 'harrow', 'city-hackney']);

const GroupName = z.string().regex(/^[a-z_]+$/);
const Vocabulary = z
  .object({
    groups: z.record(GroupName, z.array(z.string().min(1)).min(1)),
    /** group -> groups whose matches hide it: "child" inside "Children's Social Care" names no child. */
    masks: z.record(GroupName, z.array(GroupName).min(1)).default({}),
    /** Groups whose words do not count where a negation covers them ("not scared", "not hurt"). */
    negatable: z.array(GroupName).default([]),
    /**
     * Groups whose words carry a negation on to what they report: "she hasn't said she'd hurt
     * them" negates "said", and so the threat it reports.
     */
    negationCarriers: z.array(GroupName).default([]),
  })
  .strict();
const Routes = z
  .object({
    routes: z
      .array(
        z
          .object({
            id: RouteId,
            title: z.string().min(1),
            when: z.array(Condition).min(1),
            unless: z.array(Condition).default([]),
            readUnless: z.array(Condition).default([]),
            readInstead: RouteId.optional(),
            firm: z.array(Condition).default([]),
            suppress: z.array(RouteId).default([]),
            first: z.string().min(1),
            then: z.string().optional(),
            basis: z.array(z.string()).min(1),
            local: z.partialRecord(Partnership, z.array(z.string())).default({}),
            variants: z.array(z.object({ when: Condition, records: z.array(z.string()).min(1) }).strict()).default([]),
            checklist: z.enum(['lado', 'escalation', 'referral', 'serious-incident']).optional(),
            contact: z.enum(['police', 'mash', 'lado', 'out-of-hours']).optional(),
            examples: z.array(z.string()).min(1),
          })
          .strict(),
      )
      .min(1),
    none: z.array(z.string()).default([]),
  })
  .strict();

const Concepts = z
  .object({
    concepts: z.array(z.object({ when: z.array(Condition).min(1), add: z.string().min(1), examples: z.array(z.string()).min(1) }).strict()).min(1),
    none: z.array(z.string()).default([]),
  })
  .strict();

const Label = z.enum(['emergency', 'lado', 'mash', 'escalation', 'panel', 'none']);
/** Example messages per route that train the classifier (domain/triage/classifier.ts). */
const Examples = z.partialRecord(Label, z.array(z.string().min(3))).default({});

export function loadTriage(dir = DEFAULT_TRIAGE_DIR): TriageData {
  const vocab = readYaml(join(dir, 'vocabulary.yaml'), Vocabulary);
  const routes = readYaml(join(dir, 'routes.yaml'), Routes);
  const concepts = readYaml(join(dir, 'concepts.yaml'), Concepts);
  const names = new Set(Object.keys(vocab.groups));
  for (const c of concepts.concepts.flatMap((x) => x.when).flat()) {
    if (!names.has(c.replace(/^!/, ''))) throw new KnowledgeError('KB_INVALID', `${join(dir, 'concepts.yaml')}: names an unknown group "${c}"`);
  }
  for (const r of routes.routes) {
    for (const c of [...r.when, ...r.unless, ...r.readUnless, ...r.firm, ...r.variants.map((v) => v.when)]) {
      for (const g of c) {
        if (!names.has(g.replace(/^!/, ''))) throw new KnowledgeError('KB_INVALID', `${join(dir, 'routes.yaml')}: route ${r.id} names an unknown group "${g}"`);
      }
    }
  }
  // examples.yaml and any examples-*.yaml beside it: one list per label, merged.
  const training: Partial<Record<z.infer<typeof Label>, string[]>> = {};
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /^examples(-[a-z0-9-]+)?\.yaml$/.test(f))
        .sort()
    : [];
  for (const f of files) {
    for (const [label, messages] of Object.entries(readYaml(join(dir, f), Examples)) as Array<[z.infer<typeof Label>, string[]]>) {
      training[label] = [...(training[label] ?? []), ...messages];
    }
  }
  for (const [g, by] of Object.entries(vocab.masks)) {
    for (const n of [g, ...by]) {
      if (!names.has(n)) throw new KnowledgeError('KB_INVALID', `${join(dir, 'vocabulary.yaml')}: masks names an unknown group "${n}"`);
    }
  }
  for (const n of [...vocab.negatable, ...vocab.negationCarriers]) {
    if (!names.has(n)) throw new KnowledgeError('KB_INVALID', `${join(dir, 'vocabulary.yaml')}: negatable or negationCarriers names an unknown group "${n}"`);
  }
  return {
    groups: vocab.groups,
    masks: vocab.masks,
    negatable: vocab.negatable,
    negationCarriers: vocab.negationCarriers,
    routes: routes.routes as TriageData['routes'],
    none: routes.none,
    training,
    concepts: concepts.concepts,
    conceptsNone: concepts.none,
  };
}
