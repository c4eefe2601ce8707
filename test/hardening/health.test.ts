/**
 * Probes as Azure App Service and Container Apps expect them: /health/live (the process
 * answers), /health/ready (storage answers and takes writes, the reminder scheduler runs),
 * /healthz kept as an alias. (A stuck or crashed scheduler: test/reminders/scheduler-status.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type BotUnderTest } from '../support/bot-server.ts';

let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBot();
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
