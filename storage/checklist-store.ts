/**
 * Checklist runs, stored per user. The run is kept as JSON (its shape is owned by the
 * domain) with the columns we query on alongside. Updates are optimistic: they apply only
 * while the stored version is the one the change was made against, so a stale or double
 * submit changes nothing. Migrations use versions 200-299.
 */
import type { Database } from './database.ts';
import type { Migration } from './migrate.ts';
import type { ChecklistRun, ChecklistRunStore, RunStatus } from '../domain/checklists/run.ts';

export const checklistMigrations: readonly Migration[] = [
  {
    version: 200,
    name: 'checklist_runs',
    sql: `CREATE TABLE IF NOT EXISTS checklist_runs (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  checklist_id TEXT NOT NULL,
  status TEXT NOT NULL,
  version INTEGER NOT NULL,
  started_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  state TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS checklist_runs_user ON checklist_runs (user_id, updated_at);
CREATE INDEX IF NOT EXISTS checklist_runs_updated ON checklist_runs (updated_at)`,
  },
];

interface Row {
  state: string;
}

export function createChecklistStore(db: Database): ChecklistRunStore {
  const parse = (rows: Row[]) => rows.map((r) => JSON.parse(r.state) as ChecklistRun);
  return {
    async insert(run) {
      await db.run(
        'INSERT INTO checklist_runs (id, user_id, checklist_id, status, version, started_at, updated_at, state) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [run.id, run.userId, run.checklistId, run.status, run.version, run.startedAt, run.updatedAt, JSON.stringify(run)],
      );
    },
    async get(id) {
      return parse(await db.all<Row>('SELECT state FROM checklist_runs WHERE id = $1', [id]))[0];
    },
    async update(run, expectedVersion) {
      const changed = await db.run('UPDATE checklist_runs SET status = $1, version = $2, updated_at = $3, state = $4 WHERE id = $5 AND version = $6', [
        run.status,
        run.version,
        run.updatedAt,
        JSON.stringify(run),
        run.id,
        expectedVersion,
      ]);
      return changed === 1;
    },
    async listByUser(userId, opts: { status?: RunStatus; limit?: number } = {}) {
      const limit = Math.max(1, Math.min(opts.limit ?? 20, 100));
      const rows = opts.status
        ? await db.all<Row>('SELECT state FROM checklist_runs WHERE user_id = $1 AND status = $2 ORDER BY updated_at DESC LIMIT $3', [
            userId,
            opts.status,
            limit,
          ])
        : await db.all<Row>('SELECT state FROM checklist_runs WHERE user_id = $1 ORDER BY updated_at DESC LIMIT $2', [userId, limit]);
      return parse(rows);
    },
    async deleteUpdatedBefore(cutoffIso) {
      return db.run('DELETE FROM checklist_runs WHERE updated_at < $1', [cutoffIso]);
    },
  };
}
