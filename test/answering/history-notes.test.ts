/**
 * An answer from history says why it is history, in the record's own terms (issue 12): a group of
 * the former LSCB is not "from the 2019 action plan" (it came from the 2018/19 annual report), a
 * body that no longer meets says why, and an answer from the 2009 action plan says so once.
 */
import { describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../domain/answering/engine.ts';
import { loadKnowledge } from '../../knowledge/load.ts';

const kb = loadKnowledge();
const engine = createAnswerEngine(kb);

describe('answers from history say why they are history', () => {
  it.each([
    ['who chaired the Haringey LSCB business group?', /History: a group of the former LSCB, which ceased to exist on 29 September 2019/],
    ['who chaired the JTAI implementation group in Haringey?', /No longer in place: met monthly until March 2019/],
    ['how often did the full Haringey LSCB board meet?', /No longer in place: .*replaced by the HSCP/],
  ])('%s', (q, note) => {
    const a = engine.answer(q);
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toMatch(note);
    expect(a.text).not.toMatch(/2019 action plan/);
  });

  it('an answer from the 2009 action plan names the plan once, and a current body carries no note', () => {
    const plan = engine.answer('In the 2009 action plan, how quickly were referral decisions to be made?');
    expect(plan.text.match(/2009/g)?.length ?? 0).toBeGreaterThan(0);
    expect(plan.text).not.toMatch(/No longer in place|History:/);
    const current = engine.answer('who chairs the HSCP Executive group?');
    expect(current.text).not.toMatch(/No longer in place|History:|historical document/);
  });
});
