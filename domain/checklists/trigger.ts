/**
 * The trigger of a checklist: the event a rule's deadline counts from (the allegation
 * reaching the employer, the local authority becoming aware of an incident, a disagreement
 * arising). A checklist asks for its date at a trigger step, with "today" and "yesterday" as
 * quick picks, because a run is often started a day or more after the event, and a deadline
 * counted from the run would then be later than the real one.
 *
 * The load-time check here makes sure every deadline that counts from the trigger can only
 * be reached after the trigger step has been answered, and that trigger steps offer exactly
 * the quick picks the card renders.
 */
import { invalidInput } from '../../shared/errors.ts';
import { PARTNERSHIP_IDS } from '../../knowledge/schema.ts';
import { isIsoDate, londonDate, shiftLondonDate } from '../calendar/working-days.ts';
import { enumeratePaths, actionsFor, indexChecklist } from './graph.ts';
import { TRIGGER_CHOICES, type Action, type Checklist, type Step } from './schema.ts';
import type { ChecklistRun } from './run.ts';

/** How far back a trigger date may be: a year covers any run a lead would still act on. */
export const MAX_TRIGGER_AGE_DAYS = 366;

export interface TriggerFact {
  /** The trigger step that asked for it. */
  stepId: string;
  /** London calendar date, YYYY-MM-DD. */
  date: string;
  /** "the employer learned of the allegation". */
  event: string;
}

/**
 * The date a trigger-step answer stands for. Throws INVALID_INPUT (reason names the
 * problem) for a missing, malformed, future or too-old date; nothing is saved then.
 */
export function triggerDateFor(choiceId: string, entered: string | undefined, now: Date): string {
  const today = londonDate(now);
  if (choiceId === 'today') return today;
  if (choiceId === 'yesterday') return shiftLondonDate(today, -1);
  const date = entered?.trim();
  if (!date) throw invalidInput('trigger-date-missing', 'no date entered');
  if (!isIsoDate(date)) throw invalidInput('trigger-date-invalid', 'not a YYYY-MM-DD calendar date');
  if (date > today) throw invalidInput('trigger-date-future', 'the date is in the future');
  if (date < shiftLondonDate(today, -MAX_TRIGGER_AGE_DAYS))
    throw invalidInput('trigger-date-too-old', 'the date is more than a year ago', { maxDays: MAX_TRIGGER_AGE_DAYS });
  return date;
}

/** The triggers answered in this run, by step id, in the order asked. */
export function triggersOf(c: Checklist, run: Pick<ChecklistRun, 'answers'>): TriggerFact[] {
  const { steps } = indexChecklist(c);
  return run.answers.flatMap((a) => {
    const event = steps.get(a.stepId)?.trigger?.event;
    return event && a.date ? [{ stepId: a.stepId, date: a.date, event }] : [];
  });
}

/** The trigger a deadline counts from: `trigger` means the first one asked; a step id, that step's. */
export function triggerFor(from: string, triggers: readonly TriggerFact[]): TriggerFact | undefined {
  if (from === 'start') return undefined;
  return from === 'trigger' ? triggers[0] : triggers.find((t) => t.stepId === from);
}

const triggerDue = (a: Action): string | undefined => (a.due !== undefined && !('now' in a.due) && a.due.from !== 'start' ? a.due.from : undefined);

/** Problems with trigger steps and trigger deadlines; run after checkGraph has passed. */
export function checkTriggers(c: Checklist): string[] {
  const problems: string[] = [];
  const where = (s: string) => `checklist "${c.id}": ${s}`;
  const triggerSteps = c.steps.filter((s: Step) => s.trigger !== undefined);
  for (const s of triggerSteps) {
    const ids = s.choices.map((ch) => ch.id);
    if (ids.join() !== TRIGGER_CHOICES.join()) {
      problems.push(where(`trigger step "${s.id}" must offer exactly the choices ${TRIGGER_CHOICES.join(', ')} (has ${ids.join(', ')})`));
    }
  }
  const { steps, outcomes } = indexChecklist(c);
  // Is the trigger a deadline names already answered on this path?
  const answered = (from: string, asked: readonly string[]) => (from === 'trigger' ? asked.length > 0 : asked.includes(from));
  for (const s of c.steps.flatMap((st) => st.choices.flatMap((ch) => ch.actions)).concat(c.outcomes.flatMap((o) => o.actions))) {
    const from = triggerDue(s);
    if (from && from !== 'trigger' && !steps.get(from)?.trigger) problems.push(where(`action "${s.id}" counts from "${from}", which is not a trigger step`));
  }
  for (const p of PARTNERSHIP_IDS) {
    for (const path of enumeratePaths(c, p)) {
      const asked: string[] = [];
      for (const { stepId, choiceId } of path.answers) {
        const step = steps.get(stepId)!;
        if (step.trigger) asked.push(stepId);
        const choice = step.choices.find((ch) => ch.id === choiceId)!;
        for (const a of choice.actions) {
          const from = triggerDue(a);
          if (from && !answered(from, asked))
            problems.push(where(`step "${stepId}" choice "${choiceId}" action "${a.id}" counts from the trigger date, but no trigger step comes before it`));
        }
      }
      for (const a of actionsFor(outcomes.get(path.outcomeId)!, p)) {
        const from = triggerDue(a);
        if (from && !answered(from, asked))
          problems.push(where(`outcome "${path.outcomeId}" action "${a.id}" counts from the trigger date, but a path reaches it without asking it (${p})`));
      }
    }
  }
  return [...new Set(problems)];
}
