/**
 * The guided-checklist cards: the menu (start one, resume an unfinished one), a step
 * (question, choices, "why this matters" with sources, progress, Back / Start again / Cancel),
 * the summary (fits two phone screens: actions grouped under short deadlines, most urgent first,
 * those with no deadline behind a button; contacts; the answers as short labels; the record to
 * paste in a text box that keeps its line breaks; full questions, deadlines and sources behind
 * "Details and sources") and history.
 * Each is built from a typed view model; every submit carries runId and version so the
 * runner can tell a stale card from a current one.
 */
import { formatLondonDateTime, londonDate, shiftLondonDate, startOfLondonDate } from '../domain/calendar/working-days.ts';
import { layerHeading, layeredNotes } from '../domain/checklists/layers.ts';
import type { Note } from '../domain/checklists/schema.ts';
import type { HistoryEntry, RunView } from '../domain/checklists/runner.ts';
import { contactLine, OVERDUE_ADVICE, sourceLabel, type ChecklistSummary, type DocumentTitles, type SummaryAction } from '../domain/checklists/summary.ts';
import { plainLines, renderCard, type CardAttachment } from './render.ts';

export interface ChecklistMenuModel {
  partnershipLine: string;
  checklists: Array<{ id: string; title: string; description: string }>;
  unfinished: Array<{ runId: string; title: string; detail: string }>;
  fallbackText: string;
}

export interface ChecklistStepModel {
  runId: string;
  stepId: string;
  version: number;
  title: string;
  progressLabel: string;
  question: string;
  choices: Array<{ id: string; label: string }>;
  hasNote: boolean;
  noteLabel: string;
  noteMaxLength: number;
  /** In order: the partnership's own documents, London, national; each with its heading. */
  why: Array<{ heading: string; text: string; sources: string }>;
  /** A trigger step: the date input and its label ("When ..."), with Today / Yesterday quick picks. */
  asksDate: boolean;
  maxDate: string;
  canGoBack: boolean;
  fallbackText: string;
}

export interface ChecklistSummaryModel {
  runId: string;
  version: number;
  title: string;
  subtitle: string;
  outcomeTitle: string;
  partnershipName: string;
  /** "The allegation came to the employer's attention on Friday 6 March 2026.": what the deadlines count from. */
  triggers: Array<{ line: string }>;
  /**
   * "What to do", most urgent first: overdue, now, then by date; each deadline said once, short,
   * over the actions it applies to (the full label is in `actions`). When no action has a
   * deadline, one group without a heading holds them all.
   */
  actionGroups: Array<{ heading: string; advice: string; items: Array<{ text: string }> }>;
  /** The actions with no deadline when others have one, behind a button saying how many ("3 more (no set deadline)"). */
  moreActions: Array<{ text: string }>;
  moreActionsTitle: string;
  /** Every action with its full deadline and sources, behind "Details and sources". */
  actions: Array<{ text: string; dueLabel: string; sources: string }>;
  /** Each number with its caution (or date checked) on the card; the full provenance is in `checks`. */
  contacts: Array<{ line: string; checked: string }>;
  /** The caution every contact shares, said once under the heading instead of under each number. */
  contactsNote: string;
  /** Who checked each number and where it is listed, behind "Details and sources". */
  checks: Array<{ line: string }>;
  /** The full questions and answers (with any note), behind "Details and sources". */
  answers: Array<{ question: string; answer: string }>;
  /**
   * The answers on the card as short labels on one line ("**Harm test:** I am not sure · ..."),
   * without a trigger's date (the trigger line shows it) or a note's text (the record has it).
   */
  answersLine: string;
  /** Plain text with line breaks, shown in a text box so it keeps them and copies as it is. */
  record: string;
  fallbackText: string;
}

export interface ChecklistHistoryModel {
  retentionLine: string;
  runs: Array<{ runId: string; title: string; detail: string; openLabel: string }>;
  fallbackText: string;
}

const STATUS_WORDS = { active: 'unfinished', completed: 'completed', cancelled: 'cancelled' } as const;

function sourcesText(note: Pick<Note, 'sources'>, titles: DocumentTitles): string {
  return note.sources.map((s) => sourceLabel(s, titles).label).join('; ');
}

