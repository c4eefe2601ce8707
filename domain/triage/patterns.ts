/**
 * The triage's small pattern language over tokens, compiled from the vocabulary's terms:
 *   slap                 a word, in any inflection (lemma or stem)
 *   foster carer         a phrase: consecutive words
 *   {worker}             any term of another group
 *   ~3                   up to three words in between
 *   ~4!family!report     up to four words, none of which starts a term of those groups
 *   ^                    the start of the message (first element only)
 *   |                    a clause break: punctuation between the words either side (last element only)
 * A group's matches in a message are spans [start, end); they are computed once per message.
 */
import type { Token } from './lemmas.ts';
import { tokenise } from './lemmas.ts';
import { KnowledgeError } from '../../shared/errors.ts';

type Element =
  | { kind: 'word'; forms: ReadonlySet<string>; exact?: string }
  | { kind: 'group'; name: string }
  | { kind: 'gap'; max: number; not: string[] }
  | { kind: 'start' }
  | { kind: 'break' };

export type CompiledTerm = Element[];

/** How many words may stand between a negated carrier ("hasn't said") and what it reports ("she'd"). */
const CARRY = 2;

/** A group's terms, with the terms listed by the word they start with (see MessageMatches.of). */
export interface CompiledGroup {
  terms: readonly CompiledTerm[];
  /** First word (any of its forms, or its exact form) -> ascending term positions. */
  byFirst: ReadonlyMap<string, readonly number[]>;
  /** Terms that start with "^" or a group: tried on every message. */
  rest: readonly number[];
}

export function compileGroups(groups: Readonly<Record<string, readonly string[]>>): Map<string, CompiledGroup> {
  const names = new Set(Object.keys(groups));
  return new Map(Object.entries(groups).map(([name, source]) => [name, groupOf(source.map((t) => compileTerm(t, names)))]));
}

