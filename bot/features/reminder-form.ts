/**
 * The reminder form card: building it (the conversation's partnership's current meetings first,
 * each a short label with its cadence; other partnerships' in a second list; recurrence suggested
 * from the cadence; lead-time choices) and reading its submit (zod-validated) into a ReminderInput.
 * Problems come back as sentences, never as a crash: a lead time longer than the time left before
 * the first meeting is one of them.
 */
import { z } from 'zod';
import { DateTime } from 'luxon';
import { reminderFormCard, type Choice } from '../../cards/reminder-cards.ts';
import { suggestRecurrence } from '../../domain/reminders/cadence.ts';
import { describeLead } from '../../domain/reminders/command-parser.ts';
import { describeRecurrence, londonInstant, nthWeekdayOf, checkCustomRule } from '../../domain/reminders/recurrence.ts';
import type { Recurrence, Reminder } from '../../domain/reminders/model.ts';
import { PARTNERSHIP_LABELS } from '../../domain/answering/partnerships.ts';
import { leadTimeProblem } from '../../domain/reminders/lead-check.ts';
import { REMINDER_MESSAGES as M, remindProblemText } from '../user-messages.ts';
import type { PartnershipId } from '../../knowledge/schema.ts';
import { bodyChoiceTitle, splitByPartnership, type BodyInfo, type BodyLookup } from './reminder-bodies.ts';

const LEADS = [4 * 7 * 24 * 60, 2 * 7 * 24 * 60, 7 * 24 * 60, 2 * 24 * 60, 24 * 60, 4 * 60, 60, 30, 15];
const RECURRENCES: Choice[] = [
  { title: "From the meeting's cadence", value: 'suggested' },
  { title: 'Does not repeat', value: 'none' },
  { title: 'Weekly', value: 'weekly' },
  { title: 'Fortnightly', value: 'fortnightly' },
  { title: 'Monthly (same weekday, e.g. 2nd Tuesday)', value: 'monthly' },
  { title: 'Every 2 months (same weekday)', value: 'bimonthly' },
  { title: 'Quarterly (same weekday)', value: 'quarterly' },
  { title: 'Custom rule (below)', value: 'custom' },
];

function labelled(b: BodyInfo): Choice {
  const where =
    b.partnership === 'city-hackney' ? 'City & Hackney' : b.partnership ? (PARTNERSHIP_LABELS[b.partnership as PartnershipId] ?? b.partnership) : 'National';
  return { title: `${where}: ${bodyChoiceTitle(b)}`, value: b.id };
}

function recurrenceValue(r: Recurrence): { value: string; rrule: string } {
  if (r.kind === 'none') return { value: 'none', rrule: '' };
  if (r.kind === 'weekly') return { value: r.intervalWeeks === 1 ? 'weekly' : 'fortnightly', rrule: '' };
  if (r.kind === 'monthly' && [1, 2, 3].includes(r.intervalMonths)) return { value: ['monthly', 'bimonthly', 'quarterly'][r.intervalMonths - 1]!, rrule: '' };
  if (r.kind === 'monthly') return { value: 'custom', rrule: `FREQ=MONTHLY;INTERVAL=${r.intervalMonths};BYDAY=${r.nth}${r.weekday}` };
  return { value: 'custom', rrule: r.rule };
}

export function formCard(bodies: BodyLookup, now: Date, editing: Reminder | null, partnership: PartnershipId | null) {
  // A week ahead with reminders a day and an hour before: the defaults are always a valid reminder.
  const nextWeek = DateTime.fromJSDate(now).setZone('Europe/London').plus({ days: 7 }).toISODate()!;
  const rec = editing ? recurrenceValue(editing.recurrence) : { value: 'suggested', rrule: '' };
  const { own, others } = splitByPartnership(bodies, partnership);
  const editingOwn = editing?.bodyId ? own.some((b) => b.id === editing.bodyId) : false;
  const label = partnership ? PARTNERSHIP_LABELS[partnership] : null;
  return reminderFormCard({
    heading: editing ? `Edit reminder: ${editing.meeting}` : 'New meeting reminder',
    intro: label
      ? `Pick a ${label} meeting (how often it meets is shown), one of another partnership's, or type another. Times are UK time.`
      : 'Pick a meeting (how often it meets is shown) or type another. Type "partnership" to see your own partnership\'s meetings first. Times are UK time.',
    ownLabel: label ? `${label} meeting` : '',
    bodies: own.map((b) => ({ title: bodyChoiceTitle(b), value: b.id })),
    bodyId: editingOwn ? editing!.bodyId! : '',
    otherLabel: label ? 'Or a meeting of other partnerships' : 'Meeting (from the partnership documents)',
    otherBodies: others.map(labelled),
    otherBodyId: editing?.bodyId && !editingOwn ? editing.bodyId : '',
    meeting: editing && !editing.bodyId ? editing.meeting : '',
    firstDate: editing?.firstDate ?? nextWeek,
    time: editing?.time ?? '10:00',
    recurrences: RECURRENCES,
    recurrence: rec.value,
    rrule: rec.rrule,
    leadChoices: LEADS.map((m) => ({ title: `${describeLead(m)} before`, value: String(m) })),
    leads: (editing?.leadMinutes ?? [24 * 60, 60]).join(','),
    agendaUrl: editing?.agendaUrl ?? '',
    note: editing?.note ?? '',
    submitTitle: editing ? 'Save changes' : 'Create reminder',
    reminderId: editing?.id ?? '',
    version: editing?.version ?? 0,
  });
}

