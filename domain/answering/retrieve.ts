/**
 * Ranking a question's candidate units: the matcher's score, then what the question's own words
 * say about places (City vs Hackney), a second reading on a situation's procedure words, and a
 * stated fact before a "not stated" one. The engine then checks the candidates (candidates.ts).
 */
import type { PartnershipId } from '../../knowledge/schema.ts';
import type { IntentWeights } from './intents.ts';
import type { Matcher, ScoredUnit } from './matcher.ts';
import { allTerms, cueTerms } from './text.ts';
import { PLACE_SPECIFIC_FACTOR } from './thresholds.ts';

export interface RetrieveQuery {
  intent: IntentWeights;
  /** The question's content terms, and the procedure words a described situation adds (half weight). */
  terms: string[];
  hints: string[];
  entity: Map<string, number>;
  /** Partnerships the answer may come from (null: any). */
  scope: PartnershipId[] | null;
  historical: boolean;
  /** The question itself names a partnership. */
  namedPartnership: boolean;
}

export function retrieve(
  matcher: Matcher,
  corrected: string,
  { intent, terms, hints, entity, scope, historical, namedPartnership }: RetrieveQuery,
): ScoredUnit[] {
  // Only the City & Hackney partnership spans two places, so only its place words tell records apart.
  const places = [...new Set(allTerms(corrected))].filter((t) => t === 'city' || t === 'hackney' || t === 'london');
  const query = { intent, cues: cueTerms(corrected), partnerships: scope, historical, places, namedPartnership };
  let ranked = matcher.rank({ ...query, terms, hints }, entity);
  // A long description of a situation dilutes the procedure it points to: also rank on the
  // procedure's words alone ("escalation dispute resolution") and keep the better reading.
  const procedure = hints;
  if (procedure.length && terms.length >= 5 && (ranked[0]?.score ?? 0) < 0.45) {
    const alt = matcher.rank({ ...query, terms: procedure }, entity);
    if (alt[0] && (!ranked[0] || alt[0].score > ranked[0].score)) ranked = alt;
  }
  // "Hackney's threshold document": a record that holds only for the City is not an answer (and vice versa).
  const onePlace = places.includes('hackney') !== places.includes('city') ? (places.includes('hackney') ? 'hackney' : 'city') : null;
  if (onePlace) ranked = ranked.filter((r) => !r.unit.record.place || r.unit.record.place === onePlace);
  // Neither or both named: the partnership's shared record comes before one place's own.
  else if (ranked.some((r) => r.unit.record.place)) {
    ranked = ranked.map((r) => (r.unit.record.place ? { ...r, score: r.score * PLACE_SPECIFIC_FACTOR } : r)).sort((a, b) => b.score - a.score);
  }
  // When one description of a body is silent on the point and another states it, use the one that states it.
  if (ranked[0]?.unit.notStated) {
    const stated = ranked.findIndex((r) => r.unit.attr === ranked[0]!.unit.attr && !r.unit.notStated && r.score >= ranked[0]!.score * 0.8);
    if (stated > 0) ranked.unshift(...ranked.splice(stated, 1));
  }
  return ranked;
}
