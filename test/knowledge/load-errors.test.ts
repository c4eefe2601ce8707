import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR, loadKnowledge } from '../../knowledge/load.ts';
import { findQuoteProblems } from '../../knowledge/verify-quotes.ts';

const run = promisify(execFile);

/** A data folder with the real documents.yaml and one file of the test's own. */
function dataDirWith(file: string, yaml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kb-'));
  copyFileSync(join(DEFAULT_DATA_DIR, 'documents.yaml'), join(dir, 'documents.yaml'));
  writeFileSync(join(dir, file), yaml);
  return dir;
}

const SRC = `{document: 003_adb66485ebc597dc.txt, section: "14.5", quote: "The following summary sets out the key functions of the CHSCP Executive."}`;
const glossary = (id: string, extra = '') => `
  - id: ${id}
    type: glossary
    partnership: city-hackney
    name: ICSC
    acronym: ICSC
    expansion: Independent Child Safeguarding Commissioner
    summary: {text: "ICSC stands for Independent Child Safeguarding Commissioner.", sources: [${SRC}]}
    sources: [${SRC}]${extra}`;

describe('a bad knowledge file fails with the file, the record and the field named', () => {
  it.each([
    [
      'a missing field',
      `records:${glossary('x.one').replace('    expansion: Independent Child Safeguarding Commissioner\n', '')}`,
      /bad\.yaml: record x\.one: field "expansion"/,
    ],
    ['an unknown record type', 'records:\n  - {id: x.two, type: meeting}', /bad\.yaml: record x\.two: field "type"/],
    [
      'a source that is not a seed file',
      `records:${glossary('x.three').replace('003_adb66485ebc597dc.txt', 'notes.txt')}`,
      /record x\.three: field "summary\.sources\.0/,
    ],
    ['a duplicate id', `records:${glossary('x.four')}${glossary('x.four')}`, /record x\.four: field "id": duplicate/],
    ['invalid YAML', 'records: [unclosed', /bad\.yaml: not valid YAML/],
    [
      'a conflict citing only one document',
      `records:${glossary('x.seven', `\n    conflicts: [{text: "two subgroups against three", sources: [${SRC}]}]`)}`,
      /record x\.seven: field "conflicts\.0\.sources": a conflict cites both documents/,
    ],
    [
      'a national source with an unknown scope',
      `records:${glossary('x.eight').replace(`summary: {text: "ICSC stands for Independent Child Safeguarding Commissioner.", sources: [${SRC}]}`, 'summary: {text: "ICSC stands for it.", sources: [{national: true, scope: borough, title: "A page", section: s, url: "https://example.org"}]}')}`,
      /record x\.eight: field "summary\.sources\.0/,
    ],
    [
      'a document not in documents.yaml',
      `records:${glossary('x.five').replace(/003_adb66485ebc597dc/g, '009_abcdef')}`,
      /record x\.five: field "sources": unknown document 009_abcdef\.txt/,
    ],
  ])('%s', (_what, yaml, message) => {
    expect(() => loadKnowledge(dataDirWith('bad.yaml', yaml))).toThrow(message);
  });

  it('a quote that is not verbatim in its document is named with its record', () => {
    const kb = loadKnowledge(dataDirWith('ok.yaml', `records:${glossary('x.six').replace('sets out the key functions', 'lists the main jobs')}`));
    expect(findQuoteProblems(kb).map((p) => p.recordId)).toEqual(['x.six']);
  });

  it('draft files (named with a leading underscore) are skipped', () => {
    expect(loadKnowledge(dataDirWith('_draft.yaml', 'records: [broken')).records).toEqual([]);
  });
});

describe('kb commands', () => {
  const kb = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'cli/kb.ts', ...args], { maxBuffer: 64 * 1024 * 1024 });

  it('export prints the whole knowledge base as one JSON object', async () => {
    const { stdout } = await kb('export');
    const out = JSON.parse(stdout) as { documents: Array<Record<string, string>>; records: Array<Record<string, unknown>> };
    expect(out.documents).toHaveLength(5);
    expect(Object.keys(out.documents[0]!).sort()).toEqual(['file', 'published', 'title']);
    expect(out.records.length).toBeGreaterThan(500);
    for (const r of out.records) {
      expect(r).toHaveProperty('id');
      expect(r).toHaveProperty('type');
      expect(r).toHaveProperty('partnership');
      expect((r.sources as unknown[]).length).toBeGreaterThan(0);
    }
  });

  it('check validates everything and prints the coverage summary', async () => {
    const { stdout } = await kb('check');
    expect(stdout).toMatch(/Records per kind:/);
    expect(stdout).toMatch(/Records per partnership:/);
    expect(stdout).toMatch(/Bodies whose chair the document does not state/);
    expect(stdout).toMatch(/Acronyms used without a glossary expansion/);
    expect(stdout).toMatch(/OK: \d+ records valid; every quote found verbatim/);
  });
});

describe('cadence: a range or a count is not one number', () => {
  const body = (cadence: string) => `records:
  - id: x.group
    type: body
    partnership: city-hackney
    name: A group
    kind: sub-group
    summary: {text: "A group.", sources: [${SRC}]}
    role: {text: "A role.", sources: [${SRC}]}
    chair: not stated
    viceChair: not stated
    members: not stated
    cadence: ${cadence}
    accountableTo: not stated
    quorum: not stated
    sources: [${SRC}]`;
  it.each([
    [
      'a range with a single perYear',
      `{perYear: 6, range: {min: 6, max: 8, atLeast: 4}, words: "six to eight", sources: [${SRC}]}`,
      /a cadence given as a range has perYear: null/,
    ],
    ['a range upside down', `{perYear: null, range: {min: 8, max: 6}, words: "six to eight", sources: [${SRC}]}`, /range\.min must not exceed range\.max/],
  ])('rejects %s', (_n, cadence, re) => {
    expect(() => loadKnowledge(dataDirWith('bad.yaml', body(cadence)))).toThrow(re);
  });
  it('accepts a range kept as a range', () => {
    const kb = loadKnowledge(dataDirWith('ok.yaml', body(`{perYear: null, range: {min: 6, max: 8, atLeast: 4}, words: "six to eight", sources: [${SRC}]}`)));
    const r = kb.records[0]!;
    expect(r.type === 'body' && r.cadence !== 'not stated' && r.cadence.range).toEqual({ min: 6, max: 8, atLeast: 4 });
  });
});
