/**
 * `npm run eval:cross [-- --baseline]`: how well learning the written sets carries over to wording
 * never seen. The sets are grouped by the round that wrote them (one writer, one style); for each
 * round, the engine learns every other round's sets (knowledge/triage/written-sets.yaml minus
 * that round) and answers that round's messages, as on first contact. `--baseline` also answers
 * every message with no written set learned, side by side.
 *
 * Figures: situations with the right route first, those with 999 expected first that got it,
 * harmful situation answers (answered, but wrong); questions answered correctly, those to abstain
 * on that did, and questions given a route they did not describe.
 */
import { readdirSync } from 'node:fs';
import { loadKnowledge } from '../knowledge/load.ts';
import { readWrittenSet, readWrittenSets, writtenSetFiles, type WrittenItem } from '../knowledge/written-sets.ts';
import { createAnswerEngine } from '../domain/answering/engine.ts';
import { partnershipOf, scoreOne, type EvalQuestion, type EvalOutcome } from '../domain/answering/evaluate.ts';
import type { TriageData } from '../domain/triage/types.ts';

const dir = 'test/answering/fixtures';
const baseline = process.argv.includes('--baseline');
const kb = loadKnowledge();

/** The round a set belongs to: "situations-eighteenth-a" and "typo-eighteenth" are both "eighteenth". */
const roundOf = (file: string): string =>
  file
    .replace(/\.jsonl$/, '')
    .replace(/^(situations|near-miss|typo)-/, '')
    .replace(/-questions$/, '')
    .replace(/-[ab]$/, '');

const sets = writtenSetFiles(readdirSync(dir)).map((file) => ({
  file,
  round: roundOf(file),
  items: readWrittenSet(dir, file) as Array<EvalQuestion & WrittenItem>,
}));
const rounds = [...new Set(sets.map((s) => s.round))];

interface Tally {
  situations: number;
  routed: number;
  urgent: number;
  urgentFirst: number;
  harmful: number;
  questions: number;
  correct: number;
  withMust: number;
  wronglyRouted: number;
  abstain: number;
  abstainedRightly: number;
}
const empty = (): Tally => ({
  situations: 0,
  routed: 0,
  urgent: 0,
  urgentFirst: 0,
  harmful: 0,
  questions: 0,
  correct: 0,
  withMust: 0,
  wronglyRouted: 0,
  abstain: 0,
  abstainedRightly: 0,
});

/** Adds each outcome to every tally given (the round's and the run's). */
function tally(items: readonly (EvalQuestion & WrittenItem)[], outcomes: readonly EvalOutcome[], ...into: Tally[]): void {
  outcomes.forEach((o, i) => {
    const item = items[i]!;
    for (const t of into) {
      if (item.routes?.length) {
        t.situations++;
        if (o.routeRight) t.routed++;
        if (item.routes[0] === 'emergency') {
          t.urgent++;
          if (o.answer.routes?.[0] === 'emergency') t.urgentFirst++;
        }
        if (o.harmful) t.harmful++;
      } else {
        t.questions++;
        if (item.must) t.withMust++;
        if (o.correct) t.correct++;
        if (o.answer.routes?.length) t.wronglyRouted++;
        if (item.abstain) t.abstain++;
        if (o.abstainedRightly) t.abstainedRightly++;
      }
    }
  });
}

const withLearned = (learned: TriageData['learned']): TriageData => ({ ...kb.triage, learned });
// Every other round's sets, read and labelled as `npm run triage:learn-sets` reads them.
const without = (round: string): TriageData['learned'] => readWrittenSets(dir, (file) => roundOf(file) !== round);
const answerAll = (triage: TriageData, items: readonly (EvalQuestion & WrittenItem)[]) => {
  const engine = createAnswerEngine(kb, triage);
  return items.map((item) => scoreOne(item, engine.answer(item.q, { partnership: partnershipOf(item) })));
};

const base = baseline ? createAnswerEngine(kb, withLearned(undefined)) : null;
const totals = { learned: empty(), base: empty() };
const line = (t: Tally) =>
  `route first ${t.routed}/${t.situations}, 999 ${t.urgentFirst}/${t.urgent}, harmful ${t.harmful}; questions right ${t.correct}/${t.withMust}, abstained rightly ${t.abstainedRightly}/${t.abstain}, routed ${t.wronglyRouted}/${t.questions}`;
for (const round of rounds) {
  const items = sets.filter((s) => s.round === round).flatMap((s) => s.items);
  const t = empty();
  tally(items, answerAll(withLearned(without(round)), items), t, totals.learned);
  let b = '';
  if (base) {
    const bt = empty();
    const outcomes = items.map((item) => scoreOne(item, base.answer(item.q, { partnership: partnershipOf(item) })));
    tally(items, outcomes, bt, totals.base);
    b = `\n  ${''.padEnd(14)} baseline: ${line(bt)}`;
  }
  console.log(`${round.padEnd(16)} ${line(t)}${b}`);
}
console.log(`\nall rounds, each left out: ${line(totals.learned)}`);
if (base) console.log(`baseline, nothing learned: ${line(totals.base)}`);
