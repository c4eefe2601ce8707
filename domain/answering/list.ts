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

const KIND_WORDS: Array<[RegExp, ListKind[], string]> = [
  [/\bthreshold (documents|tools|guidances|frameworks)\b|\bthresholds documents\b/, ['threshold'], 'threshold documents'],
  [/\b(subgroups|sub groups|delivery groups)\b/, ['sub-group'], 'sub-groups'],
  [/\bthematic (groups|subgroups)\b/, ['thematic-group'], 'thematic groups'],
  [/\bforums\b/, ['forum'], 'forums'],
  [/\bboards\b/, ['board'], 'boards'],
  [/\bpanels\b/, ['panel'], 'panels'],
  [
    /^(what|which|list)( are| is)? (the )?(meetings|groups|bodies|governance structure|structure)\b|\b(list|name) (all )?(the )?(meetings|groups|bodies)\b/,
    ['executive', 'leadership-team', 'strategic-partnership', 'board', 'sub-group', 'thematic-group', 'forum', 'panel'],
    'groups',
  ],
];

// Names of the partnerships and their boards, which place a list question rather than narrow it.
const PARTNERSHIP_WORDS = new Set([
  'hscp',
  'chscp',
  'hscb',
  'hsab',
  'ssp',
  'lscb',
  'safeguard',
  'child',
  'new',
  'arrangement',
  'current',
  'use',
  'used',
  'exist',
  'now',
  'board',
  'keep',
  'run',
  'running',
  'got',
  'currently',
  'there',
  'operat',
  'set',
]);

const ASKS_LIST = /\b(what|which|list|name|names|tell me|show me|are there|does .* have|has)\b/;

export function listKind(question: string): { kinds: ListKind[]; label: string } | null {
  const t = normalise(question);
  // "chscp thematic groups?" asks for a list as plainly as "what thematic groups does the CHSCP have?".
  const terse = t.split(' ').length <= 5;
  if ((!ASKS_LIST.test(t) && !terse) || /\b(chair|chairs|chaired|chairing|often|meet|members?|who|how|why|when)\b/.test(t)) return null;
  for (const [re, kinds, label] of KIND_WORDS) {
    if (!re.test(t)) continue;
    // "what happens if an agency doesn't turn up to the subgroups?" mentions subgroups but asks
    // something else: a list question has little beyond the kind and the place.
    const rest = contentTerms(t.replace(re, ' ')).filter((w) => !PLACE_TERMS.has(w) && !PARTNERSHIP_WORDS.has(w));
    return rest.length <= 1 ? { kinds, label } : null;
  }
  return null;
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
