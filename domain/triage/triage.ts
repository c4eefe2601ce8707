/**
 * Triage: what situation a message describes and which routes it needs, in order, before any
 * fact is looked up. Runs first on every message, so a disclosure is never refused as off-topic
 * and immediate danger always gets 999 first. The language knowledge is data (the vocabulary and
 * routes YAML); this file only evaluates it.
 */
import type { RouteId } from '../answering/types.ts';
import { tokenise } from './lemmas.ts';
import { compileTerm, MessageMatches, type CompiledTerm } from './patterns.ts';
import type { Condition, RouteDefinition, TriageData } from './types.ts';

export interface TriageResult {
  /** The routes the message needs, in the order to give them; empty when it describes no situation. */
  routes: RouteId[];
  /** Route definitions, same order. */
  definitions: RouteDefinition[];
  /** Variant records that apply (a low-level concern, a looked-after child). */
  extraRecords: string[];
  /** For the trace: which groups matched, with the message's words. Never logged. */
  matched: Record<string, string[]>;
}

export interface Triage {
  triage(message: string): TriageResult;
  readonly data: TriageData;
}

export function createTriage(data: TriageData): Triage {
  const names = new Set(Object.keys(data.groups));
  const compiled = new Map<string, CompiledTerm[]>(
    Object.entries(data.groups).map(([g, terms]) => [g, terms.map((t) => compileTerm(t, names))]),
  );

  const holds = (m: MessageMatches, c: Condition): boolean =>
    c.every((g) => (g.startsWith('!') ? !m.has(g.slice(1)) : m.has(g)));

  function triage(message: string): TriageResult {
    const m = new MessageMatches(tokenise(message), compiled);
    let fired = data.routes.filter((r) => r.when.some((c) => holds(m, c)) && !r.unless.some((c) => holds(m, c)));
    const suppressed = new Set(fired.flatMap((r) => r.suppress));
    fired = fired.filter((r) => !suppressed.has(r.id));
    const extraRecords = fired.flatMap((r) => r.variants.filter((v) => holds(m, v.when)).flatMap((v) => v.records));
    const matched: Record<string, string[]> = {};
    for (const g of names) if (m.has(g)) matched[g] = m.words(g);
    return { routes: fired.map((r) => r.id), definitions: fired, extraRecords, matched };
  }

  return { triage, data };
}
