/**
 * The partnerships a user can choose, and reading a partnership's name typed after the
 * `partnership` command ("partnership city and hackney", "partnership Harrow").
 */
import { PARTNERSHIP_IDS, type PartnershipId } from '../knowledge/schema.ts';
import { PARTNERSHIP_LABELS } from '../domain/answering/partnerships.ts';
import { trimTrailing } from '../shared/trim.ts';
import type { PartnershipOption } from '../cards/partnership-card.ts';

export const PARTNERSHIP_OPTIONS: readonly PartnershipOption[] = PARTNERSHIP_IDS.map((id) => ({ id, label: PARTNERSHIP_LABELS[id] }));

export function partnershipLabel(id: string | null | undefined): string | null {
  return id && (PARTNERSHIP_IDS as readonly string[]).includes(id) ? PARTNERSHIP_LABELS[id as PartnershipId] : null;
}

export function isPartnershipId(value: string): value is PartnershipId {
  return (PARTNERSHIP_IDS as readonly string[]).includes(value);
}

const ALIASES: ReadonlyArray<[PartnershipId, RegExp]> = [
  ['haringey', /^(haringey|haringay|harringey)$/],
  ['harrow', /^harrow$/],
  ['city-hackney', /^(city-hackney|hackney|city|city of london|city and hackney|city & hackney|city of london and hackney|city of london & hackney)$/],
];

export function parsePartnershipName(text: string): PartnershipId | null {
  let t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  t = trimTrailing(t, '.!');
  return ALIASES.find(([, re]) => re.test(t))?.[0] ?? null;
}
