/**
 * Development only (never imported by the bot): one card of every kind the bot sends, built from
 * real view models: real engine answers over the real knowledge base, a real run of every
 * checklist to its longest summary (every step of the LADO run on the way as the lead met it, on a
 * throwaway SQLite file), every other step of every checklist, the real reminder form over the
 * knowledge base's bodies. Shared by the rendering tests (SDK and Web Chat in Chromium) and
 * scripts/card-screenshots.ts, so both look at what users get.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { abstainCard } from '../cards/abstain-card.ts';
import { answerCard } from '../cards/answer-card.ts';
import { checklistMenuCard, checklistStepCard, checklistSummaryCard } from '../cards/checklist-cards.ts';
import { stepModel, summaryModel } from '../bot/checklist-views.ts';
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
import { expertTicketView } from '../bot/ticket-view.ts';
import { createAnswerEngine } from '../domain/answering/engine.ts';
import { createChecklistService, documentTitles } from '../domain/checklists/service.ts';
import type { RunView } from '../domain/checklists/runner.ts';
import type { Checklist, Step } from '../domain/checklists/schema.ts';
import { loadContacts } from '../domain/contacts/contacts.ts';
import { loadKnowledge } from '../knowledge/load.ts';
import { PARTNERSHIP_IDS, type PartnershipId } from '../knowledge/schema.ts';
import { openDatabase } from '../storage/database.ts';
import { migrate } from '../storage/migrate.ts';
import { checklistMigrations, createChecklistStore } from '../storage/checklist-store.ts';
import { answerView } from '../bot/answer-view.ts';

export interface GalleryCard {
  kind: string;
  card: CardAttachment;
}

const answerInput = { answerId: '0d5f6c1e-1111-4222-8333-444455556666', questionHash: 'a'.repeat(64), questionForFeedback: null };
/** One answer on a run: the step, the choice, and what the card's inputs carried (a trigger date, a note). */
type PathAnswer = [stepId: string, choiceId: string, input?: { date?: string; note?: string }];

/**
 * For each checklist, the run with the longest summary, so the height budget is checked on the
 * worst a lead will see: the path that answers the most steps, then the one that adds the most
 * actions and deadlines, in the partnership whose summary is longest (its own actions and
 * contacts). Found by running every path of every checklist for every partnership
 * (enumeratePaths) and comparing. Trigger dates are before the run, so deadlines already passed
 * show as overdue (the longest form an action takes), and a step that takes a note gets one of
 * realistic length.
 */
