/**
 * The validated checklist definitions as one JSON file, written by `npm run build`
 * (dist/knowledge/checklists.json), so a production start neither parses their YAML nor checks
 * every quote against its seed again (a tenth of a start, issue 13). The file carries a hash of
 * everything the validation read (the definitions, the seed documents, documents.yaml); a start
 * whose files hash differently (an edited checklist) loads and validates the YAML as before.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DATA_DIR, DEFAULT_SEEDS_DIR } from '../../knowledge/load.ts';
import { DEFAULT_CHECKLISTS_DIR, loadChecklists } from './load.ts';
import type { Checklist } from './schema.ts';

export const DEFAULT_CHECKLISTS_SNAPSHOT = join(DEFAULT_CHECKLISTS_DIR, '..', 'checklists.json');
/** Bump when the definitions' shape or their validation changes in code. */
const SNAPSHOT_VERSION = 1;

interface ChecklistsSnapshot {
  version: number;
  sourceHash: string;
  checklists: Checklist[];
}

/** A hash of the names and contents of every file the checklists are loaded and checked from. */
export function checklistsSourceHash(dir = DEFAULT_CHECKLISTS_DIR, seedsDir = DEFAULT_SEEDS_DIR, dataDir = DEFAULT_DATA_DIR): string {
  const hash = createHash('sha256');
  const add = (label: string, path: string) => {
    hash.update(`${label}\0`);
    hash.update(existsSync(path) ? readFileSync(path) : '(missing)');
    hash.update('\0');
  };
  for (const f of readdirSync(dir).sort()) add(`checklists/${f}`, join(dir, f));
  for (const f of readdirSync(seedsDir).sort()) add(`seeds/${f}`, join(seedsDir, f));
  add('documents.yaml', join(dataDir, 'documents.yaml'));
  return hash.digest('hex');
}

/** `root`: the knowledge folder the definitions were loaded from (its checklists/, seeds/ and data/). */
export function writeChecklistsSnapshot(checklists: Checklist[], file: string, root: string): void {
  const sourceHash = checklistsSourceHash(join(root, 'checklists'), join(root, 'seeds'), join(root, 'data'));
  const snapshot: ChecklistsSnapshot = { version: SNAPSHOT_VERSION, sourceHash, checklists };
  writeFileSync(file, JSON.stringify(snapshot));
}

/** The definitions from the snapshot when it was built from exactly these files, otherwise loaded and validated from the YAML. */
export function loadChecklistsFast(
  file = DEFAULT_CHECKLISTS_SNAPSHOT,
  dir = DEFAULT_CHECKLISTS_DIR,
  seedsDir = DEFAULT_SEEDS_DIR,
  dataDir = DEFAULT_DATA_DIR,
): Checklist[] {
  if (existsSync(file)) {
    try {
      const snapshot = JSON.parse(readFileSync(file, 'utf8')) as ChecklistsSnapshot;
      if (snapshot.version === SNAPSHOT_VERSION && snapshot.sourceHash === checklistsSourceHash(dir, seedsDir, dataDir)) return snapshot.checklists;
    } catch {
      // Unreadable (a half-copied deployment): the YAML below is the truth anyway.
    }
  }
  return loadChecklists(dir, seedsDir);
}
