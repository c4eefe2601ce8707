/**
 * Follow-up questions over HTTP (restify + CloudAdapter + the real engine + a real SQLite file):
 * the conversation remembers its last answer (ids only) for CONVERSATION_MEMORY_MINUTES, and
 * after that a follow-up asks which one again.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cardOf, cardTexts, mention, message, startBot, type BotUnderTest, type SentActivity } from '../support/bot-server.ts';

let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(async () => {
  await bot.close();
});
beforeEach(() => bot.connector.clear());

async function say(text: string, where = {}, asMention = false): Promise<{ text: string; card: Record<string, any> | null; sent: SentActivity[] }> {
  const res = await bot.send(asMention ? mention(bot.connector, text, where) : message(bot.connector, text, where));
  expect(res.status).toBe(200);
  const sent = [...bot.connector.sent];
  bot.connector.clear();
  const card = sent.map(cardOf).find(Boolean) ?? null;
  return { text: cardTexts(card).join('\n'), card, sent };
}

const conversation = { conversationId: 'a:follow-up-personal' };

describe('a conversation that remembers', () => {
  it('answers the follow-ups of the Done-when conversation, then asks which one once the memory expired', async () => {
    const chair = await say('who chairs the CHSCP Executive?', conversation);
    expect(chair.text).toMatch(/Independent Child Safeguarding Commissioner/);

    const cadence = await say('and how often does it meet?', conversation);
    expect(cadence.text).toMatch(/bi-monthly/);
    // Its citation (in Teams, a numbered reference on the message): the City & Hackney
    // arrangements, the section that says so.
    const cited = JSON.stringify(cadence.sent.map((x) => x.activity.entities ?? []));
    expect(cited).toMatch(/City & Hackney|City of London/);
    expect(cited).toMatch(/14\.5/);

    const harrow = await say('what about Harrow?', conversation);
    expect(harrow.text).toMatch(/Harrow Safeguarding Children Board/);
    expect(harrow.text).toMatch(/three times a year/);

    // What is stored: ids and the attribute, never the words typed.
    const rows = await bot.running.services.db.all<Record<string, string>>('SELECT * FROM conversation_memory');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ record_ids: '["harrow.hscb"]', attr: 'cadence', partnership: 'harrow' });
    expect(JSON.stringify(rows)).not.toMatch(/what about/i);

    // Thirty-one minutes later (the default lifetime is 30), the same follow-up has no context.
    const old = new Date(Date.now() - 31 * 60_000).toISOString();
    await bot.running.services.db.run('UPDATE conversation_memory SET at = $1', [old]);
    const expired = await say('what about Harrow?', conversation);
    expect(expired.text).toMatch(/which group or topic you mean/);
    expect(expired.text).not.toMatch(/three times a year/);
  });

  it('carries the field asked to another group the follow-up names, and sends a contact asked by pronoun to the contacts', async () => {
    const where = { conversationId: 'a:follow-up-switch' };
    const hscb = await say('How often does the Harrow HSCB meet?', where);
    expect(hscb.text).toMatch(/three times a year/);
    const hsab = await say('and what about the adults board then?', where);
    expect(hsab.text).toMatch(/HSAB/);
    expect(hsab.text).toMatch(/three times a year/);
    const number = await say("what's the number for it?", where);
    expect(number.text).toMatch(/phone numbers and mailboxes are not in the partnership documents/i);
    expect(number.text).not.toMatch(/a number of/);
  });

  it("keeps a new question to the conversation's partnership, and gives a figure's earlier year", async () => {
    const where = { conversationId: 'a:carry-partnership' };
    await say('Who leads the rapid review in City & Hackney?', where);
    const published = await say('where are the reviews published?', where);
    expect(published.text).not.toMatch(/differs by partnership/);
    expect(JSON.stringify(published.sent.map((x) => x.activity.entities ?? []))).toMatch(/City/);

    const figures = { conversationId: 'a:year-before' };
    await say('how many children were on a child protection plan at the end of 2018/19?', figures);
    const before = await say('how many the year before?', figures);
    expect(before.text).toContain('339');
  });

  it("asks for a person when the chair's name is wanted, and says when the figure has no equivalent elsewhere", async () => {
    const names = { conversationId: 'a:chair-name' };
    await say('who chairs the Harrow SSP?', names);
    const unnamed = await say("what's the chair's name?", names);
    expect(unnamed.text).toMatch(/don't state that detail/);
    await say('Who chaired the Special Overview and Scrutiny Committee in 2009?', names);
    expect((await say("what's the chair's name?", names)).text).toMatch(/Councillor Bull/);

    const figure = { conversationId: 'a:figure-elsewhere' };
    await say('how many children were on a child protection plan in Haringey at the end of 2018/19?', figure);
    expect((await say('and Harrow?', figure)).text).toMatch(/Harrow's documents I hold don't give that figure/);
  });

  it("does not carry one conversation's memory into another", async () => {
    await say('who chairs the CHSCP Executive?', { conversationId: 'a:first' });
    const other = await say('and how often does it meet?', { conversationId: 'a:second' });
    expect(other.text).toMatch(/which group or topic you mean/);
  });

  it("keeps each person's memory apart in a channel thread", async () => {
    const thread = { kind: 'channel' as const, conversationId: '19:general@thread.tacv2;messageid=42' };
    const alex = { ...thread, user: { id: '29:alex', name: 'Alex', aadObjectId: 'aad-alex' } };
    const sam = { ...thread, user: { id: '29:sam', name: 'Sam', aadObjectId: 'aad-sam' } };
    await say('who chairs the CHSCP Executive?', alex, true);
    await say('who chairs the HSCP Leadership Group?', sam, true);
    const a = await say('and how often does it meet?', alex, true);
    const s = await say('and how often does it meet?', sam, true);
    expect(a.text).toMatch(/bi-monthly/);
    expect(s.text).toMatch(/quarterly/i);
  });

  it('answers a question that names its own topic on its own terms', async () => {
    await say('who chairs the CHSCP Executive?', { conversationId: 'a:own-topic' });
    const own = await say('how often does the Harrow SSP meet?', { conversationId: 'a:own-topic' });
    expect(own.text).toMatch(/Strategic Safeguarding Partnership|SSP/);
    expect(own.text).not.toMatch(/nearest equivalent/);
  });
});

describe('memory turned off', () => {
  it('with CONVERSATION_MEMORY_MINUTES=0 a follow-up asks which one and nothing is stored', async () => {
    const off = await startBot({ env: { CONVERSATION_MEMORY_MINUTES: '0' } });
    try {
      await off.send(message(off.connector, 'who chairs the CHSCP Executive?'));
      off.connector.clear();
      await off.send(message(off.connector, 'and how often does it meet?'));
      expect(cardTexts(off.connector.sent.map(cardOf).find(Boolean)).join(' ')).toMatch(/which group or topic you mean/);
      expect(await off.running.services.db.all('SELECT * FROM conversation_memory')).toEqual([]);
    } finally {
      await off.close();
    }
  });
});
