/**
 * Meeting reminders in Teams: `remind` (form card, or the text form for power users),
 * `reminders` (this conversation's list with edit and cancel), attendance buttons on posted
 * reminders, and the scheduler that posts them (built by the composition root; started with the
 * server, stopped on close).
 * Translation only: the rules live in domain/reminders, the storage in storage/reminder-store.
 */
import { z } from 'zod';
import { TurnContext } from 'botbuilder';
import { reminderDuplicateCard, reminderListCard, ukDateTime, type Fact } from '../../cards/reminder-cards.ts';
import { describeLead, parseRemindCommand, TEXT_USAGE } from '../../domain/reminders/command-parser.ts';
import { describeRecurrence, nextMeeting } from '../../domain/reminders/recurrence.ts';
import { schedulerProblem } from '../../domain/reminders/scheduler.ts';
import { reminderMigrations, type EditResult } from '../../storage/reminder-store.ts';
import type { StoredReference } from '../../storage/state-store.ts';
import { voterHash } from '../hashing.ts';
import { verbRoute, type Background, type CommandRoute, type Feature, type Turn } from '../route-types.ts';
import { baseConversationId, userKey } from '../scope.ts';
import type { Services } from '../services.ts';
import { leadTimeProblem } from '../../domain/reminders/lead-check.ts';
import { londonInstant } from '../../domain/reminders/recurrence.ts';
import { isPartnershipId } from '../partnerships.ts';
import { REMINDER_MESSAGES as M, remindProblemText } from '../user-messages.ts';
import { partnershipFor } from './core.ts';
import { occurrenceCard, REMINDER_POST_DEADLINE_MS } from './reminder-delivery.ts';
import { formCard, FormSubmit, readForm, type FormValues } from './reminder-form.ts';
import { canManageReminders } from './reminder-permissions.ts';

const store = (turn: Turn) => turn.services.reminders;
const conversationOf = (turn: Turn) => baseConversationId(turn.context.activity.conversation.id);

/** Reminders post as new messages in the channel (not into the thread the command came from). */
function referenceOf(turn: Turn): StoredReference {
  const ref = TurnContext.getConversationReference(turn.context.activity);
  return { ...ref, conversation: { ...ref.conversation, id: conversationOf(turn) }, activityId: undefined } as unknown as StoredReference;
}

async function allowed(turn: Turn): Promise<boolean> {
  const permission = await canManageReminders(turn);
  if (permission.allowed) return true;
  turn.services.logger.info({ event: 'reminder.refused', scope: turn.scope.kind }, 'reminder management refused');
  await turn.context.sendActivity(M.refused);
  return false;
}

async function resumeIfPaused(turn: Turn): Promise<void> {
  const n = await store(turn).resumeConversation(conversationOf(turn), new Date());
  if (n > 0) await turn.context.sendActivity(M.resumed(n));
}

async function conversationPartnership(turn: Turn) {
  const id = await partnershipFor(turn.services, turn.scope);
  return id && isPartnershipId(id) ? id : null;
}

/** An active reminder here for the same meeting at the same first date and time, if there is one. */
async function duplicateOf(turn: Turn, values: FormValues) {
  const same = (a: string) => a.trim().toLowerCase() === values.meeting.trim().toLowerCase();
  const list = await store(turn).list(conversationOf(turn));
  return (
    list
      .map((x) => x.reminder)
      .find(
        (r) =>
          r.state !== 'cancelled' &&
          r.firstDate === values.firstDate &&
          r.time === values.time &&
          ((values.bodyId && r.bodyId === values.bodyId) || same(r.meeting)),
      ) ?? null
  );
}

