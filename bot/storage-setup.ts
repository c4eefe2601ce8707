/**
 * Opening storage at start: the database named by STORAGE_URL, migrated to the schema of the
 * bot state and of every feature. The composition root (bot/main.ts) calls it before it builds
 * the stores and services on the database, and closes the database after the server stops.
 */
import { AppError } from '../shared/errors.ts';
import { openDatabase, storageProblemOf, type Database } from '../storage/database.ts';
import { migrate, type Migration } from '../storage/migrate.ts';
import { stateMigrations } from '../storage/state-store.ts';
import type { Config } from './config.ts';
import { FEATURES, type Feature } from './routes.ts';

/** The bot state's migrations and each feature's own (their version ranges are in storage/migrate.ts). */
export function storageMigrations(features: readonly Feature[] = FEATURES): Migration[] {
  return [...stateMigrations, ...features.flatMap((f) => f.migrations ?? [])];
}

/** Opens and migrates storage; any failure is a readable STORAGE AppError (main.ts exits 78 on it). */
export async function openStorage(config: Config, migrations: readonly Migration[] = storageMigrations()): Promise<Database> {
  let db: Database | undefined;
  try {
    db = await openDatabase(config.storageUrl, { timeoutMs: config.storageTimeoutMs });
    await migrate(db, migrations);
    return db;
  } catch (err) {
    await db?.close().catch(() => undefined);
    if (err instanceof AppError) throw err;
    const code = (err as { code?: unknown }).code;
    const problem = storageProblemOf(err);
    // The URL may carry a password: the admin sees where, never the credentials.
    const where = config.storageUrl.replace(/\/\/[^@/]*@/, '//');
    throw new AppError(
      'STORAGE',
      `storage ${where} failed at start${problem ? ` (${problem})` : ''}: ${code ? `${String(code)} ` : ''}${(err as Error).message ?? String(err)}`,
    );
  }
}
