/**
 * How long to wait before retrying a throttled or failed post. Exponential backoff with
 * "equal jitter" (half fixed, half random) so many instances retrying after one outage do
 * not retry in lock-step; a Retry-After from the connector is a floor we never undercut.
 */
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
  /** Retry-After values above this are clamped: a connector asking for hours is treated as this. */
  maxRetryAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, capMs: 60_000, maxRetryAfterMs: 15 * 60_000 };

/** `attempt` is the number of attempts already made (1 after the first failure). */
export function retryDelayMs(attempt: number, retryAfterMs: number | null, options: BackoffOptions, random: () => number = Math.random): number {
  const exp = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = exp / 2 + random() * (exp / 2);
  if (retryAfterMs === null) return Math.round(jittered);
  return Math.round(Math.max(Math.min(retryAfterMs, options.maxRetryAfterMs), jittered));
}
