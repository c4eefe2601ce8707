/**
 * The indexes that make answering fast (issue 13) must not change a single answer: the triage's
 * term index and the matcher's inverted index are compared with the passes they stand in for
 * (every term at every position; every unit scored) on every question of every fixture set.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Matcher } from '../../domain/answering/matcher.ts';
import { allTerms, contentTerms, cueTerms } from '../../domain/answering/text.ts';
import { tokenise } from '../../domain/triage/lemmas.ts';
import { compileGroups, MessageMatches } from '../../domain/triage/patterns.ts';
import { loadKnowledge } from '../../knowledge/load.ts';

const FIXTURES = 'test/answering/fixtures';
const messages: string[] = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.jsonl'))
  .sort()
  .flatMap((f) => readFileSync(join(FIXTURES, f), 'utf8').split('\n'))
  .filter((l) => l.trim())
  .flatMap((l) => {
    const o = JSON.parse(l) as { q?: string; turns?: Array<{ q: string }> };
    return o.turns ? o.turns.map((t) => t.q) : o.q ? [o.q] : [];
  });
const kb = loadKnowledge();
/**
 * Lets the test worker answer the runner between messages: a long synchronous loop (over a
 * minute on a loaded 2-core box) made vitest's worker time out reporting to the main process.
 */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the indexes give what the full passes give', () => {
  it(`triage groups: the same spans in the same order for ${messages.length} messages`, async () => {
    expect(messages.length).toBeGreaterThan(1000);
    const groups = compileGroups(kb.triage.groups);
    let spans = 0;
    for (const [i, text] of messages.entries()) {
      if (i % 25 === 0) await breathe();
      const tokens = tokenise(text);
      const negatable = new Set(kb.triage.negatable ?? []);
      const carriers = kb.triage.negationCarriers ?? [];
      const fast = new MessageMatches(tokens, groups, kb.triage.masks ?? {}, negatable, false, carriers);
      const full = new MessageMatches(tokens, groups, kb.triage.masks ?? {}, negatable, true, carriers);
      for (const g of groups.keys()) {
        const got = fast.of(g);
        spans += got.length;
        expect(got, `${g} in message ${i}`).toEqual(full.of(g));
      }
    }
    expect(spans).toBeGreaterThan(messages.length);
  });

  it('matcher: the same scored units in the same order, with and without a partnership', async () => {
    const matcher = new Matcher(kb.records);
    let scored = 0;
    // One message in four: the full pass costs ~7 ms a question.
    for (const [i, text] of messages.entries()) {
      if (i % 4) continue;
      if (i % 100 === 0) await breathe();
      const entity = matcher.entityScores(text);
      const intent = i % 12 === 0 ? { chair: 1 } : i % 12 === 8 ? { frequency: 0.6, members: 0.3 } : {};
      const query = {
        terms: contentTerms(text),
        hints: i % 8 === 4 ? ['lado', 'escalation'] : [],
        cues: cueTerms(text),
        places: allTerms(text).filter((t) => t === 'city' || t === 'hackney'),
        intent,
        partnerships: i % 8 === 0 ? (['harrow'] as const) : null,
      };
      const brief = (units: ReturnType<Matcher['rank']>) => units.map((s) => `${s.unit.key} ${s.score} ${s.own} ${s.intent}`);
      const fast = brief(matcher.rank(query, entity));
      scored += fast.length;
      expect(fast).toEqual(brief(matcher.rank(query, entity, true)));
    }
    expect(scored).toBeGreaterThan(messages.length);
  });
});
