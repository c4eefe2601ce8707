/**
 * The build's checklist snapshot (issue 13): the definitions the YAML gives, used only while every
 * file the validation read (definitions, seed documents, documents.yaml) is unchanged; otherwise
 * the YAML is loaded and validated again, so an edited checklist or seed is never hidden.
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadChecklists } from '../../domain/checklists/load.ts';
import { loadChecklistsFast, writeChecklistsSnapshot } from '../../domain/checklists/snapshot.ts';

const KNOWLEDGE = resolve(import.meta.dirname, '../../knowledge');
const dir = mkdtempSync(join(tmpdir(), 'checklists-snapshot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const real = loadChecklists();

/** A copy of what the validation reads, with a snapshot whose first title is marked, to tell which was loaded. */
function setUp(name: string) {
  const root = join(dir, name);
  for (const sub of ['checklists', 'seeds', 'data']) cpSync(join(KNOWLEDGE, sub), join(root, sub), { recursive: true });
  const file = join(root, 'checklists.json');
  writeChecklistsSnapshot(
    real.map((c, i) => (i === 0 ? { ...c, title: `${c.title} (from the snapshot)` } : c)),
    file,
    root,
  );
  const load = () => loadChecklistsFast(file, join(root, 'checklists'), join(root, 'seeds'), join(root, 'data'));
  const fromSnapshot = () => load()[0]!.title.endsWith('(from the snapshot)');
  return { root, file, load, fromSnapshot };
}

describe('the checklist snapshot', () => {
  it('gives the definitions the YAML gives', () => {
    const file = join(dir, 'same.json');
    writeChecklistsSnapshot(real, file, KNOWLEDGE);
    expect(loadChecklistsFast(file)).toEqual(real);
  });

  it('is used while nothing changed, and ignored when a definition, a seed or documents.yaml changed', () => {
    for (const edited of ['checklists/lado.yaml', 'seeds/000_322d20df74132527.txt', 'data/documents.yaml']) {
      const s = setUp(edited.replace(/\W/g, '-'));
      expect(s.fromSnapshot()).toBe(true);
      appendFileSync(join(s.root, edited), '\n# an admin was here\n');
      expect(s.fromSnapshot(), edited).toBe(false);
    }
  });

  it('is ignored when unreadable', () => {
    const s = setUp('broken');
    writeFileSync(s.file, '{"version":1,"sourceHash":');
    expect(s.load()).toEqual(real);
  });
});
