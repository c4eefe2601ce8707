/**
 * The messaging extension over HTTP: a composeExtension/query invoke returns cited answer
 * cards (with a preview) in the HTTP response, ready to insert into any conversation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adaptiveCardProblems } from '../support/adaptive-card.ts';
import { activity, CARD, cardSubmits, cardTexts, composeQuery, startBot, type BotUnderTest } from '../support/bot-server.ts';

let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(async () => {
  await bot.close();
});

describe('messaging extension search', () => {
  it('returns a cited answer card with a preview for a question', async () => {
    const res = await bot.send(composeQuery(bot.connector, 'What does MASH stand for?'));
    expect(res.status).toBe(200);
    const result = res.body.composeExtension;
    expect(result.type).toBe('result');
    expect(result.attachmentLayout).toBe('list');
    expect(result.attachments).toHaveLength(1);
    const [att] = result.attachments;
    expect(att.contentType).toBe(CARD);
    expect(adaptiveCardProblems(att.content)).toEqual([]);
    const texts = cardTexts(att.content);
    expect(texts.join(' ')).toMatch(/Multi.?Agency Safeguarding Hub/i);
    expect(texts).toContain('Source');
    // Inserted into other conversations, so no buttons that would talk to the bot from there.
    expect(cardSubmits(att.content)).toHaveLength(0);
    expect(att.preview.contentType).toBe('application/vnd.microsoft.card.thumbnail');
    expect(att.preview.content.title).toMatch(/MASH/);
    // The invoke is answered in the HTTP response; nothing is posted to the conversation.
    expect(bot.connector.sent).toHaveLength(0);
  });

  it('says so, instead of inserting a guess, when there is no cited answer', async () => {
    const res = await bot.send(composeQuery(bot.connector, 'what is the capital of france'));
    expect(res.body.composeExtension).toEqual({ type: 'message', text: expect.stringMatching(/couldn't find a cited answer/) });
  });

  it('prompts for a question on the initial run and for an empty query', async () => {
    const initial = composeQuery(bot.connector, '');
    (initial.value as { parameters: unknown[] }).parameters = [{ name: 'initialRun', value: 'true' }];
    for (const activity of [initial, composeQuery(bot.connector, '   ')]) {
      const res = await bot.send(activity);
      expect(res.body.composeExtension).toEqual({ type: 'message', text: expect.stringMatching(/Type a question/) });
    }
  });

  it('ignores an unknown command id with a prompt rather than an error', async () => {
    const res = await bot.send(composeQuery(bot.connector, 'MASH', 'someOtherCommand'));
    expect(res.status).toBe(200);
    expect(res.body.composeExtension.type).toBe('message');
  });
});

describe('a search result sent into the chat', () => {
  it('is an answer being shared, not a question: the bot stays quiet', async () => {
    const res = await bot.send(composeQuery(bot.connector, 'What does MASH stand for?'));
    const [att] = res.body.composeExtension.attachments;
    bot.connector.clear();
    // What Teams delivers when the person sends the inserted card: the card, and text derived from it.
    const sent = await bot.send(
      activity(
        bot.connector,
        {},
        {
          type: 'message',
          text: cardTexts(att.content).join(' '),
          attachments: [{ contentType: att.contentType, content: att.content }],
        },
      ),
    );
    expect(sent.status).toBe(200);
    expect(bot.connector.sent).toEqual([]);
    expect(bot.logs.some((l) => l.includes('message.shared-card'))).toBe(true);
  });
});
