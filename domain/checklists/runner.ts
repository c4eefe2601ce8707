/**
 * The checklist runner: a small state machine over the stored run. Every change is made
 * against the version the user saw (carried by the card), so a stale card, a double click
 * or two devices racing each other get a STALE_SUBMIT error instead of advancing twice.
 * No botbuilder here: the bot glue turns RunView into cards and errors into user text.
 */
import { randomUUID } from 'node:crypto';
import { AppError, invalidInput } from '../../shared/errors.ts';
import type { PartnershipId } from '../../knowledge/schema.ts';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import type { ContactDirectory } from '../contacts/contacts.ts';
import type { Checklist, Note, Step } from './schema.ts';
import { indexChecklist, longestRemaining, resolveNext, type ChecklistIndex } from './graph.ts';
import type { ChecklistRun, ChecklistRunStore } from './run.ts';
import { checkNote } from './note-guard.ts';
import { buildSummary, type ChecklistSummary, type DocumentTitles } from './summary.ts';
import { triggerDateFor } from './trigger.ts';

export type RunView =
  | { kind: 'step'; run: ChecklistRun; checklist: Checklist; step: Step; local: Note[]; progress: { current: number; total: number }; shownAt: Date }
  | { kind: 'summary'; run: ChecklistRun; checklist: Checklist; summary: ChecklistSummary }
  | { kind: 'cancelled'; run: ChecklistRun; checklist: Checklist };

/** What a card submit carries so the runner can tell a current submit from a stale one. */
export interface RunRef {
  runId: string;
  userId: string;
  version: number;
}

export interface RunnerDeps {
  checklists: readonly Checklist[];
  store: ChecklistRunStore;
  calendar: WorkingDayCalendar;
  contacts: ContactDirectory;
  titles: DocumentTitles;
  retentionDays: number;
  newId?: () => string;
  /** The time a resumed summary is shown at, for "overdue" (tests pass a fixed clock). */
  clock?: () => Date;
  /** A contact check older than this many days is shown as needing confirmation. */
  contactsMaxAgeDays?: number;
}

export interface HistoryEntry {
  runId: string;
  title: string;
  status: ChecklistRun['status'];
  startedAt: string;
  updatedAt: string;
  outcomeTitle?: string;
  partnership: PartnershipId;
}

