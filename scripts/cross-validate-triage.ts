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
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledge } from '../knowledge/load.ts';
import { afterEmergencyOf, labelOf, scopeOf, writtenSetFiles, type WrittenItem } from '../knowledge/written-sets.ts';
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
  items: readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalQuestion & WrittenItem),
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

function tally(items: readonly (EvalQuestion & WrittenItem)[], outcomes: readonly EvalOutcome[], into: Tally): void {
  outcomes.forEach((o, i) => {
    const item = items[i]!;
    if (item.routes?.length) {
      into.situations++;
      if (o.routeRight) into.routed++;
      if (item.routes[0] === 'emergency') {
        into.urgent++;
        if (o.answer.routes?.[0] === 'emergency') into.urgentFirst++;
      }
      if (o.harmful) into.harmful++;
    } else {
      into.questions++;
      if (item.must) into.withMust++;
      if (o.correct) into.correct++;
      if (o.answer.routes?.length) into.wronglyRouted++;
      if (item.abstain) into.abstain++;
      if (o.abstainedRightly) into.abstainedRightly++;
    }
  });
}

const withLearned = (learned: TriageData['learned']): TriageData => ({ ...kb.triage, learned });
const without = (round: string): TriageData['learned'] => {
  const examples: Record<string, string[]> = {};
  const afterEmergency: Record<string, string[]> = {};
  const scope: Record<'in' | 'off', string[]> = { in: [], off: [] };
  for (const s of sets.filter((x) => x.round !== round)) {
    for (const item of s.items) {
      const where = scopeOf(s.file, item);
      if (where) scope[where].push(item.q);
      (examples[labelOf(item)] ??= []).push(item.q);
      const next = afterEmergencyOf(item);
      if (next) (afterEmergency[next] ??= []).push(item.q);
    }
  }
  return { examples, afterEmergency, scope };
};
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
  tally(items, answerAll(withLearned(without(round)), items), t);
  Object.keys(t).forEach((k) => ((totals.learned as unknown as Record<string, number>)[k]! += (t as unknown as Record<string, number>)[k]!));
  let b = '';
  if (base) {
    const bt = empty();
    tally(
      items,
      items.map((item) => scoreOne(item, base.answer(item.q, { partnership: partnershipOf(item) }))),
      bt,
    );
    Object.keys(bt).forEach((k) => ((totals.base as unknown as Record<string, number>)[k]! += (bt as unknown as Record<string, number>)[k]!));
    b = `\n  ${''.padEnd(14)} baseline: ${line(bt)}`;
  }
  console.log(`${round.padEnd(16)} ${line(t)}${b}`);
}
console.log(`\nall rounds, each left out: ${line(totals.learned)}`);
if (base) console.log(`baseline, nothing learned: ${line(totals.base)}`);
