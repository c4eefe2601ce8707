/**
 * The end of a run: the answers given, the actions with their deadlines, the partnership's
 * contacts, and a plain-text record the lead can paste into a case system. A rule's deadline
 * counts in working days from the trigger date the lead gave (when the allegation reached the
 * employer, ...), and the label says so; an action the lead takes during the run counts from
 * the start. A deadline already passed is shown as overdue. Pure functions of the run, the
 * definition, the calendar and the time the summary is shown.
 */
import type { PartnershipId } from '../../knowledge/schema.ts';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import { formatLondonDate, formatLondonDateTime, formatLondonDayMonth, londonDate, shiftLondonDate, startOfLondonDate } from '../calendar/working-days.ts';
import { CONTACT_KIND_LABELS, contactProvenance, type Contact, type ContactDirectory } from '../contacts/contacts.ts';
import type { Action, Checklist, ChecklistSource, Due } from './schema.ts';
import { actionsFor, indexChecklist } from './graph.ts';
import type { ChecklistRun } from './run.ts';
import { SCOPE_LABELS } from '../../knowledge/primary-sources.ts';
import { triggerFor, triggersOf, type TriggerFact } from './trigger.ts';

export interface SourceLabel {
  label: string;
  url?: string;
}

export interface SummaryAction {
  id: string;
  text: string;
  /**
   * "Now"; "By the end of Friday 4 December 2026: 1 working day after the employer learned
   * of the allegation (Thursday 3 December 2026)"; "Overdue: ..."; or undefined.
   */
  dueLabel?: string;
  /**
   * The same deadline cut for a phone-sized card, where the trigger's event and full date are said
   * once above the actions: "Now"; "By the end of Friday 4 December 2026 (1 working day after 3
   * December)"; "Overdue: by the end of ..."; "By Thursday 12 March 2026, 09:30 (24 hours from the
   * start)". Set exactly when dueLabel is.
   */
  dueShort?: string;
  /** ISO date (or instant for hour deadlines), for sorting and tests. */
  dueAt?: string;
  /** The deadline had passed when the summary was shown. */
  overdue?: boolean;
  checkLocal: boolean;
  sources: SourceLabel[];
}

export interface ChecklistSummary {
  checklistId: string;
  title: string;
  partnership: PartnershipId;
  partnershipName: string;
  startedLabel: string;
  /** "The allegation came to the employer's attention on Thursday 3 December 2026", one per trigger asked. */
  triggerLabels: string[];
  outcomeTitle: string;
  answers: Array<{ question: string; short: string; answer: string; note?: string }>;
  actions: SummaryAction[];
  /** Each with who checked it and when, or that nobody has (contactProvenance). */
  contacts: Array<Contact & { provenance: string }>;
  /** "LADO: not configured for this deployment ...", for kinds the deployment has no number for. */
  notConfigured: string[];
  record: string;
}

export type DocumentTitles = ReadonlyMap<string, string>;

/**
 * A citation as shown: a seed as "title (date), section"; a public document with whose rule
 * it is ("National: ...", "London-wide: ..."), and, where the paragraph was checked in
 * an older edition than the current one, that edition and a line to check the current one.
 */
export function sourceLabel(src: ChecklistSource, titles: DocumentTitles): SourceLabel {
  if ('document' in src) return { label: `${titles.get(src.document) ?? src.document}, ${sectionLabel(src.section)}` };
  const edition = src.currentEdition
    ? ` (checked in ${src.checkedIn ?? 'an earlier edition'}; check the paragraph in ${src.currentEdition})`
    : src.checkedIn
      ? ` (${src.checkedIn})`
      : '';
  const verify = src.verify ? ' (to be confirmed locally)' : '';
  return { label: `${SCOPE_LABELS[src.scope]}: ${src.title}, ${src.section}${edition}${verify}`, url: src.url };
}

