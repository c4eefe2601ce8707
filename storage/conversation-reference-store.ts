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

export function createConversationReferenceStore(db: Database, now: () => Date): ConversationReferenceStore {
  const stamp = () => now().toISOString();

  return {
    async saveReference(conversationId, reference) {
      await db.run(
        `INSERT INTO conversation_refs (conversation_id, reference, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (conversation_id) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at`,
        [conversationId, JSON.stringify(reference), stamp()],
      );
    },

    async getReference(conversationId) {
      const rows = await db.all<{ reference: string }>('SELECT reference FROM conversation_refs WHERE conversation_id = $1', [conversationId]);
      return rows[0] && rows[0].reference !== '{}' ? (JSON.parse(rows[0].reference) as StoredReference) : null;
    },
  };
}
