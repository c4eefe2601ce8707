/**
 * The order a step explains itself in: what the partnership's own documents say first, then
 * the London procedure, then the national rule, each labelled, so a lead never mistakes
 * London's stages or another area's page for their own partnership's rule. A note's layer
 * comes from its sources: a seed quote or the partnership's own page is local; the London
 * procedures are London; statute and DfE guidance are national; anything else is secondary.
 */
import type { PartnershipId } from '../../knowledge/schema.ts';
import type { Note, Step } from './schema.ts';

export const LAYERS = ['local', 'london', 'national', 'secondary'] as const;
export type Layer = (typeof LAYERS)[number];

export function layerOf(note: Pick<Note, 'sources'>): Layer {
  const scopes = note.sources.map((s) => ('document' in s ? 'local' : s.scope));
  if (scopes.includes('local')) return 'local';
  if (scopes.includes('london')) return 'london';
  if (scopes.includes('national')) return 'national';
  return 'secondary';
}

export function layerHeading(layer: Layer, partnershipName: string): string {
  switch (layer) {
    case 'local':
      return `${partnershipName}'s own documents`;
    case 'london':
      return 'London procedure (London-wide)';
    case 'national':
      return 'National rule';
    case 'secondary':
      return 'Other source (not primary; check locally)';
  }
}

/** The step's notes for one partnership, in layer order (stable within a layer). */
export function layeredNotes(step: Step, partnership: PartnershipId): Array<{ layer: Layer; note: Note }> {
  const notes = [...(step.local?.[partnership] ?? []), ...step.why].map((note) => ({ layer: layerOf(note), note }));
  return LAYERS.flatMap((layer) => notes.filter((n) => n.layer === layer));
}
