import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checklistHistoryCard, checklistMenuCard, checklistStepCard, stepModel, unfinishedItem } from '../../cards/checklist-cards.ts';
import { documentTitles } from '../../domain/checklists/service.ts';
import { adaptiveCardProblems } from '../support/adaptive-card.ts';
import { serviceOn, tempSqlite, WEDNESDAY, type TempDb } from './helpers.ts';

let t: TempDb;
beforeAll(async () => { t = await tempSqlite(); });
afterAll(async () => { await t.cleanup(); });

const findSubmits = (node: unknown, out: Array<Record<string, unknown>> = []) => {
  if (Array.isArray(node)) node.forEach((n) => findSubmits(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Submit') out.push(o.data as Record<string, unknown>);
    Object.values(o).forEach((v) => findSubmits(v, out));
  }
  return out;
};

describe('checklist cards', () => {
  it('the menu lists every checklist and unfinished runs, and validates at 1.5', async () => {
    const s = serviceOn(t.db);
    const open = await s.start('lado', 'user-a', 'harrow', WEDNESDAY);
    const card = checklistMenuCard({
      partnershipLine: 'For Harrow.',
      checklists: s.checklists.map((c) => ({ id: c.id, title: c.title, description: c.description })),
      unfinished: [unfinishedItem(open)],
    });
    expect(adaptiveCardProblems(card.content)).toEqual([]);
    const submits = findSubmits(card.content);
    expect(submits.filter((d) => d.verb === 'checklist.start').map((d) => d.checklistId)).toEqual(['escalation', 'lado', 'referral', 'serious-incident']);
    expect(submits).toContainEqual({ verb: 'checklist.resume', runId: open.run.id });
    expect(card.content.fallbackText).toContain('call 999');
  });

  it('a step card carries run id, step id and a numeric version on every button, and warns on free text', async () => {
    const s = serviceOn(t.db);
    let v = await s.start('escalation', 'user-a', 'harrow', WEDNESDAY);
    v = await s.answer({ runId: v.run.id, userId: 'user-a', version: v.run.version, stepId: 'child-safe', choiceId: 'safe' }, WEDNESDAY);
    if (v.kind !== 'step') throw new Error('expected a step');
    const card = checklistStepCard(stepModel(v, 'Harrow', documentTitles()));
    expect(adaptiveCardProblems(card.content)).toEqual([]);
    const answers = findSubmits(card.content).filter((d) => d.verb === 'checklist.answer');
    expect(answers).toHaveLength(4);
    for (const d of answers) expect(d).toMatchObject({ runId: v.run.id, stepId: 'about', version: 2 });
    expect(findSubmits(card.content).map((d) => d.verb)).toEqual(expect.arrayContaining(['checklist.back', 'checklist.restart', 'checklist.cancel']));
    expect(JSON.stringify(card.content)).toContain("Do not enter a child's name");
  });

  it('the history card validates with and without runs', async () => {
    const s = serviceOn(t.db);
    expect(adaptiveCardProblems(checklistHistoryCard([], 30).content)).toEqual([]);
    await s.start('referral', 'user-h', 'haringey', WEDNESDAY);
    const card = checklistHistoryCard(await s.history('user-h', WEDNESDAY), 30);
    expect(adaptiveCardProblems(card.content)).toEqual([]);
    expect(card.content.fallbackText).toContain('kept for 30 days');
  });
});
