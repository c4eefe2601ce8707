/**
 * Versioned schema migrations, applied automatically at start. Each feature (bot state,
 * checklists, reminders) owns a range of version numbers so features can add tables
 * independently: 100-199 bot state, 200-299 checklists, 300-399 reminders.
 * On PostgreSQL an advisory lock stops two instances migrating at once.
 */
import type { Database } from './database.ts';

export interface Migration {
  version: number;
  name: string;
  /** SQL for both dialects when they agree; statements separated by semicolons. */
  sql?: string;
  /** Dialect-specific SQL, where the two differ (takes precedence over `sql`). */
  sqlite?: string;
  postgres?: string;
}

function sqlFor(m: Migration, dialect: 'sqlite' | 'postgres'): string {
  const sql = m[dialect] ?? m.sql;
  if (sql === undefined) throw new Error(`Migration ${m.version} (${m.name}) has no SQL for ${dialect}`);
  return sql;
}

const LOCK_KEY = 7_311_2019;

function statements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export async function migrate(db: Database, migrations: readonly Migration[]): Promise<number[]> {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  const dup = sorted.find((m, i) => i > 0 && sorted[i - 1]!.version === m.version);
  if (dup) throw new Error(`Two migrations share version ${dup.version}`);

  return db.transaction(async (tx) => {
    if (tx.dialect === 'postgres') await tx.run('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    await tx.run('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const done = new Set((await tx.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
    const applied: number[] = [];
    for (const m of sorted) {
      if (done.has(m.version)) continue;
      for (const stmt of statements(sqlFor(m, tx.dialect))) await tx.run(stmt);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
      applied.push(m.version);
    }
    return applied;
  });
}
