import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../storage/database.ts';
import { migrate } from '../../storage/migrate.ts';
import { checklistMigrations } from '../../storage/checklist-store.ts';
import type { RunView } from '../../domain/checklists/runner.ts';
import { serviceOn, tempSqlite, WEDNESDAY, type TempDb } from './helpers.ts';

let t: TempDb;
beforeEach(async () => {
  t = await tempSqlite();
});
afterEach(async () => {
  await t.cleanup();
});

const later = (mins: number) => new Date(WEDNESDAY.getTime() + mins * 60_000);
const ref = (v: RunView, userId = 'user-a') => ({ runId: v.run.id, userId, version: v.run.version });
const stepOf = (v: RunView) => (v.kind === 'step' ? v.step.id : v.kind);

describe('running a checklist', () => {
  it('asks the questions in order, shows progress, and ends with a summary', async () => {
    const s = serviceOn(t.db);
    let v = await s.start('lado', 'user-a', 'harrow', WEDNESDAY);
    expect(stepOf(v)).toBe('danger');
    expect(v.kind === 'step' && v.progress).toEqual({ current: 1, total: 9 });
    for (const [stepId, choiceId] of [
      ['danger', 'no'],
      ['works-with-children', 'yes'],
      ['when', 'yesterday'],
      ['harm-test', 'yes'],
      ['told-dsl', 'no'],
      ['do-not', 'no'],
      ['record', 'yes'],
      ['lado-contacted', 'no'],
    ] as const) {
      v = await s.answer({ ...ref(v), stepId, choiceId }, later(1));
    }
    expect(v.kind).toBe('summary');
    if (v.kind !== 'summary') return;
    expect(v.summary.answers[2]!.short).toBe("Came to employer's attention");
    expect(v.summary.answers[3]!.short).toBe('Harm test');
    expect(v.summary.outcomeTitle).toBe('Tell the LADO');
    const tellLado = v.summary.actions.find((a) => a.id === 'tell-lado')!;
    expect(tellLado.dueAt).toBe('2026-03-11');
    expect(tellLado.overdue).toBeUndefined();
    expect(v.summary.actions.find((a) => a.id === 'harrow-immediately')!.dueLabel).toBe('Now');
    expect(v.summary.actions.find((a) => a.id === 'tell-dsl')!.dueLabel).toBe('Now');
    expect(v.summary.contacts.map((c) => c.label)).toContain('Harrow LADO');
    expect(v.summary.record).toContain('Has the LADO been told? Not yet.');
    expect(v.summary.triggerLabels).toEqual(["The allegation came to the employer's attention on Tuesday 10 March 2026"]);
    expect(v.summary.record).toContain(
      "[By the end of Wednesday 11 March 2026: 1 working day after the allegation came to the employer's attention (Tuesday 10 March 2026)] Tell the LADO",
    );
  });

  it('progress counts up against a total that does not move when a shorter branch is taken', async () => {
    const s = serviceOn(t.db);
    let v = await s.start('lado', 'user-p', 'harrow', WEDNESDAY);
    const seen: string[] = [];
    for (const [stepId, choiceId] of [
      ['danger', 'no'],
      ['works-with-children', 'yes'],
      ['when', 'today'],
      ['harm-test', 'no'],
    ] as const) {
      if (v.kind === 'step') seen.push(`${v.progress.current} of ${v.progress.total}`);
      v = await s.answer({ ...ref(v, 'user-p'), stepId, choiceId }, later(1));
    }
    if (v.kind === 'step') seen.push(`${v.progress.current} of ${v.progress.total}`);
    // Before: "1 of up to 9", then "2 of up to 8" once the 999 branch was passed by.
    expect(seen).toEqual(['1 of 9', '2 of 9', '3 of 9', '4 of 9', '5 of 9']);
  });

  it('shows each partnership its own route', async () => {
    const s = serviceOn(t.db);
    const go = async (p: 'haringey' | 'harrow' | 'city-hackney') => {
      let v = await s.start('escalation', `u-${p}`, p, WEDNESDAY);
      for (const [stepId, choiceId] of [
        ['child-safe', 'safe'],
        ['about', 'referral'],
        ['when', 'today'],
        ['stage-1', 'unresolved'],
        ['stage-2', 'unresolved'],
      ] as const) {
        v = await s.answer({ ...ref(v, `u-${p}`), stepId, choiceId }, WEDNESDAY);
      }
      return stepOf(v);
    };
    expect(await go('haringey')).toBe('haringey-route');
    expect(await go('harrow')).toBe('harrow-route');
    expect(await go('city-hackney')).toBe('city-hackney-route');
  });
});

