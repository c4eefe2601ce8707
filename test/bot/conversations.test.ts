/**
 * Conversations end to end over HTTP: install, help, questions in personal chat and in a
 * channel with an @mention, the partnership setting, unknown commands and stale buttons.
 */
import { literalText, withoutMarks } from '../../cards/literal-text.ts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { adaptiveCardProblems } from '../support/adaptive-card.ts';
import { answerActivities } from '../../bot/features/questions.ts';
import { ERROR_MESSAGES } from '../../bot/user-messages.ts';
import {
  button,
  cardOf,
  cardSubmits,
  cardTexts,
  installationUpdate,
  installed,
  mention,
  message,
  startBot,
  submit,
  type BotUnderTest,
  type SentActivity,
} from '../support/bot-server.ts';

let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(async () => {
  await bot.close();
});
beforeEach(() => bot.connector.clear());

function expectValidCards(sent: SentActivity[]): void {
  for (const s of sent) {
    const card = cardOf(s);
    if (card) expect(adaptiveCardProblems(card), JSON.stringify(card).slice(0, 200)).toEqual([]);
  }
}

async function say(text: string, where = {}, asMention = false): Promise<SentActivity[]> {
  const res = await bot.send(asMention ? mention(bot.connector, text, where) : message(bot.connector, text, where));
  expect(res.status).toBe(200);
  const sent = [...bot.connector.sent];
  expectValidCards(sent);
  bot.connector.clear();
  return sent;
}

async function click(value: Record<string, unknown>, where = {}): Promise<SentActivity[]> {
  const res = await bot.send(submit(bot.connector, value, where));
  expect(res.status).toBe(200);
  const sent = [...bot.connector.sent];
  expectValidCards(sent);
  bot.connector.clear();
  return sent;
}

describe('small talk', () => {
  it.each([
    ['hi', /Hello! Ask me about/],
    ['Good morning', /Hello! Ask me about/],
    ['thanks!', /You're welcome/],
  ])('"%s" gets a polite word back, not an "I don\'t know"', async (text, reply) => {
    const sent = await say(text);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.activity.text).toMatch(reply);
    expect(cardOf(sent[0]!)).toBeFalsy();
  });

  it('a greeting with a question in it is a question', async () => {
    const sent = await say('hi, who chairs the CHSCP executive?');
    expect(cardTexts(cardOf(sent[0]!)).join(' ')).toMatch(/Independent Child Safeguarding Commissioner/);
  });
});

describe('welcome on install', () => {
  it('sends one welcome card with examples and the partnership choice when installed in personal chat', async () => {
    const where = { user: { id: '29:new-user', name: 'New User', aadObjectId: 'aad-new' } };
    // Teams sends both a conversationUpdate and an installationUpdate on install: one welcome.
    expect((await bot.send(installed(bot.connector, where))).status).toBe(200);
    expect((await bot.send(installationUpdate(bot.connector, 'add', where))).status).toBe(200);
    const welcomes = bot.connector.sent.filter((s) => cardTexts(cardOf(s)).includes('Safeguarding partnership assistant'));
    expect(welcomes).toHaveLength(1);
    const card = cardOf(welcomes[0]!)!;
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(cardTexts(card).join(' ')).toMatch(/call 999/);
    expect(cardSubmits(card).filter((s) => s.data.verb === 'ask').length).toBeGreaterThan(0);
    const choice = JSON.stringify(card);
    for (const p of ['haringey', 'harrow', 'city-hackney']) expect(choice).toContain(`"value":"${p}"`);
    expect(card.fallbackText).toMatch(/partnership/);
  });

  it('welcomes again after the bot was removed and installed again', async () => {
    const where = { user: { id: '29:returning', name: 'Returning User' } };
    await bot.send(installed(bot.connector, where));
    await bot.send(installationUpdate(bot.connector, 'remove', where));
    await bot.send(installationUpdate(bot.connector, 'add', where));
    expect(bot.connector.sent.filter((s) => cardOf(s))).toHaveLength(2);
  });

  it('welcomes a team when added to it, but not each new team member', async () => {
    const where = { kind: 'channel' as const, conversationId: '19:welcome-team@thread.tacv2', teamId: '19:welcome-team@thread.tacv2' };
    await bot.send(installed(bot.connector, where));
    const memberJoined = { ...installed(bot.connector, where), membersAdded: [{ id: '29:someone-else' }] };
    await bot.send(memberJoined);
    expect(bot.connector.sent).toHaveLength(1);
    expect(JSON.stringify(cardOf(bot.connector.sent[0]!))).toMatch(/Which partnership should I use in this team\?/);
  });

  it('example buttons on the welcome card ask that question', async () => {
    await bot.send(installed(bot.connector, { user: { id: '29:example-user', name: 'E' } }));
    const card = cardOf(bot.connector.sent[0]!)!;
    bot.connector.clear();
    const example = cardSubmits(card).find((s) => s.data.verb === 'ask')!;
    const replies = await click(example.data, { user: { id: '29:example-user', name: 'E' } });
    expect(replies.some((r) => cardTexts(cardOf(r)).some((t) => /^Answer/.test(t)))).toBe(true);
  });
});

