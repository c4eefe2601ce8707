/**
 * Answering benchmark: index build time, answer latency percentiles over 1,000+ varied
 * questions, memory, and accuracy next to the BM25 baseline on the same dev questions.
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadKnowledge } from '../knowledge/load.ts';
import { createAnswerEngine } from '../domain/answering/engine.ts';
import { pct, scoreOne, summarise, type EvalQuestion } from '../domain/answering/evaluate.ts';
import { buildBaseline } from './baseline-bm25.ts';
import { mb, ms, percentile, timeEach } from './stats.ts';

const DEV = '../shared/eval/dev-questions.jsonl';
const PRACTITIONER = 'test/answering/fixtures/practitioner-questions.jsonl';
const HOLDOUT = 'test/answering/fixtures/holdout-questions.jsonl';
const THIRD = 'test/answering/fixtures/third-questions.jsonl';
const FOLLOW_UPS = ['and how often does it meet?', "who's the vice chair?", 'what about Harrow?', 'the other one', 'tell me more', 'is that the same in Haringey?'];

const loadSet = (path: string): EvalQuestion[] => (existsSync(path)
  ? readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as EvalQuestion)
  : []);

/** Varied inputs: canonical questions, lower-cased, with a typo, and with informal prefixes. */
function variedQuestions(canonical: readonly string[], dev: readonly string[], n: number): string[] {
  const out: string[] = [...dev];
  const forms = [
    (q: string) => q,
    (q: string) => q.toLowerCase().replace(/\?$/, ''),
    (q: string) => q.replace(/([a-z])([a-z])([a-z]{3,})/, '$2$1$3'),
    (q: string) => `hi, quick one: ${q.toLowerCase()}`,
  ];
  for (let i = 0; out.length < n; i++) out.push(forms[i % forms.length]!(canonical[(i * 7919) % canonical.length]!));
  return out;
}

export function runAnsweringBench(): string[] {
  const lines: string[] = [];
  const before = process.memoryUsage();
  const t0 = performance.now();
  const kb = loadKnowledge();
  const tLoad = performance.now() - t0;
  const t1 = performance.now();
  const engine = createAnswerEngine(kb);
  const tBuild = performance.now() - t1;
  const after = process.memoryUsage();

  const t2 = performance.now();
  const baseline = buildBaseline(kb.documents);
  const tBaseline = performance.now() - t2;

  const dev = loadSet(DEV);
  const questions = variedQuestions(engine.sampleQuestions(), dev.map((d) => d.q), 1200);
  engine.answer('warm up');
  const engineTimes = timeEach(questions, (q) => engine.answer(q));
  const baseTimes = timeEach(questions, (q) => baseline.answer(q));
  const engineScore = summarise(dev.map((d) => scoreOne(d, engine.answer(d.q))));
  const baseScore = summarise(dev.map((d) => scoreOne(d, baseline.answer(d.q))));

  const row = (label: string, a: string, b: string) => `${label.padEnd(26)}${a.padEnd(26)}${b}`;
  lines.push(`Answering: ${kb.records.length} records, ${questions.length} questions timed, ${dev.length} dev questions scored`);
  lines.push(row('', 'engine', 'baseline (BM25, MiniSearch)'));
  lines.push(row('load knowledge', ms(tLoad), '-'));
  lines.push(row('index build', ms(tBuild), `${ms(tBaseline)} (${baseline.paragraphs} paragraphs)`));
  for (const p of [50, 95, 99]) lines.push(row(`latency p${p}`, ms(percentile(engineTimes, p)), ms(percentile(baseTimes, p))));
  // Follow-ups with the conversation's memory, beside the same messages answered without it.
  const memory = engine.answer('who chairs the CHSCP Executive?').memory ?? null;
  const followUps = Array.from({ length: 600 }, (_, i) => FOLLOW_UPS[i % FOLLOW_UPS.length]!);
  const withMemory = timeEach(followUps, (q) => engine.answer(q, { memory }));
  const withoutMemory = timeEach(followUps, (q) => engine.answer(q));
  for (const p of [50, 95]) lines.push(row(`follow-up p${p}`, ms(percentile(withMemory, p)), `${ms(percentile(withoutMemory, p))} (same messages, no memory)`));
  lines.push(row('answered-correct', pct(engineScore.answeredCorrect), pct(baseScore.answeredCorrect)));
  lines.push(row('citation accuracy', pct(engineScore.citation), pct(baseScore.citation)));
  lines.push(row('abstention', pct(engineScore.abstention), pct(baseScore.abstention)));
  for (const [label, path] of [['practitioner set', PRACTITIONER], ['second independent set', HOLDOUT], ['third independent set', THIRD]] as const) {
    const set = loadSet(path);
    if (!set.length) continue;
    const e = summarise(set.map((d) => scoreOne(d, engine.answer(d.q))));
    const b = summarise(set.map((d) => scoreOne(d, baseline.answer(d.q))));
    lines.push(row(`${label} (${set.length})`, '', ''));
    lines.push(row('  answered-correct', pct(e.answeredCorrect), pct(b.answeredCorrect)));
    lines.push(row('  citation accuracy', pct(e.citation), pct(b.citation)));
    lines.push(row('  abstention', pct(e.abstention), pct(b.abstention)));
  }
  lines.push(row('heap used after build', mb(after.heapUsed), `(+${mb(after.heapUsed - before.heapUsed)} for knowledge + index)`));
  lines.push(row('process RSS', mb(process.memoryUsage().rss), ''));
  return lines;
}
