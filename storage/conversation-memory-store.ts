/**
 * Conversation memory for follow-up questions: the record ids and the attribute of the last
 * answer, never its text, and only for as long as the admin allows.
 */
import type { ConversationMemory } from '../domain/answering/types.ts';
import type { Database } from './database.ts';
import { pruneAtMostEvery, PRUNE_EVERY_MS } from './prune-throttle.ts';

export interface ConversationMemoryStore {
  /** The conversation's memory if younger than maxMinutes (0 turns memory off), else null. */
  getMemory(key: string, maxMinutes: number): Promise<ConversationMemory | null>;
  /** Replaces the memory, stamped now; memories older than maxMinutes are deleted on the way (at most once a minute). */
  saveMemory(key: string, memory: ConversationMemory, maxMinutes: number): Promise<void>;
}

/** The store, and the same store writing through a transaction's handle (state-store.ts). */
export type ConversationMemoryStoreWithin = ConversationMemoryStore & { within(tx: Database): ConversationMemoryStore };

export function createConversationMemoryStore(db: Database, now: () => Date): ConversationMemoryStoreWithin {
  const stamp = () => now().toISOString();
  const pruneGate = pruneAtMostEvery(PRUNE_EVERY_MS, now);

  const bound = (handle: Database): ConversationMemoryStore => ({
    async getMemory(key, maxMinutes) {
      if (maxMinutes <= 0) return null;
      const rows = await handle.all<{ record_ids: string; attr: string | null; partnership: string | null; at: string }>(
        'SELECT record_ids, attr, partnership, at FROM conversation_memory WHERE memory_key = $1 AND at >= $2',
        [key, new Date(now().getTime() - maxMinutes * 60_000).toISOString()],
      );
      const r = rows[0];
      if (!r) return null;
      return {
        recordIds: JSON.parse(r.record_ids) as string[],
        ...(r.attr ? { attr: r.attr } : {}),
        partnership: r.partnership as ConversationMemory['partnership'],
        at: r.at,
      };
    },

    async saveMemory(key, memory, maxMinutes) {
      if (maxMinutes <= 0) return;
      const at = stamp();
      await pruneGate((t) => handle.run('DELETE FROM conversation_memory WHERE at < $1', [new Date(t - maxMinutes * 60_000).toISOString()]));
      await handle.run(
        `INSERT INTO conversation_memory (memory_key, record_ids, attr, partnership, at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (memory_key) DO UPDATE SET record_ids = excluded.record_ids, attr = excluded.attr, partnership = excluded.partnership, at = excluded.at`,
        [key, JSON.stringify(memory.recordIds.slice(0, 20)), memory.attr ?? null, memory.partnership ?? null, at],
      );
    },
  });
  return { ...bound(db), within: bound };
}
