/**
 * Development only (never imported by the bot): one card of every kind the bot sends, built from
 * real view models: real engine answers over the real knowledge base, a real LADO checklist run
 * (every step on the way and its summary, on a throwaway SQLite file), the real reminder form over
 * the knowledge base's bodies. Shared by the rendering tests (SDK and Web Chat in Chromium) and
 * scripts/card-screenshots.ts, so both look at what users get.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { abstainCard } from '../cards/abstain-card.ts';
import { answerCard } from '../cards/answer-card.ts';
import { checklistMenuCard, checklistStepCard, checklistSummaryCard, stepModel, summaryModel } from '../cards/checklist-cards.ts';
import { emergencyCard } from '../cards/emergency-card.ts';
import { expertTicketCard } from '../cards/expert-ticket-card.ts';
import { helpCard } from '../cards/help-card.ts';
import type { CardAttachment } from '../cards/render.ts';
import { reminderCard, reminderListCard } from '../cards/reminder-cards.ts';
import { searchResultCard } from '../cards/search-result-card.ts';
import { welcomeCard } from '../cards/welcome-card.ts';
import { EXAMPLE_QUESTIONS } from '../bot/features/core.ts';
import { bodiesFrom } from '../bot/features/reminder-bodies.ts';
import { formCard } from '../bot/features/reminder-form.ts';
import { PARTNERSHIP_OPTIONS } from '../bot/partnerships.ts';
import { createRouter } from '../bot/routes.ts';
import { createAnswerEngine } from '../domain/answering/engine.ts';
import { createChecklistService, documentTitles } from '../domain/checklists/service.ts';
import type { RunView } from '../domain/checklists/runner.ts';
import { loadKnowledge } from '../knowledge/load.ts';
import { openDatabase } from '../storage/database.ts';
import { migrate } from '../storage/migrate.ts';
import { checklistMigrations, createChecklistStore } from '../storage/checklist-store.ts';

export interface GalleryCard {
  kind: string;
  card: CardAttachment;
}

const answerInput = { answerId: '0d5f6c1e-1111-4222-8333-444455556666', questionHash: 'a'.repeat(64), questionForFeedback: null };
/**
 * The LADO path with the most questions: through the harm test to "referred". The allegation came
 * to the employer's attention the Friday before the run, so the summary shows an overdue deadline
 * (the longest form an action takes).
 */
const LADO_PATH: Array<[stepId: string, choiceId: string, date?: string]> = [
  ['danger', 'no'], ['works-with-children', 'yes'], ['when', 'on-date', '2026-03-06'], ['harm-test', 'yes'], ['told-dsl', 'i-am'], ['do-not', 'no'], ['record', 'yes'], ['lado-contacted', 'yes'],
];
const STARTED = new Date('2026-03-11T09:30:00Z');

