/**
 * The end of a run: the answers given, the actions with their deadlines in working days from
 * when the checklist started, the partnership's contacts, and a plain-text record the lead
 * can paste into a case system. Pure functions of the run, the definition and the calendar.
 */
import type { PartnershipId } from '../../knowledge/schema.ts';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import { formatLondonDate, formatLondonDateTime } from '../calendar/working-days.ts';
import type { Contact, ContactDirectory } from '../contacts/contacts.ts';
import type { Action, Checklist, ChecklistSource, Due } from './schema.ts';
import { actionsFor, indexChecklist } from './graph.ts';
import type { ChecklistRun } from './run.ts';

export interface SourceLabel {
  label: string;
  url?: string;
}

export interface SummaryAction {
  id: string;
  text: string;
  /** "Now", "By the end of Monday 29 December 2025 (1 working day)", or undefined. */
  dueLabel?: string;
  /** ISO date (or instant for hour deadlines), for sorting and tests. */
  dueAt?: string;
  checkLocal: boolean;
  sources: SourceLabel[];
}

export interface ChecklistSummary {
  checklistId: string;
  title: string;
  partnership: PartnershipId;
  partnershipName: string;
  startedLabel: string;
  outcomeTitle: string;
  answers: Array<{ question: string; short: string; answer: string; note?: string }>;
  actions: SummaryAction[];
  contacts: Contact[];
  record: string;
}

export type DocumentTitles = ReadonlyMap<string, string>;

export function sourceLabel(src: ChecklistSource, titles: DocumentTitles): SourceLabel {
  if ('document' in src) return { label: `${titles.get(src.document) ?? src.document}, ${src.section}` };
  return { label: `${src.title}, ${src.section}${src.verify ? ' (to be confirmed locally)' : ''}`, url: src.url };
}

export function dueOf(due: Due | undefined, startedAt: Date, calendar: WorkingDayCalendar): Pick<SummaryAction, 'dueLabel' | 'dueAt'> {
  if (!due) return {};
  if ('now' in due) return { dueLabel: 'Now' };
  if ('workingDays' in due) {
    const iso = calendar.addWorkingDays(startedAt, due.workingDays);
    const n = due.workingDays === 1 ? '1 working day' : `${due.workingDays} working days`;
    return { dueLabel: `By the end of ${formatLondonDate(iso)} (${n})`, dueAt: iso };
  }
  const at = new Date(startedAt.getTime() + due.hours * 3_600_000);
  return { dueLabel: `By ${formatLondonDateTime(at)} (${due.hours} hours)`, dueAt: at.toISOString() };
}

export function buildSummary(
  c: Checklist,
  run: ChecklistRun,
  deps: { calendar: WorkingDayCalendar; contacts: ContactDirectory; titles: DocumentTitles },
): ChecklistSummary {
  const { steps, outcomes } = indexChecklist(c);
  const outcome = outcomes.get(run.outcomeId ?? '');
  if (!outcome) throw new Error(`run ${run.id} has no outcome`);
  const startedAt = new Date(run.startedAt);

  const answers = run.answers.map((a) => {
    const step = steps.get(a.stepId)!;
    const choice = step.choices.find((ch) => ch.id === a.choiceId)!;
    return { question: step.question, short: step.short, answer: choice.label, ...(a.note ? { note: a.note } : {}) };
  });

  // Actions added by answers come first (they are usually the most immediate), then the outcome's.
  const chosen: Action[] = run.answers.flatMap((a) => steps.get(a.stepId)!.choices.find((ch) => ch.id === a.choiceId)!.actions);
  const seen = new Set<string>();
  const actions = [...chosen, ...actionsFor(outcome, run.partnership)]
    .filter((a) => (seen.has(a.id) ? false : (seen.add(a.id), true)))
    .map<SummaryAction>((a) => ({
      id: a.id,
      text: a.text,
      ...dueOf(a.due, startedAt, deps.calendar),
      checkLocal: a.checkLocal,
      sources: a.sources.map((s) => sourceLabel(s, deps.titles)),
    }));

  const kinds = outcome.contacts.length ? outcome.contacts : (['mash'] as const);
  const contacts = deps.contacts.forKinds(run.partnership, kinds);
  const summary: Omit<ChecklistSummary, 'record'> = {
    checklistId: c.id,
    title: c.title,
    partnership: run.partnership,
    partnershipName: deps.contacts.partnershipName(run.partnership),
    startedLabel: formatLondonDateTime(startedAt),
    outcomeTitle: outcome.title,
    answers,
    actions,
    contacts,
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
    `Reference: ${run.id}`,
    '',
    'Answers:',
    ...s.answers.flatMap((a) => [`- ${a.question} ${a.answer}.`, ...(a.note ? [`  Note: ${a.note}`] : [])]),
    '',
    `Outcome: ${s.outcomeTitle}`,
    'Actions:',
    ...s.actions.map((a) => `- ${a.dueLabel ? `[${a.dueLabel}] ` : ''}${a.text}`),
    '',
    'Contacts (check they are current):',
    ...s.contacts.map((c) => `- ${contactLine(c)}`),
  ];
  return lines.join('\n');
}
