/**
 * `npm run build`: compiles the bot to JavaScript in dist/ (tsc with tsconfig.build.json, which
 * rewrites the `.ts` import specifiers to `.js`) and copies the data the code reads at run time
 * beside it, in the same relative layout, so `npm run start:prod` runs plain `node` with no
 * TypeScript compiler in the process.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

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
process.stdout.write(`Built dist/ (JavaScript and ${ASSETS.length} data folders). Start with: npm run start:prod\n`);
