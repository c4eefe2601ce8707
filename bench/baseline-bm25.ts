/**
 * The first, simplest baseline: BM25 (MiniSearch) over the seed documents'
 * paragraphs. It always returns the best paragraph, cited by its leading section number.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { DEFAULT_SEEDS_DIR } from '../knowledge/load.ts';
import type { DocumentMeta } from '../knowledge/schema.ts';
import type { Answer } from '../domain/answering/types.ts';

interface Paragraph {
  id: number;
  document: string;
  section: string;
  text: string;
}

export function buildBaseline(documents: readonly DocumentMeta[]) {
  const paragraphs: Paragraph[] = [];
  for (const d of documents) {
    const raw = readFileSync(join(DEFAULT_SEEDS_DIR, d.file), 'utf8');
    let section = '';
    for (const block of raw.split(/\n\s*\n/)) {
      const text = block.replace(/\s+/g, ' ').trim();
      if (text.length < 20) continue;
      const m = /^[-•]?\s*(\d+(?:\.\d+)+)\b/.exec(text);
      if (m) section = m[1]!;
      paragraphs.push({ id: paragraphs.length, document: d.file, section: section || 'n/a', text });
    }
  }
  const index = new MiniSearch<Paragraph>({ fields: ['text'], storeFields: ['document', 'section', 'text'], searchOptions: { fuzzy: 0.2, prefix: true } });
  index.addAll(paragraphs);
  const answer = (q: string): Answer => {
    const hit = index.search(q)[0];
    const p = hit ? paragraphs[hit.id as number]! : undefined;
    return {
      answered: Boolean(p),
      text: p?.text ?? "I don't know",
      markdown: p?.text ?? '',
      partnership: null,
      sources: p ? [{ document: p.document, section: p.section, quote: p.text.slice(0, 200), title: p.document, published: '' }] : [],
      confidence: hit ? Math.min(1, hit.score / 30) : 0,
      suggestions: [],
      followUps: [],
      kind: p ? 'fact' : 'unknown',
      recordIds: [],
    };
  };
  return { answer, paragraphs: paragraphs.length };
}
