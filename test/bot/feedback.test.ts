/**
 * "Was this helpful?" end to end: the vote is stored against the knowledge record ids and a
 * hash of the question, never the text unless the admin turned FEEDBACK_STORE_QUESTION_TEXT on;
 * a double click or a change of mind keeps one vote per person per answer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { questionHash } from '../../bot/hashing.ts';
import { openDatabase } from '../../storage/database.ts';
import { createStateStore } from '../../storage/state-store.ts';
import { adaptiveCardProblems } from '../support/adaptive-card.ts';
import { button, cardOf, cardTexts, message, startBot, submit, type BotUnderTest } from '../support/bot-server.ts';

const QUESTION = 'Who chairs the Harrow Strategic Safeguarding Partnership?';
let bot: BotUnderTest | null = null;
afterEach(async () => {
  await bot?.close();
  bot = null;
});

async function storedFeedback(b: BotUnderTest) {
  return b.running.services.state.listFeedback();
}

/** The card's "Was this helpful?" buttons are for Web Chat; Teams has its own (test/bot/native-feedback.test.ts). */
async function answerCard(b: BotUnderTest) {
  await b.send({ ...message(b.connector, QUESTION), channelId: 'webchat' });
  const card = cardOf(b.connector.sent[0]!)!;
  b.connector.clear();
  return card;
}

describe('feedback on answers', () => {
  it('stores yes against the record ids and the question hash, not the text', async () => {
    bot = await startBot();
    const card = await answerCard(bot);
    const yes = button(card, 'Yes');
    expect(JSON.stringify(yes)).not.toContain('Harrow Strategic Safeguarding Partnership?');

    await bot.send(submit(bot.connector, yes));
    const thanks = cardOf(bot.connector.sent[0]!)!;
    expect(adaptiveCardProblems(thanks)).toEqual([]);
    expect(cardTexts(thanks)[0]).toBe('Thanks, I\'ve recorded "helpful".');

    const rows = await storedFeedback(bot);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ helpful: true, questionHash: questionHash(QUESTION), questionText: null, answerKind: yes.kind });
    expect(rows[0]!.recordIds.length).toBeGreaterThan(0);
    expect(rows[0]!.recordIds).toEqual(yes.recordIds);
    // The SQLite file itself holds no question text.
    const db = await openDatabase(`sqlite:${bot.dbFile}`);
    const raw = JSON.stringify(await db.all('SELECT * FROM feedback'));
    await db.close();
    expect(raw).not.toContain('Strategic Safeguarding Partnership?');
  });

  it('a double click and then a change of mind keep one vote', async () => {
    bot = await startBot();
    const card = await answerCard(bot);
    await bot.send(submit(bot.connector, button(card, 'Yes')));
    await bot.send(submit(bot.connector, button(card, 'Yes')));
    // The same button twice is not a change of mind.
    expect(cardTexts(cardOf(bot.connector.sent.at(-1)!))[0]).toBe('You had already marked this answer "helpful", so nothing changed.');
    await bot.send(submit(bot.connector, button(card, 'No')));
    const rows = await storedFeedback(bot);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.helpful).toBe(false);
    expect(cardTexts(cardOf(bot.connector.sent.at(-1)!))[0]).toMatch(/changed your answer to "not helpful"/);
  });

  it('two people voting on the same answer are two votes', async () => {
    bot = await startBot();
    const card = await answerCard(bot);
    await bot.send(submit(bot.connector, button(card, 'Yes')));
    await bot.send(submit(bot.connector, button(card, 'No'), { user: { id: '29:colleague', name: 'Colleague' } }));
    expect((await storedFeedback(bot)).map((r) => r.helpful).sort()).toEqual([false, true]);
  });

  it('stores the question text only when the admin enabled FEEDBACK_STORE_QUESTION_TEXT', async () => {
    bot = await startBot({ env: { FEEDBACK_STORE_QUESTION_TEXT: 'true', EXPERTS_CONVERSATION_ID: '19:experts@thread.tacv2' } });
    const card = await answerCard(bot);
    await bot.send(submit(bot.connector, button(card, 'No')));
    const [row] = await storedFeedback(bot);
    expect(row!.questionText).toBe(QUESTION);
    // After a "no" with the question known, the thanks card offers the route to a lead.
    expect(JSON.stringify(cardOf(bot.connector.sent[0]!))).toContain('"verb":"lead.ask"');
  });
});

describe('the state store on its own', () => {
  it('keeps feedback rows readable after reopening the file', async () => {
    bot = await startBot();
    const card = await answerCard(bot);
    await bot.send(submit(bot.connector, button(card, 'Yes')));
    const db = await openDatabase(`sqlite:${bot.dbFile}`);
    try {
      const rows = await createStateStore(db).listFeedback();
      expect(rows).toHaveLength(1);
    } finally {
      await db.close();
    }
  });
});
