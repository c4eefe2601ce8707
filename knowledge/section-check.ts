/**
 * A fidelity check beyond "the quote is in the document": the section number a seed citation
 * gives must be the numbered paragraph that contains the quote, or a heading above it (so
 * "19" or "19.9" for a quote in 19.9, never "19.8"). The audit found citations carrying the
 * number of the paragraph before; this finds the numbered paragraph above each quote.
 *
 * Numbered paragraphs are lines that start with a number such as "21.", "13.17" or "- 18.2"
 * (the seeds are text extractions of PDFs, so list markers and bold marks may precede it).
 * Table-of-contents lines (a title followed by a tab and a page number) are skipped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SEEDS_DIR, allSources, type KnowledgeBase } from './load.ts';
import { normaliseForQuote } from './verify-quotes.ts';

interface Marker {
  at: number;
  num: string;
}

// "13.24 Frequency", "- 18.2 Independent", "21. Dispute Resolution", "18 Dispute resolution".
// A dotted number may be followed by anything ("7.20 14% of..."); a bare one needs a word.
const MARKER = /^\s*(?:[-•*]\s*)?(?:\*\*)?(?:(\d{1,2}(?:\.\d{1,3})+)\.?(?:\*\*)?\s+\S|(\d{1,2})\.?(?:\*\*)?\s+(?:\*\*)?[A-Za-z(‘'"“])/;
// A paragraph the extraction ran on into the previous line: "... task required. 10.47 In particular".
const INLINE = /(?<=[.;:]\s+)(\d{1,2}\.\d{1,3})\s+(?=[A-Z])/g;
const TOC_LINE = /\t\s*\d+\s*$|\.{4,}/;

/**
 * Whether a numbered line is a section or paragraph number rather than a list item or a
 * figure: headings only ever go forward, so a bare "1." inside section 7 is a list item,
 * and a paragraph "7.3" must sit in section 7 or open a later one.
 */
function accept(num: string, top: number): boolean {
  const first = Number(num.split('.')[0]);
  // Three-level numbers ("1.1.4") are action-plan rows, numbered afresh in the plan's appendix.
  if (num.split('.').length >= 3) return true;
  if (num.includes('.')) return first >= top && first <= top + 3;
  return first > top && first <= top + 3;
}

/** The normalised text of a seed and the numbered paragraphs in it, by position. */
export function indexSeed(raw: string): { text: string; markers: Marker[] } {
  const parts: string[] = [];
  const markers: Marker[] = [];
  let length = 0;
  let top = 0;
  for (const line of raw.split('\n')) {
    const norm = normaliseForQuote(line);
    if (!norm) continue;
    const at = length === 0 ? 0 : length + 1;
    const m = MARKER.exec(line);
    const num = m?.[1] ?? m?.[2];
    if (num && !TOC_LINE.test(line) && accept(num, top)) {
      markers.push({ at, num });
      top = Number(num.split('.')[0]);
    }
    for (const inline of line.matchAll(INLINE)) {
      if (!accept(inline[1]!, top)) continue;
      markers.push({ at: at + normaliseForQuote(line.slice(0, inline.index)).length + 1, num: inline[1]! });
      top = Number(inline[1]!.split('.')[0]);
    }
    parts.push(norm);
    length = at + norm.length;
  }
  return { text: parts.join(' '), markers };
}

/** The leading section number of a citation ("21.1", "18 Dispute..." -> "18"), if it has one. */
export function citedNumber(section: string): string | undefined {
  return /^§?\s*(\d{1,2}(?:\.\d{1,3})*)(?:\D|$)/.exec(section.trim())?.[1];
}

/** The numbered paragraph containing position `at`: the last marker at or before it. */
export function paragraphAt(markers: readonly Marker[], at: number): string | undefined {
  let found: string | undefined;
  for (const m of markers) {
    if (m.at > at) break;
    found = m.num;
  }
  return found;
}

export interface SectionProblem {
  recordId: string;
  document: string;
  cited: string;
  found: string;
  quote: string;
}

/** Citations whose number is neither the paragraph holding the quote nor a heading above it. */
/**
 * The 2009 action plan (004) is not checked: its plan rows are table cells whose numbers are
 * not at the start of a line in the text extraction, so the paragraph above a quote cannot
 * be found reliably. Its citations are covered by the verbatim-quote check only.
 */
export const UNCHECKED_SEEDS = new Set(['004_2968e1fa81fbfa72.txt']);

export function findSectionProblems(kb: KnowledgeBase, seedsDir = DEFAULT_SEEDS_DIR): SectionProblem[] {
  const seeds = new Map<string, ReturnType<typeof indexSeed>>();
  const seed = (file: string) => {
    if (!seeds.has(file)) seeds.set(file, indexSeed(readFileSync(join(seedsDir, file), 'utf8')));
    return seeds.get(file)!;
  };
  const problems: SectionProblem[] = [];
  for (const rec of kb.records) {
    for (const src of allSources(rec)) {
      if (!('document' in src) || UNCHECKED_SEEDS.has(src.document)) continue;
      const cited = citedNumber(src.section);
      // A footnote is printed at the foot of the page, after later paragraphs: its citation names the paragraph it belongs to.
      if (!cited || /footnote/i.test(src.section)) continue;
      const { text, markers } = seed(src.document);
      // A short quote can occur more than once: the citation is right if any occurrence is in the cited section.
      const quote = normaliseForQuote(src.quote);
      const found: string[] = [];
      for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) found.push(paragraphAt(markers, at) ?? '');
      if (found.length === 0) continue; // reported by the quote check
      if (!found.some((f) => f === cited || f.startsWith(`${cited}.`))) {
        problems.push({ recordId: rec.id, document: src.document, cited: src.section, found: found.join(' or '), quote: src.quote });
      }
    }
  }
  return problems;
}
