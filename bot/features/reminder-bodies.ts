/**
 * The meetings managers can pick on the reminder form: the knowledge base's bodies, with the
 * chair and cadence the partnership documents state (or nothing where they are silent).
 */
import { loadKnowledge, type KnowledgeBase } from '../../knowledge/load.ts';
import { NOT_STATED } from '../../knowledge/schema.ts';

export interface BodyInfo {
  id: string;
  name: string;
  partnership: string | null;
  chair: string | null;
  cadence: string | null;
  perYear: number | null;
}

export interface BodyLookup {
  all(): readonly BodyInfo[];
  get(id: string | null): BodyInfo | null;
}

export function bodiesFrom(kb: KnowledgeBase): BodyLookup {
  const bodies: BodyInfo[] = [];
  for (const r of kb.records) {
    if (r.type !== 'body' || r.historical) continue;
    bodies.push({
      id: r.id,
      name: r.name,
      partnership: r.partnership,
      chair: r.chair === NOT_STATED ? null : r.chair.text,
      cadence: r.cadence === NOT_STATED ? null : r.cadence.words,
      perYear: r.cadence === NOT_STATED ? null : r.cadence.perYear,
    });
  }
  bodies.sort((a, b) => `${a.partnership ?? ''} ${a.name}`.localeCompare(`${b.partnership ?? ''} ${b.name}`));
  const byId = new Map(bodies.map((b) => [b.id, b]));
  return { all: () => bodies, get: (id) => (id ? byId.get(id) ?? null : null) };
}

let cached: BodyLookup | null = null;
/** The real knowledge base, loaded once (it is validated data, not per-request input). */
export function defaultBodies(): BodyLookup {
  cached ??= bodiesFrom(loadKnowledge());
  return cached;
}