/** "21. Dispute Resolution" -> "section 21, Dispute Resolution"; other section names as they are. */
export function sectionLabel(section: string): string {
  const m = /^§?\s*(\d+(?:\.\d+)*)\.?\s+(.+)$/.exec(section.trim());
  return m ? `section ${m[1]}, ${m[2]}` : section;
}

/** What to do about a deadline that has already passed (shown with the action). */
export const OVERDUE_ADVICE = 'This is overdue: do it now, and record when it was done and why it was late.';

const days = (n: number) => (n === 1 ? '1 working day' : `${n} working days`);

/**
 * The deadline of one action. Working days count from the trigger date (or, for `from:
 * start`, from the run's start); hours from the start, or whole days of hours from a trigger's
 * day ("by that time on ..."). `now` decides "overdue".
 */
export function dueOf(
  due: Due | undefined,
  at: { startedAt: Date; triggers: readonly TriggerFact[]; now: Date },
  calendar: WorkingDayCalendar,
): Pick<SummaryAction, 'dueLabel' | 'dueShort' | 'dueAt' | 'overdue'> {
  if (!due) return {};
  if ('now' in due) return { dueLabel: 'Now', dueShort: 'Now' };
  const labels = (overdue: boolean, label: string, short: string) => ({
    dueLabel: overdue ? `Overdue. ${label}` : label,
    dueShort: overdue ? `Overdue: ${short.charAt(0).toLowerCase()}${short.slice(1)}` : short,
    ...(overdue ? { overdue } : {}),
  });
  if ('workingDays' in due) {
    // A missing trigger cannot happen on a valid path (checkTriggers); the start is the fallback.
    const trigger = triggerFor(due.from, at.triggers);
    const from = trigger ? startOfLondonDate(trigger.date) : at.startedAt;
    const iso = calendar.addWorkingDays(from, due.workingDays);
    const counted = trigger
      ? `${days(due.workingDays)} after ${trigger.event} (${formatLondonDate(trigger.date)})`
      : `${days(due.workingDays)} from when this checklist was started`;
    const countedShort = trigger ? `${days(due.workingDays)} after ${formatLondonDayMonth(trigger.date)}` : `${days(due.workingDays)} from the start`;
    const by = `By the end of ${formatLondonDate(iso)}`;
    return { ...labels(londonDate(at.now) > iso, `${by}: ${counted}`, `${by} (${countedShort})`), dueAt: iso };
  }
  const trigger = triggerFor(due.from, at.triggers);
  if (trigger) {
    // Only the day is known: the deadline is that time of day, whole days later; it has certainly
    // passed once that later day has ended.
    const day = shiftLondonDate(trigger.date, due.hours / 24);
    const latest = startOfLondonDate(shiftLondonDate(day, 1));
    const label = `By the same time on ${formatLondonDate(day)}: ${due.hours} hours after ${trigger.event} (${formatLondonDate(trigger.date)})`;
    const short = `By the same time on ${formatLondonDate(day)} (${due.hours} hours after ${formatLondonDayMonth(trigger.date)})`;
    return { ...labels(at.now.getTime() >= latest.getTime(), label, short), dueAt: new Date(latest.getTime() - 1).toISOString() };
  }
  const when = new Date(at.startedAt.getTime() + due.hours * 3_600_000);
  const by = `By ${formatLondonDateTime(when)}`;
  return {
    ...labels(at.now.getTime() > when.getTime(), `${by}: ${due.hours} hours from when this checklist was started`, `${by} (${due.hours} hours from the start)`),
    dueAt: when.toISOString(),
  };
}

