/**
 * Keeps the trained classifiers (the triage's, the off-topic reader's) on disk between starts (knowledge/.cache/, beside the
 * data they are trained on; in a build, dist/knowledge/.cache/). Reading ~3,000 example messages
 * takes seconds; loading the trained result takes milliseconds. The key is a hash of everything
 * the training reads, so an edited vocabulary or example file is retrained, never served stale.
 * Not in the temp folder: anyone could write there, and these files decide triage.
 * Best effort: a read-only disk only means training at each start.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TrainingCache } from '../domain/triage/classifier.ts';

export const DEFAULT_TRAINING_CACHE_DIR = join(dirname(fileURLToPath(import.meta.url)), '.cache');

export function fileTrainingCache(dir = DEFAULT_TRAINING_CACHE_DIR): TrainingCache {
  // Keys are "<reader>-<hash>" (triage-…, off-topic-…): one file per key.
  const file = (key: string) => join(dir, `${key.replace(/[^a-z0-9-]/gi, '_')}.json`);
  return {
    get(key) {
      return existsSync(file(key)) ? readFileSync(file(key), 'utf8') : undefined;
    },
    set(key, value) {
      mkdirSync(dir, { recursive: true });
      // Written whole then renamed, so a second process never reads half a file.
      const tmp = `${file(key)}.${process.pid}.tmp`;
      writeFileSync(tmp, value);
      renameSync(tmp, file(key));
      // Only the current training of each reader is worth keeping.
      const reader = `${key.slice(0, key.lastIndexOf('-') + 1)}`;
      const kept = file(key).slice(dir.length + 1);
      for (const f of readdirSync(dir)) if (reader && f.startsWith(reader) && f.endsWith('.json') && f !== kept) rmSync(join(dir, f), { force: true });
    },
  };
}
