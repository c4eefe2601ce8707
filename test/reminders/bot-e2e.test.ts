/**
 * Reminders end to end over HTTP: Teams activities POSTed to the real server (restify +
 * CloudAdapter), replies and proactive posts received by a loopback connector. From `remind`
 * (text form and form card) to the delivered card and its attendance buttons; the list with
 * cancel; permissions; and the scheduler the server starts itself.
 */
import { withoutMarks } from '../../cards/literal-text.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { createReminderDelivery, createReminderSender } from '../../bot/features/reminder-delivery.ts';
import { shortName } from '../../bot/features/reminder-bodies.ts';
import { REMINDER_MESSAGES } from '../../bot/user-messages.ts';
import { createScheduler } from '../../domain/reminders/scheduler.ts';
import { createReminderStore } from '../../storage/reminder-store.ts';
import { adaptiveCardProblems } from '../support/adaptive-card.ts';
import { button, cardOf, cardTexts, LEAD, mention, message, PRACTITIONER, startBot, submit, type BotUnderTest, type Where } from '../support/bot-server.ts';
import { startReminderConnector, type ReminderConnector } from '../../devkit/reminder-connector.ts';

let bot: BotUnderTest;
let connector: ReminderConnector;
const CHANNEL: Where = { kind: 'channel', conversationId: '19:reminders@thread.tacv2', teamId: '19:team@thread.tacv2', user: LEAD };
// Within the 7 days whose occurrences are stored at creation.
const inFiveDays = DateTime.now().setZone('Europe/London').plus({ days: 5 }).toISODate()!;

beforeAll(async () => {
  connector = await startReminderConnector();
  bot = await startBot({ connector, env: { REMINDER_MANAGERS: 'aad-lead', REMINDER_POLL_SECONDS: '1' } });
});
afterAll(async () => {
  await bot?.close();
  await connector?.close();
});

const repliesAfter = async (activity: Record<string, unknown>) => {
  const before = connector.sent.length;
  const res = await bot.send(activity);
  expect(res.status).toBe(200);
  return connector.sent.slice(before);
};
/** In a channel people @mention the bot; in a 1:1 chat they just type. */
const say = (text: string, where: Where) => (where.kind === 'channel' ? mention(connector, text, where) : message(connector, text, where));
const textOf = (replies: Array<{ activity: Record<string, any> }>) => replies.map((r) => withoutMarks(r.activity.text ?? '')).join('\n');

/** The choice titles of one Input.ChoiceSet of a card. */
function choiceTitles(card: Record<string, any>, id: string): string[] {
  const set = (card.body as Array<Record<string, any>>).find((e) => e.id === id);
  return set ? (set.choices as Array<{ title: string }>).map((c) => c.title) : [];
}

/** Runs one scheduler pass with the clock at `at`, through the server's own adapter. */
async function deliverAt(at: Date): Promise<number> {
  const store = createReminderStore(bot.running.services.db);
  const deliver = createReminderDelivery(store, createReminderSender(bot.running.adapter, ''), bot.running.services.bodies);
  return createScheduler(store.queue, deliver, { instanceId: 'e2e', now: () => at }).tick();
}

