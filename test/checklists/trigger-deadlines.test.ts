/**
 * Deadlines count from the real trigger (the allegation reaching the employer, the local
 * authority becoming aware, the incident, the disagreement arising, the referral being
 * made), in England and Wales working days, whatever day the checklist is run. One table per checklist, across weekends
 * and bank holidays, including triggers days before the run and deadlines already overdue.
 * Each row is driven through the real runner on a real SQLite file. Expected dates were
 * counted by hand from the calendar, not computed by the code under test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipId } from '../../knowledge/schema.ts';
import type { RunView } from '../../domain/checklists/runner.ts';
import { serviceOn, tempSqlite, type TempDb } from './helpers.ts';

let t: TempDb;
let s: ReturnType<typeof serviceOn>;
beforeAll(async () => {
  t = await tempSqlite();
  s = serviceOn(t.db);
});
afterAll(async () => {
  await t.cleanup();
});

type Answer = readonly [stepId: string, choiceId: string, date?: string];

async function drive(checklistId: string, partnership: PartnershipId, runAt: string, answers: readonly Answer[]) {
  const at = new Date(runAt);
  let v: RunView = await s.start(checklistId, `u-${runAt}`, partnership, at);
  for (const [stepId, choiceId, date] of answers) {
    v = await s.answer({ runId: v.run.id, userId: `u-${runAt}`, version: v.run.version, stepId, choiceId, ...(date ? { date } : {}) }, at);
  }
  if (v.kind !== 'summary') throw new Error(`expected a summary, got ${v.kind}`);
  return v.summary;
}

const onDate = (stepId: string, date: string): Answer => [stepId, 'on-date', date];

describe("LADO: one working day after the allegation came to the employer's attention", () => {
  const lado = (when: Answer) =>
    [
      ['danger', 'no'],
      ['works-with-children', 'yes'],
      when,
      ['harm-test', 'yes'],
      ['told-dsl', 'yes'],
      ['do-not', 'no'],
      ['record', 'yes'],
      ['lado-contacted', 'no'],
    ] as const satisfies readonly Answer[];
  it.each([
    ['ordinary Tuesday, run the same day', '2026-03-10T10:00:00Z', onDate('when', '2026-03-10'), '2026-03-11', false],
    ['Friday, run on Monday: due Monday, not Tuesday', '2026-12-07T09:00:00Z', onDate('when', '2026-12-04'), '2026-12-07', false],
    ['Thursday, run on Monday: already overdue', '2026-12-07T09:00:00Z', onDate('when', '2026-12-03'), '2026-12-04', true],
    ['Saturday: counts from Monday', '2026-03-16T08:00:00Z', onDate('when', '2026-03-14'), '2026-03-16', false],
    ['Christmas Eve 2026, over Christmas and the Boxing Day substitute', '2026-12-29T09:00:00Z', onDate('when', '2026-12-24'), '2026-12-29', false],
    ['Maundy Thursday 2026, over Easter', '2026-04-02T15:00:00Z', onDate('when', '2026-04-02'), '2026-04-07', false],
    ['quick pick "today" late on a Friday (London date)', '2026-03-13T23:30:00Z', ['when', 'today'] as Answer, '2026-03-16', false],
    ['quick pick "yesterday" on a Tuesday after a bank holiday Monday', '2026-05-05T09:00:00Z', ['when', 'yesterday'] as Answer, '2026-05-05', false],
    ['quick pick "yesterday" late in BST (London date, not UTC)', '2026-07-01T23:30:00Z', ['when', 'yesterday'] as Answer, '2026-07-02', false],
  ] as const)('%s', async (_name, runAt, when, due, overdue) => {
    const summary = await drive('lado', 'haringey', runAt, lado(when));
    const tell = summary.actions.find((a) => a.id === 'tell-lado')!;
    expect(tell.dueAt).toBe(due);
    expect(tell.overdue === true).toBe(overdue);
    expect(tell.dueLabel).toContain("1 working day after the allegation came to the employer's attention");
    if (overdue) {
      expect(tell.dueLabel).toMatch(/^Overdue\./);
      expect(summary.record).toContain('This is overdue: do it now');
    }
  });
});

describe('serious incident: Panel 5 working days from the LA becoming aware; rapid review 15 from the incident', () => {
  const path = (aware: Answer, incident: Answer) =>
    [['criteria', 'yes'], ['la-told', 'yes'], aware, incident, ['looked-after', 'neither'], ['who-decides', 'understood']] as const satisfies readonly Answer[];
  it.each([
    [
      'over Christmas 2026, run after New Year',
      'city-hackney',
      '2027-01-04T10:00:00Z',
      onDate('la-aware', '2026-12-21'),
      onDate('incident-date', '2026-12-18'),
      '2026-12-30',
      '2027-01-13',
    ],
    [
      'over the early May bank holiday 2026',
      'haringey',
      '2026-05-05T10:00:00Z',
      onDate('la-aware', '2026-05-01'),
      onDate('incident-date', '2026-04-30'),
      '2026-05-11',
      '2026-05-22',
    ],
    [
      'LA told today, incident a week earlier',
      'harrow',
      '2026-03-11T09:30:00Z',
      ['la-aware', 'today'] as Answer,
      onDate('incident-date', '2026-03-04'),
      '2026-03-18',
      '2026-03-25',
    ],
  ] as const)('%s', async (_name, partnership, runAt, aware, incident, panel, rapid) => {
    const summary = await drive('serious-incident', partnership, runAt, path(aware, incident));
    const due = Object.fromEntries(summary.actions.map((a) => [a.id, a.dueAt]));
    expect(due.panel).toBe(panel);
    expect(due['rapid-review']).toBe(rapid);
    if (partnership === 'city-hackney') expect(due.icsc).toBe(panel);
    expect(summary.actions.find((a) => a.id === 'panel')!.dueLabel).toContain('5 working days after the local authority became aware of the incident');
    expect(summary.actions.find((a) => a.id === 'rapid-review')!.dueLabel).toContain('15 working days after the incident');
  });

  it('the Panel deadline is overdue when the LA became aware more than five working days before the run', async () => {
    const summary = await drive(
      'serious-incident',
      'haringey',
      '2026-12-01T10:00:00Z',
      path(onDate('la-aware', '2026-11-20'), onDate('incident-date', '2026-11-19')),
    );
    const panel = summary.actions.find((a) => a.id === 'panel')!;
    expect(panel.dueAt).toBe('2026-11-27');
    expect(panel.overdue).toBe(true);
  });
});

describe('escalation: London stage 1 within a working week of the disagreement arising', () => {
  const path = (when: Answer) => [['child-safe', 'safe'], ['about', 'referral'], when, ['stage-1', 'not-yet']] as const satisfies readonly Answer[];
  it.each([
    ['over the August bank holiday 2026', '2026-08-24T09:00:00Z', onDate('when', '2026-08-24'), '2026-09-01', false],
    ['arose before Christmas, run after New Year', '2027-01-04T09:00:00Z', onDate('when', '2026-12-23'), '2027-01-04', false],
    ['arose eleven days before the run: overdue', '2026-12-01T09:00:00Z', onDate('when', '2026-11-20'), '2026-11-27', true],
    ['quick pick "today" on a Wednesday', '2026-03-11T09:30:00Z', ['when', 'today'] as Answer, '2026-03-18', false],
  ] as const)('%s', async (_name, runAt, when, due, overdue) => {
    const summary = await drive('escalation', 'harrow', runAt, path(when));
    const discuss = summary.actions.find((a) => a.id === 'discuss')!;
    expect(discuss.dueAt).toBe(due);
    expect(discuss.overdue === true).toBe(overdue);
    expect(discuss.dueLabel).toContain('5 working days after the disagreement arose');
  });
});

describe('referral: acknowledgement and decision one working day after the referral was made', () => {
  const path = (referred: Answer, urgency: 'urgent' | 'routine' = 'urgent') =>
    [
      ['danger', 'no'],
      ['significant-harm', 'yes'],
      ['spoken-to-family', 'yes'],
      ['consent', 'no'],
      ['good-referral', 'yes'],
      referred,
      ['urgency', urgency],
    ] as const satisfies readonly Answer[];
  it.each([
    ['made today, a Wednesday', '2026-03-11T09:30:00Z', ['referred', 'today'] as Answer, 'urgent', '2026-03-12', false],
    ['made on Maundy Thursday 2026, over Easter', '2026-04-02T10:00:00Z', onDate('referred', '2026-04-02'), 'routine', '2026-04-07', false],
    ['made on Christmas Eve 2026, run on 29 December', '2026-12-29T08:00:00Z', onDate('referred', '2026-12-24'), 'urgent', '2026-12-29', false],
    ['made on a Friday, run on Monday: due Monday', '2026-03-16T09:00:00Z', onDate('referred', '2026-03-13'), 'routine', '2026-03-16', false],
    ['made on a Saturday: counts from Monday', '2026-03-16T09:00:00Z', onDate('referred', '2026-03-14'), 'urgent', '2026-03-16', false],
    [
      'quick pick "yesterday" on the Tuesday after the early May bank holiday',
      '2026-05-05T09:00:00Z',
      ['referred', 'yesterday'] as Answer,
      'routine',
      '2026-05-05',
      false,
    ],
    ['made the Thursday before, run on Monday: overdue', '2026-12-07T09:00:00Z', onDate('referred', '2026-12-03'), 'urgent', '2026-12-04', true],
  ] as const)('%s', async (_name, runAt, referred, urgency, due, overdue) => {
    const summary = await drive('referral', 'haringey', runAt, path(referred, urgency));
    const feedback = summary.actions.find((a) => a.id === 'feedback')!;
    expect(feedback.dueAt).toBe(due);
    expect(feedback.overdue === true).toBe(overdue);
    expect(feedback.dueLabel).toContain('1 working day after the referral was made');
    expect(feedback.dueLabel).not.toContain('from when this checklist was started');
    if (overdue) expect(feedback.dueLabel).toMatch(/^Overdue\./);
  });

  // Haringey's written follow-up is due 24 hours after the call, and only the call's day is known:
  // "by the same time" the next day, certainly overdue once that day has ended (calendar hours,
  // weekends included). It used to count from the start of the run, later than the real deadline
  // when the call was the day before.
  it.each([
    ['a call today', ['referred', 'today'] as Answer, 'Thursday 12 March 2026', false],
    ['a call yesterday', ['referred', 'yesterday'] as Answer, 'Wednesday 11 March 2026', false],
    ['a call two days ago', onDate('referred', '2026-03-09'), 'Tuesday 10 March 2026', true],
    ['a call on the Friday before', onDate('referred', '2026-03-06'), 'Saturday 7 March 2026', true],
  ] as const)("Haringey's written follow-up after %s", async (_name, referred, day, overdue) => {
    const runAt = '2026-03-11T09:30:00Z';
    const summary = await drive('referral', 'haringey', runAt, path(referred));
    const written = summary.actions.find((a) => a.id === 'written-haringey')!;
    expect(written.dueLabel).toContain(`By the same time on ${day}: 24 hours after the referral was made`);
    expect(written.overdue === true).toBe(overdue);
  });
});

describe('the trigger date itself', () => {
  const start = async (runAt: string) => {
    const v = await s.start('escalation', `d-${runAt}`, 'city-hackney', new Date(runAt));
    const a = await s.answer({ runId: v.run.id, userId: `d-${runAt}`, version: v.run.version, stepId: 'child-safe', choiceId: 'safe' }, new Date(runAt));
    return s.answer({ runId: a.run.id, userId: `d-${runAt}`, version: a.run.version, stepId: 'about', choiceId: 'plan' }, new Date(runAt));
  };
  it.each([
    ['no date entered', undefined, 'trigger-date-missing'],
    ['not a date', '31/02/2026', 'trigger-date-invalid'],
    ['an impossible date', '2026-02-30', 'trigger-date-invalid'],
    ['tomorrow', '2026-03-12', 'trigger-date-future'],
    ['more than a year ago', '2025-03-01', 'trigger-date-too-old'],
  ] as const)('refuses %s and records nothing', async (_name, date, reason) => {
    const v = await start(`2026-03-11T09:3${reason.length % 10}:00Z`);
    const ref = { runId: v.run.id, userId: v.run.userId, version: v.run.version, stepId: 'when', choiceId: 'on-date' };
    await expect(s.answer({ ...ref, ...(date ? { date } : {}) }, new Date('2026-03-11T10:00:00Z'))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { reason },
    });
    expect((await s.resume(v.run.id, v.run.userId)).run.answers).toHaveLength(2);
  });

  it('going back past the trigger step forgets its date', async () => {
    let v = await start('2026-03-11T08:00:00Z');
    v = await s.answer(
      { runId: v.run.id, userId: v.run.userId, version: v.run.version, stepId: 'when', choiceId: 'on-date', date: '2026-03-02' },
      new Date('2026-03-11T08:00:00Z'),
    );
    expect(v.run.answers.at(-1)).toMatchObject({ stepId: 'when', date: '2026-03-02' });
    v = await s.back({ runId: v.run.id, userId: v.run.userId, version: v.run.version }, new Date('2026-03-11T08:01:00Z'));
    expect(v.run.answers.some((a) => a.date)).toBe(false);
  });
});
