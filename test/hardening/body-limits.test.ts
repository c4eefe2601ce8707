/**
 * The HTTP edge refuses hostile bodies without crashing, without inflating them past the limit
 * and without touching the disk: bad gzip, gzip bombs, unknown encodings, forms, multipart,
 * deep nesting. Everything goes over real HTTP to the real server.
 */
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync, deflateSync, brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message, startBot, type BotUnderTest } from '../support/bot-server.ts';

let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(async () => {
  await bot.close();
});

async function raw(body: Buffer | string, headers: Record<string, string>): Promise<{ status: number; body: any }> {
  const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers, body: typeof body === 'string' ? body : new Uint8Array(body) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* keep text */
  }
  return { status: res.status, body: parsed };
}

async function healthy(): Promise<void> {
  expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
}

const json = { 'content-type': 'application/json' };

describe('Content-Encoding', () => {
  it.each([
    ['gzip', 'not gzip at all'],
    ['gzip', Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00])],
    ['deflate', 'not deflate'],
    ['br', Buffer.from([0xff, 0xff, 0xff, 0xff])],
  ])('a body that is not valid %s gets 400 and the process stays up', async (encoding, body) => {
    for (let i = 0; i < 20; i++) {
      const res = await raw(typeof body === 'string' ? Buffer.from(body) : body, { ...json, 'content-encoding': encoding });
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('BAD_REQUEST');
    }
    await healthy();
  });

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ])('a valid %s activity is decoded and answered', async (encoding, compress) => {
    bot.connector.clear();
    const res = await raw(compress(Buffer.from(JSON.stringify(message(bot.connector, 'help')))), { ...json, 'content-encoding': encoding });
    expect(res.status).toBe(200);
    expect(bot.connector.sent).toHaveLength(1);
  });

  it('an unknown encoding gets 415', async () => {
    const res = await raw(JSON.stringify(message(bot.connector, 'help')), { ...json, 'content-encoding': 'compress' });
    expect(res.status).toBe(415);
    expect(res.body.error).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('counts inflated bytes: a 200 MB gzip bomb is refused with 413 without the memory to hold it', async () => {
    // 200 gzip members of 1 MB of zeros each: about 200 KB on the wire, 200 MB inflated.
    const member = gzipSync(Buffer.alloc(1024 * 1024));
    const bomb = Buffer.concat(Array.from({ length: 200 }, () => member));
    expect(bomb.length).toBeLessThan(bot.config.maxBodyBytes);
    global.gc?.();
    const before = process.memoryUsage().rss;
    const results = await Promise.all(Array.from({ length: 4 }, () => raw(bomb, { ...json, 'content-encoding': 'gzip' })));
    const grew = process.memoryUsage().rss - before;
    for (const r of results) {
      expect(r.status).toBe(413);
      expect(r.body.error).toBe('PAYLOAD_TOO_LARGE');
    }
    // Four bombs at once held at most a limit's worth each (plus zlib's buffers), nowhere near 800 MB.
    expect(grew).toBeLessThan(64 * 1024 * 1024);
    await healthy();
  });
});

describe('Content-Type', () => {
  it.each([
    ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhello\r\n--x--\r\n'],
    ['application/x-www-form-urlencoded', 'type=message&text=hello'],
    ['text/plain', JSON.stringify({ type: 'message' })],
    ['application/json; charset=latin1', JSON.stringify({ type: 'message' })],
  ])('%s is refused with 415 and nothing is written to the temp folder', async (type, body) => {
    const uploadsBefore = readdirSync(tmpdir()).filter((f) => f.startsWith('upload_')).length;
    const res = await raw(body, { 'content-type': type });
    expect(res.status).toBe(415);
    expect(res.body.error).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith('upload_')).length).toBe(uploadsBefore);
    expect(bot.connector.sent.filter((s) => s.activity.text === 'hello')).toHaveLength(0);
  });

  it('a missing content type is refused with 415', async () => {
    const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', body: new Uint8Array(Buffer.from(JSON.stringify(message(bot.connector, 'help')))) });
    expect(res.status).toBe(415);
  });

  it('application/json with a UTF-8 charset is accepted', async () => {
    bot.connector.clear();
    const res = await raw(JSON.stringify(message(bot.connector, 'help')), { 'content-type': 'application/json; charset=utf-8' });
    expect(res.status).toBe(200);
    expect(bot.connector.sent).toHaveLength(1);
  });
});

describe('shape', () => {
  it('a body nested deeper than the limit gets 400 without overflowing the stack', async () => {
    const depth = 100_000;
    const body = `{"type":"message","channelId":"msteams","serviceUrl":"http://127.0.0.1:9/","conversation":{"id":"c"},"value":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const res = await raw(body, json);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/nested deeper/);
    await healthy();
  });

  it('a chunked body with no Content-Length is still limited', async () => {
    const big = Buffer.from(JSON.stringify({ ...message(bot.connector, 'x'), text: 'a'.repeat(bot.config.maxBodyBytes + 10) }));
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < big.length; i += 16384) c.enqueue(new Uint8Array(big.subarray(i, i + 16384)));
        c.close();
      },
    });
    const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: json, body: stream, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
  });
});
