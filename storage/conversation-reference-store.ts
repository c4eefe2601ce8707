/**
 * The conversation references the bot needs to post proactively, one per conversation.
 * The row is shared with the welcome flag (welcome-store.ts), which may create it first with
 * the reference '{}': that stands for "no reference yet" and reads as null here.
 */
import type { Database } from './database.ts';

/** A Bot Framework conversation reference, kept opaque here so storage has no botbuilder import. */
export type StoredReference = Record<string, unknown>;

export interface ConversationReferenceStore {
  saveReference(conversationId: string, reference: StoredReference): Promise<void>;
  getReference(conversationId: string): Promise<StoredReference | null>;
}

/** A reference this process wrote unchanged within this long is not written again (see below). */
const REWRITE_AFTER_MS = 60 * 60_000;
/** Bounded: a stream of new conversations must not grow the process. */
const MAX_REMEMBERED = 10_000;

export function createConversationReferenceStore(db: Database, now: () => Date): ConversationReferenceStore {
  const stamp = () => now().toISOString();
  // The reference is saved after every turn but almost never changes; on SQLite each write is a
  // synchronous commit (an fsync) on the event loop, the largest storage cost of an answer turn
  // (issue 13). Only what this process wrote is remembered, so a fresh start writes it again.
  const written = new Map<string, { where: string; at: number }>();

  return {
    async saveReference(conversationId, reference) {
      // The id of the message the turn came in on changes every turn; only the rest (service URL,
      // bot, user, conversation) says where to post, so a change in it alone is no reason to write.
      const { activityId: _activityId, ...rest } = reference;
      const where = JSON.stringify(rest);
      const t = now().getTime();
      const last = written.get(conversationId);
      if (last && last.where === where && t - last.at < REWRITE_AFTER_MS) return;
      await db.run(
        `INSERT INTO conversation_refs (conversation_id, reference, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (conversation_id) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at`,
        [conversationId, JSON.stringify(reference), stamp()],
      );
      if (written.size >= MAX_REMEMBERED) written.clear();
      written.set(conversationId, { where, at: t });
    },

    async getReference(conversationId) {
      const rows = await db.all<{ reference: string }>('SELECT reference FROM conversation_refs WHERE conversation_id = $1', [conversationId]);
      return rows[0] && rows[0].reference !== '{}' ? (JSON.parse(rows[0].reference) as StoredReference) : null;
    },
  };
}
