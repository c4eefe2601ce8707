/**
 * One question per knowledge-base fix from issue 12 (escalation stages as each document says,
 * London's procedure marked London-wide, cadence kept as a count or a range, historical
 * bodies marked, conflicts between documents given both ways, should not turned into must,
 * London's threshold levels shown as London's, corrected glossary sections). Every answer
 * must say what the documents say and nothing the audit found wrong, and cite the right
 * section where one is named.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../knowledge/load.ts';
import { createAnswerEngine } from '../../domain/answering/engine.ts';
import { scoreOne, type EvalQuestion } from '../../domain/answering/evaluate.ts';
import type { PartnershipId } from '../../knowledge/schema.ts';

const engine = createAnswerEngine(loadKnowledge());
const items = readFileSync('test/answering/fixtures/record-fixes.jsonl', 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as EvalQuestion);

describe('the record fixes, each asked as a question', () => {
  it.each(items)('$id: $q', (item) => {
    const answer = engine.answer(item.q, item.partnership ? { partnership: item.partnership as PartnershipId } : {});
    const outcome = scoreOne(item, answer);
    expect(outcome.correct, answer.text).toBe(true);
    if (outcome.cited !== null) expect(outcome.cited, JSON.stringify(answer.sources.map((s) => `${s.document} ${s.section}`))).toBe(true);
  });
});
