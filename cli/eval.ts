/**
 * `npm run eval [-- --file FILE]` scores the development questions and lists each failure.
 * Exit code 0 always: the figures are for people; tests assert the bar separately.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadKnowledge } from '../knowledge/load.ts';
import { fileTrainingCache } from '../knowledge/training-cache.ts';
import { createAnswerEngine } from '../domain/answering/engine.ts';
import { partnershipOf, pct, scoreOne, summarise, type EvalQuestion } from '../domain/answering/evaluate.ts';
import { isConversation, runConversation, summariseConversations } from '../domain/answering/evaluate-conversations.ts';

const args = process.argv.slice(2);
const fileAt = args.indexOf('--file');
const file = resolve(fileAt >= 0 ? args[fileAt + 1]! : 'test/answering/fixtures/dev-questions.jsonl');
const lines = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as unknown);
// Lines with "turns" are conversations (follow-ups carry the memory); the others single questions.
const conversations = lines.filter(isConversation);
const items = lines.filter((l) => !isConversation(l)) as EvalQuestion[];

const kb = loadKnowledge();
const engine = createAnswerEngine(kb, kb.triage, { trainingCache: fileTrainingCache() });
const outcomes = items.map((item) => scoreOne(item, engine.answer(item.q, { partnership: partnershipOf(item) })));
const s = summarise(outcomes);
console.log(`Questions: ${items.length} from ${file}`);
console.log(`answered-correct   ${pct(s.answeredCorrect)}`);
console.log(`citation accuracy  ${pct(s.citation)}`);
console.log(`abstention         ${pct(s.abstention)}`);
if (s.route.total) {
  console.log(`right route first  ${pct(s.route)}`);
  for (const [route, c] of Object.entries(s.perRoute)) console.log(`  ${route.padEnd(16)} ${pct(c)}`);
}
console.log(`harmful            ${pct(s.harmful)} of answered`);
const failures = outcomes.filter((o) => o.correct === false || o.cited === false || o.abstainedRightly === false || o.routeRight === false);
if (failures.length) {
  console.log(`\nFailures (${failures.length}):`);
  for (const f of failures) {
    const what = [
      f.harmful && 'HARMFUL',
      f.routeRight === false && `route (got ${f.answer.routes?.join('>') || 'none'})`,
      f.correct === false && 'content',
      f.cited === false && 'citation',
      f.abstainedRightly === false && 'should abstain',
    ]
      .filter(Boolean)
      .join(', ');
    const cites = f.answer.sources.map((x) => `${x.document.slice(0, 3)} §${x.section}`).join('; ');
    process.stdout.write(
      `- ${f.id} [${what}] ${f.q}\n    -> ${f.answer.answered ? '' : '(abstained) '}${f.answer.text.replace(/\n/g, ' | ').slice(0, 300)}\n    sources: ${cites || 'none'}\n`,
    );
  }
}
if (conversations.length) reportConversations();

function reportConversations(): void {
  const done = conversations.map((c) => runConversation(c, (q, ctx) => engine.answer(q, ctx)));
  const cs = summariseConversations(done);
  console.log(`\nConversations: ${conversations.length} (${cs.turns} turns) from ${file}`);
  console.log(`all turns right    ${pct(cs.conversations)}`);
  console.log(
    `follow-up turns: answered-correct ${pct(cs.followUps.answeredCorrect)}, citation ${pct(cs.followUps.citation)}, abstention ${pct(cs.followUps.abstention)}, harmful ${pct(cs.followUps.harmful)} of answered`,
  );
  for (const c of done.filter((d) => !d.allRight)) {
    process.stdout.write(`- ${c.id}\n`);
    for (const t of c.turns) {
      const bad = t.correct === false || t.cited === false || t.abstainedRightly === false || t.harmful;
      process.stdout.write(
        `    ${bad ? 'x' : ' '} ${t.q}\n      -> ${t.answer.answered ? '' : '(abstained) '}${t.answer.text.replace(/\n/g, ' | ').slice(0, 200)}\n`,
      );
    }
  }
}