export async function buildGallery(): Promise<GalleryCard[]> {
  const kb = loadKnowledge();
  const engine = createAnswerEngine(kb);
  const fact = engine.answer('Who chairs the Harrow Strategic Safeguarding Partnership?', { partnership: 'harrow' });
  const national = engine.answer('When do I go to the LADO?', { partnership: 'harrow' });
  const comparison = engine.answer('what is the harm test', {});
  const vague = engine.answer('who chairs it', {});
  const emergency = engine.answer('A child is being hurt right now', {});
  const commands = createRouter().commands.map((c) => ({ usage: c.usage, description: c.description }));

  const cards: GalleryCard[] = [
    { kind: 'welcome', card: welcomeCard({ partnerships: PARTNERSHIP_OPTIONS, current: null, examples: EXAMPLE_QUESTIONS, scopeNoun: 'for you' }) },
    { kind: 'help', card: helpCard(commands, null) },
    { kind: 'answer-fact', card: answerCard({ answer: fact, ...answerInput, partnershipLabel: 'Harrow' }) },
    { kind: 'answer-national', card: answerCard({ answer: national, ...answerInput, partnershipLabel: 'Harrow' }) },
    { kind: 'answer-comparison', card: answerCard({ answer: comparison, ...answerInput, partnershipLabel: null }) },
    { kind: 'abstain', card: abstainCard({ answer: vague, question: 'who chairs it', personLine: 'Talk to your designated safeguarding lead.', canAskLead: true }) },
    { kind: 'emergency', card: emergencyCard(['Harrow MASH: 020 8901 2690 (9am-5pm)', 'Harrow emergency duty team: 020 8424 0999']) },
    { kind: 'emergency-answer', card: answerCard({ answer: emergency, ...answerInput, partnershipLabel: null }) },
  ];

  const dir = mkdtempSync(join(tmpdir(), 'card-gallery-'));
  const db = await openDatabase(`sqlite:${join(dir, 'bot.db')}`);
  try {
    await migrate(db, checklistMigrations);
    const service = createChecklistService({ store: createChecklistStore(db), retentionDays: 30 });
    cards.push({
      kind: 'checklist-menu',
      card: checklistMenuCard({ partnershipLine: 'For Harrow.', checklists: service.checklists.map((c) => ({ id: c.id, title: c.title, description: c.description })), unfinished: [] }),
    });
    let view: RunView = await service.start('lado', 'gallery-user', 'harrow', STARTED);
    for (const [stepId, choiceId, date] of LADO_PATH) {
      if (view.kind !== 'step' || view.step.id !== stepId) throw new Error(`LADO path expected step ${stepId}`);
      cards.push({ kind: `checklist-step-${stepId}`, card: checklistStepCard(stepModel(view, 'Harrow', documentTitles())) });
      view = await service.answer({ runId: view.run.id, userId: 'gallery-user', version: view.run.version, stepId, choiceId, ...(date ? { date } : {}) }, STARTED);
    }
    if (view.kind !== 'summary') throw new Error('LADO path did not end in a summary');
    cards.push({ kind: 'checklist-summary', card: checklistSummaryCard(summaryModel(view)) });
    // Every other step of every checklist, as a Harrow lead would see it (the run is only the card's context).
    const run = view.run;
    for (const checklist of service.checklists) {
      for (const step of checklist.steps) {
        if (checklist.id === 'lado' && LADO_PATH.some(([id]) => id === step.id)) continue;
        const stepView = { kind: 'step' as const, run, checklist, step, local: step.local?.harrow ?? [], progress: { current: 2, total: 8 }, shownAt: STARTED };
        cards.push({ kind: `checklist-${checklist.id}-${step.id}`, card: checklistStepCard(stepModel(stepView, 'Harrow', documentTitles())) });
      }
    }
  } finally {
    await db.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }

  const bodies = bodiesFrom(kb);
  const body = bodies.all().find((b) => b.partnership === 'harrow' && b.chair && b.cadence) ?? bodies.all()[0]!;
  cards.push(
    { kind: 'reminder-form', card: formCard(bodies, STARTED, null, 'harrow') },
    {
      kind: 'reminder-list',
      card: reminderListCard('Reminders in this conversation', [{
        id: 'r1', version: 1, meeting: body.name,
        facts: [
          { title: 'Next', value: 'Tuesday 7 April 2026 at 10:00 (UK time)' },
          { title: 'Repeats', value: 'every 3 months on the first Tuesday' },
          { title: 'Reminds', value: '1 week, 1 day before' },
          { title: 'Created by', value: 'Sam Manager' },
          { title: 'Last post', value: 'none yet' },
        ],
      }]),
    },
    {
      kind: 'reminder-delivered',
      card: reminderCard({
        occurrenceId: 'occ-1', meeting: body.name, meetingAt: '2026-04-07T09:00:00Z', leadText: '1 day', chair: body.chair, cadence: body.cadence,
        agendaUrl: 'https://example.org/agenda', note: 'Papers are on the shared drive.', yes: 2, no: 1,
      }),
    },
    {
      kind: 'expert-ticket',
      card: expertTicketCard({
        id: '5a3c1e0e-8f7b-4b7e-9a61-0d2f3c4b5a69', state: 'open', version: 1, question: 'Does the threshold document cover pre-birth assessments?',
        partnership: 'harrow', askerName: 'Sam Practitioner', askerConversationId: 'a:1', assigneeId: null, assigneeName: null,
        expertConversationId: '19:experts', expertActivityId: 'activity-1', createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
      }, 'Harrow'),
    },
    { kind: 'search-result', card: searchResultCard('Who chairs the SSP?', fact, 'Harrow').card },
  );
  return cards;
}