const text = (max: number) => z.string().trim().max(max).optional().default('');

export const FormSubmit = z.object({
  verb: z.literal('reminder.save'),
  reminderId: z.string().max(64).optional().default(''),
  version: z.coerce.number().int().min(0).optional().default(0),
  bodyId: text(200),
  otherBodyId: text(200),
  meeting: text(120),
  firstDate: text(10),
  time: text(5),
  recurrence: z.enum(['suggested', 'none', 'weekly', 'fortnightly', 'monthly', 'bimonthly', 'quarterly', 'custom']).optional().default('suggested'),
  rrule: text(200),
  leads: text(200),
  agendaUrl: text(500),
  note: text(500),
  /** Set by "Create it anyway" after the bot pointed out an identical reminder. */
  confirmDuplicate: z.literal(true).optional(),
});
export type FormSubmit = z.output<typeof FormSubmit>;

export interface FormValues {
  bodyId: string | null;
  meeting: string;
  firstDate: string;
  time: string;
  recurrence: Recurrence;
  leadMinutes: number[];
  agendaUrl: string | null;
  note: string | null;
}

export function readForm(data: FormSubmit, bodies: BodyLookup, now: Date): { ok: true; value: FormValues } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const bodyId = data.bodyId || data.otherBodyId;
  const body = bodies.get(bodyId || null);
  if (bodyId && !body) problems.push(M.formMeetingGone);
  const meeting = data.meeting || body?.name || '';
  if (meeting.length < 2) problems.push(M.formPickMeeting);
  let first: DateTime | null = null;
  try {
    first = londonInstant(data.firstDate, data.time);
  } catch {
    problems.push(M.formChooseFirst);
  }
  let recurrence: Recurrence = { kind: 'none' };
  const nth = /^\d{4}-\d{2}-\d{2}$/.test(data.firstDate) ? nthWeekdayOf(data.firstDate) : { nth: 1 as const, weekday: 'MO' as const };
  switch (data.recurrence) {
    case 'suggested': {
      const s = body ? suggestRecurrence(body.perYear, data.firstDate) : null;
      if (s) recurrence = s;
      else problems.push(body ? M.formNoPattern(body.name, body.cadence) : M.formChooseRepeat);
      break;
    }
    case 'weekly':
    case 'fortnightly':
      recurrence = { kind: 'weekly', intervalWeeks: data.recurrence === 'weekly' ? 1 : 2 };
      break;
    case 'monthly':
    case 'bimonthly':
    case 'quarterly':
      recurrence = { kind: 'monthly', intervalMonths: { monthly: 1, bimonthly: 2, quarterly: 3 }[data.recurrence], ...nth };
      break;
    case 'custom': {
      const checked = checkCustomRule(data.rrule);
      if (checked.ok) recurrence = { kind: 'rrule', rule: data.rrule.replace(/^RRULE:/i, '') };
      else problems.push(remindProblemText(checked.problem));
      break;
    }
    default:
      break;
  }
  const leadMinutes = data.leads
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number);
  if (leadMinutes.length === 0 || leadMinutes.some((m) => !LEADS.includes(m))) problems.push(M.formChooseLead);
  if (data.agendaUrl && !/^https:\/\/\S+$/i.test(data.agendaUrl)) problems.push(M.formAgendaHttps);
  if (first && recurrence.kind === 'none' && first.toMillis() <= now.getTime()) problems.push(M.formAlreadyPassed);
  const lateLead = first && leadMinutes.length ? leadTimeProblem(first.toMillis(), leadMinutes, now) : null;
  if (lateLead) problems.push(M.leadTooLong(lateLead));
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: {
      bodyId: body?.id ?? null,
      meeting,
      firstDate: data.firstDate,
      time: data.time,
      recurrence,
      leadMinutes,
      agendaUrl: data.agendaUrl || null,
      note: data.note || null,
    },
  };
}

export { describeRecurrence };
