/**
 * Teams' own answer furniture over HTTP: numbered citations (a schema.org Message entity with
 * citation claims within Teams' limits), the native feedback loop, and its message/submitAction
 * invoke stored like the card's vote. Web Chat keeps the card's buttons.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { questionHash } from '../../bot/hashing.ts';
import { activity, cardOf, cardSubmits, cardTexts, message, startBot, type BotUnderTest } from '../support/bot-server.ts';

const QUESTION = 'Who chairs the Harrow Strategic Safeguarding Partnership?';

// Teams' documented shape and limits for citations (Bot messages with AI-generated content).
const Claim = z.strictObject({
  '@type': z.literal('Claim'),
  position: z.number().int().min(1),
  appearance: z.strictObject({
    '@type': z.literal('DigitalDocument'),
    name: z.string().min(1).max(80),
    abstract: z.string().min(1).max(160),
    keywords: z.array(z.string().max(28)).max(3).optional(),
    url: z.url().optional(),
  }),
});
const MessageEntity = z.strictObject({
  type: z.literal('https://schema.org/Message'),
  '@type': z.literal('Message'),
  '@context': z.literal('https://schema.org'),
  '@id': z.literal(''),
  citation: z.array(Claim).min(1).max(10),
});

let bot: BotUnderTest | null = null;
afterEach(async () => {
  await bot?.close();
  bot = null;
});

async function ask(b: BotUnderTest, extra: Record<string, unknown> = {}) {
  await b.send({ ...message(b.connector, QUESTION), ...extra });
  const sent = b.connector.sent.at(-1)!;
  b.connector.clear();
  return sent;
}

function feedbackInvoke(b: BotUnderTest, replyToId: string, reaction: 'like' | 'dislike', text?: string, user?: { id: string; name: string }) {
  return activity(b.connector, user ? { user } : {}, {
    type: 'invoke',
    name: 'message/submitAction',
    replyToId,
    value: { actionName: 'feedback', actionValue: { reaction, feedback: JSON.stringify({ feedbackText: text ?? '' }) } },
  });
}

describe('Teams answers', () => {
  it('carry valid citation entities numbered in the text, the feedback loop, and no AI label', async () => {
    bot = await startBot();
    const sent = await ask(bot);
    const a = sent.activity;
    expect(a.channelData).toMatchObject({ feedbackLoopEnabled: true });
    const entities = (a.entities ?? []).filter((e: { type?: string }) => e.type === 'https://schema.org/Message');
    expect(entities).toHaveLength(1);
    const entity = MessageEntity.parse(entities[0]);
    expect(entity.citation.map((c) => c.position)).toEqual(entity.citation.map((_, i) => i + 1));
    for (const c of entity.citation) expect(a.text).toContain(`[${c.position}]`);
    // The pop-up names the Harrow arrangements, the section and the quote.
    expect(entity.citation[0]!.appearance.name).toMatch(/Harrow/);
    expect(entity.citation[0]!.appearance.abstract).toMatch(/^§\S+: "/);
    expect(entity.citation[0]!.appearance.keywords?.[0]).toMatch(/^Section /);
    expect(JSON.stringify(a)).not.toContain('AIGeneratedContent');
    // The card keeps what cards do better, without its own feedback buttons, and without its own
    // source list: Teams shows the numbered references, so the sources appear once.
    expect(cardSubmits(cardOf(sent)).map((s) => s.title)).not.toContain('Yes');
    const shown = cardTexts(cardOf(sent)).join('\n');
    expect(JSON.stringify(cardOf(sent))).not.toContain('Show or hide the quote');
    expect(shown).not.toContain(entity.citation[0]!.appearance.name);
  });

  it('store a thumbs-down invoke like card feedback, one vote per person, the comment only when allowed', async () => {
    bot = await startBot();
    const sent = await ask(bot);
    const res = await bot.send(feedbackInvoke(bot, sent.id, 'dislike', 'not what I asked'));
    expect(res.status).toBe(200);
    await bot.send(feedbackInvoke(bot, sent.id, 'like'));
    const rows = await bot.running.services.state.listFeedback();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ helpful: true, questionHash: questionHash(QUESTION), questionText: null, answerKind: 'fact' });
    expect(rows[0]!.recordIds).toEqual(['harrow.strategic-safeguarding-partnership']);
    expect(rows[0]!.comment).toBeUndefined();
    expect(JSON.stringify(await bot.running.services.db.all('SELECT * FROM feedback'))).not.toContain('not what I asked');
    expect(bot.logs.join('\n')).not.toContain('not what I asked');
  });

  it('keep the free text when FEEDBACK_STORE_COMMENTS is on, still never in the log', async () => {
    bot = await startBot({ env: { FEEDBACK_STORE_COMMENTS: 'true' } });
    const sent = await ask(bot);
    await bot.send(feedbackInvoke(bot, sent.id, 'dislike', 'I needed the Harrow HSCB'));
    const [row] = await bot.running.services.state.listFeedback();
    expect(row).toMatchObject({ helpful: false, comment: 'I needed the Harrow HSCB' });
    expect(bot.logs.join('\n')).not.toContain('I needed the Harrow HSCB');
  });

  it('answer a malformed or unknown feedback invoke without storing anything', async () => {
    bot = await startBot();
    const bad = await bot.send(
      activity(
        bot.connector,
        {},
        { type: 'invoke', name: 'message/submitAction', replyToId: 'x', value: { actionName: 'feedback', actionValue: { reaction: 'meh' } } },
      ),
    );
    expect(bad.status).toBe(400);
    const unknown = await bot.send(feedbackInvoke(bot, 'activity-never-sent', 'like'));
    expect(unknown.status).toBe(200);
    expect(await bot.running.services.state.listFeedback()).toEqual([]);
  });
});

describe('Web Chat answers', () => {
  it("keep the card's own feedback buttons and carry no Teams entities", async () => {
    bot = await startBot();
    const sent = await ask(bot, { channelId: 'webchat' });
    expect(sent.activity.entities ?? []).toEqual([]);
    expect(sent.activity.channelData?.feedbackLoopEnabled).toBeUndefined();
    expect(cardSubmits(cardOf(sent)).map((s) => s.title)).toEqual(expect.arrayContaining(['Yes', 'No']));
    // Without Teams citations the card lists the sources itself: a real document with its
    // publication date, and the quote behind a toggle.
    const texts = cardTexts(cardOf(sent));
    expect(texts).toContain('Source');
    expect(texts.some((t) => /Harrow.*, .+\(\w+ \d{4}\)/.test(t))).toBe(true);
    expect(JSON.stringify(cardOf(sent))).toContain('Action.ToggleVisibility');
  });
});
