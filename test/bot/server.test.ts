/**
 * The HTTP surface: health, authentication when an app id is set, the body size limit,
 * malformed activities, tenant restriction, the hook for other routes, graceful shutdown,
 * and logs that never contain what people typed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { openDatabase } from '../../storage/database.ts';
import { cardOf, cardTexts, message, realEngine, startBot, TENANT, type BotUnderTest } from '../support/bot-server.ts';

describe('local development mode (no app id)', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(async () => {
    await bot.close();
  });

  it('listens on 127.0.0.1 only and says so loudly in the log', () => {
    expect((bot.running.server.address() as AddressInfo).address).toBe('127.0.0.1');
    const warning = bot.logs.map((l) => JSON.parse(l)).find((l) => l.event === 'dev-mode');
    expect(warning.level).toBe(40);
    expect(warning.msg).toMatch(/NOT authenticated/);
  });

  it('GET /healthz reports ok with the storage it checked', async () => {
    const res = await fetch(`${bot.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', mode: 'local-development', storage: 'sqlite' });
  });

  it.each([
    ['a body that is not JSON', '{"type": "message", ', /not valid JSON/],
    ['a JSON array', '[1, 2]', /must be a JSON object/],
    ['a JSON string', '"hello"', /must be a JSON object/],
    ['an activity without a conversation', JSON.stringify({ type: 'message', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:9/' }), /conversation/],
    ['an activity without a type', JSON.stringify({ channelId: 'msteams', serviceUrl: 'http://127.0.0.1:9/', conversation: { id: 'c' } }), /type/],
    [
      'a serviceUrl that is not a URL',
      JSON.stringify({ type: 'message', channelId: 'msteams', serviceUrl: 'javascript:alert(1)', conversation: { id: 'c' } }),
      /serviceUrl/,
    ],
  ])('answers %s with 400 and a clear JSON message', async (_name, body, why) => {
    const res = await bot.post(body);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('BAD_REQUEST');
    expect(res.body.message).toMatch(why);
    // ...and is still serving.
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });

  it('answers a body over MAX_BODY_BYTES with 413', async () => {
    const big = JSON.stringify({ ...message(bot.connector, 'x'), text: 'a'.repeat(bot.config.maxBodyBytes + 10) });
    const res = await bot.post(big);
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ error: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/larger than the limit/) });
    expect(bot.connector.sent).toHaveLength(0);
  });

  it('never writes message text into the logs', async () => {
    const secret = 'Who chairs the Harrow Strategic Safeguarding Partnership? zebra-marker';
    await bot.send(message(bot.connector, secret));
    await bot.send(message(bot.connector, 'ask a lead zebra-marker question'));
    expect(bot.connector.sent.length).toBeGreaterThan(0);
    const all = bot.logs.join('\n');
    expect(all).toContain('"event":"answer"');
    expect(all).not.toContain('zebra-marker');
    expect(all).not.toContain('Strategic Safeguarding');
  });
});

describe('authenticated mode (app id set)', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await startBot({ env: { MicrosoftAppId: '11111111-2222-4333-8444-555555555555', MicrosoftAppPassword: 'test-secret-not-real', HOST: '127.0.0.1' } });
  });
  afterAll(async () => {
    await bot.close();
  });

  it.each([
    ['no Authorization header', {}],
    ['a token that is not a JWT', { authorization: 'Bearer not-a-real-token' }],
  ])('rejects an activity with %s: 401, and the bot does nothing', async (_name, headers) => {
    const res = await bot.send(message(bot.connector, 'help'), headers);
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('UNAUTHORIZED');
    expect(bot.connector.sent).toHaveLength(0);
  });

  it('still answers health checks', async () => {
    const res = await fetch(`${bot.url}/healthz`);
    expect(await res.json()).toMatchObject({ status: 'ok', mode: 'authenticated' });
  });
});

describe('tenant restriction', () => {
  it('ignores activities from tenants not in ALLOWED_TENANT_IDS', async () => {
    const bot = await startBot({ env: { ALLOWED_TENANT_IDS: `${TENANT}, another-tenant` } });
    try {
      await bot.send(message(bot.connector, 'help'));
      expect(bot.connector.sent).toHaveLength(1);
      bot.connector.clear();
      const foreign = message(bot.connector, 'help') as Record<string, any>;
      foreign.channelData = { tenant: { id: 'some-other-tenant' } };
      foreign.conversation = { ...foreign.conversation, tenantId: 'some-other-tenant' };
      expect((await bot.send(foreign)).status).toBe(200);
      expect(bot.connector.sent).toHaveLength(0);
    } finally {
      await bot.close();
    }
  });
});

describe('the extra-routes hook (used by the local Web Chat page)', () => {
  it('registers routes before listening and runs activities in-process with expectReplies', async () => {
    const bot = await startBot({
      options: {
        extraRoutes: (server, ctx) => {
          server.post('/test/ask', async (_req, res) => {
            const result = await ctx.processActivity({ ...message({ url: 'http://127.0.0.1:9/' } as never, 'help'), deliveryMode: 'expectReplies' });
            res.send(200, { baseUrl: ctx.baseUrl(), result });
          });
        },
      },
    });
    try {
      const res = await fetch(`${bot.url}/test/ask`, { method: 'POST' });
      const body = (await res.json()) as { baseUrl: string; result: { body: { activities: unknown[] } } };
      expect(body.baseUrl).toBe(bot.url);
      const [reply] = body.result.body.activities as Array<Record<string, any>>;
      expect(cardTexts(cardOf(reply!))).toContain('What I can do');
    } finally {
      await bot.close();
    }
  });
});

describe('graceful shutdown', () => {
  it('finishes, stops accepting connections and closes storage', async () => {
    const bot = await startBot();
    await bot.send(message(bot.connector, 'partnership harrow'));
    const url = bot.url;
    await bot.running.close();
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    // Storage was closed cleanly: the file opens again with the data in it.
    const db = await openDatabase(`sqlite:${bot.dbFile}`);
    const rows = await db.all<{ partnership: string }>('SELECT partnership FROM partnership_choice');
    await db.close();
    expect(rows.map((r) => r.partnership)).toEqual(['harrow']);
    await bot.close(); // idempotent
  });

  it('lets an in-flight request finish before closing', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    let started: () => void = () => undefined;
    const inside = new Promise<void>((r) => (started = r));
    const slowEngine = {
      async answer(q: string, ctx?: Parameters<ReturnType<typeof realEngine>['answer']>[1]) {
        started();
        await gate;
        return realEngine().answer(q, ctx);
      },
    };
    const slow = await startBot({ engine: slowEngine, env: { STORAGE_URL: 'sqlite::memory:', LOG_LEVEL: 'silent' } });
    const { running, connector } = slow;
    try {
      const pending = fetch(`${running.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(message(connector, 'What does MASH stand for?')),
      });
      await inside;
      const closing = running.close();
      release();
      const res = await pending;
      expect(res.status).toBe(200);
      await closing;
      expect(connector.sent).toHaveLength(1);
    } finally {
      await slow.close();
    }
  });
});
