/**
 * Where a turn happens and whose settings apply: the user's own in personal chat, the
 * team's in a channel, the chat's in a group chat.
 */
import type { Activity } from 'botbuilder';

export type ScopeKind = 'personal' | 'groupChat' | 'channel';

export interface Scope {
  kind: ScopeKind;
  /** Key for settings stored per scope (partnership choice). */
  key: string;
  /** How the bot refers to the scope in a sentence: "for you", "in this team", "in this chat". */
  noun: string;
}

export function scopeOf(activity: Partial<Activity>): Scope {
  const type = activity.conversation?.conversationType;
  if (type === 'channel') {
    const teamId = (activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
    return { kind: 'channel', key: `team:${teamId ?? baseConversationId(activity.conversation?.id ?? '')}`, noun: 'in this team' };
  }
  if (type === 'groupChat' || activity.conversation?.isGroup) {
    return { kind: 'groupChat', key: `chat:${activity.conversation?.id ?? ''}`, noun: 'in this chat' };
  }
  return { kind: 'personal', key: `user:${userKey(activity)}`, noun: 'for you' };
}

/** The Entra object id when Teams sends it (stable across chats), else the channel user id. */
export function userKey(activity: Partial<Activity>): string {
  return activity.from?.aadObjectId ?? activity.from?.id ?? 'unknown';
}

/** Channel messages arrive on "<channel id>;messageid=<thread>"; settings belong to the channel. */
export function baseConversationId(id: string): string {
  return id.split(';')[0] ?? id;
}

/**
 * Whose follow-up memory a turn uses: the conversation's, and in a channel each person's own
 * (two people in one thread ask about different things).
 */
export function memoryKey(activity: Partial<Activity>, scope: Scope): string {
  const conversation = activity.conversation?.id ?? '';
  return scope.kind === 'channel' ? `conv:${conversation}|user:${userKey(activity)}` : `conv:${conversation}`;
}
