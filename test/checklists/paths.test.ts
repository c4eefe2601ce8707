/**
 * Every path through every checklist, for every partnership, generated from the graph:
 * each is driven through the real runner on a real SQLite file, every step card and the
 * summary card are validated with the adaptivecards SDK at 1.5, and the summary is checked
 * against the definition (the outcome reached, its actions, contacts and the record).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARTNERSHIP_IDS } from '../../knowledge/schema.ts';
import { loadChecklists } from '../../domain/checklists/load.ts';
import { actionsFor, enumeratePaths, indexChecklist } from '../../domain/checklists/graph.ts';
import { documentTitles } from '../../domain/checklists/service.ts';
import { loadContacts } from '../../domain/contacts/contacts.ts';
import { checklistStepCard, checklistSummaryCard } from '../../cards/checklist-cards.ts';
import { stepModel, summaryModel } from '../../bot/checklist-views.ts';
import { adaptiveCardProblems } from '../support/adaptive-card.ts';
import { serviceOn, tempSqlite, WEDNESDAY, type TempDb } from './helpers.ts';

const checklists = loadChecklists();
const titles = documentTitles();
const contacts = loadContacts();
const cases = checklists.flatMap((c) =>
  PARTNERSHIP_IDS.flatMap((p) =>
    enumeratePaths(c, p).map((path) => ({
      name: `${c.id} / ${p} / ${path.answers.map((a) => `${a.stepId}=${a.choiceId}`).join(' > ')} => ${path.outcomeId}`,
      checklist: c,
      path,
    })),
  ),
);

// Cards differ between paths only in progress and version, so each distinct card shape is
// validated once (the SDK parse is the slow part of this file on a 2-core machine).
const validated = new Set<string>();
const validateOnce = (key: string, content: unknown) => {
  if (validated.has(key)) return;
  validated.add(key);
  expect(adaptiveCardProblems(content), key).toEqual([]);
};

let t: TempDb;
let s: ReturnType<typeof serviceOn>;
beforeAll(async () => {
  t = await tempSqlite();
  s = serviceOn(t.db);
});
afterAll(async () => {
  await t.cleanup();
});

describe('every path through every checklist', () => {
  it('covers every outcome of every checklist', () => {
    for (const c of checklists) {
      const reached = new Set(cases.filter((x) => x.checklist.id === c.id).map((x) => x.path.outcomeId));
      expect([...reached].sort()).toEqual(c.outcomes.map((o) => o.id).sort());
    }
    expect(cases.length).toBeGreaterThan(100);
  });

  it.each(cases)('$name', async ({ checklist, path }) => {
    const user = `user-${path.partnership}`;
    const name = contacts.partnershipName(path.partnership);
    let view = await s.start(checklist.id, user, path.partnership, WEDNESDAY);
    for (const { stepId, choiceId } of path.answers) {
      if (view.kind !== 'step') throw new Error(`expected step ${stepId}, got ${view.kind}`);
      expect(view.step.id).toBe(stepId);
      expect(view.progress.current).toBeLessThanOrEqual(view.progress.total);
      const card = checklistStepCard(stepModel(view, name, titles));
      validateOnce(`${checklist.id}/${path.partnership}/${stepId}/${view.run.answers.length > 0}`, card.content);
      // A trigger step's "on-date" choice carries the date entered on the card: here a date before the run.
      const date = choiceId === 'on-date' ? '2026-03-06' : undefined;
      view = await s.answer({ runId: view.run.id, userId: user, version: view.run.version, stepId, choiceId, date }, WEDNESDAY);
    }
    if (view.kind !== 'summary') throw new Error(`expected the summary, got ${view.kind}`);
    const outcome = indexChecklist(checklist).outcomes.get(path.outcomeId)!;
    expect(view.summary.outcomeTitle).toBe(outcome.title);
    const ids = view.summary.actions.map((a) => a.id);
    for (const a of actionsFor(outcome, path.partnership)) expect(ids).toContain(a.id);
    for (const a of view.summary.actions) expect(a.sources.length).toBeGreaterThan(0);
    // Every working-day deadline says what it counts from; one from a trigger names the event and its date.
    for (const a of view.summary.actions.filter((x) => x.dueAt && !x.dueAt.includes('T'))) {
      expect(a.dueLabel, a.id).toMatch(/working days? (after .+ \(\w+day \d+ \w+ \d{4}\)|from when this checklist was started)$/);
    }
    expect(view.summary.contacts.length).toBeGreaterThan(0);
    expect(view.summary.answers).toHaveLength(path.answers.length);
    expect(view.summary.record).toContain(`Outcome: ${outcome.title}`);
    expect(view.summary.record).toContain(`Partnership: ${name}`);
    const card = checklistSummaryCard(summaryModel(view));
    validateOnce(`${checklist.id}/${path.partnership}/${path.outcomeId}`, card.content);
  });
});