export function createChecklistRunner(deps: RunnerDeps) {
  const byId = new Map(deps.checklists.map((c) => [c.id, { c, index: indexChecklist(c) }]));
  const newId = deps.newId ?? randomUUID;

  const definition = (id: string): { c: Checklist; index: ChecklistIndex } => {
    const found = byId.get(id);
    if (!found) throw new AppError('NOT_FOUND', `No checklist "${id}".`, { checklistId: id });
    return found;
  };

  const clock = deps.clock ?? (() => new Date());

  /** `now` is when the view is shown: deadlines already passed then are overdue. */
  const view = (run: ChecklistRun, now: Date = clock()): RunView => {
    const { c, index } = definition(run.checklistId);
    if (run.status === 'cancelled') return { kind: 'cancelled', run, checklist: c };
    if (run.status === 'completed') {
      return { kind: 'summary', run, checklist: c, summary: buildSummary(c, run, deps, now) };
    }
    const step = index.steps.get(run.currentStepId ?? '')!;
    const current = run.answers.length + 1;
    // The longest path from the start, fixed per checklist and partnership, so "of up to N" never
    // jumps about as answers take a shorter branch (it can only end sooner than N, as it says).
    const total = Math.max(current, longestRemaining(c, c.start, run.partnership));
    return { kind: 'step', run, checklist: c, step, local: step.local?.[run.partnership] ?? [], progress: { current, total }, shownAt: now };
  };

  /** Loads a run for its owner; another user's run is reported as not found, never shown. */
  const load = async (runId: string, userId: string): Promise<ChecklistRun> => {
    const run = await deps.store.get(runId);
    if (!run || run.userId !== userId) throw new AppError('NOT_FOUND', 'No such checklist run.', { runId });
    return run;
  };

  const stale = (run: ChecklistRun, reason: string) =>
    new AppError('STALE_SUBMIT', `This card is out of date (${reason}).`, { runId: run.id, version: run.version, status: run.status });

  /** Applies a change made against `ref.version`, or throws STALE_SUBMIT. */
  const change = async (ref: RunRef, now: Date, mutate: (run: ChecklistRun) => ChecklistRun, opts: { activeOnly?: boolean } = {}) => {
    const run = await load(ref.runId, ref.userId);
    if (run.version !== ref.version) throw stale(run, 'already answered');
    if (opts.activeOnly !== false && run.status !== 'active') throw stale(run, `run is ${run.status}`);
    const next = { ...mutate(structuredClone(run)), version: run.version + 1, updatedAt: now.toISOString() };
    if (!(await deps.store.update(next, run.version))) throw stale(run, 'changed at the same time');
    return view(next, now);
  };

  return {
    checklists: deps.checklists,
    /** The citation titles the runner's summaries use, so the step cards cite the same way. */
    titles: deps.titles,
    /** How long finished and abandoned runs are kept, as the history card says. */
    retentionDays: deps.retentionDays,
    findByCommand: (command: string) => deps.checklists.find((c) => c.command === command || c.id === command),

    async start(checklistId: string, userId: string, partnership: PartnershipId, now: Date): Promise<RunView> {
      const { c } = definition(checklistId);
      const run: ChecklistRun = {
        id: newId(),
        userId,
        checklistId: c.id,
        partnership,
        status: 'active',
        version: 1,
        startedAt: now.toISOString(),
        updatedAt: now.toISOString(),
        answers: [],
        currentStepId: c.start,
        outcomeId: null,
      };
      await deps.store.insert(run);
      return view(run, now);
    },

    async resume(runId: string, userId: string): Promise<RunView> {
      return view(await load(runId, userId));
    },

    /** `date` (YYYY-MM-DD) is the date entered at a trigger step when the choice is "on-date". */
    answer(ref: RunRef & { stepId: string; choiceId: string; note?: string; date?: string }, now: Date): Promise<RunView> {
      return change(ref, now, (run) => {
        if (run.currentStepId !== ref.stepId) throw stale(run, 'a different step is open');
        const { index } = definition(run.checklistId);
        const step = index.steps.get(ref.stepId)!;
        const choice = step.choices.find((ch) => ch.id === ref.choiceId);
        if (!choice) throw invalidInput('bad-choice', `"${ref.choiceId}" is not a choice on this step.`);
        const note = step.note ? checkNote(ref.note, step.note.maxLength) : undefined;
        const date = step.trigger ? triggerDateFor(choice.id, ref.date, now) : undefined;
        run.answers.push({ stepId: step.id, choiceId: choice.id, ...(note ? { note } : {}), ...(date ? { date } : {}) });
        const target = resolveNext(choice, run.partnership);
        if ('step' in target) run.currentStepId = target.step;
        else {
          run.currentStepId = null;
          run.outcomeId = target.outcome;
          run.status = 'completed';
        }
        return run;
      });
    },

    /** Goes back one question; from the summary, reopens the last question. */
    back(ref: RunRef, now: Date): Promise<RunView> {
      return change(
        ref,
        now,
        (run) => {
          if (run.status === 'cancelled') throw stale(run, 'run is cancelled');
          const last = run.answers.pop();
          if (!last) throw stale(run, 'already at the first question');
          run.currentStepId = last.stepId;
          run.outcomeId = null;
          run.status = 'active';
          return run;
        },
        { activeOnly: false },
      );
    },

    restart(ref: RunRef, now: Date): Promise<RunView> {
      return change(
        ref,
        now,
        (run) => {
          if (run.status === 'cancelled') throw stale(run, 'run is cancelled');
          run.answers = [];
          run.currentStepId = definition(run.checklistId).c.start;
          run.outcomeId = null;
          run.status = 'active';
          return run;
        },
        { activeOnly: false },
      );
    },

    cancel(ref: RunRef, now: Date): Promise<RunView> {
      return change(ref, now, (run) => {
        run.status = 'cancelled';
        run.currentStepId = null;
        return run;
      });
    },

    /** Unfinished runs, newest first, to offer on the checklist menu. */
    async unfinished(userId: string): Promise<RunView[]> {
      const runs = await deps.store.listByUser(userId, { status: 'active', limit: 10 });
      return runs.filter((r) => byId.has(r.checklistId)).map((r) => view(r));
    },

    /** The user's recent runs within the retention period. */
    async history(userId: string, now: Date): Promise<HistoryEntry[]> {
      const cutoff = new Date(now.getTime() - deps.retentionDays * 86_400_000).toISOString();
      const runs = await deps.store.listByUser(userId, { limit: 20 });
      return runs
        .filter((r) => r.updatedAt >= cutoff && byId.has(r.checklistId))
        .map((r) => {
          const { c, index } = definition(r.checklistId);
          const outcomeTitle = r.outcomeId ? index.outcomes.get(r.outcomeId)?.title : undefined;
          return {
            runId: r.id,
            title: c.title,
            status: r.status,
            startedAt: r.startedAt,
            updatedAt: r.updatedAt,
            partnership: r.partnership,
            ...(outcomeTitle ? { outcomeTitle } : {}),
          };
        });
    },

    /** Retention: deletes runs untouched for longer than the retention period. */
    purge(now: Date): Promise<number> {
      return deps.store.deleteUpdatedBefore(new Date(now.getTime() - deps.retentionDays * 86_400_000).toISOString());
    },
  };
}

export type ChecklistRunner = ReturnType<typeof createChecklistRunner>;
