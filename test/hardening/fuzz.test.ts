/**
 * A bounded fuzz over the HTTP edge (3,000 requests, seeded, so a failure can be replayed):
 * malformed encodings, gzip bombs, forms and multipart, deep nesting, long and hostile text,
 * bad ids, random JSON, valid activities mixed in. Asserts 0 crashes, 0 5xx, no request over
 * 5 s, and bounded RSS growth. `FUZZ_REQUESTS` raises the count (e.g. 10000).
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message, startBot, type BotUnderTest } from '../support/bot-server.ts';

const COUNT = Number(process.env.FUZZ_REQUESTS ?? 3000);

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBot({ env: { LOG_LEVEL: 'warn' } });
});
afterAll(async () => {
  await bot.close();
});

describe('fuzz', () => {
  it(`${COUNT} hostile requests: no crash, no 5xx, no hang, bounded memory`, async () => {
    const random = rng(13);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const bombMember = gzipSync(Buffer.alloc(1024 * 1024));
    const bomb = Buffer.concat(Array.from({ length: 50 }, () => bombMember));
    const valid = () => message(bot.connector, pick(['help', 'who chairs the executive?', 'what does MASH stand for?', 'checklist lado']));
    const cases: Array<() => { body: Uint8Array | string; headers: Record<string, string> }> = [
      () => ({ body: Buffer.from(Array.from({ length: 1 + Math.floor(random() * 200) }, () => Math.floor(random() * 256))), headers: { 'content-type': 'application/json', 'content-encoding': pick(['gzip', 'deflate', 'br']) } }),
      () => ({ body: bomb, headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } }),
      () => ({ body: `--x\r\nContent-Disposition: form-data; name="f"; filename="a"\r\n\r\n${'a'.repeat(1000)}\r\n--x--`, headers: { 'content-type': 'multipart/form-data; boundary=x' } }),
      () => ({ body: 'type=message&text=hi', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      () => ({ body: `{"value":${'['.repeat(5000)}${']'.repeat(5000)}}`, headers: { 'content-type': 'application/json' } }),
      () => ({ body: JSON.stringify({ ...valid(), text: pick(['.', '?', '!', ' ', '<at>']).repeat(20_000 + Math.floor(random() * 100_000)) }), headers: { 'content-type': 'application/json' } }),
      () => ({ body: JSON.stringify({ ...valid(), conversation: { id: pick(['..', '.', 'a/b', 'a\\b', 'x'.repeat(5000)]) } }), headers: { 'content-type': 'application/json' } }),
      () => ({ body: JSON.stringify({ ...valid(), [pick(['channelId', 'serviceUrl', 'type'])]: pick([null, 42, [], {}, 'x'.repeat(3000)]) }), headers: { 'content-type': 'application/json' } }),
      () => ({ body: JSON.stringify({ ...valid(), value: { verb: pick(['ask', 'feedback', 'checklist.next', 'reminder.create', 'x']), question: 'q', run: random(), step: null } , text: undefined }), headers: { 'content-type': 'application/json' } }),
      () => ({ body: pick(['', '{', 'null', '[]', '"x"', '{"type":"message"}']), headers: { 'content-type': 'application/json' } }),
      () => ({ body: JSON.stringify(valid()), headers: { 'content-type': 'application/json' } }),
    ];
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const statuses = new Map<number, number>();
    let rssHalf = 0;
    let slow = 0;
    let maxMs = 0;
    for (let i = 0; i < COUNT; i++) {
      const { body, headers } = pick(cases)();
      const started = performance.now();
      const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers, body: typeof body === 'string' ? body : new Uint8Array(body), signal: AbortSignal.timeout(10_000) });
      await res.arrayBuffer();
      const ms = performance.now() - started;
      maxMs = Math.max(maxMs, ms);
      if (ms > 5000) slow++;
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (i % 500 === 0) bot.connector.clear();
      if (i === Math.floor(COUNT / 2)) rssHalf = process.memoryUsage().rss;
    }
    const rssEnd = process.memoryUsage().rss;
    const grewMb = (rssEnd - rssBefore) / 1048576;
    // The first half warms up heaps and caches (the test client shares the process); a leak keeps growing in the second.
    const secondHalfMb = (rssEnd - rssHalf) / 1048576;
    console.info(`fuzz: ${COUNT} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}, slowest ${Math.round(maxMs)} ms, RSS +${grewMb.toFixed(0)} MB (second half +${secondHalfMb.toFixed(0)} MB)`);
    expect([...statuses.keys()].filter((s) => s >= 500 && s !== 503)).toEqual([]);
    expect(slow).toBe(0);
    expect(grewMb).toBeLessThan(400);
    expect(secondHalfMb).toBeLessThan(100);
    expect((await fetch(`${bot.url}/health/ready`)).status).toBe(200);
  }, 600_000);
});
