/**
 * A unique marker sent through every route (message, "ask a lead", card submits good and bad,
 * a compose-box invoke, 4xx bodies, a failing connector, auth failures, restify's own logger)
 * must appear in no log line, and no log line carries a caller's long string.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../bot/logger.ts';
import { composeQuery, message, startBot, submit, type BotUnderTest } from '../support/bot-server.ts';

const MARKER = `zq${randomUUID().replace(/-/g, '')}`;

function expectClean(logs: string[]): void {
  const hits = logs.filter((l) => l.includes(MARKER));
  expect(hits, hits.join('\n')).toEqual([]);
  const long = logs.filter((l) => l.length > 4000);
  expect(long.map((l) => l.slice(0, 300))).toEqual([]);
}

describe('local mode: every route', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await startBot({ env: { EXPERTS_CONVERSATION_ID: '19:experts@thread.tacv2' } });
  });
  afterAll(async () => {
    await bot.close();
  });

  it('keeps the marker out of the logs whatever happens to the request', async () => {
    const c = bot.connector;
    const statuses: number[] = [];
    const send = async (a: Record<string, unknown>) => statuses.push((await bot.send(a)).status);
    await send(message(c, `who chairs the executive ${MARKER}?`));
    await send(message(c, `ask a lead ${MARKER} what should I do`));
    await send(submit(c, { verb: 'ask', question: `${MARKER} question` }));
    await send(submit(c, { verb: MARKER }));
    await send(submit(c, { verb: 'feedback', [MARKER]: MARKER, helpful: MARKER }));
    await send(submit(c, { verb: 'checklist.next', run: MARKER, step: MARKER, choice: MARKER }));
    await send(composeQuery(c, `${MARKER} LADO`));
    await send({ ...message(c, MARKER), deliveryMode: 'expectReplies' });
    // A connector that is not there: the reply fails inside the turn.
    await send({ ...message(c, `help ${MARKER}`), serviceUrl: 'http://127.0.0.1:9/' });
    await send({ ...message(c, MARKER), conversation: { id: '..' } });
    await send({ ...message(c, MARKER), channelId: MARKER.repeat(1000) });
    await send({ ...message(c, MARKER), id: MARKER.repeat(1000) });
    statuses.push((await bot.post(`{"type":"message","text":"${MARKER}"`)).status);
    statuses.push((await bot.post(`type=message&text=${MARKER}`, { 'content-type': 'application/x-www-form-urlencoded' })).status);
    statuses.push((await bot.post(JSON.stringify({ text: MARKER.repeat(20_000) }))).status);
    statuses.push((await fetch(`${bot.url}/api/${MARKER}?q=${MARKER}`)).status);
    statuses.push((await fetch(`${bot.url}/healthz?${MARKER}`)).status);
    expect(statuses).toContain(400);
    expect(statuses).toContain(404);
    expect(statuses).toContain(413);
    expect(statuses).toContain(415);
    expect(bot.connector.sent.length).toBeGreaterThan(3);
    // The bot did log these requests (so the test is not passing on silence).
    expect(bot.logs.some((l) => l.includes('"event":"turn.error"'))).toBe(true);
    expect(bot.logs.some((l) => l.includes('"event":"body.rejected"'))).toBe(true);
    expectClean(bot.logs);
  });

  it("restify's own logger is the bot's: a request with a body is logged without it", () => {
    const log = bot.running.server.log as unknown as { warn(obj: unknown, msg: string): void };
    const req = { method: 'POST', url: `/api/messages?${MARKER}`, body: { text: MARKER }, _body: MARKER, headers: { authorization: MARKER } };
    const err = Object.assign(new Error(`cannot format ${MARKER}`), { statusCode: 500 });
    const before = bot.logs.length;
    // What restify's response formatter does when it cannot serialise a response.
    log.warn({ req, err, value: { text: MARKER } }, 'error retrieving formatter');
    const lines = bot.logs.slice(before);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      component: 'restify',
      req: { method: 'POST', path: '/api/messages' },
      err: { type: 'Error', statusCode: 500 },
    });
    expectClean(lines);
  });
});

describe('authenticated mode: auth failures', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await startBot({ env: { MicrosoftAppId: '11111111-2222-4333-8444-555555555555', MicrosoftAppPassword: 'test-secret-not-real', HOST: '127.0.0.1' } });
  });
  afterAll(async () => {
    await bot.close();
  });

  it('a 401 logs neither the marker nor a long caller string', async () => {
    const c = bot.connector;
    const r1 = await bot.send({ ...message(c, MARKER), channelId: `${MARKER.slice(0, 20)}` }, { authorization: `Bearer ${MARKER}` });
    const r2 = await bot.send(message(c, MARKER), { authorization: `Bearer ${MARKER}.${MARKER}.${MARKER}` });
    const r3 = await bot.send({ ...message(c, MARKER), channelId: 'x'.repeat(200_000) });
    expect([r1.status, r2.status, r3.status]).toEqual([401, 401, 400]);
    expect(bot.connector.sent).toHaveLength(0);
    expectClean(bot.logs);
    expect(bot.logs.every((l) => !l.includes('x'.repeat(300)))).toBe(true);
  });
});

describe('the logger itself', () => {
  it("drops content keys at every depth it keeps, in a child logger's fields too, and cuts what is deeper", () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (s: string) => void lines.push(s) });
    const child = logger.child({ component: 'test', activity: { text: MARKER }, where: { deep: { text: MARKER } } });
    child
      .child({ grand: 1, text: MARKER })
      .info({ a: { b: { c: { text: MARKER, authorization: MARKER } } }, headers: { authorization: `Bearer ${MARKER}` }, card: MARKER, kept: 1 }, 'a line');
    child.info({ a: { b: { c: { d: { e: MARKER } } } } }, 'too deep');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toMatchObject({ component: 'test', grand: 1, kept: 1, card: '[redacted]', activity: '[redacted]' });
    expect(JSON.parse(lines[1]!).a.b.c.d).toBe('[nested]');
    expectClean(lines);
  });
});
