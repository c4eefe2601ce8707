/**
 * The trained classifiers kept between starts: a cached start reads exactly as a trained one, a
 * change to what the training reads is retrained (never served stale), and a broken cache file
 * costs only time.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTriage } from '../../knowledge/triage-load.ts';
import { fileTrainingCache } from '../../knowledge/training-cache.ts';
import { createTriage, type TrainingCache } from '../../domain/triage/triage.ts';
import { createScope } from '../../domain/answering/scope.ts';

const data = loadTriage();
const messages = [
  'a year 10 just told me she took a load of paracetamol an hour ago',
  'the football coach has been messaging a 13 year old girl on snapchat',
  'MASH closed the case but I still think the child is at risk',
  'little one in nursery always hungry and smells',
  'who chairs the CHSCP Executive?',
];

function memoryCache(): TrainingCache & { writes: number; store: Map<string, string> } {
  const store = new Map<string, string>();
  const c = {
    writes: 0,
    store,
    get: (k: string) => store.get(k),
    set: (k: string, v: string) => {
      c.writes += 1;
      store.set(k, v);
    },
  };
  return c;
}

describe('the training cache', () => {
  it('a start from the cache reads every message as the trained start does', () => {
    const cache = memoryCache();
    const first = createTriage(data, { cache });
    expect(cache.writes).toBe(1);
    const second = createTriage(data, { cache });
    expect(cache.writes).toBe(1);
    for (const m of messages) {
      const a = first.triage(m);
      const b = second.triage(m);
      expect(b.routes).toEqual(a.routes);
      expect(b.classifier?.label).toBe(a.classifier?.label);
      expect(b.classifier?.margin).toBeCloseTo(a.classifier!.margin, 9);
    }
  });

  it('retrains when an example changes, or when the shorthand does', () => {
    const cache = memoryCache();
    createTriage(data, { cache });
    createTriage({ ...data, training: { ...data.training, mash: [...(data.training.mash ?? []), 'a new way of saying it'] } }, { cache });
    createTriage(data, { cache, expandKey: '{"hgy":"haringey"}' });
    expect(cache.writes).toBe(3);
  });

  it('a corrupt cached value is retrained and replaced', () => {
    const cache = memoryCache();
    createTriage(data, { cache });
    const [key] = [...cache.store.keys()];
    cache.store.set(key!, '["not wink json", null]');
    const t = createTriage(data, { cache });
    expect(cache.writes).toBe(2);
    expect(t.triage(messages[0]!).routes[0]).toBe('emergency');
  });

  it('on disk: one file for the current training, written whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'training-cache-'));
    writeFileSync(join(dir, 'triage-old.json'), '[]');
    writeFileSync(join(dir, 'off-topic-old.json'), '{}');
    const cache = fileTrainingCache(dir);
    cache.set('triage-abc', '["x"]');
    expect(readdirSync(dir).sort()).toEqual(['off-topic-old.json', 'triage-abc.json']);
    expect(cache.get('triage-abc')).toBe('["x"]');
    expect(cache.get('triage-missing')).toBeUndefined();
  });

  it("the off-topic reader is kept too, beside the triage's, and reads the same from the cache", () => {
    const cache = memoryCache();
    const inScope = ['who chairs the CHSCP Executive?', 'how often does the Harrow SSP meet?', 'what is the LADO?'];
    const words = { words: [], offTopic: ['can I book the big room for the away day?', 'how do I reset my password?'] };
    const first = createScope(words, inScope, cache);
    const second = createScope(words, inScope, cache);
    expect(cache.writes).toBe(1);
    expect([...cache.store.keys()][0]).toMatch(/^off-topic-[0-9a-f]{64}$/);
    for (const q of ['where is the printer?', 'who chairs the executive?']) expect(second.read(q)).toEqual(first.read(q));
  });
});
