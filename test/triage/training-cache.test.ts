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
  const c = { writes: 0, store, get: (k: string) => store.get(k), set: (k: string, v: string) => { c.writes += 1; store.set(k, v); } };
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
    const cache = fileTrainingCache(dir);
    cache.set('abc', '["x"]');
    expect(readdirSync(dir)).toEqual(['triage-abc.json']);
    expect(cache.get('abc')).toBe('["x"]');
    expect(cache.get('missing')).toBeUndefined();
  });
});
