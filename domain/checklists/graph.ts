/**
 * The graph check run at load: step and outcome ids are unique, every choice leads somewhere
 * that exists, every step and outcome is reachable from the start for some partnership, the
 * graph has no cycles (Back is a runner feature, not an edge), and every outcome has at least
 * one action for every partnership that can reach it. Also path enumeration, used by the
 * progress bar and by the tests that walk every path.
 */
import { PARTNERSHIP_IDS, type PartnershipId } from '../../knowledge/schema.ts';
import type { Checklist, Choice, Outcome, Step, Target } from './schema.ts';

export function resolveNext(choice: Choice, partnership: PartnershipId): Target {
  return 'byPartnership' in choice.next ? choice.next.byPartnership[partnership] : choice.next;
}

export interface ChecklistIndex {
  steps: ReadonlyMap<string, Step>;
  outcomes: ReadonlyMap<string, Outcome>;
}

export function indexChecklist(c: Checklist): ChecklistIndex {
  return {
    steps: new Map(c.steps.map((s) => [s.id, s])),
    outcomes: new Map(c.outcomes.map((o) => [o.id, o])),
  };
}

export function actionsFor(outcome: Outcome, partnership: PartnershipId) {
  return outcome.actions.filter((a) => !a.only || a.only.includes(partnership));
}

/** Returns every problem found, each naming the checklist and the step, choice or outcome. */
export function checkGraph(c: Checklist): string[] {
  const problems: string[] = [];
  const where = (s: string) => `checklist "${c.id}": ${s}`;
  const dupes = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);
  for (const id of dupes(c.steps.map((s) => s.id))) problems.push(where(`two steps share the id "${id}"`));
  for (const id of dupes(c.outcomes.map((o) => o.id))) problems.push(where(`two outcomes share the id "${id}"`));
  const { steps, outcomes } = indexChecklist(c);
  if (!steps.has(c.start)) problems.push(where(`start step "${c.start}" does not exist`));

  for (const step of c.steps) {
    for (const id of dupes(step.choices.map((ch) => ch.id))) problems.push(where(`step "${step.id}" has two choices with the id "${id}"`));
    for (const choice of step.choices) {
      for (const p of PARTNERSHIP_IDS) {
        const t = resolveNext(choice, p);
        if ('step' in t && !steps.has(t.step)) {
          problems.push(where(`step "${step.id}", choice "${choice.id}" leads to a step "${t.step}" that does not exist`));
        }
        if ('outcome' in t && !outcomes.has(t.outcome)) {
          problems.push(where(`step "${step.id}", choice "${choice.id}" leads to an outcome "${t.outcome}" that does not exist`));
        }
      }
    }
  }
  if (problems.length) return [...new Set(problems)];

  const reachedSteps = new Set<string>();
  const reachedOutcomes = new Map<string, Set<PartnershipId>>();
  for (const p of PARTNERSHIP_IDS) {
    // Depth-first walk with the current path on a stack to detect cycles.
    const onPath = new Set<string>();
    const done = new Set<string>();
    const visit = (id: string): void => {
      if (onPath.has(id)) {
        problems.push(where(`a cycle returns to step "${id}"`));
        return;
      }
      if (done.has(id)) return;
      onPath.add(id);
      reachedSteps.add(id);
      for (const choice of steps.get(id)!.choices) {
        const t = resolveNext(choice, p);
        if ('step' in t) visit(t.step);
        else {
          const set = reachedOutcomes.get(t.outcome) ?? new Set<PartnershipId>();
          set.add(p);
          reachedOutcomes.set(t.outcome, set);
        }
      }
      onPath.delete(id);
      done.add(id);
    };
    visit(c.start);
  }
  for (const s of c.steps) if (!reachedSteps.has(s.id)) problems.push(where(`step "${s.id}" cannot be reached from the start`));
  for (const o of c.outcomes) {
    const by = reachedOutcomes.get(o.id);
    if (!by) {
      problems.push(where(`outcome "${o.id}" cannot be reached from the start`));
      continue;
    }
    for (const p of by) {
      if (actionsFor(o, p).length === 0) problems.push(where(`outcome "${o.id}" has no actions for ${p}`));
    }
  }
  return [...new Set(problems)];
}

export interface PathStep {
  stepId: string;
  choiceId: string;
}
export interface ChecklistPath {
  partnership: PartnershipId;
  answers: PathStep[];
  outcomeId: string;
}

/** Every path from the start to an outcome, for one partnership. Assumes checkGraph passed. */
export function enumeratePaths(c: Checklist, partnership: PartnershipId): ChecklistPath[] {
  const { steps } = indexChecklist(c);
  const out: ChecklistPath[] = [];
  const walk = (id: string, trail: PathStep[]): void => {
    for (const choice of steps.get(id)!.choices) {
      const t = resolveNext(choice, partnership);
      const next = [...trail, { stepId: id, choiceId: choice.id }];
      if ('step' in t) walk(t.step, next);
      else out.push({ partnership, answers: next, outcomeId: t.outcome });
    }
  };
  walk(c.start, []);
  return out;
}

/** The most questions still to answer from a step (inclusive), for the progress display. */
export function longestRemaining(c: Checklist, stepId: string, partnership: PartnershipId): number {
  const { steps } = indexChecklist(c);
  const memo = new Map<string, number>();
  const depth = (id: string): number => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    let best = 0;
    for (const choice of steps.get(id)!.choices) {
      const t = resolveNext(choice, partnership);
      best = Math.max(best, 'step' in t ? depth(t.step) : 0);
    }
    memo.set(id, best + 1);
    return best + 1;
  };
  return depth(stepId);
}
