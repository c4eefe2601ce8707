/**
 * In-memory conversations for the local playground's Direct Line. Each conversation is an append-only
 * log: the watermark Web Chat polls with is simply how many log entries it has seen. An updated card is
 * appended again under its original id, which Web Chat treats as "replace the activity with this id".
 * Bounded, because a browser tab left polling overnight must not grow the process without limit.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

export interface ChannelAccount {
  id: string;
  name?: string;
  role?: 'user' | 'bot';
}

/** The activity fields the playground reads or sets; everything else passes through untouched. */
export interface LoggedActivity {
  type: string;
  id?: string;
  timestamp?: string;
  from?: ChannelAccount;
  recipient?: ChannelAccount;
  conversation?: { id: string };
  [field: string]: unknown;
}

export interface Conversation {
  readonly id: string;
  readonly token: string;
  readonly user: ChannelAccount;
  readonly bot: ChannelAccount;
  started: boolean;
  lastUsed: number;
  nextSequence: number;
  readonly log: LoggedActivity[];
  /** Entries dropped from the front of the log; watermarks count them so they stay stable. */
  dropped: number;
}

export const PLAYGROUND_BOT: ChannelAccount = Object.freeze({ id: 'safeguarding-bot', name: 'Safeguarding Helper', role: 'bot' });

const MAX_CONVERSATIONS = 200;
/** What a user id this service handed out looks like; anything else gets a new one. */
const USER_ID = /^user-[A-Za-z0-9_-]{9,40}$/;
const MAX_LOG_ENTRIES = 2_000;

const randomId = (bytes: number): string => randomBytes(bytes).toString('base64url');

export class ConversationLog {
  private readonly conversations = new Map<string, Conversation>();

  /** `userId`: the id this browser had before (kept in its storage), so its settings follow it across reloads. */
  create(userId?: string): Conversation {
    if (this.conversations.size >= MAX_CONVERSATIONS) this.evictLeastRecentlyUsed();
    const conversation: Conversation = {
      id: `playground-${randomId(12)}`,
      token: randomId(32),
      user: { id: userId && USER_ID.test(userId) ? userId : `user-${randomId(9)}`, name: 'You', role: 'user' },
      bot: PLAYGROUND_BOT,
      started: false,
      lastUsed: Date.now(),
      nextSequence: 1,
      log: [],
      dropped: 0,
    };
    this.conversations.set(conversation.id, conversation);
    return conversation;
  }

  get(conversationId: string): Conversation | undefined {
    const conversation = this.conversations.get(conversationId);
    if (conversation) conversation.lastUsed = Date.now();
    return conversation;
  }

  /** The conversation a bearer token belongs to, compared in constant time. */
  byToken(token: string): Conversation | undefined {
    const presented = Buffer.from(token);
    for (const conversation of this.conversations.values()) {
      const expected = Buffer.from(conversation.token);
      if (expected.length === presented.length && timingSafeEqual(expected, presented)) {
        conversation.lastUsed = Date.now();
        return conversation;
      }
    }
    return undefined;
  }

  newActivityId(conversation: Conversation): string {
    return `${conversation.id}|${String(conversation.nextSequence++).padStart(7, '0')}`;
  }

  /** Appends an activity for the page to pick up; returns it as stored (with id and timestamp). */
  append(conversation: Conversation, activity: LoggedActivity): LoggedActivity {
    const stored: LoggedActivity = {
      ...activity,
      id: activity.id ?? this.newActivityId(conversation),
      timestamp: activity.timestamp ?? new Date().toISOString(),
      conversation: { id: conversation.id },
    };
    conversation.log.push(stored);
    // Drop the oldest entries; a page that fell that far behind simply misses them.
    const excess = conversation.log.length - MAX_LOG_ENTRIES;
    if (excess > 0) {
      conversation.log.splice(0, excess);
      conversation.dropped += excess;
    }
    return stored;
  }

  /** The latest version of an activity, for updates that change only part of it. */
  find(conversation: Conversation, activityId: string): LoggedActivity | undefined {
    for (let i = conversation.log.length - 1; i >= 0; i--) if (conversation.log[i]?.id === activityId) return conversation.log[i];
    return undefined;
  }

  /** Entries after `watermark`, and the watermark to poll with next. */
  since(conversation: Conversation, watermark: string | undefined): { activities: LoggedActivity[]; watermark: string } {
    const parsed = Number.parseInt(watermark ?? '', 10);
    const seen = Number.isFinite(parsed) && parsed >= 0 ? parsed - conversation.dropped : 0;
    const from = Math.max(0, Math.min(seen, conversation.log.length));
    return { activities: conversation.log.slice(from), watermark: String(conversation.dropped + conversation.log.length) };
  }

  private evictLeastRecentlyUsed(): void {
    let oldest: Conversation | undefined;
    for (const conversation of this.conversations.values()) {
      if (!oldest || conversation.lastUsed < oldest.lastUsed) oldest = conversation;
    }
    if (oldest) this.conversations.delete(oldest.id);
  }
}
