/**
 * Checklist runs on both databases the bot supports (the SQLite file and a real PostgreSQL):
 * a run survives reopening the database, and of two simultaneous clicks on the same card
 * exactly one advances the run; the other is refused as stale and changes nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../storage/database.ts';
import { migrate } from '../../storage/migrate.ts';
import { checklistMigrations } from '../../storage/checklist-store.ts';
import { AppError } from '../../shared/errors.ts';
import { startTestPostgres, type TestPostgres } from '../../devkit/postgres.ts';
import { serviceOn, WEDNESDAY } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'checklist-db-'));
let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startTestPostgres();
});
afterAll(async () => {
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const DATABASES: Array<[string, () => Promise<string>]> = [
  ['SQLite', async () => `sqlite:${join(dir, `runs-${Date.now()}-${Math.random()}.db`)}`],
  ['PostgreSQL', () => postgres.createDatabase()],
];

describe.each(DATABASES)('checklist runs on %s', (_name, makeUrl) => {
  it('resume after reopening the database, exactly where the lead left off', async () => {
    const url = await makeUrl();
    let db = await openDatabase(url);
    expect(await migrate(db, checklistMigrations)).toEqual([200]);
    const v1 = await serviceOn(db).start('referral', 'user-a', 'haringey', WEDNESDAY);
    if (v1.kind !== 'step') throw new Error('expected a step');
    const v2 = await serviceOn(db).answer({ runId: v1.run.id, userId: 'user-a', version: v1.run.version, stepId: v1.step.id, choiceId: 'no' }, WEDNESDAY);
    await db.close();

    db = await openDatabase(url);
    expect(await migrate(db, checklistMigrations)).toEqual([]);
    const unfinished = await serviceOn(db).unfinished('user-a');
    expect(unfinished.map((r) => r.run.id)).toEqual([v1.run.id]);
    const resumed = await serviceOn(db).resume(v1.run.id, 'user-a');
    expect(resumed.kind).toBe('step');
    expect(resumed.kind === 'step' && v2.kind === 'step' && resumed.step.id).toBe(v2.kind === 'step' ? v2.step.id : '');
    await db.close();
  });

  it('lets exactly one of two simultaneous clicks on the same card advance the run', async () => {
    const db = await openDatabase(await makeUrl());
    await migrate(db, checklistMigrations);
    const s = serviceOn(db);
    const v = await s.start('lado', 'user-b', 'harrow', WEDNESDAY);
    if (v.kind !== 'step') throw new Error('expected a step');
    const click = { runId: v.run.id, userId: 'user-b', version: v.run.version, stepId: v.step.id, choiceId: 'no' };
    const results = await Promise.allSettled([s.answer(click, WEDNESDAY), s.answer(click, WEDNESDAY)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(AppError);
    expect((refused.reason as AppError).code).toBe('STALE_SUBMIT');
    const now = await s.resume(v.run.id, 'user-b');
    expect(now.run.version).toBe(v.run.version + 1);
    await db.close();
  });
});
