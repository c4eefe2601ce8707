/** Shared set-up for the checklist tests: a real SQLite file per test, migrated. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../storage/database.ts';
import { migrate } from '../../storage/migrate.ts';
import { checklistMigrations, createChecklistStore } from '../../storage/checklist-store.ts';
import { createChecklistService } from '../../domain/checklists/service.ts';

export interface TempDb {
  file: string;
  db: Database;
  cleanup(): Promise<void>;
}

export async function tempSqlite(): Promise<TempDb> {
  const dir = mkdtempSync(join(tmpdir(), 'checklists-'));
  const file = join(dir, 'bot.db');
  const db = await openDatabase(`sqlite:${file}`);
  await migrate(db, checklistMigrations);
  return {
    file,
    db,
    async cleanup() {
      await db.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function serviceOn(db: Database, retentionDays = 30) {
  return createChecklistService({ store: createChecklistStore(db), retentionDays });
}

/** A Wednesday morning in term time, London. */
export const WEDNESDAY = new Date('2026-03-11T09:30:00Z');
