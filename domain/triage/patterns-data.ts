/**
 * The vocabulary's compiled terms as plain JSON. Compiling reads every term through wink's tagger
 * (~1,500 terms: a fifth of a start's own time, issue 13), so `npm run build` keeps the result in
 * the knowledge snapshot and a production start reads it back instead.
 */
import { compileGroups, groupOf, type CompiledGroup, type CompiledTerm } from './patterns.ts';

/** Bump when compiling changes in code, so a snapshot from an older build is compiled afresh. */
const PATTERNS_DATA_VERSION = 1;

type ElementData = { kind: 'word'; forms: string[]; exact?: string } | Exclude<CompiledTerm[number], { kind: 'word' }>;

export interface PatternsData {
  version: number;
  /** Group name -> its compiled terms, in the vocabulary's order. */
  groups: Array<[string, ElementData[][]]>;
}

export function patternsData(compiled: ReadonlyMap<string, CompiledGroup>): PatternsData {
  return {
    version: PATTERNS_DATA_VERSION,
    groups: [...compiled].map(([name, g]) => [name, g.terms.map((t) => t.map((e) => (e.kind === 'word' ? { ...e, forms: [...e.forms] } : e)))]),
  };
}

/**
 * The groups compiled from `groups`, read from the build's data when it holds exactly these
 * groups with as many terms each (else compiled here: slower, never stale).
 */
export function compiledGroups(groups: Readonly<Record<string, readonly string[]>>, prebuilt?: PatternsData): Map<string, CompiledGroup> {
  const names = Object.keys(groups);
  const fits =
    prebuilt?.version === PATTERNS_DATA_VERSION &&
    prebuilt.groups.length === names.length &&
    prebuilt.groups.every(([name, terms], i) => name === names[i] && terms.length === groups[name]!.length);
  if (!prebuilt || !fits) return compileGroups(groups);
  return new Map(
    prebuilt.groups.map(([name, terms]) => [name, groupOf(terms.map((t) => t.map((e) => (e.kind === 'word' ? { ...e, forms: new Set(e.forms) } : e))))]),
  );
}