const SUMMARY_RUNS: Array<{ checklist: string; partnership: PartnershipId; path: PathAnswer[] }> = [
  {
    // Through 999, an unsure harm test, nobody told yet, an interview planned, no record, LADO not
    // told: 9 answers, 10 actions (7 with deadlines), to "refer now"; Harrow adds "immediately".
    checklist: 'lado',
    partnership: 'harrow',
    path: [
      ['danger', 'yes'],
      ['call-999', 'safe-now'],
      ['works-with-children', 'yes'],
      ['when', 'on-date', { date: '2026-03-06' }],
      ['harm-test', 'unsure'],
      ['told-dsl', 'no'],
      ['do-not', 'yes'],
      ['record', 'no', { note: 'Pupil says a supply teacher grabbed their arm in the corridor; two pupils saw it. Teacher is still on the rota this week.' }],
      ['lado-contacted', 'no'],
    ],
  },
  {
    // Every London stage, unresolved, to the partnership's own policy: 6 answers; Haringey's
    // contacts make its summary the longest.
    checklist: 'escalation',
    partnership: 'haringey',
    path: [
      ['child-safe', 'safe'],
      [
        'about',
        'referral',
        { note: 'Referral closed with no further action; we think the threshold for an assessment is met and the family is not engaging.' },
      ],
      ['when', 'on-date', { date: '2026-02-23' }],
      ['stage-1', 'unresolved'],
      ['stage-2', 'unresolved'],
      ['haringey-route', 'escalate'],
    ],
  },
  {
    // Level 3 need, not safe to tell the family, consent not sought, referral not complete, made
    // today, urgent: 8 answers, 7 actions; Haringey adds its 24-hour written referral.
    checklist: 'referral',
    partnership: 'haringey',
    path: [
      ['danger', 'no'],
      ['significant-harm', 'no-or-unsure'],
      ['level-of-need', 'level-3'],
      ['spoken-to-family', 'unsafe'],
      ['consent', 'yes'],
      ['good-referral', 'not-all'],
      ['referred', 'today'],
      ['urgency', 'urgent'],
    ],
  },
  {
    // The local authority learns of it today, three weeks after the incident, so the rapid review
    // is already overdue; a looked-after child: 6 answers, 8 actions in Haringey.
    checklist: 'serious-incident',
    partnership: 'haringey',
    path: [
      ['criteria', 'yes'],
      ['la-told', 'no'],
      ['la-aware', 'today'],
      ['incident-date', 'on-date', { date: '2026-02-16' }],
      ['looked-after', 'looked-after'],
      ['who-decides', 'understood'],
    ],
  },
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
    { kind: 'answer-fact', card: answerCard({ answer: answerView(fact), ...answerInput, partnershipLabel: 'Harrow' }) },
    { kind: 'answer-national', card: answerCard({ answer: answerView(national), ...answerInput, partnershipLabel: 'Harrow' }) },
    { kind: 'answer-comparison', card: answerCard({ answer: answerView(comparison), ...answerInput, partnershipLabel: null }) },
    {
      kind: 'abstain',
      card: abstainCard({ answer: answerView(vague), question: 'who chairs it', personLine: 'Talk to your designated safeguarding lead.', canAskLead: true }),
    },
    { kind: 'emergency', card: emergencyCard(['Harrow MASH: 020 8901 2690 (9am-5pm)', 'Harrow emergency duty team: 020 8424 0999']) },
    { kind: 'emergency-answer', card: answerCard({ answer: answerView(emergency), ...answerInput, partnershipLabel: null }) },
  ];

  const dir = mkdtempSync(join(tmpdir(), 'card-gallery-'));
  const db = await openDatabase(`sqlite:${join(dir, 'bot.db')}`);
  try {
    await migrate(db, checklistMigrations);
    const service = createChecklistService({ store: createChecklistStore(db), retentionDays: 30 });
    cards.push({
      kind: 'checklist-menu',
      card: checklistMenuCard({
        partnershipLine: 'For Harrow.',
        checklists: service.checklists.map((c) => ({ id: c.id, title: c.title, description: c.description })),
        unfinished: [],
      }),
    });
    const contacts = loadContacts();
    let ladoRun: RunView['run'] | undefined;
    for (const { checklist, partnership, path } of SUMMARY_RUNS) {
      const name = contacts.partnershipName(partnership);
      let view: RunView = await service.start(checklist, 'gallery-user', partnership, STARTED);
      for (const [stepId, choiceId, input] of path) {
        if (view.kind !== 'step' || view.step.id !== stepId) throw new Error(`${checklist} path expected step ${stepId}`);
        // The LADO run's steps are shown as the lead meets them (progress, Back), under their own kind.
        if (checklist === 'lado') cards.push({ kind: `checklist-step-${stepId}`, card: checklistStepCard(stepModel(view, name, documentTitles())) });
        view = await service.answer({ runId: view.run.id, userId: 'gallery-user', version: view.run.version, stepId, choiceId, ...input }, STARTED);
      }
      if (view.kind !== 'summary') throw new Error(`${checklist} path did not end in a summary`);
      cards.push({ kind: `checklist-summary-${checklist}`, card: checklistSummaryCard(summaryModel(view)) });
      if (checklist === 'lado') ladoRun = view.run;
    }
    // Every other step of every checklist, as a Harrow lead would see it (the run is only the card's context).
    const run = ladoRun!;
    const ladoSteps = SUMMARY_RUNS.find((r) => r.checklist === 'lado')!.path.map(([id]) => id);
    const stepCard = (checklist: Checklist, step: Step, partnership: PartnershipId) =>
      checklistStepCard(
        stepModel(
          {
            kind: 'step',
            run: { ...run, partnership },
            checklist,
            step,
            local: step.local?.[partnership] ?? [],
            progress: { current: 2, total: 8 },
            shownAt: STARTED,
          },
          contacts.partnershipName(partnership),
          documentTitles(),
        ),
      );
    for (const checklist of service.checklists) {
      for (const step of checklist.steps) {
        if (checklist.id === 'lado' && ladoSteps.includes(step.id)) continue;
        cards.push({ kind: `checklist-${checklist.id}-${step.id}`, card: stepCard(checklist, step, 'harrow') });
      }
      // Its longest step card (the most text, "Why this matters" included) where that is another partnership's.
      const longest = PARTNERSHIP_IDS.flatMap((p) =>
        checklist.steps.map((step) => ({ p, step, length: JSON.stringify(stepCard(checklist, step, p).content).length })),
      ).reduce((a, b) => (b.length > a.length ? b : a));
      if (longest.p !== 'harrow')
        cards.push({ kind: `checklist-${checklist.id}-${longest.step.id}-${longest.p}`, card: stepCard(checklist, longest.step, longest.p) });
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
      card: reminderListCard('Reminders in this conversation', [
        {
          id: 'r1',
          version: 1,
          meeting: body.name,
          facts: [
            { title: 'Next', value: 'Tuesday 7 April 2026 at 10:00 (UK time)' },
            { title: 'Repeats', value: 'every 3 months on the first Tuesday' },
            { title: 'Reminds', value: '1 week, 1 day before' },
            { title: 'Created by', value: 'Sam Manager' },
            { title: 'Last post', value: 'none yet' },
          ],
        },
      ]),
    },
    {
      kind: 'reminder-delivered',
      card: reminderCard({
        occurrenceId: 'occ-1',
        meeting: body.name,
        meetingAt: '2026-04-07T09:00:00Z',
        leadText: '1 day',
        chair: body.chair,
        cadence: body.cadence,
        agendaUrl: 'https://example.org/agenda',
        note: 'Papers are on the shared drive.',
        yes: 2,
        no: 1,
      }),
    },
    {
      kind: 'expert-ticket',
      card: expertTicketCard(
        expertTicketView({
          id: '5a3c1e0e-8f7b-4b7e-9a61-0d2f3c4b5a69',
          state: 'open',
          version: 1,
          question: 'Does the threshold document cover pre-birth assessments?',
          partnership: 'harrow',
          askerName: 'Sam Practitioner',
          askerConversationId: 'a:1',
          assigneeId: null,
          assigneeName: null,
          expertConversationId: '19:experts',
          expertActivityId: 'activity-1',
          createdAt: '2026-01-01T00:00:00Z',
          updatedAt: '2026-01-01T00:00:00Z',
        }),
      ),
    },
    { kind: 'search-result', card: searchResultCard('Who chairs the SSP?', answerView(fact), 'Harrow').card },
  );
  return cards;
}
