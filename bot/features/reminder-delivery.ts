/**
 * Posts one reminder occurrence into its conversation through the stored conversation
 * reference (continueConversationAsync, via Services.proactive), and translates what the
 * connector answered into the domain's DeliveryResult: 429 and 5xx are retryable (with the
 * Retry-After the connector gave), 403/404 mean the bot was removed, anything else is final.
 */
import { reminderCard } from '../../cards/reminder-cards.ts';
import type { CardAttachment } from '../../cards/render.ts';
import { describeLead } from '../../domain/reminders/command-parser.ts';
import { parseRetryAfter, resultForStatus, type Deliver, type DeliveryResult } from '../../domain/reminders/model.ts';
import type { ReminderStore } from '../../storage/reminder-store.ts';
import type { StoredReference } from '../../storage/state-store.ts';
import type { BotAdapter } from '../adapter.ts';
import { boundConnectorClient } from '../outgoing-deadlines.ts';
import type { OutgoingMessage } from '../services.ts';
import type { BodyInfo, BodyLookup } from './reminder-bodies.ts';
import type { Activity, ConversationReference } from 'botbuilder';

/** Posts a message proactively; resolves to the new activity id; throws what the connector answered. */
export type ReminderSender = (reference: StoredReference, message: OutgoingMessage) => Promise<string | null>;

/**
 * The connector client retries 429 and 5xx inside one call (azure core's defaultRetryPolicy),
 * sleeping in-process. The scheduler owns retries for reminders instead, because its retries
 * are persisted (a restart keeps the schedule), bounded (REMINDER_MAX_RETRIES) and visible in
 * the list; so the library's policy is replaced by one with a deadline and no retries.
 */
export const REMINDER_POST_DEADLINE_MS = 10_000;
const REMINDER_CALL_LIMITS = Object.freeze({ attemptMs: REMINDER_POST_DEADLINE_MS, totalMs: REMINDER_POST_DEADLINE_MS, maxRetries: 0, maxRetryAfterMs: 0 });

export function createReminderSender(adapter: BotAdapter, appId: string): ReminderSender {
  return async (reference, message) => {
    let id: string | null = null;
    await adapter.continueConversationAsync(appId, reference as unknown as ConversationReference, async (context) => {
      boundConnectorClient(context.turnState.get(adapter.ConnectorClientKey), REMINDER_CALL_LIMITS);
      const sent = await context.sendActivity({ type: 'message', ...(message as Partial<Activity>) });
      id = sent?.id ?? null;
    });
    return id;
  };
}

interface HttpishError {
  statusCode?: number;
  code?: string;
  response?: { status?: number; headers?: { get?: (name: string) => string | undefined } | Record<string, string> };
}

function headerOf(err: HttpishError, name: string): string | null {
  const headers = err.response?.headers;
  if (!headers) return null;
  if (typeof (headers as { get?: unknown }).get === 'function') return (headers as { get: (n: string) => string | undefined }).get(name) ?? null;
  return (headers as Record<string, string>)[name] ?? null;
}

/** What a failed post means for the scheduler. */
export function classifyDeliveryError(err: unknown, nowMs = Date.now()): DeliveryResult {
  const e = (err ?? {}) as HttpishError;
  const status = e.statusCode ?? e.response?.status;
  if (typeof status === 'number') return resultForStatus(status, parseRetryAfter(headerOf(e, 'retry-after'), nowMs));
  // No HTTP status: the connection failed (refused, reset, timed out); worth retrying.
  return { ok: false, kind: 'transient', status: null, retryAfterMs: null };
}

/** The card for one occurrence, as posted and as updated when people answer whether they are coming. */
export function occurrenceCard(
  occ: { id: string; meetingAt: string; leadMinutes: number },
  reminder: { meeting: string; agendaUrl: string | null; note: string | null },
  body: BodyInfo | null,
  answers: { yes: number; no: number; possibleRepeat?: boolean },
): CardAttachment {
  return reminderCard({
    occurrenceId: occ.id,
    meeting: reminder.meeting,
    meetingAt: occ.meetingAt,
    leadText: describeLead(occ.leadMinutes),
    chair: body?.chair ?? null,
    cadence: body?.cadence ?? null,
    agendaUrl: reminder.agendaUrl,
    note: reminder.note,
    ...answers,
  });
}

export function createReminderDelivery(store: ReminderStore, send: ReminderSender, bodies: BodyLookup): Deliver {
  return async (occ) => {
    const reminder = await store.get(occ.reminderId);
    const reference = await store.reference(occ.reminderId);
    if (!reminder || !reference) return { ok: false, kind: 'rejected', status: null, reason: 'reminder or conversation reference missing' };
    const card = occurrenceCard(occ, reminder, bodies.get(reminder.bodyId), { yes: 0, no: 0, possibleRepeat: occ.status === 'sending' });
    // The occurrence id is the idempotency key: the same on every attempt and after a takeover,
    // so a reader (or a connector that honours it) can tell a repeat from a new reminder.
    const channelData = { occurrenceId: occ.id, idempotencyKey: occ.id, attempt: occ.attempts + 1, possibleRepeat: occ.status === 'sending' };
    try {
      const activityId = await send(reference, { attachments: [card], channelData });
      return { ok: true, activityId };
    } catch (err) {
      return classifyDeliveryError(err);
    }
  };
}
