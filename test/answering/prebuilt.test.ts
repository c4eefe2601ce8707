/**
 * The build's prebuilt engine parts (issue 13: units, indexes and the compiled vocabulary, kept
 * in the knowledge snapshot) are what a start would build itself, give the same answers and
 * traces, and are not used once they no longer fit the knowledge they are paired with.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../domain/answering/engine.ts';
import { Matcher } from '../../domain/answering/matcher.ts';
import { matcherIndexFrom } from '../../domain/answering/matcher-index.ts';
import { buildEnginePrebuilt } from '../../domain/answering/prebuilt.ts';
import { compiledGroups } from '../../domain/triage/patterns-data.ts';
import { compileGroups } from '../../domain/triage/patterns.ts';
import { loadKnowledge } from '../../knowledge/load.ts';

const kb = loadKnowledge();
const prebuilt = buildEnginePrebuilt(kb);
/** Read back as the snapshot is: through JSON. */
const fromJson = JSON.parse(JSON.stringify(prebuilt)) as typeof prebuilt;

describe('prebuilt engine parts', () => {
  it('the matcher read back is the matcher built from the records', () => {
    expect(new Matcher(kb.records, fromJson.matcher).toData()).toEqual(prebuilt.matcher);
    expect(matcherIndexFrom(kb.records, fromJson.matcher)).toEqual(matcherIndexFrom(kb.records, prebuilt.matcher));
  });

  it('the vocabulary read back is the vocabulary compiled', () => {
    expect(compiledGroups(kb.triage.groups, fromJson.patterns)).toEqual(compileGroups(kb.triage.groups));
  });

  it('gives the same answers and traces as an engine that builds everything', () => {
    const lines = readFileSync('test/answering/fixtures/dev-questions.jsonl', 'utf8')
      .split('\n')
      .filter((l) => l.trim());
    const questions = lines.map((l) => (JSON.parse(l) as { q: string }).q);
    const built = createAnswerEngine(kb);
    const read = createAnswerEngine(kb, kb.triage, { prebuilt: fromJson });
    // The memory's time is the only thing that may differ.
    const timeless = (x: ReturnType<typeof built.explain>) => ({ ...x, answer: { ...x.answer, memory: x.answer.memory && { ...x.answer.memory, at: '' } } });
    for (const q of questions) expect(timeless(read.explain(q)), q).toEqual(timeless(built.explain(q)));
  });

  it('is not used for other records or another vocabulary', () => {
    const fewer = kb.records.slice(1);
    expect(matcherIndexFrom(fewer, fromJson.matcher)).toBeNull();
    expect(new Matcher(fewer, fromJson.matcher).units.length).toBe(new Matcher(fewer).units.length);
    expect(matcherIndexFrom(kb.records, { ...fromJson.matcher, version: 0 })).toBeNull();
    const [name, terms] = Object.entries(kb.triage.groups)[0]!;
    const edited = { ...kb.triage.groups, [name]: [...terms, 'a brand new phrase'] };
    expect(compiledGroups(edited, fromJson.patterns)).toEqual(compileGroups(edited));
  });
});
