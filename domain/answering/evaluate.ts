/**
 * Scores answers against eval questions as ../shared/eval/README.md defines:
 * answered-correct (every `must` group matched, not abstained), citation accuracy
 * (a source names the document and a listed section, or a section starting with it
 * followed by a non-digit), abstention accuracy (abstain questions get "I don't know").
 */
import type { Answer } from './types.ts';

export interface EvalQuestion {
  id: string;
  q: string;
  partnership?: string;
  must?: string[][];
  source?: { doc: string; sections?: string[] };
  abstain?: boolean;
}

export interface EvalOutcome {
  id: string;
  q: string;
  correct: boolean | null;
  cited: boolean | null;
  abstainedRightly: boolean | null;
  answer: Answer;
}

const fold = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ');

export function sectionMatches(section: string, wanted: string): boolean {
  const s = section.trim();
  return s === wanted || (s.startsWith(wanted) && /^\D/.test(s.slice(wanted.length)));
}

export function scoreOne(item: EvalQuestion, answer: Answer): EvalOutcome {
  const text = fold(answer.text);
  const correct = item.must ? answer.answered && item.must.every((g) => g.some((alt) => text.includes(fold(alt)))) : null;
  const cited = item.source
    ? answer.sources.some((s) => s.document.startsWith(item.source!.doc)
      && (!item.source!.sections?.length || item.source!.sections.some((w) => sectionMatches(s.section, w))))
    : null;
  const abstainedRightly = item.abstain ? !answer.answered : null;
  return { id: item.id, q: item.q, correct, cited, abstainedRightly, answer };
}

export interface EvalSummary {
  answeredCorrect: { pass: number; total: number };
  citation: { pass: number; total: number };
  abstention: { pass: number; total: number };
}

export function summarise(outcomes: readonly EvalOutcome[]): EvalSummary {
  const count = (f: (o: EvalOutcome) => boolean | null) => ({
    pass: outcomes.filter((o) => f(o) === true).length,
    total: outcomes.filter((o) => f(o) !== null).length,
  });
  return { answeredCorrect: count((o) => o.correct), citation: count((o) => o.cited), abstention: count((o) => o.abstainedRightly) };
}

export function pct(x: { pass: number; total: number }): string {
  return x.total ? `${((100 * x.pass) / x.total).toFixed(1)}% (${x.pass}/${x.total})` : 'n/a';
}