/** A group's compiled terms with their first-word index. */
export function groupOf(terms: readonly CompiledTerm[]): CompiledGroup {
  const byFirst = new Map<string, number[]>();
  const rest: number[] = [];
  terms.forEach((term, i) => {
    const first = term[0]!;
    if (first.kind !== 'word') return rest.push(i);
    for (const f of first.exact ? [first.exact] : first.forms) {
      const list = byFirst.get(f);
      if (!list) byFirst.set(f, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  });
  return { terms, byFirst, rest };
}

export function compileTerm(term: string, groupNames: ReadonlySet<string>): CompiledTerm {
  const out: Element[] = [];
  for (const part of term.trim().split(/\s+/)) {
    const group = /^\{([a-z_]+)\}$/.exec(part);
    const gap = /^~(\d+)((?:![a-z_]+)*)$/.exec(part);
    if (part === '^' || part === '|') {
      out.push({ kind: part === '^' ? 'start' : 'break' });
    } else if (group) {
      if (!groupNames.has(group[1]!)) throw new KnowledgeError('KB_INVALID', `term "${term}" names an unknown group {${group[1]}}`);
      out.push({ kind: 'group', name: group[1]! });
    } else if (gap) {
      const not = gap[2] ? gap[2].split('!').filter(Boolean) : [];
      for (const g of not) if (!groupNames.has(g)) throw new KnowledgeError('KB_INVALID', `term "${term}" excludes an unknown group ${g}`);
      out.push({ kind: 'gap', max: Number(gap[1]), not });
    } else if (part.startsWith('~')) {
      // A gap written wrong would otherwise be read as a word nobody types, and the term never match.
      throw new KnowledgeError('KB_INVALID', `term "${term}" has a gap "${part}" that is not ~N or ~N!group`);
    } else if (part.startsWith('=') && part.length > 1) {
      for (const t of tokenise(part.slice(1))) out.push({ kind: 'word', forms: t.forms, exact: t.norm });
    } else {
      // A literal may tokenise into several words ("won't" -> "wo", "n't"): each is one element.
      for (const t of tokenise(part)) out.push({ kind: 'word', forms: t.forms });
    }
  }
  const inner = out.filter((e, i) => !(e.kind === 'start' && i === 0) && !(e.kind === 'break' && i === out.length - 1));
  // After "^" a gap may open the term ("^ ~2 {worker} |": a worker within the first words).
  const anchored = out[0]!.kind === 'start';
  if (
    !inner.length ||
    (inner[0]!.kind === 'gap' && !anchored) ||
    inner[inner.length - 1]!.kind === 'gap' ||
    inner.some((e) => e.kind === 'start' || e.kind === 'break')
  ) {
    throw new KnowledgeError('KB_INVALID', `term "${term}" must start and end with a word or a group ("^" only first, "|" only last)`);
  }
  return out;
}

function sameWord(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const f of a) if (b.has(f)) return true;
  return false;
}

/** Matches of every group in one message, computed lazily and remembered. */
export class MessageMatches {
  private readonly spans = new Map<string, Array<[number, number]>>();
  private readonly active = new Set<string>();
  /**
   * Positions of each form in the message. Why: a term can only match where its first word
   * stands, so a term is tried at those few positions, not at every token (the vocabulary has
   * ~1,500 terms; trying each at every position was a fifth of the time spent per question).
   */
  private readonly positions = new Map<string, number[]>();

  constructor(
    readonly tokens: readonly Token[],
    private readonly groups: ReadonlyMap<string, CompiledGroup>,
    /** group -> groups whose spans hide this group's spans inside them. */
    private readonly masks: Readonly<Record<string, readonly string[]>> = {},
    /** Groups whose matches do not count where a negation covers them ("not scared", "not hurt"). */
    private readonly negatable: ReadonlySet<string> = new Set(),
    /** Try every term at every position (what the indexes stand in for; the tests compare the two). */
    private readonly exhaustive = false,
    /** Groups whose negated words carry the negation on to what follows them (vocabulary `negationCarriers`). */
    private readonly carriers: readonly string[] = [],
  ) {
    tokens.forEach((t, i) => {
      for (const f of t.forms) {
        const list = this.positions.get(f);
        if (!list) this.positions.set(f, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
    });
  }

  /** A negated carrier word ends within the few words before `i` ("hasn't said [she'd] hurt"). */
  private carriesNegationTo(i: number): boolean {
    for (const g of this.carriers) {
      for (const [start, end] of this.of(g)) {
        if (this.tokens[start]!.negationStart && end <= i && i - end <= CARRY) return true;
      }
    }
    return false;
  }

  has(group: string): boolean {
    return this.of(group).length > 0;
  }

  /** The spans where a group's terms match; a group that refers to itself matches nothing more. */
  of(group: string): Array<[number, number]> {
    const known = this.spans.get(group);
    if (known) return known;
    if (this.active.has(group)) return [];
    this.active.add(group);
    const found: Array<[number, number]> = [];
    const compiled = this.groups.get(group);
    for (const ti of compiled ? (this.exhaustive ? compiled.terms.keys() : this.candidateTerms(compiled)) : []) {
      const term = compiled!.terms[ti]!;
      for (const i of this.exhaustive ? this.tokens.keys() : this.starts(term)) {
        // "he's not scared to go home tonight": a negation right before the match cancels it.
        if (this.negatable.has(group) && (this.tokens[i]!.negationStart || this.carriesNegationTo(i))) continue;
        for (const end of this.ends(term, 0, i)) found.push([i, end]);
      }
    }
    this.active.delete(group);
    // A match inside a masking group's match is part of that name ("child" in "Children's Social
    // Care"), or of the writer's introduction ("Paramedic here."). The masking groups may use this
    // group's own terms ({worker} in self_intro), so they are read against its unmasked matches.
    this.spans.set(group, found);
    // Most groups have no mask, and nothing found hides nothing.
    const maskers = found.length ? this.masks[group] : undefined;
    if (!maskers) return found;
    const hiding = maskers.flatMap((g) => this.of(g));
    const kept = hiding.length ? found.filter(([s, e]) => !hiding.some(([hs, he]) => hs <= s && e <= he)) : found;
    this.spans.set(group, kept);
    return kept;
  }

  /** The terms of a group that matched, as the words of the message (for the trace). */
  words(group: string): string[] {
    return this.of(group).map(([s, e]) =>
      this.tokens
        .slice(s, e)
        .map((t) => t.norm)
        .join(' '),
    );
  }

  private startsGroup(at: number, names: readonly string[]): boolean {
    return names.some((g) => this.of(g).some(([s]) => s === at));
  }

  /**
   * The group's terms that can match this message, ascending (the order of trying them all):
   * a term that starts with a word the message does not have cannot match.
   */
  private candidateTerms(group: CompiledGroup): number[] {
    this.byGroup ??= startsByGroup(this.groups, this.positions.keys());
    const found = new Set<number>(group.rest);
    for (const i of this.byGroup.get(group) ?? []) found.add(i);
    return [...found].sort((a, b) => a - b);
  }

  /** Per group, the terms whose first word is in this message: one pass over the message's forms for all groups. */
  private byGroup: Map<CompiledGroup, number[]> | undefined;

  /**
   * Where a term can begin, ascending: every position its first element can match at (the same
   * positions, in the same order, as trying each token in turn; only the ones that cannot match
   * are skipped).
   */
  private starts(term: CompiledTerm): readonly number[] {
    if (!this.tokens.length) return [];
    const first = term[0]!;
    if (first.kind === 'start') return [0];
    if (first.kind === 'group') return [...new Set(this.of(first.name).map(([s]) => s))].sort((a, b) => a - b);
    if (first.kind !== 'word') return this.tokens.map((_, i) => i);
    if (first.exact) return this.positions.get(first.exact)?.filter((i) => this.tokens[i]!.norm === first.exact) ?? [];
    const lists: number[][] = [];
    for (const f of first.forms) {
      const list = this.positions.get(f);
      if (list) lists.push(list);
    }
    if (lists.length <= 1) return lists[0] ?? [];
    return [...new Set(lists.flat())].sort((a, b) => a - b);
  }

  /** End positions of a term's elements from index k matched at token position at. */
  private ends(term: CompiledTerm, k: number, at: number): number[] {
    if (k === term.length) return [at];
    const el = term[k]!;
    if (el.kind === 'start') return at === 0 ? this.ends(term, k + 1, at) : [];
    if (el.kind === 'break') return at > 0 && this.tokens[at - 1]!.breakAfter ? [at] : [];
    if (el.kind === 'word') {
      const t = this.tokens[at];
      const same = el.exact ? t?.norm === el.exact : t && sameWord(el.forms, t.forms);
      return same ? this.ends(term, k + 1, at + 1) : [];
    }
    if (el.kind === 'group') {
      return this.of(el.name)
        .filter(([s]) => s === at)
        .flatMap(([, e]) => this.ends(term, k + 1, e));
    }
    const out: number[] = [];
    // A gap stays within its sentence: "...living in a car with their dad. Nothing back, chased
    // twice" is no parent ignoring calls.
    if (k > 0 && this.tokens[at - 1]?.sentenceEnd) return out;
    for (let skip = 0; skip <= el.max && at + skip <= this.tokens.length; skip += 1) {
      if (skip > 0 && el.not.length && this.startsGroup(at + skip - 1, el.not)) break;
      out.push(...this.ends(term, k + 1, at + skip));
      if (this.tokens[at + skip]?.sentenceEnd) break;
    }
    return out;
  }
}

/**
 * Every group's terms by the form of their first word, across all groups: built once per compiled
 * vocabulary. Why: looking each message form up in each of ~100 groups was ~6,000 lookups a
 * message; one lookup per form here finds the same terms (issue 13).
 */
const firstWordIndexes = new WeakMap<ReadonlyMap<string, CompiledGroup>, Map<string, Array<[CompiledGroup, readonly number[]]>>>();

function startsByGroup(groups: ReadonlyMap<string, CompiledGroup>, forms: Iterable<string>): Map<CompiledGroup, number[]> {
  let index = firstWordIndexes.get(groups);
  if (!index) {
    index = new Map();
    for (const g of groups.values()) {
      for (const [form, terms] of g.byFirst) {
        const list = index.get(form);
        if (list) list.push([g, terms]);
        else index.set(form, [[g, terms]]);
      }
    }
    firstWordIndexes.set(groups, index);
  }
  const out = new Map<CompiledGroup, number[]>();
  for (const form of forms) {
    for (const [g, terms] of index.get(form) ?? []) {
      const list = out.get(g);
      if (list) list.push(...terms);
      else out.set(g, [...terms]);
    }
  }
  return out;
}
