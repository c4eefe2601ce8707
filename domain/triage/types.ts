/** The triage's data as validated from knowledge/triage/*.yaml (see knowledge/triage-load.ts). */
import type { PartnershipId } from '../../knowledge/schema.ts';
import type { ChecklistHint, RouteId } from '../answering/types.ts';

/** A condition: every group named must match; "!group" must not. */
export type Condition = string[];

export interface RouteDefinition {
  id: RouteId;
  title: string;
  when: Condition[];
  unless: Condition[];
  /** A reading (classifier or urgency) of this route is not used when one of these holds: the words say "not now". */
  readUnless: Condition[];
  /** The route such a reading stands for instead (past harm is a referral today, not 999). */
  readInstead?: RouteId;
  /** When one of these holds, the rules' reading of this route stands against the classifier's (a kind the classifier's features can't tell). */
  firm: Condition[];
  suppress: RouteId[];
  first: string;
  then?: string;
  basis: string[];
  local: Partial<Record<PartnershipId, string[]>>;
  variants: Array<{ when: Condition; records: string[] }>;
  checklist?: ChecklistHint;
  /** The kind of deployment contact that goes with this route (config/contacts). */
  contact?: 'police' | 'mash' | 'lado' | 'out-of-hours';
  examples: string[];
}

export interface TriageData {
  groups: Record<string, string[]>;
  /** group -> groups whose matches hide its matches inside them (a body's name names no child). */
  masks?: Record<string, string[]>;
  /** Groups whose matches do not count where a negation covers them (wink's negation reading). */
  negatable?: string[];
  /** Groups whose negated words carry the negation on to what they report ("hasn't said she'd hurt them"). */
  negationCarriers?: string[];
  routes: RouteDefinition[];
  none: string[];
  /** Example messages per label that train the classifier; the routes' own examples are added to them. */
  training: Partial<Record<RouteId | 'none', string[]>>;
  /** The written evaluation sets, labelled (knowledge/triage/written-sets.yaml). */
  learned?: LearnedSets;
  /** The procedure words a question gains from what it describes (knowledge/triage/concepts.yaml). */
  concepts?: ConceptDefinition[];
  /** Questions that gain no procedure words (tests). */
  conceptsNone?: string[];
}

export interface ConceptDefinition {
  when: Condition[];
  add: string;
  examples: string[];
}

/**
 * Messages from the written evaluation sets, which their writers labelled with routes. Learned by
 * the main reading (by first route) and the "after 999" reading, never by the urgency reading:
 * the sets name a situation's first route only, and "999, then the LADO" filed under the LADO
 * would teach it that danger now is not urgent.
 */
export interface LearnedSets {
  examples: Partial<Record<RouteId | 'none', string[]>>;
  /** Situations whose first route is 999, by the route their writer gave next. */
  afterEmergency: Partial<Record<RouteId, string[]>>;
  /** For the off-topic reader: questions the documents answer (in) and near-miss questions (off). */
  scope: { in: string[]; off: string[] };
}
