/**
 * Which partnership a question names, and whether it names somewhere we do not cover.
 * Other councils' arrangements are out of scope: answering them with the nearest fact
 * about Haringey would be a confident wrong answer.
 */
import type { PartnershipId } from '../../knowledge/schema.ts';
import { normalise } from './text.ts';

/**
 * Words that place a question rather than name what it is about: partnership context comes
 * from them, so they neither match a record's name nor count as covered content.
 */
export const PLACE_TERMS = new Set(['haringey', 'harrow', 'hackney', 'city', 'london', 'borough', 'partnership']);

export const PARTNERSHIP_LABELS: Record<PartnershipId, string> = {
  haringey: 'Haringey',
  harrow: 'Harrow',
  'city-hackney': 'City of London & Hackney',
};

// Patterns over normalised text ("&" is already "and"). Order matters only for readability.
const MENTIONS: Array<[PartnershipId, RegExp]> = [
  ['haringey', /\b(haringey|haringay|harringey|hscp|lscb|wood green)\b/],
  ['harrow', /\b(harrow|harow|harro|hscb|hsab|ssp)\b/],
  ['city-hackney', /\b(hackney|hackny|city of london|city and hackney|city hackney|chscp|chscb|icsc|the city)\b/],
];

/** Partnerships named in a question, in order of first mention. */
export function mentionedPartnerships(question: string): PartnershipId[] {
  const text = normalise(question);
  return MENTIONS.filter(([, re]) => re.test(text))
    .map(([id, re]) => [id, text.search(re)] as const)
    .sort((a, b) => a[1] - b[1])
    .map(([id]) => id);
}

// Councils and areas people might ask about that this deployment does not cover.
const ELSEWHERE =
  /\b(leeds|manchester|birmingham|liverpool|bristol|sheffield|newcastle|nottingham|leicester|coventry|bradford|cardiff|glasgow|edinburgh|belfast|kent|surrey|essex|sussex|hertfordshire|yorkshire|lancashire|devon|cornwall|norfolk|suffolk|oxford|cambridge|camden|islington|enfield|barnet|brent|ealing|hillingdon|hounslow|lambeth|southwark|lewisham|greenwich|tower hamlets|newham|redbridge|havering|barking|dagenham|bexley|bromley|croydon|sutton|merton|kingston|richmond|wandsworth|hammersmith|fulham|kensington|chelsea|westminster|waltham forest|wales|scotland|northern ireland)\b/;

/**
 * A place we do not cover, named without one we do. "Enfield" alone is elsewhere, but
 * "Enfield & Haringey" (the police command unit) is about Haringey.
 */
export function namesOnlyElsewhere(question: string): string | null {
  const text = normalise(question);
  const m = ELSEWHERE.exec(text);
  if (!m) return null;
  return mentionedPartnerships(question).length === 0 ? m[1]! : null;
}

/** "in each partnership", "across the three", "compare" ... */
export function asksAcrossPartnerships(question: string): boolean {
  const text = normalise(question);
  return (
    /\b(each|every|all|across|both|compare|comparison|different|three|3) (the )?(three |3 )?(partnership|borough|area|arrangement)s?\b/.test(text) ||
    /\b(across|in each|in all|for each|for all) (of )?(the )?(three|3|partnership|borough)/.test(text) ||
    /\bcompare\b/.test(text) ||
    /\b(haringey|harrow|hackney)\b.*\b(and|vs|versus|or)\b.*\b(haringey|harrow|hackney|city)\b/.test(text)
  );
}

/** The one place of the City & Hackney partnership a message names ("and Hackney's?"), or null when it names neither or both. */
export function onePlaceNamed(text: string): 'city' | 'hackney' | null {
  const city = /\bcity\b/i.test(text);
  const hackney = /\bhackney\b/i.test(text);
  return city === hackney ? null : city ? 'city' : 'hackney';
}

/** "And Hackney's?", "what about Harrow?": a message naming a partnership or one of the City & Hackney's places. */
export function namesPlace(question: string): boolean {
  return mentionedPartnerships(question).length > 0 || /\b(city|hackney)\b/i.test(question);
}
