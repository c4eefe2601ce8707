/**
 * Reminder cards, from typed view models: the posted reminder (meeting, date and time,
 * chair, cadence, agenda, attendance buttons with counts), the create/edit form, and the list
 * of a conversation's reminders with edit and cancel. Dates are shown in UK time.
 */
import { DateTime } from 'luxon';
import { plainLines, renderCard, type CardAttachment } from './render.ts';

export interface Fact {
  title: string;
  value: string;
}

export function ukDateTime(iso: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone('Europe/London').toFormat("cccc d LLLL yyyy 'at' HH:mm");
}

export interface ReminderCardModel {
  occurrenceId: string;
  meeting: string;
  meetingAt: string;
  leadText: string;
  chair: string | null;
  cadence: string | null;
  agendaUrl: string | null;
  note: string | null;
  yes: number;
  no: number;
  /** Reposted after an instance stopped mid-post: the earlier post may have reached Teams too. */
  possibleRepeat?: boolean;
}

export function reminderCard(m: ReminderCardModel): CardAttachment {
  const when = ukDateTime(m.meetingAt);
  const facts: Fact[] = [
    { title: 'When', value: `${when} (UK time)` },
    ...(m.chair ? [{ title: 'Chair', value: m.chair }] : []),
    ...(m.cadence ? [{ title: 'Meets', value: m.cadence }] : []),
    ...(m.agendaUrl ? [{ title: 'Agenda', value: m.agendaUrl }] : []),
  ];
  const heading = `Meeting reminder (${m.leadText} before)${m.possibleRepeat ? ' (may repeat one posted moments ago: the bot restarted while posting)' : ''}`;
  const attendance = `${m.yes} will be there, ${m.no} can't attend`;
  return renderCard('reminder', {
    heading,
    meeting: m.meeting,
    facts,
    note: m.note ?? '',
    attendance,
    occurrenceId: m.occurrenceId,
    agendaUrl: m.agendaUrl ?? '',
    fallbackText: plainLines([heading, m.meeting, ...facts.map((f) => `${f.title}: ${f.value}`), m.note, attendance]),
  });
}

export interface ReminderListItem {
  id: string;
  version: number;
  meeting: string;
  facts: Fact[];
}

export function reminderListCard(heading: string, items: readonly ReminderListItem[]): CardAttachment {
  const emptyLine = 'No reminders here yet. Type "remind" to add one.';
  return renderCard('reminder-list', {
    heading,
    emptyLine,
    items,
    fallbackText: plainLines([
      heading,
      ...(items.length ? items.map((i) => `- ${i.meeting}: ${i.facts.map((f) => `${f.title} ${f.value}`).join('; ')}`) : [emptyLine]),
    ]),
  });
}

export interface Choice {
  title: string;
  value: string;
}

export interface ReminderFormModel {
  heading: string;
  intro: string;
  /** Label of the conversation's partnership's list; empty when no partnership is chosen (one list). */
  ownLabel: string;
  bodies: Choice[];
  bodyId: string;
  otherLabel: string;
  otherBodies: Choice[];
  otherBodyId: string;
  meeting: string;
  firstDate: string;
  time: string;
  recurrences: Choice[];
  recurrence: string;
  rrule: string;
  leadChoices: Choice[];
  /** Comma-separated chosen values (Adaptive Cards multi-select format). */
  leads: string;
  agendaUrl: string;
  note: string;
  submitTitle: string;
  reminderId: string;
  version: number;
}

export function reminderFormCard(m: ReminderFormModel): CardAttachment {
  return renderCard('reminder-form', {
    ...m,
    fallbackText: plainLines([
      m.heading,
      m.intro,
      'Your Teams client cannot show this form; use the text form instead: remind "<meeting>" <YYYY-MM-DD> <HH:MM>',
    ]),
  });
}

/** "You already have this reminder": create a second one only when asked (the submit carries the form's values again). */
export function reminderDuplicateCard(message: string, resubmit: Record<string, unknown>): CardAttachment {
  return renderCard('reminder-duplicate', { message, resubmit, fallbackText: message });
}
