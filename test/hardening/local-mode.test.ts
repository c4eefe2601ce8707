/**
 * Local development mode is unauthenticated, so it must not be drivable from a web page: only
 * requests addressed to a loopback Host (and, from a browser, a loopback Origin) are answered,
 * only JSON bodies are read, and ids that would escape the conversation's URL path are refused.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message, startBot, type BotUnderTest } from '../support/bot-server.ts';

let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(async () => {
  await bot.close();
});

function rawRequest(method: string, path: string, headers: Record<string, string>, body?: string): Promise<number> {
  const url = new URL(bot.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('Host and Origin', () => {
  it.each([
    ['a rebinding name', { host: 'attacker.example' }],
    ['a rebinding name with the port', { host: `attacker.example:${new URL('http://x:1').port}` }],
    ['a private address', { host: '192.168.1.10:3978' }],
    ['a loopback Host but a foreign Origin', { host: 'localhost', origin: 'https://attacker.example' }],
    ['a loopback Host but a null Origin', { host: 'localhost', origin: 'null' }],
  ])('%s gets 403 on every route', async (_name, headers) => {
    bot.connector.clear();
    const body = JSON.stringify(message(bot.connector, 'help'));
    expect(await rawRequest('POST', '/api/messages', { ...headers, 'content-type': 'application/json' }, body)).toBe(403);
    expect(await rawRequest('GET', '/healthz', headers)).toBe(403);
    expect(await rawRequest('POST', '/v3/directline/conversations', { ...headers, 'content-type': 'application/json' }, '{}')).toBe(403);
    expect(bot.connector.sent).toHaveLength(0);
  });

  it.each([
    ['127.0.0.1 with the port', (port: string) => ({ host: `127.0.0.1:${port}` })],
    ['localhost', () => ({ host: 'localhost' })],
    ['[::1]', (port: string) => ({ host: `[::1]:${port}` })],
    ['a loopback Origin', (port: string) => ({ host: `localhost:${port}`, origin: `http://localhost:${port}` })],
  ])('%s is answered', async (_name, headers) => {
    bot.connector.clear();
    const port = new URL(bot.url).port;
    const body = JSON.stringify(message(bot.connector, 'help'));
    expect(await rawRequest('POST', '/api/messages', { ...headers(port), 'content-type': 'application/json' }, body)).toBe(200);
    expect(bot.connector.sent).toHaveLength(1);
  });

  it('a cross-origin form post (no preflight) is refused with 415 and does nothing', async () => {
    bot.connector.clear();
    const status = await rawRequest(
      'POST',
      '/api/messages',
      { host: 'localhost', 'content-type': 'text/plain' },
      JSON.stringify(message(bot.connector, 'help')),
    );
    expect(status).toBe(415);
    expect(bot.connector.sent).toHaveLength(0);
  });
});

describe('ids that become URL path segments', () => {
  it.each([
    ['conversation id ".."', { conversation: { id: '..' } }],
    ['conversation id "."', { conversation: { id: '.' } }],
    ['conversation id with a slash', { conversation: { id: 'a/../../v3/conversations/other' } }],
    ['conversation id with a backslash', { conversation: { id: 'a\\b' } }],
    ['activity id ".."', { id: '..' }],
    ['replyToId with a slash', { replyToId: 'x/y' }],
  ])('%s is refused with 400 and nothing is sent', async (_name, patch) => {
    bot.connector.clear();
    const res = await bot.send({ ...message(bot.connector, 'help'), ...patch });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('BAD_REQUEST');
    expect(bot.connector.sent).toHaveLength(0);
  });

  it('Teams-shaped ids still pass', async () => {
    bot.connector.clear();
    const res = await bot.send({
      ...message(bot.connector, 'help', { conversationId: '19:abc-DEF_123@thread.tacv2;messageid=1700000000000' }),
      id: '1700000000001',
    });
    expect(res.status).toBe(200);
    expect(bot.connector.sent).toHaveLength(1);
  });
});
