/**
 * Probes as Azure App Service and Container Apps expect them: /health/live (the process
 * answers), /health/ready (storage answers and takes writes, the reminder scheduler runs),
 * /healthz kept as an alias. (Scheduler states in detail: test/reminders/scheduler-status.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type BotUnderTest } from '../support/bot-server.ts';

let bot: BotUnderTest;
beforeAll(async () => {
  // A 1 s poll and the smallest storage timeout: a stuck scheduler is reported after 3 polls + 10 s post deadline + 0.1 s.
  bot = await startBot({ env: { REMINDER_POLL_SECONDS: '1', STORAGE_TIMEOUT_MS: '100' } });
});
afterAll(async () => {
  await bot.close();
});

describe('health endpoints', () => {
  it('/health/live answers 200', async () => {
    const res = await fetch(`${bot.url}/health/live`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'live' });
  });

  it('/health/ready and /healthz answer the same readiness check', async () => {
    for (const path of ['/health/ready', '/healthz']) {
      const res = await fetch(`${bot.url}${path}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok', mode: 'local-development', storage: 'sqlite' });
    }
  });

  it('readiness fails while the reminder scheduler is stuck in a pass, and recovers when it moves again', async () => {
    // Every reminder query now waits on the gate: the scheduler's next pass hangs, as on a wedged connection.
    const db = bot.running.services.db;
    const all = db.all.bind(db);
    let open!: () => void;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    db.all = (async (sql: string, params?: readonly unknown[]) => {
      if (sql.includes('reminder')) await gate;
      return all(sql, params as never);
    }) as typeof db.all;
    try {
      const stuckBy = Date.now() + 3 * 1_000 + 10_000 + 100 + 1_500;
      await new Promise((r) => setTimeout(r, 4_000));
      expect((await fetch(`${bot.url}/health/ready`)).status).toBe(200); // a slow post is not a stuck loop
      await new Promise((r) => setTimeout(r, Math.max(0, stuckBy - Date.now())));
      const res = await fetch(`${bot.url}/health/ready`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'unavailable', storage: 'sqlite', problem: 'reminder-scheduler-stalled' });
      expect((await fetch(`${bot.url}/health/live`)).status).toBe(200);
    } finally {
      open();
      db.all = all;
    }
    let status = 0;
    for (const end = Date.now() + 5_000; status !== 200 && Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
      status = (await fetch(`${bot.url}/health/ready`)).status;
    }
    expect(status).toBe(200);
  });

  it('readiness fails with a clear problem, liveness does not, once the reminder scheduler has stopped', async () => {
    expect(bot.running.background.get('reminders')!.problem(new Date())).toBeNull();
    await bot.running.background.get('reminders')!.stop();
    for (const path of ['/health/ready', '/healthz']) {
      const res = await fetch(`${bot.url}${path}`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: 'unavailable', storage: 'sqlite', problem: 'reminder-scheduler-stopped' });
    }
    expect((await fetch(`${bot.url}/health/live`)).status).toBe(200);
    expect(bot.logs.some((l) => l.includes('"event":"health.background"') && l.includes('"feature":"reminders"'))).toBe(true);
  });

  it('readiness fails, liveness does not, when storage is closed', async () => {
    await bot.running.services.db.close();
    expect((await fetch(`${bot.url}/health/ready`)).status).toBe(503);
    expect((await fetch(`${bot.url}/health/live`)).status).toBe(200);
  });
});
