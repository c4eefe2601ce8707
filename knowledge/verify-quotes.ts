/**
 * Proves each quote is a verbatim span of its seed document. Matching folds whitespace
 * (the seeds are PDF extractions with arbitrary line breaks) and typographic quote and
 * dash characters (editors type straight ones), and nothing else.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SEEDS_DIR, allSources, type KnowledgeBase } from './load.ts';

export function normaliseForQuote(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/[\u2013\u2014\u2012\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export interface QuoteProblem {
  recordId: string;
  document: string;
  section: string;
  quote: string;
}

export function makeSeedReader(seedsDir = DEFAULT_SEEDS_DIR): (file: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      try {
        cache.set(file, normaliseForQuote(readFileSync(join(seedsDir, file), 'utf8')));
      } catch {
        cache.set(file, undefined);
      }
    }
    return cache.get(file);
  };
}

export function findQuoteProblems(kb: KnowledgeBase, seedsDir = DEFAULT_SEEDS_DIR): QuoteProblem[] {
  const read = makeSeedReader(seedsDir);
  const problems: QuoteProblem[] = [];
  for (const rec of kb.records) {
    for (const src of allSources(rec)) {
      if (!('document' in src)) continue;
      const text = read(src.document);
      if (text === undefined || !text.includes(normaliseForQuote(src.quote))) {
        problems.push({ recordId: rec.id, document: src.document, section: src.section, quote: src.quote });
      }
    }
  }
  return problems;
}