export function stepModel(view: Extract<RunView, { kind: 'step' }>, partnershipName: string, titles: DocumentTitles): ChecklistStepModel {
  const { run, step, checklist, progress } = view;
  const why = layeredNotes(step, run.partnership).map(({ layer, note }) => ({
    heading: layerHeading(layer, partnershipName),
    text: note.text,
    sources: sourcesText(note, titles),
  }));
  const progressLabel = `${partnershipName} · question ${progress.current} of up to ${progress.total}`;
  return {
    runId: run.id,
    stepId: step.id,
    version: run.version,
    title: checklist.title,
    progressLabel,
    question: step.question,
    choices: step.choices.map((c) => ({ id: c.id, label: c.label })),
    hasNote: step.note !== undefined,
    noteLabel: step.note?.label ?? '',
    noteMaxLength: step.note?.maxLength ?? 0,
    why,
    asksDate: step.trigger !== undefined,
    maxDate: londonDate(view.shownAt),
    canGoBack: run.answers.length > 0,
    fallbackText: plainLines([
      `${checklist.title} (${progressLabel})`,
      step.question,
      `Choices: ${step.choices.map((c) => c.label).join(' / ')}`,
      'If a child is in immediate danger, call 999.',
    ]),
  };
}

/**
 * The provenance of a contact cut to its caution for the phone-sized card ("Not checked by your
 * organisation: confirm it before relying on it."); the source it names goes in the details. When
 * every number carries the same caution it is said once.
 */
function contactsOnCard(
  contacts: ChecklistSummary['contacts'],
  notConfigured: readonly string[],
): Pick<ChecklistSummaryModel, 'contacts' | 'contactsNote' | 'checks'> {
  const caution = (p: string) =>
    p.replace(/: as publicly listed by .*\. Confirm it before relying on it\.$/, ': confirm it before relying on it.').replace(/ Source: .*$/, '');
  const cautions = contacts.map((c) => caution(c.provenance));
  const shared = cautions.length > 1 && cautions.every((x) => x === cautions[0]) ? cautions[0]! : '';
  return {
    contacts: [
      ...contacts.map((c, i) => ({ line: contactLine(c), checked: shared ? '' : cautions[i]! })),
      ...notConfigured.map((line) => ({ line, checked: '' })),
    ],
    contactsNote: shared,
    checks: contacts.map((c) => ({ line: `${c.label}: ${c.provenance}` })),
  };
}

/** Said once over a group of overdue actions, instead of after each (the record keeps it per action). */
const overdueAdvice = (n: number) =>
  n === 1 ? 'Do it now, and record when it was done and why it was late.' : 'Do these now, and record when each was done and why it was late.';

/** When a deadline ends: an hour deadline at its instant, a working-day one at the end of its London day. */
function dueInstant(a: SummaryAction): number {
  if (!a.dueAt) return 0;
  return a.dueAt.includes('T') ? Date.parse(a.dueAt) : startOfLondonDate(shiftLondonDate(a.dueAt, 1)).getTime();
}

/**
 * The actions grouped under their deadlines, most urgent first: overdue (earliest first), now,
 * then by date, in the summary's order within a group; the ones with no deadline go behind
 * "n more (no set deadline)", unless none has a deadline.
 */
function actionsOnCard(actions: readonly SummaryAction[]): Pick<ChecklistSummaryModel, 'actionGroups' | 'moreActions' | 'moreActionsTitle'> {
  const dated = actions.filter((a) => a.dueShort !== undefined);
  if (dated.length === 0)
    return { actionGroups: [{ heading: '', advice: '', items: actions.map((a) => ({ text: a.text })) }], moreActions: [], moreActionsTitle: '' };
  const rank = (a: SummaryAction) => (a.overdue ? 0 : a.dueShort === 'Now' ? 1 : 2);
  const sorted = dated
    .map((a, i) => ({ a, i }))
    .sort((x, y) => rank(x.a) - rank(y.a) || dueInstant(x.a) - dueInstant(y.a) || x.i - y.i)
    .map(({ a }) => a);
  const groups: Array<{ heading: string; overdue: boolean; actions: SummaryAction[] }> = [];
  for (const a of sorted) {
    const last = groups.at(-1);
    if (last && last.heading === a.dueShort) last.actions.push(a);
    else groups.push({ heading: a.dueShort!, overdue: a.overdue === true, actions: [a] });
  }
  const more = actions.filter((a) => a.dueShort === undefined);
  return {
    actionGroups: groups.map((g) => ({
      heading: g.heading,
      advice: g.overdue ? overdueAdvice(g.actions.length) : '',
      items: g.actions.map((a) => ({ text: a.text })),
    })),
    moreActions: more.map((a) => ({ text: a.text })),
    moreActionsTitle: `${more.length} more (no set deadline)`,
  };
}

