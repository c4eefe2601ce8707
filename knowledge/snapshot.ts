/**
 * The knowledge base as one JSON file, written by `npm run build` (dist/knowledge/snapshot.json)
 * after the YAML has been validated, so a production start reads JSON instead of parsing 2 MB of
 * YAML through zod (most of the start time: issue 13). The snapshot carries a hash of every file
 * it was built from; a start whose files hash differently (an admin edited the YAML in place)
 * ignores the snapshot and loads the YAML, so an edit is never hidden by a stale snapshot.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EnginePrebuilt } from '../domain/answering/prebuilt.ts';
import { loadKnowledge, type KnowledgeBase } from './load.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_SNAPSHOT_FILE = join(here, 'snapshot.json');
/** Every folder loadKnowledge reads, beside this file. */
const SOURCE_DIRS = ['data', 'triage', 'follow-up', 'language'];
/** Bump when the snapshot's shape changes, so an old snapshot is not read as a new one. */
const SNAPSHOT_VERSION = 1;

interface SnapshotFile {
  version: number;
  sourceHash: string;
  knowledge: Omit<KnowledgeBase, 'fileOf'> & { fileOf: Array<[string, string]> };
  /** The engine's units, indexes and compiled vocabulary, worked out from this knowledge by the build. */
  prebuilt?: EnginePrebuilt;
}

export type KnowledgeSource = 'snapshot' | 'yaml';

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : /\.ya?ml$/.test(name) ? [path] : [];
    });
}

/** A hash of the names and contents of every YAML file the knowledge base is loaded from. */
export function knowledgeSourceHash(root = here): string {
  const hash = createHash('sha256');
  for (const dir of SOURCE_DIRS) {
    for (const file of filesUnder(join(root, dir))) {
      hash.update(relative(root, file));
      hash.update('\0');
      hash.update(readFileSync(file));
      hash.update('\0');
    }
  }
  return hash.digest('hex');
}

export function writeSnapshot(kb: KnowledgeBase, file = DEFAULT_SNAPSHOT_FILE, root = dirname(file), prebuilt?: EnginePrebuilt): void {
  const snapshot: SnapshotFile = {
    version: SNAPSHOT_VERSION,
    sourceHash: knowledgeSourceHash(root),
    knowledge: { ...kb, fileOf: [...kb.fileOf] },
    ...(prebuilt ? { prebuilt } : {}),
  };
  writeFileSync(file, JSON.stringify(snapshot));
}

/**
 * The knowledge base from the snapshot when it was built from exactly these files, otherwise
 * from the YAML (validated as always). Says which, for the start-up log line.
 */
export function loadKnowledgeFast(
  file = DEFAULT_SNAPSHOT_FILE,
  root = dirname(file),
): { kb: KnowledgeBase; source: KnowledgeSource; prebuilt?: EnginePrebuilt } {
  if (existsSync(file)) {
    try {
      const snapshot = JSON.parse(readFileSync(file, 'utf8')) as SnapshotFile;
      if (snapshot.version === SNAPSHOT_VERSION && snapshot.sourceHash === knowledgeSourceHash(root)) {
        const kb = { ...snapshot.knowledge, fileOf: new Map(snapshot.knowledge.fileOf) };
        return { kb, source: 'snapshot', ...(snapshot.prebuilt ? { prebuilt: snapshot.prebuilt } : {}) };
      }
    } catch {
      // Unreadable (a half-copied deployment): the YAML below is the truth anyway.
    }
  }
  return { kb: loadKnowledge(), source: 'yaml' };
}
