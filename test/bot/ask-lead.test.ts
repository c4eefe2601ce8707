/**
 * "Ask a safeguarding lead" end to end: the asker confirms, the experts channel receives the
 * ticket card, a lead assigns and closes it from the card, the card is redrawn each time and
 * the asker is told about every change. Double clicks and stale cards change nothing.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../bot/user-messages.ts';
import { adaptiveCardProblems } from '../support/adaptive-card.ts';
import {
  button,
  cardOf,
  cardSubmits,
  cardTexts,
  installed,
  LEAD,
  message,
  PRACTITIONER,
  startBot,
  submit,
  type BotUnderTest,
  type SentActivity,
} from '../support/bot-server.ts';

const EXPERTS = '19:experts@thread.tacv2';
const experts = { kind: 'channel' as const, conversationId: EXPERTS, teamId: '19:leads-team@thread.tacv2', user: LEAD };
const asker = { user: PRACTITIONER };
const ASKER_CONVERSATION = `a:personal-${PRACTITIONER.id}`;

let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBot({ env: { EXPERTS_CONVERSATION_ID: EXPERTS } });
  // The bot was added to the leads' team, so it knows how to reach the experts channel.
  await bot.send(installed(bot.connector, experts));
  await bot.send(installed(bot.connector, asker));
});
afterAll(async () => {
  await bot.close();
});
beforeEach(() => bot.connector.clear());

function valid(sent: SentActivity[]): SentActivity[] {
  for (const s of sent) {
    const card = cardOf(s);
    if (card) expect(adaptiveCardProblems(card)).toEqual([]);
  }
  return sent;
}

async function askAndConfirm(question: string): Promise<{ ticketCard: SentActivity; confirmData: Record<string, any> }> {
  await bot.send(message(bot.connector, `ask a lead ${question}`, asker));
  const confirm = cardOf(bot.connector.in(ASKER_CONVERSATION)[0]!)!;
  expect(cardTexts(confirm)).toContain(question);
  expect(cardTexts(confirm).join(' ')).toMatch(/don't include a child's name/);
  expect(bot.connector.in(EXPERTS), 'nothing leaves before the asker confirms').toHaveLength(0);
  const confirmData = button(confirm, 'Send to a lead');
  bot.connector.clear();
  await bot.send(submit(bot.connector, confirmData, asker));
  valid(bot.connector.sent);
  const [ticketCard] = bot.connector.in(EXPERTS);
  expect(ticketCard, 'the experts channel received the ticket').toBeDefined();
  return { ticketCard: ticketCard!, confirmData };
}

describe('ask a safeguarding lead', () => {
  it('round trip: experts channel gets the card, a lead assigns then closes it, the asker is told each time', async () => {
    const question = 'Does the threshold document cover pre-birth assessments?';
    const { ticketCard } = await askAndConfirm(question);

    // The card in the experts channel: the question, who asked, Assign to me / Close.
    expect(ticketCard.method).toBe('POST');
    expect(ticketCard.conversationId).toBe(EXPERTS);
    const card = cardOf(ticketCard)!;
    expect(cardTexts(card)).toContain(question);
    expect(cardTexts(card)).toContain(`Asked by: ${PRACTITIONER.name}`);
    expect(cardSubmits(card).map((s) => s.title)).toEqual(['Assign to me', 'Close']);
    const [toAsker] = bot.connector.in(ASKER_CONVERSATION);
    expect(toAsker!.activity.text).toMatch(/^Sent to the safeguarding leads \(reference Q-[0-9A-F]{6}\)/);
    const ref = /Q-[0-9A-F]{6}/.exec(toAsker!.activity.text)![0];
    bot.connector.clear();

    // A lead clicks "Assign to me" on the card in the experts channel.
    await bot.send(submit(bot.connector, button(card, 'Assign to me'), experts, ticketCard.id));
    valid(bot.connector.sent);
    const update = bot.connector.in(EXPERTS).find((s) => s.method === 'PUT')!;
    expect(update.activityId).toBe(ticketCard.id);
    expect(cardTexts(cardOf(update))).toContain(`Status: Assigned to ${LEAD.name}`);
    const [assignedNote] = bot.connector.in(ASKER_CONVERSATION);
    expect(assignedNote!.activity.text).toBe(`A safeguarding lead, ${LEAD.name}, has picked up your question ${ref}. They will contact you.`);
    const assignedCard = cardOf(update)!;
    bot.connector.clear();

    // Then closes it.
    await bot.send(submit(bot.connector, button(assignedCard, 'Close'), experts, ticketCard.id));
    const closed = bot.connector.in(EXPERTS).find((s) => s.method === 'PUT')!;
    expect(cardTexts(cardOf(closed))).toContain(`Status: Closed by ${LEAD.name}`);
    expect(cardSubmits(cardOf(closed))).toHaveLength(0);
    expect(bot.connector.in(ASKER_CONVERSATION)[0]!.activity.text).toMatch(new RegExp(`Your question ${ref} was closed by ${LEAD.name}`));
  });

  it('a double-clicked "Send" creates one ticket', async () => {
    const { confirmData } = await askAndConfirm('Who do I tell about a private fostering arrangement?');
    bot.connector.clear();
    await bot.send(submit(bot.connector, confirmData, asker));
    expect(bot.connector.in(EXPERTS)).toHaveLength(0);
    expect(bot.connector.in(ASKER_CONVERSATION)[0]!.activity.text).toMatch(/already sent .* didn't send it twice/);
  });

  it('a click on a stale card changes nothing and redraws the card with the current state', async () => {
    const { ticketCard } = await askAndConfirm('Is there a local protocol for bruising in non-mobile babies?');
    const original = cardOf(ticketCard)!;
    await bot.send(submit(bot.connector, button(original, 'Assign to me'), experts, ticketCard.id));
    bot.connector.clear();

    // Another lead clicks "Close" on the original (version 1) card after it was assigned.
    const other = { ...experts, user: { id: '29:other-lead', name: 'Other Lead', aadObjectId: 'aad-other' } };
    await bot.send(submit(bot.connector, button(original, 'Close'), other, ticketCard.id));
    const reply = bot.connector.in(EXPERTS).find((s) => s.method === 'POST')!;
    expect(reply.activity.text).toMatch(/already changed \(assigned to Alex Lead\)/);
    const redrawn = bot.connector.in(EXPERTS).find((s) => s.method === 'PUT')!;
    expect(cardTexts(cardOf(redrawn))).toContain(`Status: Assigned to ${LEAD.name}`);
    expect(bot.connector.in(ASKER_CONVERSATION), 'the asker hears nothing about a no-op').toHaveLength(0);

    // The same lead clicking "Assign to me" twice is a no-op too.
    bot.connector.clear();
    const current = cardOf(redrawn)!;
    await bot.send(submit(bot.connector, button(current, 'Take over'), experts, ticketCard.id));
    expect(bot.connector.in(EXPERTS).find((s) => s.method === 'POST')!.activity.text).toMatch(/already changed/);
  });

  it('ticket buttons do nothing outside the experts channel', async () => {
    const { ticketCard } = await askAndConfirm('Can a school make a referral without parental consent?');
    bot.connector.clear();
    await bot.send(submit(bot.connector, button(cardOf(ticketCard), 'Close'), asker));
    expect(bot.connector.in(ASKER_CONVERSATION)[0]!.activity.text).toBe(ERROR_MESSAGES.FORBIDDEN);
    expect(bot.connector.in(EXPERTS)).toHaveLength(0);
  });

  it('is offered from the abstain card, and "Cancel" sends nothing', async () => {
    await bot.send(message(bot.connector, 'what is the capital of france', asker));
    const abstain = cardOf(bot.connector.in(ASKER_CONVERSATION)[0]!)!;
    bot.connector.clear();
    await bot.send(submit(bot.connector, button(abstain, 'Ask a safeguarding lead'), asker));
    const confirm = cardOf(bot.connector.in(ASKER_CONVERSATION)[0]!)!;
    expect(cardTexts(confirm)).toContain('what is the capital of france');
    bot.connector.clear();
    await bot.send(submit(bot.connector, button(confirm, 'Cancel'), asker));
    expect(bot.connector.in(ASKER_CONVERSATION)[0]!.activity.text).toBe('OK, nothing was sent.');
    expect(bot.connector.in(EXPERTS)).toHaveLength(0);
  });

  it('"ask a lead" without a question explains how to use it', async () => {
    await bot.send(message(bot.connector, 'ask a lead', asker));
    expect(bot.connector.sent[0]!.activity.text).toMatch(/followed by your question/);
  });
});

describe('ask a lead without an experts channel configured', () => {
  it('says it is not set up and gives the route to a person instead', async () => {
    const plain = await startBot();
    try {
      await plain.send(message(plain.connector, 'ask a lead who do I call?', asker));
      expect(plain.connector.sent[0]!.activity.text).toMatch(/not set up here.*designated safeguarding lead/);
      // And the abstain card does not offer a button that cannot work.
      plain.connector.clear();
      await plain.send(message(plain.connector, 'what is the capital of france', asker));
      expect(cardSubmits(cardOf(plain.connector.sent[0]!)).map((s) => s.title)).not.toContain('Ask a safeguarding lead');
    } finally {
      await plain.close();
    }
  });
});

describe('ask a lead when the experts channel cannot be reached', () => {
  it('tells the asker nothing was sent, and the ticket moves to undelivered through the ticket transitions', async () => {
    // Never installed in the experts channel, and its service URL refuses connections (port 1 on loopback).
    const unreached = await startBot({ env: { EXPERTS_CONVERSATION_ID: '19:unreached@thread.tacv2', EXPERTS_SERVICE_URL: 'http://127.0.0.1:1/' } });
    try {
      await unreached.send(message(unreached.connector, 'ask a lead who chairs the board?', asker));
      const confirm = cardOf(unreached.connector.in(ASKER_CONVERSATION)[0]!)!;
      unreached.connector.clear();
      await unreached.send(submit(unreached.connector, button(confirm, 'Send to a lead'), asker));
      expect(unreached.connector.in(ASKER_CONVERSATION)[0]!.activity.text).toMatch(/^I couldn't reach the safeguarding leads' channel just now/);
      const [row] = await unreached.running.services.db.all<{ state: string; version: number }>('SELECT state, version FROM expert_tickets');
      expect(row).toMatchObject({ state: 'undelivered' });
      expect(Number(row!.version)).toBe(2);
    } finally {
      await unreached.close();
    }
  }, 30_000);
});
