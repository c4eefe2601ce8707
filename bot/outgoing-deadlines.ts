/**
 * Deadlines and bounded retries on every call the bot makes to the Bot Framework connector.
 *
 * The connector client's default pipeline (azure core's defaultRetryPolicy) has no timeout,
 * retries 429/5xx and network errors with exponential backoff and honours any Retry-After:
 * a connector that never answered held the inbound request for over 200 s, a failing one cost
 * the user 6-11 s, and a Retry-After of 30 s made them wait 30 s. This policy replaces it:
 *   - each attempt has a timeout (`attemptMs`); a timed-out attempt is NOT retried, because
 *     the connector may have posted the message and a retry would post it twice;
 *   - 429, 502, 503, 504 and refused/reset connections are retried at most `maxRetries` times,
 *     waiting the Retry-After the connector asked for, or a short jittered backoff;
 *   - a Retry-After beyond `maxRetryAfterMs`, or a wait that would pass the call's overall
 *     deadline (`totalMs`), is not waited for: the answer is returned as it is.
 */
import type { PipelinePolicy, PipelineRequest, PipelineResponse, SendRequest } from '@azure/core-rest-pipeline';
import { parseRetryAfter } from '../domain/reminders/model.ts';

export interface OutgoingLimits {
  attemptMs: number;
  totalMs: number;
  maxRetries: number;
  maxRetryAfterMs: number;
}

/** A turn's replies: within Teams' 15 s for the whole turn, with room for two sends. */
export const TURN_CALL_LIMITS: OutgoingLimits = Object.freeze({ attemptMs: 5_000, totalMs: 6_000, maxRetries: 2, maxRetryAfterMs: 2_000 });

const POLICY = 'boundedRetryPolicy';
const RETRY_STATUSES = new Set([429, 502, 503, 504]);
const RETRY_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EAI_AGAIN']);

interface Pipelined {
  client?: { pipeline?: { removePolicy(p: { name: string }): unknown; addPolicy(p: PipelinePolicy, o?: { phase?: 'Retry' }): void } };
}

/** Replaces the connector client's retry policy with a bounded one; safe to call again with other limits. */
export function boundConnectorClient(connectorClient: unknown, limits: OutgoingLimits): void {
  const pipeline = (connectorClient as Pipelined | undefined)?.client?.pipeline;
  if (!pipeline) return;
  pipeline.removePolicy({ name: 'defaultRetryPolicy' });
  pipeline.removePolicy({ name: POLICY });
  pipeline.addPolicy(boundedRetryPolicy(limits), { phase: 'Retry' });
}

export function boundedRetryPolicy(limits: OutgoingLimits, random: () => number = Math.random): PipelinePolicy {
  return {
    name: POLICY,
    async sendRequest(request: PipelineRequest, next: SendRequest): Promise<PipelineResponse> {
      const deadline = Date.now() + limits.totalMs;
      for (let attempt = 0; ; attempt++) {
        request.timeout = Math.max(1, Math.min(limits.attemptMs, deadline - Date.now()));
        let response: PipelineResponse | undefined;
        try {
          response = await next(request);
        } catch (err) {
          const code = (err as { code?: string }).code ?? '';
          const retriable = RETRY_CODES.has(code) || RETRY_CODES.has((err as { cause?: { code?: string } }).cause?.code ?? '');
          const wait = backoffMs(attempt, random);
          if (!retriable || attempt >= limits.maxRetries || Date.now() + wait >= deadline) throw err;
          await sleep(wait);
          continue;
        }
        if (!RETRY_STATUSES.has(response.status) || attempt >= limits.maxRetries) return response;
        const asked = parseRetryAfter(response.headers.get('retry-after') ?? null, Date.now());
        if (asked !== null && asked > limits.maxRetryAfterMs) return response;
        const wait = asked ?? backoffMs(attempt, random);
        if (Date.now() + wait >= deadline) return response;
        await sleep(wait);
      }
    },
  };
}

/** 250 ms, 500 ms, ... with equal jitter; short, because a person is waiting. */
function backoffMs(attempt: number, random: () => number): number {
  const exp = 250 * 2 ** attempt;
  return Math.round(exp / 2 + random() * (exp / 2));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
