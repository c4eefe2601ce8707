/**
 * Guided checklists in Teams: `checklist` (menu with unfinished runs), `checklist lado|
 * escalation|referral|serious-incident`, `checklist history`, and the card verbs. Every
 * submit carries runId and version; a stale or double click changes nothing, and the card
 * is redrawn in place with where the run really is. The domain runner does the work.
 */
import { z } from 'zod';
import { checklistHistoryCard, checklistMenuCard, checklistStepCard, checklistSummaryCard } from '../../cards/checklist-cards.ts';
import { stepModel, summaryModel, unfinishedItem, historyModel } from '../checklist-views.ts';
import { partnershipChoiceCard } from '../../cards/partnership-card.ts';
import type { CardAttachment } from '../../cards/render.ts';
import type { RunView, ChecklistRunner } from '../../domain/checklists/runner.ts';
import { AppError } from '../../shared/errors.ts';
import { checklistMigrations } from '../../storage/checklist-store.ts';
import { errorFields } from '../logger.ts';
import { isPartnershipId, partnershipLabel, PARTNERSHIP_OPTIONS } from '../partnerships.ts';
import { verbRoute, type Feature, type Turn } from '../route-types.ts';
import { MESSAGES, userMessageFor } from '../user-messages.ts';
import { partnershipFor } from './core.ts';

const DAY_MS = 86_400_000;

function cardFor(view: RunView, titles: ChecklistRunner['titles']): CardAttachment | null {
  if (view.kind === 'step') return checklistStepCard(stepModel(view, partnershipLabel(view.run.partnership) ?? view.run.partnership, titles));
  if (view.kind === 'summary') return checklistSummaryCard(summaryModel(view));
  return null;
}

/** Redraws the card the button was on (Teams: replyToId), or sends a new one. */
async function show(turn: Turn, view: RunView, inPlace: boolean): Promise<void> {
  const card = cardFor(view, turn.services.checklists.titles);
  const message = card ? { attachments: [card] } : { text: MESSAGES.checklistCancelled };
  const id = turn.context.activity.replyToId;
  if (inPlace && id) {
    try {
      await turn.context.updateActivity({ id, type: 'message', ...message });
      return;
    } catch (err) {
      // Some clients cannot update a card; a fresh card is the honest fallback.
      turn.services.logger.warn({ event: 'checklist.card_update_failed', run: view.run.id, ...errorFields(err) }, 'could not update the checklist card');
    }
  }
  await turn.context.sendActivity(message);
}

async function showMenu(turn: Turn): Promise<void> {
  const runner = turn.services.checklists;
  const partnership = await partnershipFor(turn.services, turn.scope);
  const unfinished = (await runner.unfinished(turn.user.id)).map(unfinishedItem);
  await turn.context.sendActivity({
    attachments: [
      checklistMenuCard({
        partnershipLine: partnership ? `For ${partnershipLabel(partnership)}.` : MESSAGES.checklistNeedsPartnership,
        checklists: runner.checklists.map((c) => ({ id: c.command, title: c.title, description: c.description })),
        unfinished,
      }),
    ],
  });
}

async function start(turn: Turn, command: string): Promise<void> {
  const runner = turn.services.checklists;
  const checklist = runner.findByCommand(command);
  if (!checklist) {
    await turn.context.sendActivity(MESSAGES.checklistUnknown(command, runner.checklists.map((c) => c.command).join(', ')));
    return;
  }
  const partnership = await partnershipFor(turn.services, turn.scope);
  if (!partnership || !isPartnershipId(partnership)) {
    await turn.context.sendActivity({
      text: MESSAGES.checklistNeedsPartnership,
      attachments: [partnershipChoiceCard(PARTNERSHIP_OPTIONS, null, turn.scope.noun)],
    });
    return;
  }
  const view = await runner.start(checklist.id, turn.user.id, partnership, new Date());
  turn.services.logger.info({ event: 'checklist.start', checklist: checklist.id, run: view.run.id }, 'checklist started');
  await show(turn, view, false);
}

async function history(turn: Turn): Promise<void> {
  const runner = turn.services.checklists;
  await turn.context.sendActivity({ attachments: [checklistHistoryCard(historyModel(await runner.history(turn.user.id, new Date()), runner.retentionDays))] });
}

