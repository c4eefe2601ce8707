/**
 * A bounded fuzz over the HTTP edge (3,000 requests, seeded, so a failure can be replayed):
 * malformed encodings, gzip bombs, forms and multipart, deep nesting, long and hostile text,
 * bad ids, random JSON, valid activities mixed in. Asserts 0 crashes, 0 5xx, no request over
 * 5 s, and bounded RSS growth. `FUZZ_REQUESTS` raises the count (e.g. 10000). The requests come
 * from devkit/fuzz-cases.ts, which `npm run bench -- --fuzz` sends 10,000 of to a started server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFuzzer, FUZZ_SEED } from '../../devkit/fuzz-cases.ts';
import { startBot, type BotUnderTest } from '../support/bot-server.ts';

const COUNT = Number(process.env.FUZZ_REQUESTS ?? 3000);

let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBot({ env: { LOG_LEVEL: 'warn' } });
});
afterAll(async () => {
  await bot.close();
});

describe('fuzz', () => {
  it(`${COUNT} hostile requests: no crash, no 5xx, no hang, bounded memory`, async () => {
    // The generator is shared with `npm run bench -- --fuzz` (10,000 against a started server).
    const next = createFuzzer(FUZZ_SEED, bot.connector.url);
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const statuses = new Map<number, number>();
    let rssHalf = 0;
    let slow = 0;
    let maxMs = 0;
    for (let i = 0; i < COUNT; i++) {
      const { body, headers } = next();
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
