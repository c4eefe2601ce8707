/**
 * Each reminder post carries its occurrence id as an idempotency key in channelData (over HTTP
 * to a loopback connector, through the real CloudAdapter), the same on every attempt; a post
 * that repeats an in-flight send after a takeover (status `sending`) is marked as a possible
 * repeat, in channelData and on the card, so readers can tell.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Occurrence } from '../../domain/reminders/model.ts';
import { startReminderConnector, type ReminderConnector } from '../../devkit/reminder-connector.ts';
import { input, openStore, realDelivery, referenceFor, type StoreHandle } from '../../devkit/reminder-fixtures.ts';

let connector: ReminderConnector;
let h: StoreHandle;
beforeAll(async () => {
  connector = await startReminderConnector();
  h = await openStore('sqlite', null);
});
afterAll(async () => {
  await h.close();
  await connector.close();
});

describe('reminder posts', () => {
  it('carry the occurrence id as idempotency key, and a takeover repost says it may repeat', async () => {
    const conv = '19:idempotency@thread.tacv2';
    const reminder = await h.store.create(
      input(conv, { meeting: 'CHSCP Executive', leadMinutes: [30] }),
      referenceFor(connector, conv),
      'channel',
      new Date('2026-03-20T12:00:00Z'),
    );
    const occ: Occurrence = {
      id: `${reminder.id}|2026-03-26T09:30:00.000Z|30`,
      reminderId: reminder.id,
      conversationId: conv,
      meetingAt: '2026-03-26T09:30:00.000Z',
      leadMinutes: 30,
      dueAt: '2026-03-26T09:00:00.000Z',
      status: 'claimed',
      attempts: 0,
    };
    const deliver = realDelivery(h.store);
    expect((await deliver(occ)).ok).toBe(true);
    expect((await deliver({ ...occ, status: 'sending', attempts: 1 })).ok).toBe(true);
    const [first, repeat] = connector.posts.filter((p) => p.conversationId.startsWith(conv));
    expect(first!.activity.channelData).toMatchObject({ idempotencyKey: occ.id, occurrenceId: occ.id, attempt: 1, possibleRepeat: false });
    expect(repeat!.activity.channelData).toMatchObject({ idempotencyKey: occ.id, attempt: 2, possibleRepeat: true });
    expect(JSON.stringify(first!.activity.attachments)).not.toMatch(/may repeat/);
    expect(JSON.stringify(repeat!.activity.attachments)).toMatch(/may repeat one posted moments ago/);
  });
});
