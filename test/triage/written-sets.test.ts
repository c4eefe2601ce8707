/**
 * The written evaluation sets as training data: the YAML the readers learn from is the fixtures'
 * sets as they stand (a new round is not silently left out), each kind of message lands where it
 * belongs, and the readers they train do their part of the triage.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TRIAGE_DIR, loadTriage } from '../../knowledge/triage-load.ts';
import { readWrittenSets, scopeOf, labelOf, afterEmergencyOf, WRITTEN_SETS_FILE, writtenSetFiles } from '../../knowledge/written-sets.ts';
import { createTriage } from '../../domain/triage/triage.ts';
import type { Condition, TriageData } from '../../domain/triage/types.ts';

const fixtures = join(import.meta.dirname, '../answering/fixtures');

describe('knowledge/triage/written-sets.yaml', () => {
  it('holds every written set in the fixtures as it stands (else run npm run triage:learn-sets)', () => {
    const onDisk = parse(readFileSync(WRITTEN_SETS_FILE, 'utf8')) as unknown;
    expect(onDisk).toEqual(readWrittenSets(fixtures));
  });

  it.each([
    ['situations-twentythird.jsonl', true],
    ['near-miss-eighth.jsonl', true],
    ['typo-fifteenth.jsonl', true],
    ['twentyfirst-questions.jsonl', true],
    ['conversations-fifth.jsonl', false],
    ['record-fixes.jsonl', false],
  ])('%s is a written set: %s', (file, is) => {
    expect(writtenSetFiles([file])).toEqual(is ? [file] : []);
  });

  it.each([
    // [file, item, main reading's label, route after 999, scope]
    // Situations are read by the triage before scope is asked: the off-topic reader does not learn them.
    ['situations-x.jsonl', { id: 'a', q: 'q', routes: ['emergency', 'lado'] }, 'emergency', 'lado', undefined],
    ['situations-x.jsonl', { id: 'b', q: 'q', routes: ['panel', 'lado'] }, 'panel', undefined, undefined],
    ['x-questions.jsonl', { id: 'c', q: 'q', must: [['quarterly']] }, 'none', undefined, 'in'],
    // A question the documents don't answer is still about safeguarding: not "off topic".
    ['x-questions.jsonl', { id: 'd', q: 'q', abstain: true }, 'none', undefined, undefined],
    ['near-miss-x.jsonl', { id: 'e', q: 'q', abstain: true }, 'none', undefined, 'off'],
  ] as const)('%s %j: main reading %s, after 999 %s, scope %s', (file, item, label, after, scope) => {
    const i = item as unknown as Parameters<typeof labelOf>[0];
    expect(labelOf(i)).toBe(label);
    expect(afterEmergencyOf(i)).toBe(after);
    expect(scopeOf(file, i)).toBe(scope);
  });

  it('a written-sets file that does not fit the schema stops the start with the file named', () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'written-sets-')), 'written-sets.yaml');
    writeFileSync(bad, 'sets: []\nexamples: { urgent: ["x y z"] }\nafterEmergency: {}\nscope: { in: [], off: [] }\n');
    expect(() => loadTriage(DEFAULT_TRIAGE_DIR, bad)).toThrow(/written-sets\.yaml.*urgent/);
  });
});

describe('what the written sets teach', () => {
  const never: Condition = ['statistics', '!statistics'];
  const kb = loadTriage();
  /** The triage with one route's rules taken away, so only the readings can give it. */
  const withoutRules = (data: TriageData, ...ids: string[]): TriageData => ({
    ...data,
    routes: data.routes.map((r) => (ids.includes(r.id) ? { ...r, when: [never] } : r)),
  });

  it('after 999, the kind of situation follows: a worker hurting a child is the LADO as well', () => {
    const t = createTriage(withoutRules(kb, 'lado', 'mash'));
    for (const q of [
      'a dinner lady just punched a boy in the face and his nose will not stop bleeding',
      'the minibus driver is drunk and about to drive off with six kids',
    ]) {
      expect(t.triage(q).routes.slice(0, 2)).toEqual(['emergency', 'lado']);
    }
    // ...and a stranger is no one's employee.
    expect(t.triage('a man at the gate is trying to grab a toddler from her dad').routes).not.toContain('lado');
  });

  it('with no rule at all, danger now described about someone is still 999 first', () => {
    const t = createTriage(withoutRules(kb, 'emergency', 'lado', 'mash', 'escalation', 'panel'));
    for (const q of [
      "my neighbour's kid is on the roof of the flats saying she'll end it, right now",
      'our caretaker has a year 3 girl locked in his office and will not open the door',
    ]) {
      const r = t.triage(q);
      expect(r.routes[0]).toBe('emergency');
      expect(r.by).toBe('classifier');
    }
  });

  it('the urgency reading learns only our own examples, so the written sets change nothing it reads', () => {
    const q = 'the minibus driver is drunk and about to drive off with six kids';
    const withSets = createTriage(kb).triage(q).urgency;
    const withoutSets = createTriage({ ...kb, learned: { ...kb.learned!, examples: {}, afterEmergency: {} } }).triage(q).urgency;
    expect(withSets).toBeCloseTo(withoutSets!, 9);
  });
});
