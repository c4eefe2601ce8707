/**
 * Storage faults: on a full SQLite database questions are still answered (the conversation
 * reference is written after the answer and its failure tolerated), /healthz reports the full
 * or read-only storage, and storage that cannot be opened at start stops the process with
 * exit code 78 and one readable line.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message, startBot, type BotUnderTest } from '../support/bot-server.ts';

describe('a full SQLite database', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(async () => {
    await bot.close();
  });

  it('answers every question, and /healthz says 503 "full" until writes succeed again', async () => {
    const db = bot.running.services.db;
    const pages = (await db.all<{ page_count: number }>('PRAGMA page_count'))[0]!.page_count;
    // SQLite's own limit on this connection: a write that needs one more page fails with SQLITE_FULL,
    // exactly as on a full disk.
    await db.all(`PRAGMA max_page_count = ${pages}`);
    let answered = 0;
    for (let i = 0; i < 40; i++) {
      bot.connector.clear();
      const res = await bot.send(message(bot.connector, 'what does MASH stand for?', { conversationId: `a:conversation-${i}-${'x'.repeat(400)}` }));
      expect(res.status).toBe(200);
      if (bot.connector.sent.some((s) => JSON.stringify(s.activity).match(/Multi.Agency Safeguarding Hub/))) answered++;
    }
    expect(answered).toBe(40);
    expect(bot.logs.some((l) => l.includes('"event":"reference.save_failed"') && l.includes('SQLITE_FULL'))).toBe(true);
    const health = await fetch(`${bot.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'unavailable', problem: 'full' });

    await db.all('PRAGMA max_page_count = 1073741823');
    await bot.send(message(bot.connector, 'what does MASH stand for?', { conversationId: 'a:after' }));
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });

  it('a read-only database is reported as such', async () => {
    const db = bot.running.services.db;
    await db.all('PRAGMA query_only = 1');
    try {
      await bot.send(message(bot.connector, 'what does MASH stand for?', { conversationId: 'a:read-only' }));
      const health = await fetch(`${bot.url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ problem: expect.stringMatching(/read-only|io-error/) });
    } finally {
      await db.all('PRAGMA query_only = 0');
    }
  });
});

describe('storage that cannot be opened at start', () => {
  const ROOT = path.resolve(import.meta.dirname, '../..');
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'storage-start-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function run(storageUrl: string): Promise<{ code: number | null; stderr: string; stdout: string }> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', PORT: '0', STORAGE_URL: storageUrl, STORAGE_TIMEOUT_MS: '1500' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr, stdout })));
  }

  // Concurrent: each is a cold start of the real process (slow on a shared 2-core machine).
  it.concurrent.each([
    [
      'a SQLite path under a regular file',
      () => {
        writeFileSync(path.join(dir, 'plain-file'), 'not a directory');
        return `sqlite:${path.join(dir, 'plain-file', 'data', 'bot.db')}`;
      },
    ],
    ['a SQLite path that is a directory', () => `sqlite:${dir}`],
    ['a PostgreSQL that refuses connections', () => 'postgres://bot:s3cret-not-real@127.0.0.1:1/bot'],
  ])(
    '%s: exit 78 with one readable line, no stack, no password',
    async (_name, url) => {
      const { code, stderr, stdout } = await run(url());
      expect(code).toBe(78);
      expect(stderr).toMatch(/^Cannot start: .*(storage|SQLite)/m);
      expect(stderr + stdout).not.toMatch(/\n\s+at /);
      expect(stderr + stdout).not.toContain('s3cret-not-real');
    },
    180_000,
  );
});