describe('reminders over HTTP', () => {
  it('text form in a channel by a manager: set, then posted as a valid card whose buttons update the count', async () => {
    const replies = await repliesAfter(say(`remind "Test safeguarding board" ${inFiveDays} 09:30 every week before 1 day`, CHANNEL));
    expect(textOf(replies)).toMatch(/Reminder set for Test safeguarding board: .* at 09:30 \(UK time\), weekly; I'll post 1 day before/);

    const [occ] = await bot.running.services.db.all<{ id: string; due_at: string }>(
      `SELECT id, due_at FROM reminder_occurrences WHERE conversation_id = $1 ORDER BY due_at`,
      [CHANNEL.conversationId],
    );
    expect(occ).toBeDefined();
    const before = connector.sent.length;
    expect(await deliverAt(new Date(Date.parse(occ!.due_at) + 1000))).toBeGreaterThanOrEqual(1);
    const posted = connector.sent.slice(before).find((s) => s.conversationId === CHANNEL.conversationId && s.method === 'POST');
    const card = cardOf(posted!)!;
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(cardTexts(card).join('\n')).toMatch(/Test safeguarding board[\s\S]*When: .* at 09:30 \(UK time\)[\s\S]*0 will be there, 0 can't attend/);

    const updates = await repliesAfter(submit(connector, button(card, "I'll be there"), CHANNEL, posted!.id));
    const put = updates.find((u) => u.method === 'PUT');
    expect(put?.activityId).toBe(posted!.id);
    expect(cardTexts(cardOf(put!)).join('\n')).toContain("1 will be there, 0 can't attend");
    // The same person changing their mind moves their vote; it is not counted twice.
    const changed = await repliesAfter(submit(connector, button(card, "Can't attend"), CHANNEL, posted!.id));
    expect(cardTexts(cardOf(changed.find((u) => u.method === 'PUT')!)).join('\n')).toContain("0 will be there, 1 can't attend");
  });

  it('form card in a 1:1 chat: meetings from the knowledge base, recurrence suggested from the cadence; then listed and cancelled', async () => {
    const me: Where = { kind: 'personal', user: PRACTITIONER };
    const [form] = await repliesAfter(message(connector, 'remind', me));
    const formCard = cardOf(form!)!;
    expect(adaptiveCardProblems(formCard)).toEqual([]);
    const quarterly = bot.running.services.bodies.all().find((b) => b.perYear === 4 && b.chair)!;
    // A short label with the cadence said once; the chair's sentence is not squeezed into a choice.
    expect(choiceTitles(formCard, 'otherBodyId')).toContain(`Haringey: ${shortName(quarterly.name)} · quarterly`);
    expect(JSON.stringify(formCard)).not.toContain('chair:');

    const data = {
      ...button(formCard, 'Create reminder'),
      bodyId: quarterly.id,
      meeting: '',
      firstDate: inFiveDays,
      time: '14:00',
      recurrence: 'suggested',
      rrule: '',
      leads: '1440,60',
      agendaUrl: 'https://example.org/agenda',
      note: '',
    };
    const saved = await repliesAfter(submit(connector, data, me));
    expect(textOf(saved)).toMatch(
      new RegExp(`Reminder set for ${quarterly.name.replace(/[()]/g, '.')}: .* at 14:00 \\(UK time\\), quarterly on the .*; I'll post 1 day and 1 hour before`),
    );

    const [listed] = await repliesAfter(message(connector, 'reminders', me));
    const list = cardOf(listed!)!;
    expect(adaptiveCardProblems(list)).toEqual([]);
    expect(cardTexts(list).join('\n')).toMatch(/Repeats: quarterly on the[\s\S]*Created by: Sam Practitioner[\s\S]*Last post: none yet/);
    const cancel = button(list, 'Cancel reminder');
    expect(textOf(await repliesAfter(submit(connector, cancel, me)))).toMatch(/cancelled/);
    // a double click on the old card changes nothing
    expect(textOf(await repliesAfter(submit(connector, cancel, me)))).toBe(REMINDER_MESSAGES.notFound);
    expect(cardTexts(cardOf((await repliesAfter(message(connector, 'reminders', me)))[0]!)).join('\n')).toMatch(/No reminders here yet/);
  });

  it('edit from the list card: the form comes prefilled, saving re-plans it, and the old card is stale', async () => {
    const me: Where = { kind: 'personal', user: { id: '29:editor', name: 'Eve Editor', aadObjectId: 'aad-editor' } };
    await repliesAfter(message(connector, `remind "Edit me" ${inFiveDays} 09:30 every 2 weeks before 1 hour`, me));
    const list = cardOf((await repliesAfter(message(connector, 'reminders', me)))[0]!)!;
    const edit = button(list, 'Edit');
    const form = cardOf((await repliesAfter(submit(connector, edit, me)))[0]!)!;
    expect(adaptiveCardProblems(form)).toEqual([]);
    expect(JSON.stringify(form)).toMatch(/"value":"fortnightly"/);
    const save = {
      ...button(form, 'Save changes'),
      bodyId: '',
      meeting: 'Edit me',
      firstDate: inFiveDays,
      time: '10:15',
      recurrence: 'fortnightly',
      rrule: '',
      leads: '60',
      agendaUrl: '',
      note: '',
    };
    expect(textOf(await repliesAfter(submit(connector, save, me)))).toMatch(/Reminder for Edit me updated/);
    expect(cardTexts(cardOf((await repliesAfter(message(connector, 'reminders', me)))[0]!)).join('\n')).toMatch(/Next: .* at 10:15/);
    expect(textOf(await repliesAfter(submit(connector, save, me)))).toBe(REMINDER_MESSAGES.stale);
    expect(textOf(await repliesAfter(submit(connector, edit, me)))).toBe(REMINDER_MESSAGES.stale);
  });

  it('a form with problems is refused with reasons and saves nothing', async () => {
    const me: Where = { kind: 'personal', user: PRACTITIONER };
    const data = {
      verb: 'reminder.save',
      reminderId: '',
      version: 0,
      bodyId: '',
      meeting: 'x',
      firstDate: '2020-01-01',
      time: '10:00',
      recurrence: 'none',
      rrule: '',
      leads: '',
      agendaUrl: 'ftp://x',
      note: '',
    };
    const text = textOf(await repliesAfter(submit(connector, data, me)));
    expect(text).toMatch(/pick a meeting or type its name.*at least one time.*https:\/\/.*already passed/);
  });

  it('refuses someone who is neither a manager nor a team owner in a channel, and allows a team owner', async () => {
    const member: Where = { ...CHANNEL, user: { id: '29:member', name: 'Pat Member', aadObjectId: 'aad-member' } };
    expect(textOf(await repliesAfter(say(`remind "Board" ${inFiveDays} 09:30`, member)))).toMatch(
      /Only the team's owners and the partnership's reminder managers/,
    );
    const owner: Where = { ...CHANNEL, user: { id: '29:owner', name: 'Olu Owner', aadObjectId: 'aad-owner' } };
    connector.setRole('29:owner', 'owner');
    const [form] = await repliesAfter(say('remind', owner));
    expect(cardOf(form!)).not.toBeNull();
  });

  it('the text form explains mistakes', async () => {
    expect(textOf(await repliesAfter(say('remind "Board" 2026-13-01 9am', CHANNEL)))).toMatch(/couldn't set that reminder: the time must look like 09:30/);
  });

  it('the scheduler started by the server posts a reminder when it falls due', async () => {
    const where: Where = { ...CHANNEL, conversationId: '19:live@thread.tacv2' };
    await repliesAfter(say(`remind "Live check" ${inFiveDays} 11:00 before 2 hours`, where));
    // Bring the stored occurrence forward to "now" instead of waiting ten days.
    const now = new Date().toISOString();
    await bot.running.services.db.run(`UPDATE reminder_occurrences SET due_at = $1, not_before = $1 WHERE conversation_id = $2`, [now, where.conversationId]);
    const deadline = Date.now() + 20_000;
    while (!connector.sent.some((s) => s.conversationId === where.conversationId && cardOf(s)) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const posted = connector.sent.filter((s) => s.conversationId === where.conversationId && cardOf(s));
    expect(posted).toHaveLength(1);
    expect(cardTexts(cardOf(posted[0]!)).join('\n')).toContain('Live check');
  });

  it('help documents the text form', async () => {
    const [help] = await repliesAfter(say('help', CHANNEL));
    expect(cardTexts(cardOf(help!)).join('\n')).toContain(
      'remind "<meeting>" <YYYY-MM-DD> <HH:MM> [every <week|2 weeks|month|quarter>] [before <N> <minutes|hours|days>]',
    );
  });

  it("the form offers the conversation's partnership's current meetings first, the others after, none that no longer exist", async () => {
    const me: Where = { kind: 'personal', user: { id: '29:harrow-user', name: 'Hari Harrow', aadObjectId: 'aad-harrow' } };
    await repliesAfter(message(connector, 'partnership harrow', me));
    const form = cardOf((await repliesAfter(message(connector, 'remind', me)))[0]!)!;
    expect(adaptiveCardProblems(form)).toEqual([]);
    const own = choiceTitles(form, 'bodyId');
    const others = choiceTitles(form, 'otherBodyId');
    const harrowBodies = bot.running.services.bodies.all().filter((b) => b.partnership === 'harrow');
    expect(own).toHaveLength(harrowBodies.length);
    expect(own).toContain('Harrow Safeguarding Children Board (HSCB) · 3 times a year');
    expect(others.some((t) => t.startsWith('Harrow:'))).toBe(false);
    expect(others.some((t) => t.startsWith('City & Hackney: CHSCP Executive · every 2 months'))).toBe(true);
    // One choice per body, even where two documents describe it.
    expect(new Set(others).size).toBe(others.length);
    expect(others.filter((t) => t.startsWith('Haringey: HSCP Executive Group'))).toEqual(['Haringey: HSCP Executive Group · quarterly']);
    // Bodies that no longer meet are marked in the knowledge base and never offered.
    for (const gone of [
      'Haringey Local Safeguarding Children Board',
      'LSCB Business Group',
      '(former)',
      'City and Hackney Safeguarding Children Board',
      '2009',
    ]) {
      expect([...own, ...others].filter((t) => t.includes(gone))).toEqual([]);
    }
    for (const t of [...own, ...others]) expect(t.length).toBeLessThanOrEqual(85);
  });

  it('an identical second reminder is not created without asking; "Create it anyway" creates it', async () => {
    const me: Where = { kind: 'personal', user: { id: '29:twice', name: 'Tess Twice', aadObjectId: 'aad-twice' } };
    const form = cardOf((await repliesAfter(message(connector, 'remind', me)))[0]!)!;
    const data = {
      ...button(form, 'Create reminder'),
      meeting: 'Twice board',
      firstDate: inFiveDays,
      time: '09:00',
      recurrence: 'none',
      leads: '60',
      agendaUrl: '',
      note: '',
    };
    expect(textOf(await repliesAfter(submit(connector, data, me)))).toMatch(/Reminder set for Twice board/);
    const again = await repliesAfter(submit(connector, data, me));
    const ask = cardOf(again[0]!)!;
    expect(adaptiveCardProblems(ask)).toEqual([]);
    expect(cardTexts(ask).join('\n')).toMatch(/already has a reminder for Twice board on .* at 09:00 \(UK time\), so I haven't created another/);
    const count = async () => (await bot.running.services.db.all(`SELECT id FROM reminders WHERE meeting = 'Twice board' AND state <> 'cancelled'`)).length;
    expect(await count()).toBe(1);
    expect(textOf(await repliesAfter(submit(connector, button(ask, 'Create it anyway'), me)))).toMatch(/Reminder set for Twice board/);
    expect(await count()).toBe(2);
    // The text form says so too, and points to the list.
    await repliesAfter(message(connector, `remind "Text twice" ${inFiveDays} 09:30 before 1 hour`, me));
    expect(textOf(await repliesAfter(message(connector, `remind "Text twice" ${inFiveDays} 09:30 before 1 hour`, me)))).toMatch(
      /already has a reminder for Text twice .* Type "reminders"/,
    );
  });

  it('a lead time longer than the time left before the meeting is refused with the reason', async () => {
    const me: Where = { kind: 'personal', user: PRACTITIONER };
    const inTwoDays = DateTime.now().setZone('Europe/London').plus({ days: 2 }).toISODate()!;
    const text = textOf(await repliesAfter(message(connector, `remind "Soon board" ${inTwoDays} 10:00 before 7 days`, me)));
    expect(text).toMatch(/the meeting is only \d+ days? away, so a reminder 1 week before would already be late; choose a shorter time or a later first date/);
    const form = cardOf((await repliesAfter(message(connector, 'remind', me)))[0]!)!;
    const data = {
      ...button(form, 'Create reminder'),
      meeting: 'Soon board',
      firstDate: inTwoDays,
      time: '10:00',
      recurrence: 'none',
      leads: '10080,60',
      agendaUrl: '',
      note: '',
    };
    expect(textOf(await repliesAfter(submit(connector, data, me)))).toMatch(
      /couldn't save that reminder: the meeting is only \d+ days? away, so a reminder 1 week before would already be late/,
    );
    expect((await bot.running.services.db.all(`SELECT id FROM reminders WHERE meeting = 'Soon board'`)).length).toBe(0);
  });

  it('the form as it comes, with only a meeting name typed, makes a valid reminder', async () => {
    const me: Where = { kind: 'personal', user: { id: '29:defaults', name: 'Dee Defaults', aadObjectId: 'aad-defaults' } };
    const form = cardOf((await repliesAfter(message(connector, 'remind', me)))[0]!)!;
    const inputs = Object.fromEntries(
      (form.body as Array<Record<string, any>>).filter((e) => e.id && String(e.type).startsWith('Input.')).map((e) => [e.id, e.value ?? '']),
    );
    const data = { ...inputs, ...button(form, 'Create reminder'), meeting: 'Defaults board', recurrence: 'none' };
    expect(textOf(await repliesAfter(submit(connector, data, me)))).toMatch(
      /Reminder set for Defaults board: .* at 10:00 \(UK time\), once; I'll post 1 day and 1 hour before/,
    );
  });
});