async function create(turn: Turn, values: FormValues, opts: { confirmed?: boolean; resend?: Record<string, unknown> } = {}): Promise<void> {
  const now = new Date();
  if (!opts.confirmed && (await duplicateOf(turn, values))) {
    const when = `${ukDateTime(londonInstant(values.firstDate, values.time).toUTC().toISO()!)} (UK time)`;
    // From the form we can offer to go ahead; the text form has no card to confirm with.
    if (opts.resend)
      await turn.context.sendActivity({ attachments: [reminderDuplicateCard(M.duplicate(values.meeting, when), { ...opts.resend, confirmDuplicate: true })] });
    else await turn.context.sendActivity(M.duplicateText(values.meeting, when));
    return;
  }
  const reminder = await store(turn).create(
    { ...values, conversationId: conversationOf(turn), createdBy: { id: userKey(turn.context.activity), name: turn.user.name } },
    referenceOf(turn),
    turn.scope.kind,
    now,
  );
  const next = nextMeeting(reminder.firstDate, reminder.time, reminder.recurrence, now);
  turn.services.logger.info(
    { event: 'reminder.created', reminder: reminder.id, scope: turn.scope.kind, leads: reminder.leadMinutes.length },
    'reminder created',
  );
  await turn.context.sendActivity(
    M.created(
      reminder.meeting,
      next ? ukDateTime(next.toUTC().toISO()!) : `${reminder.firstDate} ${reminder.time}`,
      describeRecurrence(reminder.recurrence),
      reminder.leadMinutes.map(describeLead).join(' and '),
    ),
  );
}

