/**
 * The reminder scheduler: one loop per bot instance. Each pass stores upcoming occurrences,
 * claims the due ones atomically (so two instances never hold the same one), posts each
 * through the injected `deliver`, and records the outcome.
 *
 * Outcomes: delivered (on time), late (after `onTimeMs` but within the grace window, e.g.
 * the bot was down), missed (first attempt beyond the grace window, or the meeting already
 * started), failed (not retryable, or retries exhausted), paused (403/404: the bot was
 * removed, so that conversation's reminders stop).
 *
 * Crash safety (the trade-off): a claim is a lease. An instance killed after claiming but
 * before posting loses nothing: the lease runs out and another instance (or the restarted
 * one) claims the occurrence again. Before posting, the occurrence is marked `sending`; an
 * instance killed while the post is in flight (the connector's whole response time, up to the
 * post's deadline, not just the instant before our commit of `delivered`) leaves it in
 * `sending`, and the next claim posts it again with the same idempotency key (the occurrence
 * id, in the activity's channelData) and marked as a possible repeat. We choose at-least-once
 * for that window because a lost meeting reminder is worse than a rare repeat. Teams does not
 * drop repeats by the key; the mark lets readers tell. Without a crash, it is exactly once.
 */
import { retryDelayMs, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.ts';
import { materialise } from './materialise.ts';
import type { Deliver, DeliveryResult, Occurrence } from './model.ts';
import type { SchedulerStore } from './ports.ts';

export interface SchedulerLog {
  info(fields: Record<string, unknown>, msg: string): void;
  warn(fields: Record<string, unknown>, msg: string): void;
  error(fields: Record<string, unknown>, msg: string): void;
}

export interface SchedulerOptions {
  /** Unique per instance: the lease owner. */
  instanceId: string;
  pollMs: number;
  /** A first attempt this long after the due time is still posted (marked late); later ones are missed. */
  graceMs: number;
  /** Posted within this long of the due time counts as on time. */
  onTimeMs: number;
  /** Retries after the first attempt for 429/5xx. */
  maxRetries: number;
  /** Must exceed the longest post; an expired lease lets another instance take over. */
  leaseMs: number;
  batchSize: number;
  /** How many posts one instance makes at once. */
  concurrency: number;
  /** How far ahead occurrences are stored. */
  horizonMs: number;
  backoff: BackoffOptions;
  now: () => Date;
  random: () => number;
  /** Told every outcome (metrics); must not throw. `possibleRepeat`: the occurrence was found mid-post. */
  observe: (outcome: DeliveryOutcome, possibleRepeat: boolean) => void;
}

/** What one handled occurrence came to; `retry` means another attempt is scheduled. */
export type DeliveryOutcome = 'delivered' | 'late' | 'missed' | 'paused' | 'failed' | 'retry';

/**
 * Whether the loop is alive, for readiness probes: `idle` before start(), `stopped` after
 * stop(), `crashed` if the loop itself failed (a bug; each pass's own errors are caught).
 */
export type SchedulerState = 'idle' | 'running' | 'stopped' | 'crashed';

export interface SchedulerStatus {
  state: SchedulerState;
  /** The loop's last sign of life: a pass began or ended, or an occurrence was handled. */
  lastBeatAt: Date | null;
  pollMs: number;
}

export const DEFAULT_SCHEDULER_OPTIONS: Omit<SchedulerOptions, 'instanceId'> = {
  pollMs: 30_000,
  graceMs: 60 * 60_000,
  onTimeMs: 2 * 60_000,
  maxRetries: 5,
  leaseMs: 2 * 60_000,
  batchSize: 50,
  concurrency: 8,
  horizonMs: 7 * 24 * 60 * 60_000,
  backoff: DEFAULT_BACKOFF,
  now: () => new Date(),
  random: Math.random,
  observe: () => undefined,
};

export interface Scheduler {
  start(): void;
  /** Finishes the posts in hand, then stops. */
  stop(): Promise<void>;
  /** One pass: materialise, claim, deliver. Returns how many occurrences were handled. */
  tick(): Promise<number>;
  /** Makes a sleeping loop look again now (a reminder was just created). */
  wake(): void;
  status(): SchedulerStatus;
}

/** Why a scheduler cannot be counted on, or null when it is working. */
export type SchedulerProblem = 'not-started' | 'stopped' | 'crashed' | 'stalled';

/** Several polls without a sign of life: the loop is stuck (or its timer was lost). */
export const STALE_POLLS = 3;

/**
 * `stepAllowanceMs`: the longest one step of a pass may legitimately take (a post up to its
 * deadline, a storage call up to its timeout), so a short poll interval does not make one slow
 * post look like a stuck loop.
 */
export function schedulerProblem(status: SchedulerStatus, now: Date, stepAllowanceMs: number): SchedulerProblem | null {
  if (status.state === 'idle') return 'not-started';
  if (status.state !== 'running') return status.state;
  const beat = status.lastBeatAt?.getTime() ?? 0;
  return now.getTime() - beat > STALE_POLLS * status.pollMs + stepAllowanceMs ? 'stalled' : null;
}

const NO_LOG: SchedulerLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

export function createScheduler(
  store: SchedulerStore,
  deliver: Deliver,
  opts: Partial<SchedulerOptions> & { instanceId: string },
  log: SchedulerLog = NO_LOG,
): Scheduler {
  const o: SchedulerOptions = { ...DEFAULT_SCHEDULER_OPTIONS, ...opts };
  let running = false;
  let state: SchedulerState = 'idle';
  let lastBeatAt: Date | null = null;
  const beat = () => {
    lastBeatAt = o.now();
  };
  let loop: Promise<void> | null = null;
  let wakeUp: (() => void) | null = null;
  let lastMaterialise = 0;

  async function attempt(occ: Occurrence): Promise<DeliveryResult> {
    try {
      return await deliver(occ);
    } catch {
      // A thrown error is a network failure or our bug; both are worth a bounded retry.
      return { ok: false, kind: 'transient', status: null, retryAfterMs: null };
    }
  }

  async function handle(occ: Occurrence): Promise<void> {
    const owner = o.instanceId;
    const now = o.now();
    const lateBy = now.getTime() - Date.parse(occ.dueAt);
    const fields = { event: 'reminder.delivery', occurrence: occ.id, reminder: occ.reminderId, attempt: occ.attempts + 1 };
    if (now.getTime() >= Date.parse(occ.meetingAt) || (occ.attempts === 0 && lateBy > o.graceMs)) {
      await store.complete(occ.id, owner, 'missed', now, { error: 'beyond the grace window' });
      log.warn({ ...fields, outcome: 'missed', lateMs: lateBy }, 'reminder missed');
      o.observe('missed', false);
      return;
    }
    const repeat = occ.status === 'sending';
    if (repeat) log.warn({ ...fields, recovered: true }, 'reposting a reminder whose sender stopped mid-post');
    if (!(await store.markSending(occ.id, owner, new Date(now.getTime() + o.leaseMs)))) return;
    const started = Date.now();
    const result = await attempt(occ);
    const at = o.now();
    const attempts = occ.attempts + 1;
    const done = { ...fields, durationMs: Date.now() - started };
    if (result.ok) {
      const outcome = at.getTime() - Date.parse(occ.dueAt) > o.onTimeMs ? 'late' : 'delivered';
      await store.complete(occ.id, owner, outcome, at, { activityId: result.activityId });
      log.info({ ...done, outcome }, 'reminder posted');
      o.observe(outcome, repeat);
      return;
    }
    switch (result.kind) {
      case 'gone':
        await store.complete(occ.id, owner, 'paused', at, { error: `HTTP ${result.status}` });
        await store.pauseConversation(occ.conversationId, at);
        log.warn({ ...done, outcome: 'paused', status: result.status }, 'bot removed from conversation; reminders paused');
        o.observe('paused', repeat);
        return;
      case 'rejected':
        await store.complete(occ.id, owner, 'failed', at, { error: result.reason });
        log.error({ ...done, outcome: 'failed', status: result.status }, 'reminder rejected');
        o.observe('failed', repeat);
        return;
      case 'throttled':
      case 'transient': {
        if (attempts > o.maxRetries) {
          await store.complete(occ.id, owner, 'failed', at, { error: `gave up after ${attempts} attempts (HTTP ${result.status ?? 'network'})` });
          log.error({ ...done, outcome: 'failed', status: result.status }, 'reminder retries exhausted');
          o.observe('failed', repeat);
          return;
        }
        const delay = retryDelayMs(attempts, result.retryAfterMs, o.backoff, o.random);
        await store.retryLater(occ.id, owner, new Date(at.getTime() + delay), `HTTP ${result.status ?? 'network'}`);
        log.warn({ ...done, outcome: 'retry', status: result.status, delayMs: delay }, 'reminder will be retried');
        o.observe('retry', repeat);
        return;
      }
    }
  }

  async function tick(): Promise<number> {
    const now = o.now();
    // Materialising every pass would be wasted work; every minute keeps the horizon topped up.
    if (now.getTime() - lastMaterialise >= Math.min(60_000, o.pollMs)) {
      await materialise(store, now, o.horizonMs);
      lastMaterialise = now.getTime();
    }
    const claimed = await store.claimDue(o.instanceId, now, new Date(now.getTime() + o.leaseMs), o.batchSize);
    const queue = [...claimed];
    const workers = Array.from({ length: Math.min(o.concurrency, queue.length) }, async () => {
      for (let occ = queue.shift(); occ; occ = queue.shift()) {
        try {
          await handle(occ);
        } catch (err) {
          // A storage error leaves the claim to expire; the lease brings the occurrence back.
          log.error({ event: 'reminder.error', occurrence: occ.id, errName: (err as Error).name }, 'reminder handling failed');
        }
        // A long batch is progress, not a stuck loop.
        if (running) beat();
      }
    });
    await Promise.all(workers);
    return claimed.length;
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, Math.max(0, ms));
      function done() {
        clearTimeout(timer);
        wakeUp = null;
        resolve();
      }
      wakeUp = done;
    });
  }

  async function run(): Promise<void> {
    while (running) {
      beat();
      let handled = 0;
      try {
        handled = await tick();
      } catch (err) {
        log.error({ event: 'reminder.tick_failed', errName: (err as Error).name }, 'scheduler pass failed; retrying');
      }
      if (!running) break;
      beat();
      if (handled >= o.batchSize) continue;
      let wait = o.pollMs;
      try {
        const next = await store.nextWakeAt();
        if (next) wait = Math.min(wait, next.getTime() - o.now().getTime());
      } catch {
        // The next pass reports storage problems.
      }
      await sleep(Math.max(wait, 20));
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      state = 'running';
      // Every pass catches its own errors, so this is a bug in the loop: reminders stop, and the
      // readiness probe says so (reported, not thrown, so questions keep being answered).
      loop = run().catch((err: unknown) => {
        running = false;
        state = 'crashed';
        log.error({ event: 'reminder.scheduler_crashed', errName: (err as Error)?.name ?? typeof err }, 'reminder scheduler stopped unexpectedly');
      });
    },
    async stop() {
      running = false;
      if (state === 'running') state = 'stopped';
      wakeUp?.();
      await loop;
      loop = null;
    },
    tick,
    wake() {
      wakeUp?.();
    },
    status() {
      return { state, lastBeatAt, pollMs: o.pollMs };
    },
  };
}
