/**
 * Checks on a ranked candidate before it is given as the answer: each catches a near miss that
 * the ranking alone lets through (a figure for another year, a figure about something else, a
 * "how much" answered without a quantity, a description where a name or a deadline was asked).
 * A reason code when the candidate does not answer the question, null when it does.
 */
import { secondClause } from './second-clause.ts';
import { countedThing, countsThing, namedBy } from './counted-thing.ts';
import type { IntentWeights } from './intents.ts';
import { statesCount, statesDate, statesQuantity, yearMismatch } from './limits.ts';
import type { ScoredUnit } from './matcher.ts';
import { FIELD_DIRECTED_WEIGHT, FIGURE } from './thresholds.ts';
import type { ReasonCode } from './types.ts';
import type { AnswerUnit } from './units.ts';

/** Attributes that describe a record in general: never an answer to a question that asks for one field. */
/** The fields a question asks for outright: weight at the top and strong ("how quickly" -> timescale). */
export function askedFieldsOf(intent: IntentWeights): Array<AnswerUnit['attr']> {
  const maxIntent = Math.max(0, ...Object.values(intent));
  return maxIntent >= FIELD_DIRECTED_WEIGHT
    ? (Object.entries(intent) as Array<[AnswerUnit['attr'], number]>).filter(([k, w]) => w === maxIntent && !GENERAL_ATTRS.has(k)).map(([k]) => k)
    : [];
}

/** Words that say where something is published or kept. */
const SAYS_WHERE = /\b(website|web site|webpage|web page|online|internet|intranet|repository|library|gov\.uk|www\.)/i;

export const GENERAL_ATTRS: ReadonlySet<string> = new Set(['summary', 'role', 'responsibilities']);

/** A sum of money as the documents write one: "£143,100", "112,998 pounds", a share in per cent. */
const STATES_MONEY = /£\s?\d|\d\s?(pounds|k\b)|\d\s?%|\bper ?cent\b/i;

export interface CandidateFacts {
  /** The years each document speaks for, by file: its publication year and the years its title names. */
  docYear: ReadonlyMap<string, string>;
  /** Whether a sentence names a person (domain/answering/people.ts). */
  namesPerson: (text: string) => boolean;
}

export function candidateCheck(
  corrected: string,
  intent: IntentWeights,
  { docYear, namesPerson }: CandidateFacts,
  /** The question as typed: its years keep their slashes ("20/21"), which the corrected words lose. */
  typed: string = corrected,
): (r: ScoredUnit, runnerUp?: boolean) => ReasonCode | null {
  const maxIntent = Math.max(0, ...Object.values(intent));
  // The thing counted as corrected ("referals" -> "referrals") and as typed ("sub groups": the
  // corrected "subgroups" is one word the documents write as two).
  const counted = countedThing(corrected);
  const countedAsTyped = typed === corrected ? null : countedThing(typed);
  // The fields the question asks for outright (weight at the top and strong), e.g. holder for "name of".
  const askedFields = askedFieldsOf(intent);
  const pastWhen = askedFields.includes('timescale') && (intent.pastWhen ?? 0) > 0;
  const asksPerson = (intent.person ?? 0) > 0 && (intent.holder ?? 0) > 0;
  const asksWhere = (intent.published ?? 0) > 0 && !secondClause(corrected);
  return (r: ScoredUnit, runnerUp = false): ReasonCode | null => {
    // A runner-up must earn its place on its own words: its year in its own sentence, not its document's date.
    const text = runnerUp
      ? `${r.unit.text} ${r.unit.record.name}`
      : [r.unit.text, r.unit.record.name, r.unit.record.historical?.asOf ?? '', ...r.unit.sources.map((x) => x.quote ?? '')].join(' ');
    const dated = runnerUp ? '' : r.unit.sources.map((x) => ('document' in x ? (docYear.get(x.document) ?? '') : '')).join(' ');
    if (yearMismatch(typed, text, dated)) return 'year-not-covered';
    if (r.unit.record.type === 'figure' && r.own < FIGURE.ownShare) return 'figure-not-found';
    if (maxIntent > 0 && intent.value === maxIntent && intent.cadence !== maxIntent && !statesCount(r.unit.text)) {
      return 'figure-not-found';
    }
    // "Where and at what time does the SSP meet?": no record holds a venue or a time of day, so
    // whatever ranks first (how often it meets) answers another question.
    if (askedFields.includes('unheld')) return 'field-not-stated';
    // "How much money does the police contribute?": a figure that is not a sum (a year, a count) is another answer.
    if (askedFields.includes('money') && !STATES_MONEY.test(r.unit.text)) return 'figure-not-found';
    // "The name of the person appointed as the ICSC": whatever field answers, it must name someone
    // (the holder field itself says "not stated" where the documents name nobody).
    if (asksPerson && r.unit.attr !== 'holder' && !namesPerson(r.unit.text)) return 'field-not-stated';
    // "What is the chair's name?" asked for a field: a description of the body is not that field.
    // Only a person asked for by name is checked this way: dates and figures are often stated
    // inside a description ("set up by September 2020"), and the figure checks cover those.
    if (askedFields.includes('holder') && !askedFields.includes(r.unit.attr) && GENERAL_ATTRS.has(r.unit.attr)) return 'field-not-stated';
    // "The name of the HSCB's independent chair": a chair named only by role is not a name.
    if (askedFields.includes('holder') && (r.unit.attr === 'chair' || r.unit.attr === 'viceChair') && !namesPerson(r.unit.text)) return 'field-not-stated';
    // "What's the deadline for...": a description with no date or period in it is not a timescale.
    if (askedFields.includes('timescale') && GENERAL_ATTRS.has(r.unit.attr) && !statesQuantity(r.unit.text)) return 'field-not-stated';
    // "When was the JTAI?", "when did the practice week take place?" ask for a date in the past: a
    // sentence with no year or month in it (whatever its field), or how often something meets, is another answer.
    if (pastWhen && (r.unit.attr === 'cadence' || !statesDate(r.unit.text))) {
      return 'field-not-stated';
    }
    // "Where are the reviews published?": a fact that says nothing of where (a website, online, a
    // repository) is about the reviews, not where to find them.
    // (Not for two questions in one: "when is it produced and where is it published?" is answered half by half.)
    if (asksWhere && !SAYS_WHERE.test(r.unit.text)) return 'field-not-stated';
    // "How many schools": a number of something else ("twelve agencies") answers another question.
    // A figure whose own name for what it counts is the word asked ("how many ICPCs", a figure
    // known as "ICPCs" that spells them out) counts that thing.
    const counts = (thing: NonNullable<typeof counted>, q: string) =>
      countsThing(`${r.unit.text} ${r.unit.record.name}`, thing, q) || (r.unit.record.type === 'figure' && namedBy(r.unit.record.aliases, thing));
    if (counted && !counts(counted, corrected) && !(countedAsTyped && counts(countedAsTyped, typed))) {
      return 'figure-not-found';
    }
    return null;
  };
}
