/**
 * The bot state store on both databases it supports: the embedded SQLite file and a real
 * PostgreSQL. Same contract on each: upserts, one ticket per request id, version-checked
 * ticket transitions (a stale or repeated click changes nothing), welcome once per install.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../storage/database.ts';
import { migrate } from '../../storage/migrate.ts';
import { createStateStore, stateMigrations, type StateStore } from '../../storage/state-store.ts';
import { startTestPostgres, type TestPostgres } from '../../devkit/postgres.ts';

const dir = mkdtempSync(join(tmpdir(), 'state-store-'));
let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startTestPostgres();
});
afterAll(async () => {
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
const DATABASES: Array<[string, () => Promise<string>]> = [
  ['SQLite', async () => `sqlite:${join(dir, `state-${++n}.db`)}`],
  ['PostgreSQL', () => postgres.createDatabase()],
];

describe.each(DATABASES)('state store on %s', (_name, url) => {
  let db: Database;
  let dbUrl: string;
  let store: StateStore;
  beforeAll(async () => {
    dbUrl = await url();
    db = await openDatabase(dbUrl);
    expect(await migrate(db, stateMigrations)).toEqual([100, 101, 102]);
    expect(await migrate(db, stateMigrations)).toEqual([]);
    store = createStateStore(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it('keeps one partnership per scope, the latest choice winning', async () => {
    expect(await store.getPartnership('user:a')).toBeNull();
    await store.setPartnership('user:a', 'harrow');
    await store.setPartnership('user:a', 'haringey');
    await store.setPartnership('team:t', 'city-hackney');
    expect([await store.getPartnership('user:a'), await store.getPartnership('team:t')]).toEqual(['haringey', 'city-hackney']);
  });

  it('keeps one feedback vote per person per answer', async () => {
    const vote = {
      answerId: 'ans-1',
      voterHash: 'v1',
      recordIds: ['r1', 'r2'],
      questionHash: 'h',
      questionText: null,
      answerKind: 'fact',
      partnership: 'harrow',
    };
    expect(await store.recordFeedback({ ...vote, helpful: true })).toBe('recorded');
    expect(await store.recordFeedback({ ...vote, helpful: false })).toBe('changed');
    expect(await store.recordFeedback({ ...vote, voterHash: 'v2', helpful: true })).toBe('recorded');
    const rows = await store.listFeedback();
    expect(rows.map((r) => [r.helpful, r.recordIds])).toEqual([
      [false, ['r1', 'r2']],
      [true, ['r1', 'r2']],
    ]);
  });

  it('creates one ticket per request id, and moves it only from the version the click saw', async () => {
    const input = { id: '8a2b7c1d-0000-4000-8000-000000000001', question: 'q?', partnership: null, askerName: 'Sam', askerConversationId: 'a:1' };
    const first = await store.createTicket(input);
    const again = await store.createTicket(input);
    expect([first.created, again.created, again.ticket.version]).toEqual([true, false, 1]);
    await store.markTicketPosted(input.id, '19:experts', 'activity-1');

    const lead = { id: 'aad-lead', name: 'Alex' };
    const assigned = await store.transitionTicket(input.id, 1, 'assign', lead);
    expect(assigned).toMatchObject({ ok: true, ticket: { state: 'assigned', version: 2, assigneeName: 'Alex', expertActivityId: 'activity-1' } });
    // A second click on the version-1 card, and a repeated "assign" by the same lead: nothing changes.
    expect(await store.transitionTicket(input.id, 1, 'close', lead)).toMatchObject({ ok: false, reason: 'stale', ticket: { state: 'assigned', version: 2 } });
    expect(await store.transitionTicket(input.id, 2, 'assign', lead)).toMatchObject({ ok: false, reason: 'stale' });
    // Another lead may take it over; then it is closed; closed is final.
    expect(await store.transitionTicket(input.id, 2, 'assign', { id: 'aad-other', name: 'Bo' })).toMatchObject({
      ok: true,
      ticket: { assigneeName: 'Bo', version: 3 },
    });
    expect(await store.transitionTicket(input.id, 3, 'close', lead)).toMatchObject({ ok: true, ticket: { state: 'closed', version: 4 } });
    expect(await store.transitionTicket(input.id, 4, 'assign', lead)).toMatchObject({ ok: false, reason: 'stale', ticket: { state: 'closed' } });
    expect(await store.transitionTicket('8a2b7c1d-0000-4000-8000-00000000ffff', 1, 'close', lead)).toEqual({ ok: false, reason: 'not_found' });
  });

  it('marks a ticket undelivered only while it is open, through the ticket transitions', async () => {
    const { ticket } = await store.createTicket({ question: 'q3?', partnership: 'haringey', askerName: null, askerConversationId: 'a:3' });
    expect(await store.markTicketUndelivered(ticket.id)).toMatchObject({ ok: true, ticket: { state: 'undelivered', version: 2 } });
    // Undelivered is final: neither a second failure report nor a lead's click changes it.
    expect(await store.markTicketUndelivered(ticket.id)).toMatchObject({ ok: false, reason: 'stale', ticket: { state: 'undelivered', version: 2 } });
    expect(await store.transitionTicket(ticket.id, 2, 'assign', { id: 'x', name: 'X' })).toMatchObject({ ok: false, reason: 'stale' });

    const { ticket: picked } = await store.createTicket({ question: 'q4?', partnership: 'haringey', askerName: null, askerConversationId: 'a:4' });
    await store.transitionTicket(picked.id, 1, 'assign', { id: 'x', name: 'X' });
    // The card reached a lead after all: a late failure report leaves their assignment alone.
    expect(await store.markTicketUndelivered(picked.id)).toMatchObject({ ok: false, reason: 'stale', ticket: { state: 'assigned', version: 2 } });
    expect(await store.markTicketUndelivered('8a2b7c1d-0000-4000-8000-00000000fffe')).toEqual({ ok: false, reason: 'not_found' });
  });

  it('lets exactly one of two simultaneous clicks win', async () => {
    const { ticket } = await store.createTicket({ question: 'q2?', partnership: 'harrow', askerName: null, askerConversationId: 'a:2' });
    const results = await Promise.all([
      store.transitionTicket(ticket.id, 1, 'assign', { id: 'x', name: 'X' }),
      store.transitionTicket(ticket.id, 1, 'assign', { id: 'y', name: 'Y' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await store.getTicket(ticket.id))!.version).toBe(2);
  });

  it('stores conversation references and welcomes once per install', async () => {
    await store.saveReference('conv-1', { conversation: { id: 'conv-1' }, serviceUrl: 'https://x/' });
    expect(await store.getReference('conv-1')).toEqual({ conversation: { id: 'conv-1' }, serviceUrl: 'https://x/' });
    expect(await store.getReference('conv-404')).toBeNull();
    expect([await store.claimWelcome('conv-1'), await store.claimWelcome('conv-1')]).toEqual([true, false]);
    await store.saveReference('conv-1', { conversation: { id: 'conv-1' }, serviceUrl: 'https://y/' });
    expect(await store.claimWelcome('conv-1')).toBe(false);
    await store.resetWelcome('conv-1');
    expect(await store.claimWelcome('conv-1')).toBe(true);
  });

  it('writes an unchanged conversation reference again only after an hour (one commit fewer per turn)', async () => {
    let clock = new Date('2026-03-02T09:00:00Z');
    const timed = createStateStore(db, () => clock);
    const stampOf = async () =>
      (await db.all<{ updated_at: string }>('SELECT updated_at FROM conversation_refs WHERE conversation_id = $1', ['conv-r']))[0]?.updated_at;
    const ref = { conversation: { id: 'conv-r' }, serviceUrl: 'https://x/' };
    await timed.saveReference('conv-r', ref);
    clock = new Date('2026-03-02T09:30:00Z');
    // A new turn's message id alone is no change: where to post is the same.
    await timed.saveReference('conv-r', { ...ref, activityId: 'msg-2' });
    expect(await stampOf()).toBe('2026-03-02T09:00:00.000Z');
    // A changed reference (Teams moved the conversation's service URL) is written at once.
    await timed.saveReference('conv-r', { ...ref, serviceUrl: 'https://moved/' });
    expect(await stampOf()).toBe('2026-03-02T09:30:00.000Z');
    expect(await timed.getReference('conv-r')).toEqual({ ...ref, serviceUrl: 'https://moved/' });
    clock = new Date('2026-03-02T10:31:00Z');
    await timed.saveReference('conv-r', { ...ref, serviceUrl: 'https://moved/' });
    expect(await stampOf()).toBe('2026-03-02T10:31:00.000Z');
  });

  it('keeps follow-up memory (ids and the attribute only) until it expires', async () => {
    let clock = new Date('2026-03-02T10:00:00Z');
    const timed = createStateStore(db, () => clock);
    const memory = { recordIds: ['city-hackney.executive'], attr: 'chair', partnership: 'city-hackney' as const, at: 'ignored' };
    await timed.saveMemory('conv:a', memory, 30);
    await timed.saveMemory('conv:b', { recordIds: ['harrow.hscb'], partnership: null, at: 'x' }, 30);
    expect(await timed.getMemory('conv:a', 30)).toEqual({ ...memory, at: '2026-03-02T10:00:00.000Z' });
    expect(await timed.getMemory('conv:b', 30)).toEqual({ recordIds: ['harrow.hscb'], partnership: null, at: '2026-03-02T10:00:00.000Z' });
    expect(await timed.getMemory('conv:a', 0)).toBeNull();
    clock = new Date('2026-03-02T10:29:00Z');
    expect(await timed.getMemory('conv:a', 30)).not.toBeNull();
    await timed.saveMemory('conv:a', { ...memory, attr: 'cadence' }, 30);
    clock = new Date('2026-03-02T10:45:00Z');
    expect((await timed.getMemory('conv:a', 30))?.attr).toBe('cadence');
    expect(await timed.getMemory('conv:b', 30)).toBeNull();
    // Saving sweeps expired rows: nothing stale is left behind in the table.
    await timed.saveMemory('conv:c', memory, 30);
    const keys = await db.all<{ memory_key: string }>('SELECT memory_key FROM conversation_memory ORDER BY memory_key');
    expect(keys.map((k) => k.memory_key)).toEqual(['conv:a', 'conv:c']);
  });

  it('saves an answered turn (memory and answer message) together, or neither', async () => {
    const timed = createStateStore(db, () => new Date('2026-03-03T08:00:00Z'));
    const memory = { recordIds: ['harrow.hscb'], attr: 'chair', partnership: 'harrow' as const, at: 'x' };
    const message = {
      conversationId: 'turn:c',
      activityId: 'act-t1',
      answerId: 'ans-t1',
      recordIds: ['harrow.hscb'],
      questionHash: 'h',
      questionText: null,
      answerKind: 'fact',
      partnership: 'harrow',
    };
    await timed.saveAnsweredTurn({ memory: { key: 'turn:m1', memory, maxMinutes: 30 }, answerMessage: message });
    expect((await timed.getMemory('turn:m1', 30))?.attr).toBe('chair');
    expect((await timed.getAnswerMessage('turn:c', 'act-t1'))?.answerId).toBe('ans-t1');
    // A write that fails (here: an answer kind missing, NOT NULL) rolls back the memory written before it.
    const broken = { ...message, activityId: 'act-t2', answerKind: null as unknown as string };
    await expect(timed.saveAnsweredTurn({ memory: { key: 'turn:m2', memory, maxMinutes: 30 }, answerMessage: broken })).rejects.toThrow();
    expect(await timed.getMemory('turn:m2', 30)).toBeNull();
    // Only a memory (not in Teams), and nothing at all, are fine too.
    await timed.saveAnsweredTurn({ memory: { key: 'turn:m3', memory, maxMinutes: 30 } });
    expect(await timed.getMemory('turn:m3', 30)).not.toBeNull();
    await timed.saveAnsweredTurn({});
  });

  it('commits an answered turn without waiting for the disk, and only that commit', async () => {
    // The test cluster runs with synchronous_commit off for speed: this database is set back to on.
    let handle = db;
    if (db.dialect === 'postgres') {
      const [{ name }] = (await db.all<{ name: string }>('SELECT current_database() AS name')) as [{ name: string }];
      await db.run(`ALTER DATABASE "${name}" SET synchronous_commit TO on`);
      handle = await openDatabase(dbUrl);
    }
    const level = async (on: Database) =>
      on.dialect === 'sqlite'
        ? (await on.all<{ synchronous: number }>('PRAGMA synchronous'))[0]?.synchronous
        : (await on.all<{ synchronous_commit: string }>('SHOW synchronous_commit'))[0]?.synchronous_commit;
    const durable = db.dialect === 'sqlite' ? 2 : 'on';
    expect(await level(handle)).toBe(durable);
    const inside: unknown[] = [];
    const insert = (tx: Database, key: string) =>
      tx.run('INSERT INTO conversation_memory (memory_key, record_ids, attr, partnership, at) VALUES ($1, $2, $3, $4, $5)', [
        key,
        '[]',
        null,
        null,
        new Date().toISOString(),
      ]);
    await handle.transaction(
      async (tx) => {
        if (tx.dialect === 'postgres') inside.push(await level(tx));
        await insert(tx, 'relaxed:1');
      },
      { relaxed: true },
    );
    // A relaxed transaction that fails leaves the level as it was too.
    await expect(
      handle.transaction(
        async (tx) => {
          await insert(tx, 'relaxed:2');
          throw new Error('fails after a write');
        },
        { relaxed: true },
      ),
    ).rejects.toThrow('fails after a write');
    if (db.dialect === 'postgres') expect(inside).toEqual(['off']);
    expect(await level(handle)).toBe(durable);
    expect(await handle.all('SELECT memory_key FROM conversation_memory WHERE memory_key LIKE $1', ['relaxed:%'])).toEqual([{ memory_key: 'relaxed:1' }]);
    if (handle !== db) await handle.close();
  });

  it('remembers which answer a Teams message was, for its feedback buttons', async () => {
    const m = {
      conversationId: 'a:c',
      activityId: 'act-1',
      answerId: 'ans-9',
      recordIds: ['harrow.hscb'],
      questionHash: 'h',
      questionText: null,
      answerKind: 'fact',
      partnership: 'harrow',
    };
    await store.saveAnswerMessage(m);
    await store.saveAnswerMessage({ ...m, answerId: 'ans-other' });
    expect(await store.getAnswerMessage('a:c', 'act-1')).toEqual(m);
    expect(await store.getAnswerMessage('a:other', 'act-1')).toBeNull();
    await store.recordFeedback({
      answerId: 'ans-9',
      voterHash: 'v',
      helpful: false,
      recordIds: ['harrow.hscb'],
      questionHash: 'h',
      questionText: null,
      answerKind: 'fact',
      partnership: 'harrow',
      comment: 'too vague',
    });
    expect((await store.listFeedback()).find((r) => r.answerId === 'ans-9')?.comment).toBe('too vague');
  });
});
