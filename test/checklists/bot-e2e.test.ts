/**
 * Each checklist end to end over HTTP through the real server (restify + CloudAdapter) and
 * a fake Teams connector: commands, card buttons, in-place card updates, a stale click,
 * history, and resuming after the server restarts on the same SQLite file.
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enumeratePaths } from '../../domain/checklists/graph.ts';
import { loadChecklists } from '../../domain/checklists/load.ts';
import { ERROR_MESSAGES, INPUT_PROBLEM_MESSAGES, MESSAGES } from '../../bot/user-messages.ts';
import { adaptiveCardProblems } from '../support/adaptive-card.ts';
import { button, cardOf, cardSubmits, cardTexts, message, startBot, submit, type BotUnderTest, type SentActivity } from '../support/bot-server.ts';

let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(async () => {
  await bot.close();
});
beforeEach(() => bot.connector.clear());

async function exchange(b: BotUnderTest, activity: Record<string, unknown>): Promise<SentActivity[]> {
  const res = await b.send(activity);
  expect(res.status).toBe(200);
  const sent = [...b.connector.sent];
  for (const s of sent) {
    const card = cardOf(s);
    if (card) expect(adaptiveCardProblems(card)).toEqual([]);
  }
  b.connector.clear();
  return sent;
}
const say = (text: string, b = bot) => exchange(b, message(b.connector, text));
const click = (value: Record<string, unknown>, cardId: string, b = bot) => exchange(b, submit(b.connector, value, {}, cardId));
const onlyCard = (sent: SentActivity[]) => {
  const withCard = sent.filter((s) => cardOf(s));
  expect(withCard).toHaveLength(1);
  return { sent: withCard[0]!, card: cardOf(withCard[0]!)! };
};

// The longest path of each checklist (Harrow), so the run visits as many steps as possible.
const journeys = loadChecklists().map((c) => {
  const paths = enumeratePaths(c, 'harrow');
  return { id: c.command, path: paths.reduce((a, b) => (b.answers.length > a.answers.length ? b : a)) };
});

describe('checklists over HTTP', () => {
  beforeAll(async () => {
    await say('partnership harrow');
  });

  it.each(journeys)('runs the $id checklist to its summary, updating the card in place', async ({ id, path }) => {
    let { sent, card } = onlyCard(await say(`checklist ${id}`));
    const cardId = sent.id;
    for (const { stepId, choiceId } of path.answers) {
      const choice = cardSubmits(card).find((s) => s.data.verb === 'checklist.answer' && s.data.choiceId === choiceId);
      expect(choice, `${stepId}=${choiceId}`).toBeDefined();
      expect(choice!.data.stepId).toBe(stepId);
      ({ sent, card } = onlyCard(await click(choice!.data, cardId)));
      expect(sent.method).toBe('PUT');
      expect(sent.activityId).toBe(cardId);
    }
    const text = cardTexts(card).join('\n');
    expect(text).toMatch(/Contacts for Harrow/);
    // The record is an input's value: plain text whose line breaks survive, ready to copy.
    const record = (card.body as Array<Record<string, any>>).find((e) => e.id === 'record');
    expect(record).toMatchObject({ type: 'Input.Text', isMultiline: true, label: 'Record to paste into case notes' });
    expect(record!.value).toMatch(/^Checklist: .*\nPartnership: Harrow\nStarted: .*\n(?:.* \(deadlines count in working days from this date\)\n)*Reference: /);
  });

  it('starts from the button on an answer card: a LADO question leads to the LADO checklist', async () => {
    const { sent, card } = onlyCard(await say('when do I go to the LADO?'));
    const start = cardSubmits(card).find((s) => s.data.verb === 'checklist.start');
    expect(start?.data.checklistId).toBe('lado');
    const next = onlyCard(await click(start!.data, sent.id));
    expect(cardTexts(next.card).join('\n')).toMatch(/Allegation against someone who works with children/);
  });

  it('detects a double click: the second click changes nothing and the card shows the real state', async () => {
    const { sent, card } = onlyCard(await say('checklist referral'));
    const no = button(card, 'No');
    const first = await click(no, sent.id);
    expect(cardTexts(cardOf(first[0]!)).join(' ')).toMatch(/significant harm/);
    const second = await click(no, sent.id);
    expect(second.map((s) => s.activity.text)).toContain(MESSAGES.checklistStale);
    const redrawn = second.find((s) => cardOf(s))!;
    expect(redrawn.method).toBe('PUT');
    expect(cardTexts(cardOf(redrawn)).join(' ')).toMatch(/significant harm/);
  });

  it('refuses a note that looks identifying, and rejects a malformed submit', async () => {
    let { sent, card } = onlyCard(await say('checklist escalation'));
    ({ card } = onlyCard(await click(button(card, /Yes, there is no immediate risk/), sent.id)));
    const reply = await click({ ...button(card, /A referral or threshold decision/), note: 'child born 01/02/2016' }, sent.id);
    expect(reply.map((s) => s.activity.text)).toContain(INPUT_PROBLEM_MESSAGES.identifying({ kind: 'date' }));
    const bad = await click({ verb: 'checklist.answer', runId: 'x', stepId: 'about' }, sent.id);
    expect(bad.map((s) => s.activity.text)).toContain(ERROR_MESSAGES.INVALID_INPUT);
  });

  it('cancels, and lists unfinished runs and history', async () => {
    const { sent, card } = onlyCard(await say('checklist lado'));
    const cancelled = await click(button(card, 'Cancel'), sent.id);
    expect(cancelled[0]!.activity.text).toMatch(/Checklist cancelled/);
    const menu = onlyCard(await say('checklist')).card;
    expect(cardSubmits(menu).filter((s) => s.data.verb === 'checklist.start')).toHaveLength(4);
    expect(cardTexts(menu).join(' ')).toMatch(/Unfinished/);
    const hist = onlyCard(await say('checklist history')).card;
    expect(cardTexts(hist).join(' ')).toMatch(/cancelled/);
    expect(cardTexts(hist).join(' ')).toMatch(/kept for 90 days/);
  });

  it('asks when the disagreement arose with a date input, and counts the deadline from the date entered', async () => {
    let { sent, card } = onlyCard(await say('checklist escalation'));
    ({ card } = onlyCard(await click(button(card, /Yes, there is no immediate risk/), sent.id)));
    ({ card } = onlyCard(await click(button(card, /A plan, or services not provided/), sent.id)));
    expect(JSON.stringify(card)).toContain('"Input.Date"');
    expect(cardTexts(card).join(' ')).toMatch(/When did the disagreement arise/);
    // "On the date I entered" with the date box empty: nothing recorded, a clear message.
    const empty = await click(button(card, 'On the date I entered'), sent.id);
    expect(empty.map((s) => s.activity.text).join(' ')).toMatch(/Enter the date in the date box first/);
    // Teams merges the date input into the submit data.
    const twentyDaysAgo = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
    ({ card } = onlyCard(await click({ ...button(card, 'On the date I entered'), date: twentyDaysAgo }, sent.id)));
    ({ card } = onlyCard(await click(button(card, 'Not yet'), sent.id)));
    const text = cardTexts(card).join('\n');
    expect(text).toMatch(/5 working days after the disagreement arose/);
    // Twenty calendar days ago is more than five working days ago even over Christmas, so stage 1's working week has passed.
    expect(text).toMatch(/Overdue\. By the end of/);
    expect(text).toMatch(/This is overdue: do it now/);
    expect(text).toMatch(/Deadlines count in working days from this date/);
  });

  it('asks for the partnership first when none is chosen', async () => {
    const other = { user: { id: '29:no-partnership', name: 'New Lead', aadObjectId: 'aad-none' } };
    const sent = await exchange(bot, message(bot.connector, 'checklist lado', other));
    expect(sent[0]!.activity.text).toMatch(/Choose your partnership first/);
  });
});

describe('resume after a restart', () => {
  it('keeps an unfinished run in the SQLite file and resumes it on a new server', async () => {
    const first = await startBot();
    await say('partnership haringey', first);
    const { sent, card } = onlyCard(await say('checklist serious-incident', first));
    await click(button(card, 'Yes'), sent.id, first);
    const dbFile = first.dbFile;
    await first.running.close();

    const second = await startBot({ dbFile, connector: first.connector });
    try {
      const menu = onlyCard(await say('checklist', second)).card;
      const resume = button(menu, 'Resume');
      const resumed = onlyCard(await exchange(second, submit(second.connector, resume))).card;
      expect(cardTexts(resumed).join(' ')).toMatch(/Has the local authority been told/);
    } finally {
      await second.close();
      await first.connector.close();
      rmSync(dirname(dbFile), { recursive: true, force: true });
    }
  });
});
