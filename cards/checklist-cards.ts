/**
 * The guided-checklist cards: the menu (start one, resume an unfinished one), a step
 * (question, choices, "why this matters" with sources, progress, Back / Start again / Cancel),
 * the summary (fits two phone screens: actions grouped under short deadlines, most urgent first,
 * those with no deadline behind a button; contacts; the answers as short labels; the record to
 * paste in a text box that keeps its line breaks; full questions, deadlines and sources behind
 * "Details and sources") and history.
 * Each is built from a typed view model (made in bot/checklist-views.ts); every submit carries runId and version so the
 * runner can tell a stale card from a current one.
 */
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

export function checklistMenuCard(model: Omit<ChecklistMenuModel, 'fallbackText'>): CardAttachment {
  const fallbackText = plainLines([
    'Guided checklists. If a child is in immediate danger, call 999 first.',
    ...model.unfinished.map((u) => `Unfinished: ${u.title} (${u.detail})`),
    ...model.checklists.map((c) => `${c.title}: type "checklist ${c.id}"`),
  ]);
  return renderCard('checklist-menu', { ...model, fallbackText });
}

export function checklistStepCard(model: ChecklistStepModel): CardAttachment {
  return renderCard('checklist-step', model);
}

export function checklistSummaryCard(model: ChecklistSummaryModel): CardAttachment {
  return renderCard('checklist-summary', model);
}

export function checklistHistoryCard(model: ChecklistHistoryModel): CardAttachment {
  return renderCard('checklist-history', model);
}
