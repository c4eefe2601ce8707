/**
 * The checklist cards' view models, made from the runner's views: what the step, summary,
 * menu entries and history cards show, worked out here so the cards read only plain strings.
 */
import { formatLondonDateTime, londonDate, shiftLondonDate, startOfLondonDate } from '../domain/calendar/working-days.ts';
import { layerHeading, layeredNotes } from '../domain/checklists/layers.ts';
import type { Note } from '../domain/checklists/schema.ts';
import type { HistoryEntry, RunView } from '../domain/checklists/runner.ts';
import { contactLine, OVERDUE_ADVICE, sourceLabel, type ChecklistSummary, type DocumentTitles, type SummaryAction } from '../domain/checklists/summary.ts';
import type { ChecklistHistoryModel, ChecklistMenuModel, ChecklistStepModel, ChecklistSummaryModel } from '../cards/checklist-cards.ts';
import { plainLines } from '../cards/render.ts';

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

export function unfinishedItem(view: RunView): ChecklistMenuModel['unfinished'][number] {
  const where = view.kind === 'step' ? `question ${view.progress.current} of up to ${view.progress.total}` : STATUS_WORDS[view.run.status];
  return { runId: view.run.id, title: view.checklist.title, detail: `Started ${formatLondonDateTime(new Date(view.run.startedAt))}; ${where}` };
}

export function historyModel(entries: readonly HistoryEntry[], retentionDays: number): ChecklistHistoryModel {
  const runs = entries.map((e) => ({
    runId: e.runId,
    title: e.title,
    detail: `Started ${formatLondonDateTime(new Date(e.startedAt))}; ${STATUS_WORDS[e.status]}${e.outcomeTitle ? `: ${e.outcomeTitle}` : ''}`,
    openLabel: e.status === 'active' ? 'Resume' : 'Open',
  }));
  const retentionLine = `Checklists are kept for ${retentionDays} days after they were last used, then deleted.`;
  return {
    retentionLine,
    runs,
    fallbackText: plainLines(['Your recent checklists', retentionLine, ...runs.map((r) => `${r.title}: ${r.detail}`)]),
  };
}
