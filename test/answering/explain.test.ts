import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../knowledge/load.ts';
import { createAnswerEngine } from '../../domain/answering/engine.ts';

const engine = createAnswerEngine(loadKnowledge());
const stages = (q: string) => engine.explain(q).trace.map((t) => t.stage);

describe('ask --explain: the pipeline as named stages', () => {
  it('a factual question passes every stage in order', () => {
    expect(stages('how often does the CHSCP executive meet?')).toEqual(['normalise', 'triage', 'scope', 'context', 'retrieve', 'verify', 'compose']);
  });

  it('a situation stops at triage and is composed as a route', () => {
    const { answer, trace } = engine.explain('one of our foster carers has been accused of slapping a child');
    expect(trace.map((t) => t.stage)).toEqual(['normalise', 'triage', 'compose']);
    expect(trace[1]!.detail).toMatch(/^routes lado by rules/);
    expect(answer.routes).toEqual(['lado']);
  });

  it('a refusal names its reason code', () => {
    const { answer, trace } = engine.explain("what's the weather like tomorrow?");
    expect(answer.reason).toBe('out-of-scope');
    expect(trace.find((t) => t.stage === 'verify')?.detail).toBe('refused: out-of-scope');
  });

  it('explain gives the same answer as answer', () => {
    const q = 'who chairs the Harrow board?';
    // The memory's time stamp is the moment of answering; everything else is the same.
    const strip = ({ memory, ...rest }: ReturnType<typeof engine.answer>) => ({ ...rest, memory: memory && { ...memory, at: '' } });
    expect(strip(engine.explain(q).answer)).toEqual(strip(engine.answer(q)));
  });
});
