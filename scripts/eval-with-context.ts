/**
 * Developer aid: scores a question file as a user whose partnership is already set would see
 * it (the partnership of each question's source document), to check the context path.
 */
import { readFileSync } from 'node:fs';
import { loadKnowledge } from '../knowledge/load.ts';
import { createAnswerEngine } from '../domain/answering/engine.ts';
import { pct, scoreOne, summarise, type EvalQuestion } from '../domain/answering/evaluate.ts';
import type { PartnershipId } from '../knowledge/schema.ts';

const BY_DOC: Record<string, PartnershipId> = { '000': 'haringey', '001': 'haringey', '002': 'harrow', '003': 'city-hackney', '004': 'haringey' };
const engine = createAnswerEngine(loadKnowledge());
for (const file of process.argv.slice(2)) {
  const items = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalQuestion);
  const outcomes = items.map((q) => scoreOne(q, engine.answer(q.q, { partnership: q.source ? (BY_DOC[q.source.doc] ?? null) : null })));
  const s = summarise(outcomes);
  console.log(`${file}: answered-correct ${pct(s.answeredCorrect)}, citation ${pct(s.citation)}, abstention ${pct(s.abstention)}`);
  for (const o of outcomes.filter((x) => x.correct === false || x.cited === false)) console.log(`  - ${o.id} ${o.q} -> ${o.answer.text.slice(0, 120)}`);
}
