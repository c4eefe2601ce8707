/**
 * A checklist run: one lead working through one checklist. The run is stored whole; its
 * `version` increases by one on every change, and every change names the version it was
 * made against, so a stale or double-clicked card can never advance a run twice.
 */
import type { PartnershipId } from '../../knowledge/schema.ts';

export type RunStatus = 'active' | 'completed' | 'cancelled';

export interface RunAnswer {
  stepId: string;
  choiceId: string;
  /** Optional free text, already checked for obvious identifying details. */
  note?: string;
  /** At a trigger step: the London calendar date (YYYY-MM-DD) the event happened. */
  date?: string;
}

export interface ChecklistRun {
  id: string;
  userId: string;
  checklistId: string;
  partnership: PartnershipId;
  status: RunStatus;
  version: number;
  /**
   * ISO instant the run started. Deadlines of actions taken during the run count from here;
   * rule deadlines count from the trigger date answered at the trigger step.
   */
  startedAt: string;
  updatedAt: string;
  answers: RunAnswer[];
  /** The step awaiting an answer; null once completed or cancelled. */
  currentStepId: string | null;
  outcomeId: string | null;
}

/** The storage port the runner needs; storage/checklist-store.ts implements it. */
export interface ChecklistRunStore {
  insert(run: ChecklistRun): Promise<void>;
  get(id: string): Promise<ChecklistRun | undefined>;
  /** Saves `run` only if the stored version is still `expectedVersion`; false otherwise. */
  update(run: ChecklistRun, expectedVersion: number): Promise<boolean>;
  /** A user's runs, most recently updated first. */
  listByUser(userId: string, opts?: { status?: RunStatus; limit?: number }): Promise<ChecklistRun[]>;
  /** Retention: deletes runs last updated before the cutoff; returns how many. */
  deleteUpdatedBefore(cutoffIso: string): Promise<number>;
}
