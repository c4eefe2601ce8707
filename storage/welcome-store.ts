/**
 * The welcome flag: the welcome card is sent once per installation. Kept on the conversation's
 * row in conversation_refs (see conversation-reference-store.ts).
 */
import type { Database } from './database.ts';

export interface WelcomeStore {
  /** True the first time after install: the welcome card is sent once per installation. */
  claimWelcome(conversationId: string): Promise<boolean>;
  resetWelcome(conversationId: string): Promise<void>;
}

export function createWelcomeStore(db: Database, now: () => Date): WelcomeStore {
  const stamp = () => now().toISOString();

  return {
    async claimWelcome(conversationId) {
      // An upsert: the reference itself is saved after the turn, so the row may not exist yet.
      // '{}' stands for "no reference yet" until then (getReference reads it as null).
      const changed = await db.run(
        `INSERT INTO conversation_refs (conversation_id, reference, updated_at, welcomed) VALUES ($1, '{}', $2, 1)
         ON CONFLICT (conversation_id) DO UPDATE SET welcomed = 1, updated_at = excluded.updated_at WHERE conversation_refs.welcomed = 0`,
        [conversationId, stamp()],
      );
      return changed === 1;
    },

    async resetWelcome(conversationId) {
      await db.run('UPDATE conversation_refs SET welcomed = 0, updated_at = $2 WHERE conversation_id = $1', [conversationId, stamp()]);
    },
  };
}
