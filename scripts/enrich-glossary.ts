/**
 * Maintenance script: adds to each glossary record the place in its document where the
 * acronym is spelled out in the running text ("Multi-Agency Child Exploitation (MACE)"),
 * so an answer can cite where a practitioner would meet it, not only the glossary page.
 * Idempotent; every added quote is a verbatim span and is verified by the test suite.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, isMap, isSeq, type YAMLMap, type YAMLSeq } from 'yaml';
import { DEFAULT_DATA_DIR, DEFAULT_SEEDS_DIR, listDataFiles } from '../knowledge/load.ts';

const SECTION = /^\s*(?:[-•]\s*)?(\d{1,2}(?:\.\d{1,2})+)\s/;

function sectionAt(text: string, index: number): string | undefined {
  const lines = text.slice(0, index).split('\n').reverse();
  for (const line of lines) {
    const m = SECTION.exec(line);
    if (m) return m[1];
  }
  return undefined;
}

let added = 0;
for (const file of listDataFiles().filter((f) => f.includes('glossary'))) {
  const path = join(DEFAULT_DATA_DIR, file);
  const doc = parseDocument(readFileSync(path, 'utf8'));
  const records = doc.get('records') as YAMLSeq<YAMLMap>;
  if (!isSeq(records)) continue;
  for (const rec of records.items) {
    if (!isMap(rec) || rec.get('type') !== 'glossary') continue;
    const acronym = String(rec.get('acronym'));
    const sources = rec.get('sources') as YAMLSeq<YAMLMap>;
    const first = sources.items[0];
    if (!isMap(first)) continue;
    const seed = String(first.get('document'));
    const text = readFileSync(join(DEFAULT_SEEDS_DIR, seed), 'utf8');
    const escaped = acronym.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // "Words Words (ACR)" in running text: capture up to eight words before the bracket.
    const re = new RegExp(`((?:[A-Za-z'&-]+[ \\t]+){1,8}?[A-Za-z'&-]+)[ \\t]*\\(${escaped}\\)`, 'g');
    for (const m of text.matchAll(re)) {
      const section = sectionAt(text, m.index ?? 0);
      if (!section) continue;
      const have = sources.items.some((s) => String(s.get('section')) === section);
      if (have) break;
      const quote = m[0].trim();
      if (quote.length < 12) continue;
      sources.add(doc.createNode({ document: seed, section, quote }));
      added++;
      break;
    }
  }
  writeFileSync(path, doc.toString({ lineWidth: 0 }));
}
console.log(`Added ${added} in-text sources to glossary records.`);
