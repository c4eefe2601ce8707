/**
 * "What subgroups does Harrow have?", "list the forums in Hackney": answered by listing the
 * bodies of that kind from the partnership's published arrangements (not from reports about
 * earlier years), one line each, each with its source.
 */
import { BODY_KINDS, type DocumentMeta, type KnowledgeRecord, type PartnershipId } from '../../knowledge/schema.ts';
import type { Composer } from './compose.ts';
import type { Matcher } from './matcher.ts';
import { PARTNERSHIP_LABELS, PLACE_TERMS } from './partnerships.ts';
import { contentTerms, normalise } from './text.ts';
import type { Answer } from './types.ts';
import type { AnswerUnit } from './units.ts';

type BodyKind = (typeof BODY_KINDS)[number];
/** Threshold documents are listed like bodies: "what threshold documents does City & Hackney use?" */
type ListKind = BodyKind | 'threshold';

/** The list questions' words as validated from knowledge/language/lists.yaml. */
export interface ListData {
  asks: string[];
  asksAll: string[][];
  notAsks: string[];
  placing: string[];
  kinds: Array<{ label: string; kinds: ListKind[]; any?: string[] | undefined; start?: string[] | undefined; examples: string[] }>;
  none: string[];
}

export type ListReader = (question: string) => { kinds: ListKind[]; label: string } | null;

/** Where a phrase's words stand in `words` as a whole ([start, end) pairs). */
function spans(words: readonly string[], phrase: readonly string[], onlyAtStart = false): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i + phrase.length <= words.length && (!onlyAtStart || i === 0); i += 1) {
    if (phrase.every((w, j) => words[i + j] === w)) out.push([i, i + phrase.length]);
  }
  return out;
}

export function createListReader(data: ListData): ListReader {
  const split = (p: string) => normalise(p).split(' ').filter(Boolean);
  const asks = data.asks.map(split);
  const asksAll = data.asksAll.map((g) => g.map(split));
  const notAsks = data.notAsks.map(split);
  const placing = new Set(data.placing);
  const kinds = data.kinds.map((k) => ({ ...k, any: (k.any ?? []).map(split), start: (k.start ?? []).map(split) }));
  const inOrder = (words: string[]) => {
    let at = 0;
    for (const group of asksAll) {
      const ends = group.flatMap((p) => spans(words.slice(at), p).map(([, e]) => e + at));
      if (!ends.length) return false;
      at = Math.min(...ends);
    }
    return true;
  };
  return (question) => {
    const words = normalise(question).split(' ').filter(Boolean);
    // "chscp thematic groups?" asks for a list as plainly as "what thematic groups does the CHSCP have?".
    const terse = words.length <= 5;
    const asksList = asks.some((p) => spans(words, p).length) || inOrder(words);
    if ((!asksList && !terse) || notAsks.some((p) => spans(words, p).length)) return null;
    for (const k of kinds) {
      const found = [...k.start.flatMap((p) => spans(words, p, true)), ...k.any.flatMap((p) => spans(words, p))];
      if (!found.length) continue;
      // "what happens if an agency doesn't turn up to the subgroups?" mentions subgroups but asks
      // something else: a list question has little beyond the kind and the place.
      const left = words.filter((_, i) => !found.some(([a, b]) => i >= a && i < b)).join(' ');
      const rest = contentTerms(left).filter((w) => !PLACE_TERMS.has(w) && !placing.has(w));
      return rest.length <= 1 ? { kinds: k.kinds, label: k.label } : null;
    }
    return null;
  };
}

export function listAnswer(
  matcher: Matcher,
  composer: Composer,
  documents: readonly DocumentMeta[],
  kinds: ListKind[],
  label: string,
  partnerships: readonly PartnershipId[],
  confidence: number,
  overview?: AnswerUnit,
): Answer | null {
  const arrangements = new Set(documents.filter((d) => d.kind === 'arrangements').map((d) => d.file));
  const bodies = new Map<string, KnowledgeRecord>();
  for (const u of matcher.units) {
    const r = u.record;
    const kind: ListKind | null = r.type === 'body' ? r.kind : r.type === 'threshold' ? 'threshold' : null;
    if (!kind || !kinds.includes(kind) || r.historical || r.partnership === null || !partnerships.includes(r.partnership)) continue;
    if (!r.sources.some((s) => 'document' in s && arrangements.has(s.document))) continue;
    bodies.set(r.id, r);
  }
  if (!bodies.size) return null;
  const units = [...bodies.values()].map((r) => matcher.unitFor(r.id, 'summary')!).filter(Boolean);
  // The sentence that introduces the structure ("two delivery subgroups...") is cited first.
  const lead = overview && overview.record.partnership !== null && partnerships.includes(overview.record.partnership) ? [overview] : [];
  const where = partnerships.map((p) => PARTNERSHIP_LABELS[p]).join(', ');
  const a = composer.list(`The ${label} in the ${where} arrangements:`, units, confidence, 'list', false);
  const sources = lead.length ? [...composer.sources(lead), ...a.sources].slice(0, 6) : a.sources;
  return { ...a, sources, text: a.text.replace(/: (.*)$/gm, (m, body: string) => `: ${body.split(/(?<=\.)\s/)[0]}`) };
}
