/**
 * The written evaluation sets as training data for the triage's main reading (see
 * scripts/written-sets-to-examples.ts, which writes the file, and scripts/cross-validate-triage.ts,
 * which measures it one round of sets left out at a time).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RouteId } from '../domain/answering/types.ts';
import type { LearnedSets } from '../domain/triage/types.ts';

export const WRITTEN_SETS_FILE = join(dirname(fileURLToPath(import.meta.url)), 'triage', 'written-sets.yaml');

/** One line of a written set: a situation names its routes; any other question is "none". */
export interface WrittenItem {
  id: string;
  q: string;
  routes?: RouteId[];
  must?: unknown;
}

/**
 * Which fixture files are written sets: described situations, near-miss out-of-scope questions,
 * questions typed as staff type, and factual question sets. Conversations (whose turns lean on
 * earlier ones) and hand-made fix lists are not.
 */
export function writtenSetFiles(names: readonly string[]): string[] {
  return names.filter((f) => /^(situations-.+|near-miss-.+|typo-.+|.+-questions)\.jsonl$/.test(f)).sort();
}

export function labelOf(item: WrittenItem): RouteId | 'none' {
  return item.routes?.[0] ?? 'none';
}

/** For a situation whose first route is 999: the route its writer gave next, if any. */
export function afterEmergencyOf(item: WrittenItem): RouteId | undefined {
  return item.routes?.[0] === 'emergency' ? item.routes[1] : undefined;
}

/**
 * For the off-topic reader (domain/answering/scope.ts): a question the documents answer is in
 * scope; a near-miss set's question (annual leave, a council's parking) is off. Situations are
 * left out: the triage reads them before scope is asked, and their everyday words ("team", "duty",
 * "Friday") taught the reader that anything is in scope.
 * A question the documents happen not to answer ("the LADO's email") is neither: it is about
 * safeguarding, and the honest answer to it is "I don't know", not "that is not what I am for".
 */
export function scopeOf(file: string, item: WrittenItem): 'in' | 'off' | undefined {
  if (item.routes?.length) return undefined;
  if (file.startsWith('near-miss-')) return 'off';
  return item.must ? 'in' : undefined;
}

/** The written sets as written-sets.yaml holds them (see scripts/written-sets-to-examples.ts). */
export interface WrittenSets extends LearnedSets {
  /** The files read, for people reading the YAML. */
  sets: string[];
}

/** One written set's lines (JSONL), as its writer wrote them. */
export function readWrittenSet(dir: string, file: string): WrittenItem[] {
  return readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as WrittenItem);
}

/**
 * Reads the written sets in a fixtures folder (those `keep` accepts, by file name: all by default)
 * for the readers that learn them; a message written twice is learned once.
 */
export function readWrittenSets(dir: string, keep: (file: string) => boolean = () => true): WrittenSets {
  const sets = writtenSetFiles(readdirSync(dir)).filter(keep);
  const out: WrittenSets = { sets, examples: {}, afterEmergency: {}, scope: { in: [], off: [] } };
  const seen = new Set<string>();
  for (const f of sets) {
    for (const item of readWrittenSet(dir, f)) {
      const q = item.q.trim();
      if (seen.has(q.toLowerCase())) continue;
      seen.add(q.toLowerCase());
      (out.examples[labelOf(item)] ??= []).push(q);
      const next = afterEmergencyOf(item);
      if (next) (out.afterEmergency[next] ??= []).push(q);
      const where = scopeOf(f, item);
      if (where) out.scope[where].push(q);
    }
  }
  return out;
}
