/**
 * The manifest's prompt starters (commandLists entries that are not commands) each get a real
 * answer over HTTP in their scope: an answer, a route or a checklist, never "I don't know".
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter } from '../../bot/routes.ts';
import { cardOf, cardTexts, mention, message, startBot, type BotUnderTest } from '../support/bot-server.ts';

const manifest = JSON.parse(readFileSync('manifest/manifest.template.json', 'utf8')) as {
  bots: Array<{ commandLists: Array<{ scopes: string[]; commands: Array<{ title: string }> }> }>;
};
const commands = new Set(createRouter().commands.map((c) => c.name));
const starters = manifest.bots[0]!.commandLists.flatMap((l) => l.commands.filter((c) => !commands.has(c.title)).map((c) => [l.scopes[0]!, c.title] as const));

let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(async () => {
  await bot.close();
});

describe('prompt starters', () => {
  it('offers a few per scope', () => {
    for (const scope of ['personal', 'team', 'groupChat']) expect(starters.filter(([s]) => s === scope).length).toBeGreaterThanOrEqual(2);
  });

  it.each(starters)('%s: "%s" gets an answer', async (scope, title) => {
    bot.connector.clear();
    const where = scope === 'personal' ? { conversationId: `a:starter-${title}` } : { kind: scope === 'team' ? ('channel' as const) : ('groupChat' as const) };
    const res = await bot.send(scope === 'personal' ? message(bot.connector, title, where) : mention(bot.connector, title, where));
    expect(res.status).toBe(200);
    const texts = bot.connector.sent.flatMap((s) => [s.activity.text ?? '', ...cardTexts(cardOf(s))]).join('\n');
    expect(texts.length).toBeGreaterThan(20);
    expect(texts).not.toMatch(/I don't know|outside what I can help|isn't a command|Could you tell me a bit more/);
    // The checklist command, not a question: a new user is first asked for their partnership.
    if (/checklist/i.test(title)) expect(texts).toMatch(/the checklist shows your local route|checklist/i);
  });
});
