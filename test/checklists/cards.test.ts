import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checklistHistoryCard, checklistMenuCard, checklistStepCard, checklistSummaryCard } from '../../cards/checklist-cards.ts';
import { stepModel, summaryModel, unfinishedItem, historyModel } from '../../bot/checklist-views.ts';
import type { RunView } from '../../domain/checklists/runner.ts';
import type { PartnershipId } from '../../knowledge/schema.ts';
import { documentTitles } from '../../domain/checklists/service.ts';
import { adaptiveCardProblems } from '../support/adaptive-card.ts';
import { serviceOn, tempSqlite, WEDNESDAY, type TempDb } from './helpers.ts';

let t: TempDb;
beforeAll(async () => {
  t = await tempSqlite();
});
afterAll(async () => {
  await t.cleanup();
});

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
    expect(adaptiveCardProblems(checklistHistoryCard(historyModel([], 30)).content)).toEqual([]);
    await s.start('referral', 'user-h', 'haringey', WEDNESDAY);
    const card = checklistHistoryCard(historyModel(await s.history('user-h', WEDNESDAY), 30));
    expect(adaptiveCardProblems(card.content)).toEqual([]);
    expect(card.content.fallbackText).toContain('kept for 30 days');
  });

  describe('the summary card fits a phone and keeps what it must carry', () => {
    const summaryOf = async (checklistId: string, partnership: PartnershipId, answers: Array<[string, string, { date?: string; note?: string }?]>) => {
      const s = serviceOn(t.db);
      let v: RunView = await s.start(checklistId, `user-${checklistId}`, partnership, WEDNESDAY);
      for (const [stepId, choiceId, input] of answers) {
        v = await s.answer({ runId: v.run.id, userId: `user-${checklistId}`, version: v.run.version, stepId, choiceId, ...input }, WEDNESDAY);
      }
      if (v.kind !== 'summary') throw new Error('expected the summary');
      return v;
    };

    it('groups the actions under short deadlines, overdue first, said once with what to do about it', async () => {
      const v = await summaryOf('lado', 'harrow', [
        ['danger', 'yes'],
        ['call-999', 'safe-now'],
        ['works-with-children', 'yes'],
        ['when', 'on-date', { date: '2026-03-06' }],
        ['harm-test', 'unsure'],
        ['told-dsl', 'no'],
        ['do-not', 'yes'],
        ['record', 'no', { note: 'Seen by two colleagues' }],
        ['lado-contacted', 'no'],
      ]);
      const m = summaryModel(v);
      // Friday 6 March plus one working day is Monday 9 March, passed on Wednesday 11 March.
      expect(m.actionGroups.map((g) => g.heading)).toEqual(['Overdue: by the end of Monday 9 March 2026 (1 working day after 6 March)', 'Now']);
      expect(m.actionGroups[0]!.advice).toBe('Do these now, and record when each was done and why it was late.');
      expect(m.actionGroups[0]!.items.map((i) => i.text)).toEqual([
        expect.stringMatching(/^Ask the LADO whether the harm test is met/),
        expect.stringMatching(/^Tell the LADO\./),
      ]);
      // The actions with no deadline are one tap away, and counted on the button; every action keeps its full deadline in the details.
      expect(m.moreActions).toHaveLength(3);
      expect(m.moreActionsTitle).toBe('3 more (no set deadline)');
      expect(m.actions.find((a) => a.text.startsWith('Tell the LADO.'))!.dueLabel).toBe(
        "Overdue. By the end of Monday 9 March 2026: 1 working day after the allegation came to the employer's attention (Friday 6 March 2026)",
      );
      // Short answer labels; the trigger's date is on the trigger line, the note's text in the record.
      expect(m.triggers).toEqual([{ line: "The allegation came to the employer's attention on Friday 6 March 2026." }]);
      expect(m.answersLine).toContain('**Harm test:** I am not sure');
      expect(m.answersLine).toContain('**Written record:** Not yet, with a note');
      expect(m.answersLine).not.toContain('6 March');
      expect(m.record).toContain('Note: Seen by two colleagues');
      expect(m.answers.find((a) => a.answer.includes('note:'))!.answer).toBe('Not yet (note: Seen by two colleagues)');
      const card = checklistSummaryCard(m);
      expect(adaptiveCardProblems(card.content)).toEqual([]);
      expect(JSON.stringify(card.content)).toContain('Deadlines count in working days from this date.');
    });

    it('orders deadlines by when they end: the same time the next day before the end of that day', async () => {
      const v = await summaryOf('referral', 'haringey', [
        ['danger', 'no'],
        ['significant-harm', 'no-or-unsure'],
        ['level-of-need', 'level-3'],
        ['spoken-to-family', 'unsafe'],
        ['consent', 'yes'],
        ['good-referral', 'not-all'],
        ['referred', 'today'],
        ['urgency', 'urgent'],
      ]);
      expect(summaryModel(v).actionGroups.map((g) => g.heading)).toEqual([
        'Now',
        'By the same time on Thursday 12 March 2026 (24 hours after 11 March)',
        'By the end of Thursday 12 March 2026 (1 working day after 11 March)',
      ]);
    });

    it('shows every action, without a heading, when none has a deadline', async () => {
      const v = await summaryOf('escalation', 'harrow', [
        ['child-safe', 'safe'],
        ['about', 'conference'],
      ]);
      const m = summaryModel(v);
      expect(m.actionGroups).toEqual([{ heading: '', advice: '', items: [{ text: expect.stringMatching(/dissent route/) }] }]);
      expect(m.moreActions).toEqual([]);
      expect(adaptiveCardProblems(checklistSummaryCard(m).content)).toEqual([]);
    });
  });
});
