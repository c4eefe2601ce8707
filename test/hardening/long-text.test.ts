/**
 * Long messages are refused by length before any regular expression runs on them, and every
 * text step is linear: a 250,000-character run of dots used to block the process for 35 s
 * (`/[?!.]+$/` in the router), with /healthz waiting behind it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trimTrailing } from '../../shared/trim.ts';
import { mention, message, startBot, type BotUnderTest } from '../support/bot-server.ts';

let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(async () => {
  await bot.close();
});

describe('a very long message', () => {
  it.each([
    ['dots', `${'.'.repeat(250_000)}x`],
    ['question marks and spaces', `${'? '.repeat(120_000)}x`],
    ['@mention markup', `${'<at>'.repeat(60_000)}`],
  ])('made of %s is answered "too long" at once, and /healthz is not held up', async (_name, text) => {
    bot.connector.clear();
    const started = performance.now();
    const [res, health] = await Promise.all([bot.send(message(bot.connector, text)), fetch(`${bot.url}/healthz`)]);
    const ms = performance.now() - started;
    expect(res.status).toBe(200);
    expect(health.status).toBe(200);
    expect(bot.connector.sent).toHaveLength(1);
    expect(bot.connector.sent[0]!.activity.text).toMatch(/longer than 1000 characters/);
    // Generous for a shared 2-core machine; the quadratic path took 35 s.
    expect(ms).toBeLessThan(3000);
  });

  it('in a channel, too long is checked after the @mention check and before mention stripping', async () => {
    bot.connector.clear();
    const where = { kind: 'channel' as const };
    await bot.send(mention(bot.connector, `${'.'.repeat(200_000)}x`, where));
    expect(bot.connector.sent).toHaveLength(1);
    expect(bot.connector.sent[0]!.activity.text).toMatch(/longer than 1000 characters/);
    // Not mentioned: nothing at all, however long.
    bot.connector.clear();
    await bot.send({ ...message(bot.connector, '.'.repeat(200_000), where) });
    expect(bot.connector.sent).toHaveLength(0);
  });

  it('a command just under the limit with trailing punctuation still works', async () => {
    bot.connector.clear();
    await bot.send(message(bot.connector, `partnership harrow${'.'.repeat(900)}`));
    expect(bot.connector.sent).toHaveLength(1);
    expect(bot.connector.sent[0]!.activity.text).toMatch(/Harrow/);
  });
});

describe('trimTrailing', () => {
  it('removes only trailing characters from the set', () => {
    expect(trimTrailing('help?!.', '?!.')).toBe('help');
    expect(trimTrailing('a.b.', '.')).toBe('a.b');
    expect(trimTrailing('...', '.')).toBe('');
    expect(trimTrailing('', '.')).toBe('');
  });
});