describe('stale and double submits', () => {
  it('a double click advances the run once and reports the second click as stale', async () => {
    const s = serviceOn(t.db);
    const v = await s.start('referral', 'user-a', 'haringey', WEDNESDAY);
    const submit = { ...ref(v), stepId: 'danger', choiceId: 'no' };
    const results = await Promise.allSettled([s.answer(submit, WEDNESDAY), s.answer(submit, WEDNESDAY)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: 'STALE_SUBMIT' });
    const now = await s.resume(v.run.id, 'user-a');
    expect(now.run.answers).toHaveLength(1);
    expect(now.run.version).toBe(2);
  });

  it('an old card (earlier step) changes nothing', async () => {
    const s = serviceOn(t.db);
    const first = await s.start('referral', 'user-a', 'haringey', WEDNESDAY);
    const second = await s.answer({ ...ref(first), stepId: 'danger', choiceId: 'no' }, WEDNESDAY);
    await s.answer({ ...ref(second), stepId: 'significant-harm', choiceId: 'yes' }, WEDNESDAY);
    await expect(s.answer({ ...ref(second), stepId: 'significant-harm', choiceId: 'no-or-unsure' }, WEDNESDAY)).rejects.toMatchObject({ code: 'STALE_SUBMIT' });
    await expect(s.back(ref(first), WEDNESDAY)).rejects.toMatchObject({ code: 'STALE_SUBMIT' });
    const now = await s.resume(first.run.id, 'user-a');
    expect(stepOf(now)).toBe('spoken-to-family');
  });

  it('a right version but wrong step is stale, and a submit after cancel is stale', async () => {
    const s = serviceOn(t.db);
    const v = await s.start('lado', 'user-a', 'harrow', WEDNESDAY);
    await expect(s.answer({ ...ref(v), stepId: 'harm-test', choiceId: 'yes' }, WEDNESDAY)).rejects.toMatchObject({ code: 'STALE_SUBMIT' });
    const c = await s.cancel(ref(v), WEDNESDAY);
    expect(c.kind).toBe('cancelled');
    await expect(s.answer({ ...ref(c), stepId: 'danger', choiceId: 'no' }, WEDNESDAY)).rejects.toMatchObject({ code: 'STALE_SUBMIT' });
  });

  it("another user's run is not found, and an unknown choice is invalid", async () => {
    const s = serviceOn(t.db);
    const v = await s.start('lado', 'user-a', 'harrow', WEDNESDAY);
    await expect(s.resume(v.run.id, 'user-b')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(s.answer({ ...ref(v, 'user-b'), stepId: 'danger', choiceId: 'no' }, WEDNESDAY)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(s.answer({ ...ref(v), stepId: 'danger', choiceId: 'maybe' }, WEDNESDAY)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('back, start again, cancel', () => {
  it('goes back one question, and from the summary back to the last question', async () => {
    const s = serviceOn(t.db);
    let v = await s.start('serious-incident', 'user-a', 'haringey', WEDNESDAY);
    v = await s.answer({ ...ref(v), stepId: 'criteria', choiceId: 'no' }, WEDNESDAY);
    v = await s.answer({ ...ref(v), stepId: 'looked-after-death', choiceId: 'no' }, WEDNESDAY);
    expect(v.kind).toBe('summary');
    v = await s.back(ref(v), WEDNESDAY);
    expect(stepOf(v)).toBe('looked-after-death');
    v = await s.back(ref(v), WEDNESDAY);
    expect(stepOf(v)).toBe('criteria');
    await expect(s.back(ref(v), WEDNESDAY)).rejects.toMatchObject({ code: 'STALE_SUBMIT' });
  });

  it('starts again from the first question, keeping the start time for deadlines', async () => {
    const s = serviceOn(t.db);
    let v = await s.start('escalation', 'user-a', 'harrow', WEDNESDAY);
    v = await s.answer({ ...ref(v), stepId: 'child-safe', choiceId: 'safe' }, later(5));
    v = await s.restart(ref(v), later(10));
    expect(stepOf(v)).toBe('child-safe');
    expect(v.run.answers).toEqual([]);
    expect(v.run.startedAt).toBe(WEDNESDAY.toISOString());
  });
});

describe('free-text notes', () => {
  it('keeps a general note and refuses one that looks identifying', async () => {
    const s = serviceOn(t.db);
    let v = await s.start('escalation', 'user-a', 'harrow', WEDNESDAY);
    v = await s.answer({ ...ref(v), stepId: 'child-safe', choiceId: 'safe' }, WEDNESDAY);
    for (const bad of ['born 03/04/2015', 'lives at N17 6RA', 'NHS 943 476 5919', 'mum on 07700 900123', 'email a@b.com']) {
      await expect(s.answer({ ...ref(v), stepId: 'about', choiceId: 'referral', note: bad }, WEDNESDAY)).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        details: { reason: 'identifying' },
      });
    }
    await expect(s.answer({ ...ref(v), stepId: 'about', choiceId: 'referral', note: 'x'.repeat(301) }, WEDNESDAY)).rejects.toMatchObject({
      details: { reason: 'note-too-long' },
    });
    v = await s.answer({ ...ref(v), stepId: 'about', choiceId: 'referral', note: 'Disagree with the threshold decision' }, WEDNESDAY);
    expect(v.run.answers[1]).toEqual({ stepId: 'about', choiceId: 'referral', note: 'Disagree with the threshold decision' });
  });
});

describe('unfinished runs, history and retention', () => {
  it('lists unfinished runs and recent history, and deletes runs past the retention period', async () => {
    const s = serviceOn(t.db, 30);
    const old = await s.start('lado', 'user-a', 'harrow', new Date('2026-01-01T10:00:00Z'));
    const open = await s.start('referral', 'user-a', 'harrow', WEDNESDAY);
    let done = await s.start('serious-incident', 'user-a', 'harrow', WEDNESDAY);
    done = await s.answer({ ...ref(done), stepId: 'criteria', choiceId: 'no' }, WEDNESDAY);
    await s.answer({ ...ref(done), stepId: 'looked-after-death', choiceId: 'no' }, later(2));
    await s.start('lado', 'user-b', 'haringey', WEDNESDAY);

    expect((await s.unfinished('user-a')).map((v) => v.run.id)).toEqual([open.run.id, old.run.id]);
    const history = await s.history('user-a', later(3));
    expect(history.map((h) => [h.title, h.status])).toEqual([
      ['Serious incident notification', 'completed'],
      ["Concern about a child (referral to children's social care / MASH)", 'active'],
    ]);
    expect(history[0]!.outcomeTitle).toBe('Below the notification criteria');

    expect(await s.purge(later(3))).toBe(1);
    await expect(s.resume(old.run.id, 'user-a')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('resumes a run after the process restarts (the SQLite file is closed and reopened)', async () => {
    const s1 = serviceOn(t.db);
    let v = await s1.start('lado', 'user-a', 'city-hackney', WEDNESDAY);
    v = await s1.answer({ ...ref(v), stepId: 'danger', choiceId: 'no' }, WEDNESDAY);
    await t.db.close();

    const db2 = await openDatabase(`sqlite:${t.file}`);
    t.db = db2;
    expect(await migrate(db2, checklistMigrations)).toEqual([]);
    const s2 = serviceOn(db2);
    const [resumed] = await s2.unfinished('user-a');
    expect(resumed && stepOf(resumed)).toBe('works-with-children');
    await expect(s2.answer({ ...ref(v), stepId: 'danger', choiceId: 'no' }, WEDNESDAY)).rejects.toMatchObject({ code: 'STALE_SUBMIT' });
    const next = await s2.answer({ ...ref(resumed!), stepId: 'works-with-children', choiceId: 'yes' }, WEDNESDAY);
    expect(stepOf(next)).toBe('when');
  });
});
