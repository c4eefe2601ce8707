/** The partnership each user / team / chat chose, keyed by scope. Last choice wins. */
import type { Database } from './database.ts';

export interface PartnershipChoiceStore {
  getPartnership(scopeKey: string): Promise<string | null>;
  setPartnership(scopeKey: string, partnership: string): Promise<void>;
}

export function createPartnershipChoiceStore(db: Database, now: () => Date): PartnershipChoiceStore {
  const stamp = () => now().toISOString();

  return {
    async getPartnership(scopeKey) {
      const rows = await db.all<{ partnership: string }>('SELECT partnership FROM partnership_choice WHERE scope_key = $1', [scopeKey]);
      return rows[0]?.partnership ?? null;
    },

    async setPartnership(scopeKey, partnership) {
      await db.run(
        `INSERT INTO partnership_choice (scope_key, partnership, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (scope_key) DO UPDATE SET partnership = excluded.partnership, updated_at = excluded.updated_at`,
        [scopeKey, partnership, stamp()],
      );
    },
  };
}
