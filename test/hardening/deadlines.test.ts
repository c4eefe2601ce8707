/**
 * Deadlines on outgoing calls: a connector that never answers, one that always fails, one that
 * asks to be retried much later, and a PostgreSQL that freezes (a partition, not a clean stop).
 * The inbound request is answered in bounded time, sockets are not leaked, /healthz answers
 * 503 within a second when storage does not answer.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message, startBot, type BotUnderTest, type FakeConnector } from '../support/bot-server.ts';
import { startTestPostgres, type TestPostgres } from '../../devkit/postgres.ts';
import { startReminderConnector, type ReminderConnector } from '../../devkit/reminder-connector.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';

/** Accepts connections and reads the request, never answers. */
async function blackHole(): Promise<{ url: string; open: () => number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((s) => {
    sockets.add(s);
    s.on('data', () => undefined);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    open: () => sockets.size,
    close: () =>
      new Promise((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

const elapsed = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const v = await f();
  return [v, performance.now() - t];
};

describe('a connector that never answers', () => {
  it('the inbound request is answered by the turn deadline, and no socket is left open', async () => {
    const hole = await blackHole();
    const bot = await startBot({ env: { TURN_DEADLINE_MS: '2000' } });
    try {
      const [res, ms] = await elapsed(() => bot.send({ ...message(bot.connector, 'help'), serviceUrl: hole.url }));
      expect(res.status).toBe(202);
      expect(ms).toBeLessThan(4000);
      expect(bot.logs.some((l) => l.includes('"event":"turn.deadline"'))).toBe(true);
      // The turn goes on in the background; each call's own deadline (5 s) ends it and closes the socket.
      await new Promise((r) => setTimeout(r, 11_500));
      expect(hole.open()).toBe(0);
    } finally {
      await bot.close();
      await hole.close();
    }
  }, 30_000);
});

describe('a failing or throttling connector', () => {
  let connector: ReminderConnector;
  let bot: BotUnderTest;
  beforeAll(async () => {
    connector = await startReminderConnector();
    bot = await startBot({ connector: connector as unknown as FakeConnector });
  });
  afterAll(async () => {
    await bot.close();
    await connector.close();
  });

  it('503 every time: a bounded number of attempts, quickly', async () => {
    connector.clear();
    const m = message(connector, 'help', { conversationId: 'a:always-503' });
    connector.always('a:always-503', { status: 503 });
    const [res, ms] = await elapsed(() => bot.send(m));
    connector.always('a:always-503', null);
    expect(res.status).toBe(200);
    // The help card (3 attempts) and the "sorry" after the turn error (3 attempts): 6, not 8+ per send.
    expect(connector.posts.length).toBeLessThanOrEqual(6);
    expect(connector.posts.length).toBeGreaterThanOrEqual(2);
    expect(ms).toBeLessThan(5000);
  });

  it('a Retry-After within the cap is honoured, then the reply goes through', async () => {
    connector.clear();
    connector.script('a:retry-1', [{ status: 429, retryAfter: '1' }]);
    const [res, ms] = await elapsed(() => bot.send(message(connector, 'help', { conversationId: 'a:retry-1' })));
    expect(res.status).toBe(200);
    expect(connector.posts.map((p) => p.status)).toEqual([429, 200]);
    expect(ms).toBeGreaterThanOrEqual(950);
  });

  it('a Retry-After of 30 s is not waited for: the user is not held 30 s', async () => {
    connector.clear();
    connector.script('a:retry-30', [
      { status: 429, retryAfter: '30' },
      { status: 429, retryAfter: '30' },
    ]);
    const [res, ms] = await elapsed(() => bot.send(message(connector, 'help', { conversationId: 'a:retry-30' })));
    expect(res.status).toBe(200);
    expect(ms).toBeLessThan(3000);
    expect(connector.posts.filter((p) => p.status === 429).length).toBe(2);
  });
});

describe('a PostgreSQL that freezes', () => {
  let pg: TestPostgres;
  let proxy: TcpProxy;
  let bot: BotUnderTest;
  beforeAll(async () => {
    pg = await startTestPostgres();
    const url = new URL(await pg.createDatabase());
    proxy = await startTcpProxy(url.hostname, Number(url.port));
    url.port = String(proxy.port);
    bot = await startBot({ env: { STORAGE_URL: url.toString(), STORAGE_TIMEOUT_MS: '1500' } });
  });
  afterAll(async () => {
    proxy.thaw();
    await bot?.close();
    await proxy?.close();
    await pg?.stop();
  });

  it('/healthz says 503 within a second, turns fail in bounded time, and all recovers when it thaws', async () => {
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    proxy.freeze();
    const [health, healthMs] = await elapsed(() => fetch(`${bot.url}/healthz`));
    expect(health.status).toBe(503);
    expect(healthMs).toBeLessThan(1500);
    const [res, turnMs] = await elapsed(() => bot.send(message(bot.connector, 'who chairs the Harrow board?')));
    expect(res.status).toBeLessThan(300);
    expect(turnMs).toBeLessThan(bot.config.turnDeadlineMs + 1000);
    proxy.thaw();
    // Broken connections are dropped from the pool; new ones work.
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await fetch(`${bot.url}/healthz`)).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
  }, 60_000);
});