const remind: CommandRoute = {
  name: 'remind',
  aliases: ['new reminder'],
  usage: TEXT_USAGE,
  description: 'Remind this channel or chat before a meeting (type "remind" alone for a form). Times are UK time.',
  // "remind me what MASH means" is a question; the text form always starts with a quoted name.
  accepts: (args) => args === '' || /^["\u201C\u201D]/.test(args),
  async run(turn, args) {
    if (!(await allowed(turn))) return;
    await resumeIfPaused(turn);
    if (args === '') {
      await turn.context.sendActivity({ attachments: [formCard(turn.services.bodies, new Date(), null, await conversationPartnership(turn))] });
      return;
    }
    const now = new Date();
    const parsed = parseRemindCommand(args, now);
    const late = parsed.ok ? leadTimeProblem(londonInstant(parsed.value.firstDate, parsed.value.time).toMillis(), parsed.value.leadMinutes, now) : null;
    if (!parsed.ok || late) {
      await turn.context.sendActivity(M.problems(parsed.ok ? [M.leadTooLong(late!)] : parsed.problems.map(remindProblemText), TEXT_USAGE));
      return;
    }
    const body = turn.services.bodies.all().find((b) => b.name.toLowerCase() === parsed.value.meeting.toLowerCase()) ?? null;
    await create(turn, { ...parsed.value, bodyId: body?.id ?? null, agendaUrl: null, note: null });
  },
};

async function sendList(turn: Turn): Promise<void> {
  const list = await store(turn).list(conversationOf(turn));
  const items = list.map(({ reminder: r, nextMeetingAt, last }) => {
    const facts: Fact[] = [
      {
        title: 'Next',
        value: r.state === 'paused' ? M.listPaused : nextMeetingAt ? `${ukDateTime(nextMeetingAt)} (UK time)` : M.noUpcoming,
      },
      { title: 'Repeats', value: describeRecurrence(r.recurrence) },
      { title: 'Reminds', value: `${r.leadMinutes.map(describeLead).join(', ')} before` },
      { title: 'Created by', value: r.createdBy.name ?? M.listSomeManager },
      { title: 'Last post', value: last ? `${M.deliveryStatus(last.status)} (meeting ${ukDateTime(last.meetingAt)})` : M.listNoPostYet },
    ];
    return { id: r.id, version: r.version, meeting: r.meeting, facts };
  });
  await turn.context.sendActivity({
    attachments: [reminderListCard(M.listTitle(turn.scope.kind === 'personal'), items)],
  });
}

const remindersCommand: CommandRoute = {
  name: 'reminders',
  aliases: ['list reminders'],
  usage: 'reminders',
  description: "This conversation's meeting reminders: next date, repeats, who set it, last post; edit or cancel.",
  accepts: (args) => args === '',
  async run(turn) {
    await resumeIfPaused(turn);
    await sendList(turn);
  },
};

/** A card's reminder must belong to the conversation the click came from. */
async function ownReminder(turn: Turn, id: string) {
  const r = await store(turn).get(id);
  if (!r || r.conversationId !== conversationOf(turn) || r.state === 'cancelled') {
    await turn.context.sendActivity(M.notFound);
    return null;
  }
  return r;
}

async function reportEdit(turn: Turn, result: EditResult, said: (meeting: string) => string): Promise<void> {
  if (result.ok) await turn.context.sendActivity(said(result.reminder.meeting));
  else await turn.context.sendActivity(result.reason === 'stale' ? M.stale : M.notFound);
}

const Ref = { reminderId: z.string().min(1).max(64), version: z.coerce.number().int().min(1) };

export const remindersFeature: Feature = {
  name: 'reminders',
  commands: [remind, remindersCommand],
  migrations: reminderMigrations,
  verbs: [
    verbRoute('reminder.save', FormSubmit, async (turn, data) => {
      if (!(await allowed(turn))) return;
      const read = readForm(data, turn.services.bodies, new Date());
      if (!read.ok) {
        await turn.context.sendActivity(M.formProblems(read.problems));
        return;
      }
      if (!data.reminderId) return create(turn, read.value, { confirmed: data.confirmDuplicate === true, resend: { ...data } });
      if (!(await ownReminder(turn, data.reminderId))) return;
      await reportEdit(turn, await store(turn).update(data.reminderId, data.version, read.value, new Date()), M.updated);
    }),
    verbRoute('reminder.edit', z.object({ verb: z.literal('reminder.edit'), ...Ref }), async (turn, data) => {
      if (!(await allowed(turn))) return;
      const r = await ownReminder(turn, data.reminderId);
      if (!r) return;
      if (r.version !== data.version) return void (await turn.context.sendActivity(M.stale));
      await turn.context.sendActivity({ attachments: [formCard(turn.services.bodies, new Date(), r, await conversationPartnership(turn))] });
    }),
    verbRoute('reminder.cancel', z.object({ verb: z.literal('reminder.cancel'), ...Ref }), async (turn, data) => {
      if (!(await allowed(turn))) return;
      if (!(await ownReminder(turn, data.reminderId))) return;
      await reportEdit(turn, await store(turn).cancel(data.reminderId, data.version, new Date()), M.cancelled);
    }),
    verbRoute(
      'reminder.rsvp',
      z.object({ verb: z.literal('reminder.rsvp'), occurrenceId: z.string().min(1).max(300), attending: z.boolean() }),
      async (turn, data) => {
        const s = store(turn);
        const occ = await s.occurrence(data.occurrenceId);
        const reminder = occ ? await s.get(occ.reminderId) : null;
        if (!occ || !reminder || reminder.conversationId !== conversationOf(turn)) return void (await turn.context.sendActivity(M.notFound));
        const counts = await s.respond(occ.id, voterHash(userKey(turn.context.activity)), data.attending, new Date());
        const card = occurrenceCard(occ, reminder, turn.services.bodies.get(reminder.bodyId), counts);
        const id = turn.context.activity.replyToId ?? occ.activityId;
        if (id) await turn.context.updateActivity({ type: 'message', id, attachments: [card] });
      },
    ),
  ],
  start(services: Services): Background {
    // Built by the composition root (bot/reminder-scheduler.ts); the feature only runs it with the server.
    const scheduler = services.reminderScheduler;
    scheduler.start();
    // One step of a pass may take a whole post deadline plus a storage call, however short the poll.
    const stepAllowanceMs = REMINDER_POST_DEADLINE_MS + services.config.storageTimeoutMs;
    return {
      stop: () => scheduler.stop(),
      problem(now) {
        const problem = schedulerProblem(scheduler.status(), now, stepAllowanceMs);
        return problem ? `reminder-scheduler-${problem}` : null;
      },
    };
  },
};