/** Runs a change; a stale submit redraws the card with the run's real state and says so. */
async function change(turn: Turn, runId: string, act: (runner: ChecklistRunner) => Promise<RunView>): Promise<void> {
  const runner = turn.services.checklists;
  try {
    const view = await act(runner);
    turn.services.logger.info(
      { event: 'checklist.change', checklist: view.checklist.id, run: view.run.id, version: view.run.version, kind: view.kind },
      'checklist changed',
    );
    await show(turn, view, true);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    turn.services.logger.info({ event: 'checklist.rejected', run: runId, code: err.code }, 'checklist submit rejected');
    if (err.code === 'STALE_SUBMIT') {
      await show(turn, await runner.resume(runId, turn.user.id), true);
      await turn.context.sendActivity(MESSAGES.checklistStale);
    } else {
      // An input problem (an identifying note, a date that cannot count) is worded from its reason code.
      await turn.context.sendActivity(userMessageFor(err));
    }
  }
}

const Id = z.string().min(1).max(100);
const Version = z.coerce.number().int().min(1);
const RunRef = { runId: Id, version: Version };
const SUBCOMMANDS = /^(history|[a-z-]+)?$/i;
/** "a LADO checklist", "the serious incident checklist" after "start". */
const SPOKEN = /^(?:a |an |the )?([a-z][a-z -]*?) checklist$/i;

export const checklistsFeature: Feature = {
  name: 'checklists',
  migrations: checklistMigrations,
  commands: [
    {
      name: 'checklist',
      // "Start a LADO checklist" (a Teams prompt starter) starts one too.
      aliases: ['checklists', 'start'],
      usage: 'checklist [lado|escalation|referral|serious-incident|history]',
      description: 'Guided checklists for designated safeguarding leads: step by step, with deadlines, contacts and a record.',
      // "checklist for a LADO referral?" is a question; one word after "checklist" is a command.
      accepts: (args) => SUBCOMMANDS.test(args.trim()) || SPOKEN.test(args.trim()),
      async run(turn, args) {
        const spoken = SPOKEN.exec(args.trim());
        const word = (spoken ? spoken[1]!.replace(/\s+/g, '-') : args.trim()).toLowerCase();
        if (!word) return showMenu(turn);
        if (word === 'history') return history(turn);
        return start(turn, word);
      },
    },
  ],
  verbs: [
    verbRoute('checklist.menu', z.object({ verb: z.literal('checklist.menu') }), (turn) => showMenu(turn)),
    verbRoute('checklist.history', z.object({ verb: z.literal('checklist.history') }), (turn) => history(turn)),
    verbRoute('checklist.start', z.object({ verb: z.literal('checklist.start'), checklistId: Id }), (turn, d) => start(turn, d.checklistId)),
    verbRoute('checklist.resume', z.object({ verb: z.literal('checklist.resume'), runId: Id }), (turn, d) =>
      change(turn, d.runId, async (r) => r.resume(d.runId, turn.user.id)),
    ),
    verbRoute(
      'checklist.answer',
      z.object({
        verb: z.literal('checklist.answer'),
        ...RunRef,
        stepId: Id,
        choiceId: Id,
        note: z.string().max(2000).optional(),
        date: z.string().max(40).optional(),
      }),
      (turn, d) =>
        change(turn, d.runId, (r) =>
          r.answer(
            { runId: d.runId, userId: turn.user.id, version: d.version, stepId: d.stepId, choiceId: d.choiceId, note: d.note, date: d.date },
            new Date(),
          ),
        ),
    ),
    verbRoute('checklist.back', z.object({ verb: z.literal('checklist.back'), ...RunRef }), (turn, d) =>
      change(turn, d.runId, (r) => r.back({ runId: d.runId, userId: turn.user.id, version: d.version }, new Date())),
    ),
    verbRoute('checklist.restart', z.object({ verb: z.literal('checklist.restart'), ...RunRef }), (turn, d) =>
      change(turn, d.runId, (r) => r.restart({ runId: d.runId, userId: turn.user.id, version: d.version }, new Date())),
    ),
    verbRoute('checklist.cancel', z.object({ verb: z.literal('checklist.cancel'), ...RunRef }), (turn, d) =>
      change(turn, d.runId, (r) => r.cancel({ runId: d.runId, userId: turn.user.id, version: d.version }, new Date())),
    ),
  ],
  /** Applies retention daily (the runner itself is built by the composition root). */
  start(services) {
    const runner = services.checklists;
    const purge = () => {
      void runner
        .purge(new Date())
        .then((n) => services.logger.info({ event: 'checklist.retention', deleted: n }, 'old checklist runs deleted'))
        .catch((err: unknown) => services.logger.error({ event: 'checklist.retention_failed', ...errorFields(err) }, 'could not delete old checklist runs'));
    };
    purge();
    const timer = setInterval(purge, DAY_MS);
    timer.unref();
    return async () => clearInterval(timer);
  },
};
