import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../knowledge/load.ts';
import { createAnswerEngine } from '../../domain/answering/engine.ts';
import { scoreOne, summarise, type EvalQuestion } from '../../domain/answering/evaluate.ts';

const engine = createAnswerEngine(loadKnowledge());
const load = (path: string): EvalQuestion[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalQuestion);
const rate = (x: { pass: number; total: number }) => x.pass / x.total;

// The bar set by the issue is 95% on each figure for the development questions; two wider
// sets, written independently from the documents by people who never saw the knowledge base
// or the code, guard against regressions (floors set a little under today's figures).
describe.each([
  // A copy of ../shared/eval/dev-questions.jsonl, so a fresh clone checks the headline figure too.
  ['development questions', 'test/answering/fixtures/dev-questions.jsonl', 0.95],
  ['practitioner questions', 'test/answering/fixtures/practitioner-questions.jsonl', 0.87],
  ['second independent set', 'test/answering/fixtures/holdout-questions.jsonl', 0.85],
  ['third independent set', 'test/answering/fixtures/third-questions.jsonl', 0.7],
])('answer quality on the %s', (_name, path, bar) => {
  // A missing file fails here, loudly: a quality gate that skips itself checks nothing.
  const items = load(path);
  it(`answered-correct, citation and abstention are each at least ${bar * 100}%`, () => {
    const s = summarise(items.map((q) => scoreOne(q, engine.answer(q.q))));
    expect(rate(s.answeredCorrect)).toBeGreaterThanOrEqual(bar);
    expect(rate(s.citation)).toBeGreaterThanOrEqual(bar);
    expect(rate(s.abstention)).toBeGreaterThanOrEqual(bar);
  });
});
