/**
 * What `ask --explain` prints for each stage of the engine: what the stage saw and decided.
 * Built only when a trace was asked for (never logged: it holds the message's words).
 */
import type { PartnershipId } from '../../knowledge/schema.ts';
import type { TriageResult } from '../triage/triage.ts';
import type { IntentWeights } from './intents.ts';
import type { ScoredUnit } from './matcher.ts';
import type { ScopeReading } from './scope.ts';

/** One stage of the pipeline as `ask --explain` prints it: what the stage saw and decided. */
export interface TraceStep {
  stage: 'normalise' | 'triage' | 'scope' | 'context' | 'retrieve' | 'verify' | 'compose';
  detail: string;
}

export function describeTriage(situation: TriageResult): string {
  const c = situation.classifier;
  const groups = Object.entries(situation.matched)
    .map(([g, w]) => `${g}(${w.slice(0, 3).join('/')})`)
    .join(' ');
  const urgency = situation.urgency === undefined ? '' : `; urgency ${situation.urgency.toFixed(1)}`;
  return `routes ${situation.routes.join(' > ') || 'none'} by ${situation.by}; classifier ${c ? `${c.label} margin ${c.margin.toFixed(1)}${c.used ? ' (used)' : ''}` : 'off'}${urgency}; groups ${groups || 'none'}`;
}

export function describeScope(scoped: ScopeReading | null): string {
  return scoped
    ? `${scoped.outOfScope ? 'out of scope' : scoped.by === 'reader' ? 'off-topic unless a strong match' : 'in scope'} (${scoped.by}, reader margin ${scoped.margin.toFixed(1)})`
    : 'in scope (describes a situation)';
}

export function describeContext(c: {
  scope: readonly PartnershipId[] | null;
  across: boolean;
  intent: IntentWeights;
  terms: readonly string[];
  corrected: string;
  raw: string;
}): string {
  const intent =
    Object.entries(c.intent)
      .filter(([, w]) => w > 0)
      .map(([k, w]) => `${k}=${w}`)
      .join(' ') || 'none';
  return `partnerships ${c.scope?.join(', ') ?? 'any'}${c.across ? ' (across partnerships)' : ''}; intent ${intent}; terms ${c.terms.join(' ')}${c.corrected !== c.raw ? `; corrected "${c.corrected}"` : ''}`;
}

export function describeRanked(ranked: readonly ScoredUnit[]): string {
  return (
    ranked
      .slice(0, 5)
      .map((r) => `${r.unit.key} ${r.score.toFixed(2)} (entity ${r.entity.toFixed(2)}, lexical ${r.lexical.toFixed(2)}, own ${r.own.toFixed(2)})`)
      .join('; ') || 'nothing'
  );
}
