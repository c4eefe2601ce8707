/**
 * `npm run build`: compiles the bot to JavaScript in dist/ (tsc with tsconfig.build.json, which
 * rewrites the `.ts` import specifiers to `.js`) and copies the data the code reads at run time
 * beside it, in the same relative layout, so `npm run start:prod` runs plain `node` with no
 * TypeScript compiler in the process; then writes the knowledge snapshot and trains the triage
 * readers into dist/ so the first production start does neither.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createAnswerEngine } from '../domain/answering/engine.ts';
import { buildEnginePrebuilt } from '../domain/answering/prebuilt.ts';
import { loadChecklists } from '../domain/checklists/load.ts';
import { writeChecklistsSnapshot } from '../domain/checklists/snapshot.ts';
import { loadKnowledge } from '../knowledge/load.ts';
import { writeSnapshot } from '../knowledge/snapshot.ts';
import { fileTrainingCache } from '../knowledge/training-cache.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');

/** Read at run time relative to the code that reads them (import.meta.url). */
const ASSETS = [
  'knowledge/data',
  'knowledge/seeds',
  'knowledge/triage',
  'knowledge/follow-up',
  'knowledge/language',
  'knowledge/checklists',
  'cards/templates',
  'config',
  'web/public',
  'manifest',
];

rmSync(DIST, { recursive: true, force: true });
const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
if (tsc.status !== 0) {
  process.stderr.write('Build failed: TypeScript reported errors (above).\n');
  process.exit(tsc.status ?? 1);
}
for (const dir of ASSETS) cpSync(join(ROOT, dir), join(DIST, dir), { recursive: true });
// The validated knowledge base as JSON, and the trained triage and off-topic readers, so the
// production start reads both instead of parsing YAML through zod and training (issue 13).
const kb = loadKnowledge();
// With the engine's units, indexes and compiled vocabulary, worked out before anything else reads words through wink.
writeSnapshot(kb, join(DIST, 'knowledge', 'snapshot.json'), undefined, buildEnginePrebuilt(kb));
createAnswerEngine(kb, kb.triage, { trainingCache: fileTrainingCache(join(DIST, 'knowledge', '.cache')) });
// The checklist definitions, validated (quotes against their seeds) from the copies in dist/.
const knowledgeDist = join(DIST, 'knowledge');
const checklists = loadChecklists(join(knowledgeDist, 'checklists'), join(knowledgeDist, 'seeds'));
writeChecklistsSnapshot(checklists, join(knowledgeDist, 'checklists.json'), knowledgeDist);
process.stdout.write(
  `Built dist/ (JavaScript, ${ASSETS.length} data folders, the knowledge and checklist snapshots and the trained readers). Start with: npm run start:prod\n`,
);
