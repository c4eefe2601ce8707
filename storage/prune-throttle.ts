/**
 * Deleting expired rows on every write costs a statement (and on SQLite a commit) per answer
 * turn while there is almost never anything to delete. Retention does not need that: reads
 * already ignore expired rows, so deleting them at most once a minute keeps them gone within a
 * minute of expiry (issue 13: the storage share of an answer turn).
 */
export const PRUNE_EVERY_MS = 60_000;

/**
 * Returns a gate: called with the prune (given the time, in ms), it runs it when `everyMs` has
 * passed since the last one that succeeded (and on first use). The prune is passed per call so
 * it can run on whichever handle the caller writes with (a transaction's, on PostgreSQL).
 */
export function pruneAtMostEvery(everyMs: number, now: () => Date): (prune: (nowMs: number) => Promise<unknown>) => Promise<void> {
  let last = -Infinity;
  return async (prune) => {
    const t = now().getTime();
    // A clock set back (tests, NTP) must not stop pruning until it catches up.
    if (t - last < everyMs && t >= last) return;
    await prune(t);
    last = t;
  };
}