export function summaryModel(view: Extract<RunView, { kind: 'summary' }>): ChecklistSummaryModel {
  const { summary: s, run } = view;
  return {
    runId: run.id,
    version: run.version,
    title: s.title,
    subtitle: `${s.partnershipName} · started ${formatLondonDateTime(new Date(run.startedAt), { weekday: false })}`,
    outcomeTitle: s.outcomeTitle,
    partnershipName: s.partnershipName,
    triggers: s.triggerLabels.map((line) => ({ line: `${line}.` })),
    ...actionsOnCard(s.actions),
    actions: s.actions.map((a) => ({
      text: a.overdue ? `${a.text} ${OVERDUE_ADVICE}` : a.text,
      dueLabel: a.dueLabel ?? '',
      sources: a.sources.map((x) => x.label).join('; '),
    })),
    ...contactsOnCard(s.contacts, s.notConfigured),
    answers: s.answers.map((a) => ({ question: a.question, answer: a.note ? `${a.answer} (note: ${a.note})` : a.answer })),
    // The summary has one answer per answer of the run, in order; a trigger's answer carries its date.
    answersLine: s.answers
      .filter((_, i) => run.answers[i]?.date === undefined)
      .map((a) => `**${a.short}:** ${a.note ? `${a.answer}, with a note` : a.answer}`)
      .join(' · '),
    record: s.record,
    fallbackText: s.record,
  };
}

export function checklistMenuCard(model: Omit<ChecklistMenuModel, 'fallbackText'>): CardAttachment {
  const fallbackText = plainLines([
    'Guided checklists. If a child is in immediate danger, call 999 first.',
    ...model.unfinished.map((u) => `Unfinished: ${u.title} (${u.detail})`),
    ...model.checklists.map((c) => `${c.title}: type "checklist ${c.id}"`),
  ]);
  return renderCard('checklist-menu', { ...model, fallbackText });
}

export function unfinishedItem(view: RunView): ChecklistMenuModel['unfinished'][number] {
  const where = view.kind === 'step' ? `question ${view.progress.current} of up to ${view.progress.total}` : STATUS_WORDS[view.run.status];
  return { runId: view.run.id, title: view.checklist.title, detail: `Started ${formatLondonDateTime(new Date(view.run.startedAt))}; ${where}` };
}

export function checklistStepCard(model: ChecklistStepModel): CardAttachment {
  return renderCard('checklist-step', model);
}

export function checklistSummaryCard(model: ChecklistSummaryModel): CardAttachment {
  return renderCard('checklist-summary', model);
}

export function checklistHistoryCard(entries: readonly HistoryEntry[], retentionDays: number): CardAttachment {
  const runs = entries.map((e) => ({
    runId: e.runId,
    title: e.title,
    detail: `Started ${formatLondonDateTime(new Date(e.startedAt))}; ${STATUS_WORDS[e.status]}${e.outcomeTitle ? `: ${e.outcomeTitle}` : ''}`,
    openLabel: e.status === 'active' ? 'Resume' : 'Open',
  }));
  const retentionLine = `Checklists are kept for ${retentionDays} days after they were last used, then deleted.`;
  return renderCard('checklist-history', {
    retentionLine,
    runs,
    fallbackText: plainLines(['Your recent checklists', retentionLine, ...runs.map((r) => `${r.title}: ${r.detail}`)]),
  });
}