export function buildSummary(
  c: Checklist,
  run: ChecklistRun,
  deps: { calendar: WorkingDayCalendar; contacts: ContactDirectory; titles: DocumentTitles; contactsMaxAgeDays?: number },
  now: Date = new Date(run.updatedAt),
): ChecklistSummary {
  const { steps, outcomes } = indexChecklist(c);
  const outcome = outcomes.get(run.outcomeId ?? '');
  if (!outcome) throw new Error(`run ${run.id} has no outcome`);
  const startedAt = new Date(run.startedAt);
  const triggers = triggersOf(c, run);

  const answers = run.answers.map((a) => {
    const step = steps.get(a.stepId)!;
    const choice = step.choices.find((ch) => ch.id === a.choiceId)!;
    // A trigger step's answer is its date ("Friday 6 March 2026"), not "On the date I entered".
    const answer = step.trigger && a.date ? formatLondonDate(a.date) : choice.label;
    return { question: step.question, short: step.short, answer, ...(a.note ? { note: a.note } : {}) };
  });

  // Actions added by answers come first (they are usually the most immediate), then the outcome's.
  const chosen: Action[] = run.answers.flatMap((a) => steps.get(a.stepId)!.choices.find((ch) => ch.id === a.choiceId)!.actions);
  const seen = new Set<string>();
  const actions = [...chosen, ...actionsFor(outcome, run.partnership)]
    .filter((a) => (seen.has(a.id) ? false : (seen.add(a.id), true)))
    .map<SummaryAction>((a) => ({
      id: a.id,
      text: a.text,
      ...dueOf(a.due, { startedAt, now, triggers }, deps.calendar),
      checkLocal: a.checkLocal,
      sources: a.sources.map((s) => sourceLabel(s, deps.titles)),
    }));

  const kinds = outcome.contacts.length ? outcome.contacts : (['mash'] as const);
  const contacts = deps.contacts.forKinds(run.partnership, kinds).map((c) => ({ ...c, provenance: contactProvenance(c, now, deps.contactsMaxAgeDays) }));
  const notConfigured = deps.contacts
    .notConfigured(run.partnership, kinds)
    .map((k) => `${CONTACT_KIND_LABELS[k]}: not configured for this deployment. Ask your designated safeguarding lead, or see your partnership's website.`);
  const summary: Omit<ChecklistSummary, 'record'> = {
    checklistId: c.id,
    title: c.title,
    partnership: run.partnership,
    partnershipName: deps.contacts.partnershipName(run.partnership),
    startedLabel: formatLondonDateTime(startedAt),
    triggerLabels: triggers.map((t) => `${capitalise(t.event)} on ${formatLondonDate(t.date)}`),
    outcomeTitle: outcome.title,
    answers,
    actions,
    contacts,
    notConfigured,
  };
  return { ...summary, record: plainTextRecord(summary, run) };
}

export function contactLine(c: Contact): string {
  const how = [c.phone, c.email, c.url].filter(Boolean).join(', ');
  const extra = [c.hours, c.caution].filter(Boolean).join('; ');
  return `${c.label}: ${how}${extra ? ` (${extra})` : ''}`;
}

/** The record to paste into a case system: plain text, no identifying details asked for. */
export function plainTextRecord(s: Omit<ChecklistSummary, 'record'>, run: ChecklistRun): string {
  const lines = [
    `Checklist: ${s.title}`,
    `Partnership: ${s.partnershipName}`,
    `Started: ${s.startedLabel} (London time)`,
    ...s.triggerLabels.map((t) => `${t} (deadlines count in working days from this date)`),
    `Reference: ${run.id}`,
    '',
    'Answers:',
    ...s.answers.flatMap((a) => [`- ${a.question} ${a.answer}.`, ...(a.note ? [`  Note: ${a.note}`] : [])]),
    '',
    `Outcome: ${s.outcomeTitle}`,
    'Actions:',
    ...s.actions.map((a) => `- ${a.dueLabel ? `[${a.dueLabel}] ` : ''}${a.text}${a.overdue ? ` ${OVERDUE_ADVICE}` : ''}`),
    '',
    'Contacts (check they are current):',
    ...s.contacts.map((c) => `- ${contactLine(c)} [${c.provenance}]`),
    ...s.notConfigured.map((line) => `- ${line}`),
  ];
  return lines.join('\n');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
