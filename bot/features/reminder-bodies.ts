/**
 * The meetings managers can pick on the reminder form: the knowledge base's current bodies (not
 * historical records, not bodies marked `former`), each with a short label, its cadence said once,
 * and the chair the partnership documents state (or nothing where they are silent).
 *
 * Built once by the composition root (bot/main.ts) from the knowledge base it loads, and reached
 * by features as `services.bodies`: this module keeps no state and loads nothing itself.
 */
import type { KnowledgeBase } from '../../knowledge/load.ts';
import { NOT_STATED, type PartnershipId } from '../../knowledge/schema.ts';

export interface BodyInfo {
  id: string;
  name: string;
  partnership: string | null;
  chair: string | null;
  /** The document's own words, e.g. "The HSCB will meet three times a year." */
  cadence: string | null;
  perYear: number | null;
}

export interface BodyLookup {
  all(): readonly BodyInfo[];
  get(id: string | null): BodyInfo | null;
}

const PER_YEAR: Record<number, string> = {
  1: 'yearly',
  2: 'twice a year',
  4: 'quarterly',
  6: 'every 2 months',
  12: 'monthly',
  26: 'fortnightly',
  52: 'weekly',
};

/** "quarterly", "3 times a year", or the document's words when they are short; null when unknown. */
export function cadenceLabel(b: Pick<BodyInfo, 'perYear' | 'cadence'>): string | null {
  if (b.perYear) return PER_YEAR[b.perYear] ?? `${b.perYear} times a year`;
  if (b.cadence && b.cadence.length <= 30) return b.cadence.replace(/\.$/, '');
  return null;
}

/** The body's name without a long explanatory bracket: "HSCP monthly partnership meeting (SSPM, DCI, ...)" -> "HSCP monthly partnership meeting". */
export function shortName(name: string): string {
  // "..., as described in the LSCB annual report": which document said it is for the answer's source line.
  const plain = name.replace(/,?\s*\(?as described in [^)]*\)?$/i, '').trim();
  if (plain.length <= 40) return plain;
  const trimmed = plain.replace(/\s*\([^)]*[\s,][^)]*\)\s*$/, '').trim();
  return trimmed.length >= 3 ? trimmed : plain;
}

/** The same body described by two documents (the arrangements and an annual report) is offered once. */
function sameBodyKey(b: BodyInfo): string {
  const words = shortName(b.name)
    .toLowerCase()
    .replace(/^(haringey|harrow|city of london|hackney|city & hackney)\s+/, '');
  return `${b.partnership ?? ''}|${words}`;
}

/** One choice title: "Strategic Safeguarding Partnership (SSP) · 3 times a year". */
export function bodyChoiceTitle(b: BodyInfo): string {
  const cadence = cadenceLabel(b);
  return cadence ? `${shortName(b.name)} · ${cadence}` : shortName(b.name);
}

export function bodiesFrom(kb: KnowledgeBase): BodyLookup {
  const bodies: BodyInfo[] = [];
  for (const r of kb.records) {
    if (r.type !== 'body' || r.historical || r.former) continue;
    bodies.push({
      id: r.id,
      name: r.name,
      partnership: r.partnership,
      chair: r.chair === NOT_STATED ? null : r.chair.text,
      cadence: r.cadence === NOT_STATED ? null : r.cadence.words,
      perYear: r.cadence === NOT_STATED ? null : r.cadence.perYear,
    });
  }
  // Where two records describe one body, keep the one that states a cadence (then the first).
  const keep = new Map<string, BodyInfo>();
  for (const b of bodies) {
    const key = sameBodyKey(b);
    const had = keep.get(key);
    if (!had || (!had.perYear && b.perYear)) keep.set(key, b);
  }
  const kept = new Set(keep.values());
  bodies.splice(0, bodies.length, ...bodies.filter((b) => kept.has(b)));
  bodies.sort((a, b) => `${a.partnership ?? ''} ${a.name}`.localeCompare(`${b.partnership ?? ''} ${b.name}`));
  const byId = new Map(bodies.map((b) => [b.id, b]));
  return { all: () => bodies, get: (id) => (id ? (byId.get(id) ?? null) : null) };
}

/** The conversation's partnership's bodies, and everyone else's (national bodies among the others). */
export function splitByPartnership(lookup: BodyLookup, partnership: PartnershipId | null): { own: BodyInfo[]; others: BodyInfo[] } {
  if (!partnership) return { own: [], others: [...lookup.all()] };
  return {
    own: lookup.all().filter((b) => b.partnership === partnership),
    others: lookup.all().filter((b) => b.partnership !== partnership),
  };
}

const NONE: readonly BodyInfo[] = Object.freeze([]);
/** No meetings to pick (the form asks for the meeting's name): for a server built without the knowledge base. */
export const NO_BODIES: BodyLookup = { all: () => NONE, get: () => null };
