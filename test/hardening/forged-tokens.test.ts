/**
 * Forged, expired and misaddressed tokens get 401 (no stack, nothing reaches the bot); a key
 * endpoint that is down or black-holed gets 503 with its own log code, in bounded time. The
 * keys are served by a loopback OpenID metadata + JWKS endpoint, so everything runs offline.
 */
import { createHmac, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message, startBot, type BotUnderTest } from '../support/bot-server.ts';

const APP_ID = '11111111-2222-4333-8444-555555555555';
const ISSUER = 'https://api.botframework.com';
const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

function rs256(key: KeyObject, kid: string, claims: Record<string, unknown>): string {
  const head = `${b64({ alg: 'RS256', typ: 'JWT', kid })}.${b64(claims)}`;
  return `${head}.${sign('RSA-SHA256', Buffer.from(head), key).toString('base64url')}`;
}

const now = () => Math.floor(Date.now() / 1000);
const goodClaims = () => ({ iss: ISSUER, aud: APP_ID, nbf: now() - 60, exp: now() + 3600, serviceurl: 'http://127.0.0.1:9/' });

const trusted = generateKeyPairSync('rsa', { modulusLength: 2048 });
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });

async function keyEndpoint(): Promise<{ url: string; close: () => Promise<void> }> {
  const jwk = trusted.publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  const server: Server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/openid') res.end(JSON.stringify({ issuer: ISSUER, jwks_uri: `${base}/keys` }));
    else if (req.url === '/keys')
      res.end(JSON.stringify({ keys: [{ kty: 'RSA', use: 'sig', kid: 'trusted', n: jwk.n, e: jwk.e, endorsements: ['msteams'] }] }));
    else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/openid`, close: () => new Promise((r) => server.close(() => r())) };
}

const env = (metadata: string) => ({
  MicrosoftAppId: APP_ID,
  MicrosoftAppPassword: 'test-secret-not-real',
  HOST: '127.0.0.1',
  BOT_OPENID_METADATA_URL: metadata,
});

describe('forged tokens against a reachable key endpoint', () => {
  let keys: Awaited<ReturnType<typeof keyEndpoint>>;
  let bot: BotUnderTest;
  beforeAll(async () => {
    keys = await keyEndpoint();
    bot = await startBot({ env: env(keys.url) });
  });
  afterAll(async () => {
    await bot.close();
    await keys.close();
  });

  const forged: Array<[string, () => string]> = [
    ['alg none', () => `${b64({ alg: 'none', typ: 'JWT', kid: 'trusted' })}.${b64(goodClaims())}.`],
    [
      'HS256 with a guessed key',
      () => {
        const head = `${b64({ alg: 'HS256', typ: 'JWT', kid: 'trusted' })}.${b64(goodClaims())}`;
        return `${head}.${createHmac('sha256', 'secret').update(head).digest('base64url')}`;
      },
    ],
    ['a self-signed RS256 key the endpoint does not publish', () => rs256(stranger.privateKey, 'stranger', goodClaims())],
    ['a self-signed RS256 key claiming the trusted kid', () => rs256(stranger.privateKey, 'trusted', goodClaims())],
    ['an expired token', () => rs256(trusted.privateKey, 'trusted', { ...goodClaims(), nbf: now() - 7200, exp: now() - 3600 })],
    ['the wrong audience', () => rs256(trusted.privateKey, 'trusted', { ...goodClaims(), aud: 'someone-else' })],
    ['garbage', () => 'a.b.c'],
  ];

  it.each(forged)('%s: 401, logged as an invalid token without a stack, and the bot does nothing', async (_name, token) => {
    bot.connector.clear();
    const before = bot.logs.length;
    const res = await bot.send(message(bot.connector, 'help'), { authorization: `Bearer ${token()}` });
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('UNAUTHORIZED');
    expect(bot.connector.sent).toHaveLength(0);
    const lines = bot.logs.slice(before).map((l) => JSON.parse(l));
    const rejected = lines.find((l) => l.event === 'auth.rejected');
    expect(rejected).toMatchObject({ code: 'AUTH_INVALID_TOKEN' });
    expect(lines.some((l) => l.stack || l.event === 'activity.failed')).toBe(false);
  });
});

describe('a key endpoint that cannot be reached', () => {
  it('refused: 503 with AUTH_KEYS_UNREACHABLE, quickly', async () => {
    const closed = await new Promise<number>((r) => {
      const s = createTcpServer().listen(0, '127.0.0.1', () => {
        const port = (s.address() as AddressInfo).port;
        s.close(() => r(port));
      });
    });
    const bot = await startBot({ env: env(`http://127.0.0.1:${closed}/openid`) });
    try {
      const res = await bot.send(message(bot.connector, 'help'), { authorization: `Bearer ${rs256(trusted.privateKey, 'trusted', goodClaims())}` });
      expect(res.status, bot.logs.filter((l) => l.includes('auth')).join('\n')).toBe(503);
      expect(res.body.error).toBe('AUTH_UNAVAILABLE');
      const line = bot.logs.map((l) => JSON.parse(l)).find((l) => l.event === 'auth.unverifiable');
      expect(line).toMatchObject({ code: 'AUTH_KEYS_UNREACHABLE' });
      expect(bot.connector.sent).toHaveLength(0);
    } finally {
      await bot.close();
    }
  });

  it('black-holed: 503 with AUTH_KEYS_TIMEOUT within the auth deadline', async () => {
    const sockets = new Set<Socket>();
    const hole = createTcpServer((s) => {
      sockets.add(s);
      s.on('error', () => undefined);
    });
    await new Promise<void>((r) => hole.listen(0, '127.0.0.1', r));
    const bot = await startBot({ env: env(`http://127.0.0.1:${(hole.address() as AddressInfo).port}/openid`) });
    try {
      const t = performance.now();
      const res = await bot.send(message(bot.connector, 'help'), { authorization: `Bearer ${rs256(trusted.privateKey, 'trusted', goodClaims())}` });
      expect(res.status).toBe(503);
      expect(performance.now() - t).toBeLessThan(7000);
      const line = bot.logs.map((l) => JSON.parse(l)).find((l) => l.event === 'auth.unverifiable');
      expect(line).toMatchObject({ code: 'AUTH_KEYS_TIMEOUT' });
    } finally {
      await bot.close();
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => hole.close(() => r()));
    }
  });
});
