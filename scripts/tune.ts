/** Developer aid: grid-searches the matcher's signal weights on the dev and practitioner sets. */
import { readFileSync } from 'node:fs';
import { loadKnowledge } from '../knowledge/load.ts';
import { createAnswerEngine } from '../domain/answering/engine.ts';
import { W } from '../domain/answering/matcher.ts';
import { scoreOne, summarise, type EvalQuestion } from '../domain/answering/evaluate.ts';

const load = (f: string) =>
  readFileSync(f, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalQuestion);
const sets = { dev: load('../shared/eval/dev-questions.jsonl'), prac: load('test/answering/fixtures/practitioner-questions.jsonl') };
const engine = createAnswerEngine(loadKnowledge());
const results: Array<[string, number, string]> = [];
for (const lexical of [0.5, 0.6, 0.7])
  for (const entity of [0.15, 0.2, 0.25])
    for (const intent of [0.2, 0.25, 0.3])
      for (const intentGate of [1])
        for (const cue of [0.15, 0.25]) {
          Object.assign(W, { lexical, entity, intent, intentGate, cue });
          const figs = Object.entries(sets).map(([name, qs]) => {
            const s = summarise(qs.map((q) => scoreOne(q, engine.answer(q.q))));
            return [
              name,
              s.answeredCorrect.pass / s.answeredCorrect.total,
              s.citation.pass / s.citation.total,
              s.abstention.pass / s.abstention.total,
            ] as const;
          });
          const total = figs.reduce((a, f) => a + f[1] + f[2] + f[3], 0);
          results.push([
            JSON.stringify({ lexical, entity, intent, intentGate, cue }),
            total,
            figs.map((f) => `${f[0]} ${(100 * f[1]).toFixed(0)}/${(100 * f[2]).toFixed(0)}/${(100 * f[3]).toFixed(0)}`).join('  '),
          ]);
        }
results.sort((a, b) => b[1] - a[1]);
for (const r of results.slice(0, 12)) console.log(r[1].toFixed(3), r[0], r[2]);
