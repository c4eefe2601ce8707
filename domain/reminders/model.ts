/**
 * The reminder model. A reminder is a meeting (name, first date and time in Europe/London,
 * recurrence) plus one or more lead times; each (meeting occurrence x lead time) becomes one
 * stored occurrence, delivered exactly once. Plain data: no botbuilder, no storage.
 */

/** Meetings are London meetings: every wall-clock time in this feature is in this zone. */
export const ZONE = 'Europe/London';

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export type Recurrence =
  | { kind: 'none' }
  | { kind: 'weekly'; intervalWeeks: 1 | 2 }
  /** Monthly on the nth weekday (nth -1 = last), every `intervalMonths` (3 = quarterly). */
  | { kind: 'monthly'; intervalMonths: number; nth: 1 | 2 | 3 | 4 | -1; weekday: Weekday }
  /** A custom RFC 5545 rule without DTSTART (the first date and time are the reminder's own). */
  | { kind: 'rrule'; rule: string };

export interface ReminderInput {
  conversationId: string;
  /** What the meeting is: a knowledge-base body id (for chair and cadence), or free text only. */
  bodyId: string | null;
  meeting: string;
  /** First meeting, Europe/London wall clock: "2026-03-26" and "09:30". */
  firstDate: string;
  time: string;
  recurrence: Recurrence;
  /** Minutes before the meeting; at least one. */
  leadMinutes: readonly number[];
  agendaUrl: string | null;
  note: string | null;
  createdBy: { id: string; name: string | null };
}

export type ReminderState = 'active' | 'paused' | 'cancelled';

export interface Reminder extends ReminderInput {
  id: string;
  state: ReminderState;
  /** Bumped on every edit, so a stale "edit" card changes nothing. */
  version: number;
  createdAt: string;
}

/** What happened to one occurrence. `pending` and `claimed`/`sending` are in flight. */
export type OccurrenceStatus = 'pending' | 'claimed' | 'sending' | 'delivered' | 'late' | 'missed' | 'failed' | 'paused' | 'cancelled';

export const FINAL_STATUSES: readonly OccurrenceStatus[] = ['delivered', 'late', 'missed', 'failed', 'paused', 'cancelled'];

export interface Occurrence {
  /** Unique key `<reminderId>|<meeting UTC ISO>|<lead minutes>`: inserted at most once. */
  id: string;
  reminderId: string;
  conversationId: string;
  /** The meeting's start, UTC ISO. */
  meetingAt: string;
  leadMinutes: number;
  /** When to post, UTC ISO (meetingAt - lead). */
  dueAt: string;
  status: OccurrenceStatus;
  /** Delivery attempts so far. */
  attempts: number;
}

/** The outcome of one attempt to post a reminder; the scheduler decides what to do next. */
export type DeliveryResult =
  | { ok: true; activityId: string | null }
  /** 429: try again later, not before Retry-After when the connector gave one. */
  | { ok: false; kind: 'throttled'; status: number; retryAfterMs: number | null }
  /** 5xx or a network failure: try again with backoff. */
  | { ok: false; kind: 'transient'; status: number | null; retryAfterMs: number | null }
  /** 403/404: the bot was removed from the conversation; pause its reminders. */
  | { ok: false; kind: 'gone'; status: number }
  /** Anything else (400, a missing conversation reference): retrying will not help. */
  | { ok: false; kind: 'rejected'; status: number | null; reason: string };

export type Deliver = (occurrence: Occurrence) => Promise<DeliveryResult>;

export function occurrenceKey(reminderId: string, meetingAtIso: string, leadMinutes: number): string {
  return `${reminderId}|${meetingAtIso}|${leadMinutes}`;
}

/** Classifies a connector HTTP status the way the scheduler needs it. */
export function resultForStatus(status: number, retryAfterMs: number | null = null, reason = `HTTP ${status}`): DeliveryResult {
  if (status >= 200 && status < 300) return { ok: true, activityId: null };
  if (status === 429) return { ok: false, kind: 'throttled', status, retryAfterMs };
  if (status === 403 || status === 404) return { ok: false, kind: 'gone', status };
  if (status >= 500) return { ok: false, kind: 'transient', status, retryAfterMs };
  return { ok: false, kind: 'rejected', status, reason };
}

/** Retry-After is either seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}
