/** Expired rows are deleted at most once a minute, not on every write (storage/prune-throttle.ts). */
import { describe, expect, it } from 'vitest';
import { pruneAtMostEvery } from '../../storage/prune-throttle.ts';

describe('pruneAtMostEvery', () => {
  // Each case: the clock (seconds) at successive calls, and which calls prune.
  it.each([
    { calls: [0, 10, 59], prunes: [true, false, false] },
    { calls: [0, 60, 61, 125], prunes: [true, true, false, true] },
    // A clock set back prunes at once rather than waiting for it to catch up.
    { calls: [100, 40, 50], prunes: [true, true, false] },
  ])('at $calls s prunes $prunes', async ({ calls, prunes }) => {
    let clock = 0;
    const seen: number[] = [];
    const gate = pruneAtMostEvery(60_000, () => new Date(clock * 1000));
    for (const c of calls) {
      clock = c;
      await gate(async (t) => void seen.push(t / 1000));
    }
    expect(seen).toEqual(calls.filter((_, i) => prunes[i]));
  });

  it('tries again on the next call when a prune fails', async () => {
    let fail = true;
    let runs = 0;
    const gate = pruneAtMostEvery(60_000, () => new Date(0));
    const prune = async () => {
      runs++;
      if (fail) throw new Error('disk full');
    };
    await expect(gate(prune)).rejects.toThrow('disk full');
    fail = false;
    await gate(prune);
    await gate(prune);
    expect(runs).toBe(2);
  });
});
