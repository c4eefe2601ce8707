/**
 * Bounds how long the HTTP edge waits for work that may hang: a turn (Teams gives up after
 * 15 s and redelivers) or a health probe (a probe that hangs is worse than a 503).
 */
export const DEADLINE = Symbol('deadline');

/** The promise's value, or DEADLINE if it has not settled within `ms` (the promise keeps running). */
export function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T | typeof DEADLINE> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof DEADLINE>((resolve) => {
    timer = setTimeout(() => resolve(DEADLINE), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
