/**
 * The build's knowledge snapshot (issue 13): the same knowledge base as the YAML, used only when
 * it was built from exactly the files on disk; an edited, missing or unreadable snapshot falls
 * back to the YAML, so an admin's edit is never hidden; the engine parts built from it go with it.
 */
import { cpSync, mkdtempSync, rmSync, appendFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../knowledge/load.ts';
import { loadKnowledgeFast, writeSnapshot } from '../../knowledge/snapshot.ts';
import { buildEnginePrebuilt } from '../../domain/answering/prebuilt.ts';

const KNOWLEDGE = resolve(import.meta.dirname, '../../knowledge');
const dir = mkdtempSync(join(tmpdir(), 'snapshot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const kb = loadKnowledge();

describe('the knowledge snapshot', () => {
  it('gives the knowledge base the YAML gives, record for record', () => {
    const file = join(dir, 'same.json');
    writeSnapshot(kb, file, KNOWLEDGE);
    const { kb: read, source } = loadKnowledgeFast(file, KNOWLEDGE);
    expect(source).toBe('snapshot');
    expect(read.records).toEqual(kb.records);
    expect([...read.fileOf]).toEqual([...kb.fileOf]);
    expect(read).toEqual(kb);
  });

  it('is ignored when a YAML file changed after it was written', () => {
    const root = join(dir, 'edited');
    for (const sub of ['data', 'triage', 'follow-up', 'language']) cpSync(join(KNOWLEDGE, sub), join(root, sub), { recursive: true });
    const file = join(root, 'snapshot.json');
    writeSnapshot(kb, file);
    expect(loadKnowledgeFast(file).source).toBe('snapshot');
    appendFileSync(join(root, 'triage', 'vocabulary.yaml'), '\n# an admin was here\n');
    expect(loadKnowledgeFast(file).source).toBe('yaml');
  });

  it('carries the engine parts built from it, and drops them with it when a YAML file changed', () => {
    const root = join(dir, 'prebuilt');
    for (const sub of ['data', 'triage', 'follow-up', 'language']) cpSync(join(KNOWLEDGE, sub), join(root, sub), { recursive: true });
    const file = join(root, 'snapshot.json');
    const prebuilt = buildEnginePrebuilt(kb);
    writeSnapshot(kb, file, root, prebuilt);
    expect(loadKnowledgeFast(file).prebuilt).toEqual(prebuilt);
    appendFileSync(join(root, 'data', 'documents.yaml'), '\n# an admin was here\n');
    const edited = loadKnowledgeFast(file);
    expect(edited.source).toBe('yaml');
    expect(edited.prebuilt).toBeUndefined();
  });

  it('is ignored when missing or unreadable', () => {
    expect(loadKnowledgeFast(join(dir, 'none.json'), KNOWLEDGE).source).toBe('yaml');
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"version":1,"sourceHash":');
    expect(loadKnowledgeFast(broken, KNOWLEDGE).source).toBe('yaml');
  });
});