describe('help and commands', () => {
  it('help lists every command', async () => {
    const [reply] = await say('help');
    const texts = cardTexts(cardOf(reply!)).join('\n');
    for (const usage of ['help', 'partnership <name>', 'ask a lead <question>']) expect(texts).toContain(usage);
  });

  it.each(['/helpp', 'hepl', 'partnrship', '/foo'])('"%s" is an unknown command answered with the command list', async (text) => {
    const [reply] = await say(text);
    expect(reply!.activity.text).toMatch(/I don't know the command/);
    // Text messages go through the literal-text rule too, so Markdown cannot swallow "<name>".
    expect(withoutMarks(reply!.activity.text)).toContain('partnership <name>');
    expect(reply!.activity.text).toContain(literalText('partnership <name>'));
  });
});

describe('questions', () => {
  it('answers a question in personal chat with a cited answer card', async () => {
    const replies = await say('Who chairs the Harrow Strategic Safeguarding Partnership?');
    expect(replies).toHaveLength(1);
    const card = cardOf(replies[0]!)!;
    // In Teams the source is a numbered citation on the message (its pop-up holds the document,
    // section and quote), so the card doesn't list it a second time.
    expect(replies[0]!.activity.text).toMatch(/\[1\]/);
    const cited = (replies[0]!.activity.entities ?? []).find((e: { type?: string }) => e.type === 'https://schema.org/Message');
    expect(JSON.stringify(cited)).toMatch(/Harrow's Safeguarding Partnership Arrangements/);
    expect(cardTexts(card)).not.toContain('Source');
    // Teams' own thumbs up / down replace the card's "Was this helpful?" (test/bot/native-feedback.test.ts).
    expect(replies[0]!.activity.channelData?.feedbackLoopEnabled).toBe(true);
    expect(cardSubmits(card).map((s) => s.title)).not.toContain('Yes');
    expect(card.fallbackText).toMatch(/Source: /);
    // Replies go back into the same conversation as a reply to the question.
    expect(replies[0]!.conversationId).toMatch(/^a:personal-/);
  });

  it('in a channel, answers only when @mentioned, with the mention stripped', async () => {
    const where = { kind: 'channel' as const, conversationId: '19:general@thread.tacv2;messageid=1001' };
    const ignored = await bot.send(message(bot.connector, 'What does MASH stand for?', where));
    expect(ignored.status).toBe(200);
    expect(bot.connector.sent).toHaveLength(0);

    const res = await bot.send(mention(bot.connector, 'What does MASH stand for?', where));
    expect(res.status).toBe(200);
    const [reply] = bot.connector.sent;
    expect(reply!.conversationId).toBe('19:general@thread.tacv2;messageid=1001');
    expect(cardTexts(cardOf(reply!)).join(' ')).toMatch(/Multi.?Agency Safeguarding Hub/i);
  });

  it('a mention with only "help" in a group chat is the help command, not a question', async () => {
    await bot.send(mention(bot.connector, 'help', { kind: 'groupChat' }));
    expect(cardTexts(cardOf(bot.connector.sent[0]!))).toContain('What I can do');
  });

  it('sends the emergency card first when a child may be in danger now', async () => {
    const replies = await say('A child is being hurt right now');
    expect(cardTexts(cardOf(replies[0]!))[0]).toMatch(/call 999 now/);
    expect(replies.length).toBeGreaterThanOrEqual(1);
  });

  it('abstains on an out-of-scope question with the route to a person', async () => {
    const replies = await say('what is the capital of france');
    expect(replies).toHaveLength(1);
    const card = cardOf(replies[0]!)!;
    expect(cardTexts(card)[0]).toMatch(/can't answer/);
    expect(cardTexts(card).join(' ')).toMatch(/designated safeguarding lead/);
    expect(card.fallbackText).toMatch(/designated safeguarding lead/);
    expect(cardSubmits(card).filter((s) => s.title === 'Yes')).toHaveLength(0);
  });

  it('an off-topic refusal (reason out-of-scope) offers no MASH number and no "ask a lead"; an unanswered safeguarding question does', () => {
    // The answers are built here, so this tests the bot's side of the contract (the engine's side,
    // that a weather question is refused as out-of-scope without the MASH number, is in test/answering).
    const base = {
      answered: false,
      text: "I don't know: that is outside what I can help with.",
      markdown: '',
      partnership: 'harrow' as const,
      sources: [],
      confidence: 0,
      suggestions: [],
      followUps: [],
      kind: 'unknown' as const,
      recordIds: [],
    };
    const services = { ...bot.running.services, config: { ...bot.running.services.config, expertsConversationId: '19:experts' } };
    const offTopic = cardOf(answerActivities(services, 'weather?', { ...base, reason: 'out-of-scope' }, 'harrow').activities[0]!)!;
    expect(cardTexts(offTopic).join(' ')).toMatch(/designated safeguarding lead/);
    expect(cardTexts(offTopic).join(' ')).not.toMatch(/consultation|\d{3,4} \d{4}/);
    expect(cardSubmits(offTopic).map((b) => b.title)).not.toContain('Ask a safeguarding lead');
    const unanswered = cardOf(answerActivities(services, 'q?', { ...base, reason: 'low-confidence' }, 'harrow').activities[0]!)!;
    expect(cardTexts(unanswered).join(' ')).toMatch(/consultation/);
    expect(cardSubmits(unanswered).map((b) => b.title)).toContain('Ask a safeguarding lead');
  });

  it('abstains on a vague question with "did you mean" suggestions as buttons', async () => {
    // A new conversation: in one with an earlier answer, "who chairs it?" is a follow-up (test/bot/follow-ups.test.ts).
    const replies = await say('who chairs it', { conversationId: 'a:no-memory-yet' });
    const card = cardOf(replies[0]!)!;
    expect(cardTexts(card)).toContain('Did you mean');
    const suggestions = cardSubmits(card).filter((s) => s.data.verb === 'ask');
    expect(suggestions.length).toBeGreaterThan(0);
    // A suggestion button asks that question.
    const followed = await click(suggestions[0]!.data);
    expect(followed.length).toBeGreaterThan(0);
  });

  it('follow-up buttons on an answer ask that question (in a channel, where Teams has no suggested actions)', async () => {
    const [reply] = await say(
      'Who chairs the Harrow Strategic Safeguarding Partnership?',
      { kind: 'channel', conversationId: '19:follow@thread.tacv2;messageid=9' },
      true,
    );
    const followUp = cardSubmits(cardOf(reply!)).find((s) => s.data.verb === 'ask');
    expect(followUp, 'the engine offers follow-ups for this question').toBeDefined();
    const replies = await click(followUp!.data);
    expect(cardOf(replies[0]!)).not.toBeNull();
  });

  it('in personal chat, the follow-ups are at most 3 suggested actions that send the question', async () => {
    const [reply] = await say('Who chairs the Harrow Strategic Safeguarding Partnership?', { conversationId: 'a:suggested' });
    const actions = reply!.activity.suggestedActions?.actions ?? [];
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.length).toBeLessThanOrEqual(3);
    // The title fits on one line (40 characters); what is sent is the whole question.
    for (const a of actions) {
      expect(a.type).toBe('imBack');
      expect(a.title.length).toBeLessThanOrEqual(40);
      expect(a.value.length).toBeGreaterThanOrEqual(a.title.replace(/…$/, '').length);
    }
    expect(cardSubmits(cardOf(reply!)).filter((s) => s.data.verb === 'ask')).toEqual([]);
    const [next] = await say(actions[0].value, { conversationId: 'a:suggested' });
    expect(cardOf(next!)).not.toBeNull();
  });

  it('refuses an overlong question with a clear message', async () => {
    const [reply] = await say(`what is ${'very '.repeat(300)}long`);
    expect(reply!.activity.text).toMatch(/longer than 1000 characters/);
  });
});

describe('partnership setting', () => {
  const me = { user: { id: '29:switcher', name: 'Switcher', aadObjectId: 'aad-switcher' } };

  it('is chosen with a command, used for answers, and shown in help', async () => {
    const before = await say('Who chairs the safeguarding partnership?', me);
    expect(cardTexts(cardOf(before[0]!))[0]).toBe('Answer');

    const [saved] = await say('partnership Harrow', me);
    expect(saved!.activity.text).toMatch(/Saved: I'll answer your questions for Harrow/);

    const after = await say('Who chairs the safeguarding partnership?', me);
    expect(cardTexts(cardOf(after[0]!))[0]).toBe('Answer for Harrow');
    const [help] = await say('help', me);
    expect(cardTexts(cardOf(help!))).toContain('Partnership used here: Harrow.');
  });

  it('is changed from the card (the choice set sends its value with the verb)', async () => {
    const [choice] = await say('partnership', me);
    const save = button(cardOf(choice!), 'Save');
    const [saved] = await click({ ...save, partnership: 'city-hackney' }, me);
    expect(saved!.activity.text).toMatch(/City of London & Hackney/);
  });

  it('is kept per team in channels, separately from personal settings', async () => {
    const team = { kind: 'channel' as const, conversationId: '19:team-b@thread.tacv2;messageid=7', teamId: '19:team-b@thread.tacv2' };
    await bot.send(mention(bot.connector, 'partnership haringey', team));
    expect(bot.connector.sent[0]!.activity.text).toMatch(/questions in this team for Haringey/);
    bot.connector.clear();
    // Another thread of the same team uses the team's setting.
    await bot.send(mention(bot.connector, 'help', { ...team, conversationId: '19:team-b@thread.tacv2;messageid=8' }));
    expect(cardTexts(cardOf(bot.connector.sent[0]!))).toContain('Partnership used here: Haringey.');
  });

  it('survives a restart (stored in the SQLite file)', async () => {
    await say('partnership harrow', { user: { id: '29:restart', name: 'R' } });
    const again = await startBot({ dbFile: bot.dbFile });
    try {
      await again.send(message(again.connector, 'help', { user: { id: '29:restart', name: 'R' } }));
      expect(cardTexts(cardOf(again.connector.sent[0]!))).toContain('Partnership used here: Harrow.');
    } finally {
      await again.close();
    }
  });

  it('answers an unknown partnership name with the list, and a question about partnerships as a question', async () => {
    const [unknown] = await say('partnership Narnia', me);
    expect(unknown!.activity.text).toMatch(/I don't know a partnership called "Narnia". Choose one of: Haringey, Harrow, City of London & Hackney/);
    const question = await say('partnership arrangements in Harrow, who are the partners?', me);
    expect(cardOf(question[0]!)).not.toBeNull();
  });
});

describe('stale and malformed card submits', () => {
  it.each([
    ['an unknown verb', { verb: 'no.such.verb' }, 'STALE_SUBMIT'],
    ['no verb at all', { foo: 1 }, 'STALE_SUBMIT'],
    ['a partnership that does not exist', { verb: 'partnership.set', partnership: 'narnia' }, 'INVALID_INPUT'],
    ['feedback with a broken payload', { verb: 'feedback', helpful: 'maybe' }, 'INVALID_INPUT'],
  ] as const)('%s gets a clear reply (%s) and changes nothing', async (_name, value, code) => {
    const [r] = await click(value);
    expect(withoutMarks(r!.activity.text)).toBe(ERROR_MESSAGES[code]);
  });
});
