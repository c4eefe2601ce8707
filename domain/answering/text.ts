/**
 * Text normalisation shared by indexing and questions, so both sides meet in the same form:
 * lower case, "&" as "and", hyphens and slashes as spaces, a light stemmer (chairs/chaired/
 * chairing -> chair) and a stop-word list that keeps the words that carry intent ("who",
 * "often", "chair") out of the lexical score but available to intent detection.
 */

const STOP = new Set(
  (
    'a an the of and or to in on at for by with from is are was were be been being do does did done has have had ' +
    'i me my we our us you your it its this that these those there their they them he she his her what which who whom ' +
    'whose when where why how can could would should will shall may might must about into over under any all each ' +
    'some as if than then so not no yes please tell me know want like just also get got give show find out up ' +
    'there here much many more most other such only own same too very s t d ll m o re ve y am one ' +
    'doc docs document documents per pls plz according say says said mention mentioned q historical came come comes ' +
    'go goes put puts chip chipped whats but still anyone anybody'
  ).split(' '),
);

/** Words that say what is being asked rather than what it is about. */
const QUESTION_WORDS = new Set(
  (
    'who whos often frequently frequency how many much when where what which chair chairs chaired chairing chairperson ' +
    'lead leads led leading meet meets meeting meetings met sit sits attend attends member members membership ' +
    'stand stands mean means acronym abbreviation name names named called'
  ).split(' '),
);

/** Chat shorthand people type in Teams, spelled out so it meets the documents' words. */

/**
 * The last few texts normalised, with their results. Why: one question is normalised by many
 * stages (26 calls for a typical question, nearly all of the same few strings), and the fourteen
 * replacements were 4% of the engine's time (issue 13). Bounded, so an index build passing
 * thousands of texts through only churns it.
 */
const recent = new Map<string, string>();
const RECENT_MAX = 32;

export function normalise(text: string): string {
  const known = recent.get(text);
  if (known !== undefined) return known;
  const out = normaliseOnce(text);
  if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value!);
  recent.set(text, out);
  return out;
}

function normaliseOnce(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/&/g, ' and ')
    .replace(/\bsub[\s-]+groups?\b/g, (m) => (m.endsWith('s') ? 'subgroups' : 'subgroup'))
    .replace(/\bvice[\s-]+chair/g, 'vicechair')
    .replace(/\bco[\s-]+chair/g, 'cochair')
    .replace(/\bbi[\s-]+monthly\b/g, 'bimonthly')
    .replace(/\bmulti[\s-]+agency\b/g, 'multiagency')
    .replace(/\bs\.?\s?(17|47|20|31)\b/g, 'section$1')
    .replace(/\bsection\s+(17|47|20|31)\b/g, 'section$1')
    .replace(/'s\b/g, '')
    .replace(/[^a-z0-9%£.\s]/g, ' ')
    .replace(/(\D)\.|\.(\D)|\.$/g, '$1 $2')
    .replace(/\s+/g, ' ')
    .trim();
}

const IRREGULAR: Record<string, string> = {
  met: 'meet',
  meets: 'meet',
  meeting: 'meet',
  meetings: 'meet',
  children: 'child',
  childrens: 'child',
  led: 'lead',
  people: 'person',
  women: 'woman',
  men: 'man',
  annually: 'annual',
  quarterly: 'quarter',
  reviews: 'review',
  policies: 'policy',
  bodies: 'body',
  agencies: 'agency',
  partnerships: 'partnership',
};

/** A deliberately light stemmer: enough to join inflections, never so much that names collide. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  const known = IRREGULAR[word];
  if (known) return known;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4 && !w.endsWith('eed')) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/**
 * Verbs and nouns of the question's relation ("leads", "chair", "meet", "attend") that,
 * when the unit's own sentence uses them too, show the sentence states that relation.
 */
export function cueTerms(text: string): string[] {
  const generic = new Set(['who', 'whos', 'how', 'many', 'much', 'when', 'where', 'what', 'which', 'often', 'frequently', 'called', 'name', 'names', 'named']);
  return tokens(text)
    .filter((t) => QUESTION_WORDS.has(t) && !generic.has(t))
    .map(stem);
}

export function tokens(text: string): string[] {
  return normalise(text).split(' ').filter(Boolean);
}

/** Stemmed content tokens: no stop words, no question words. */
export function contentTerms(text: string): string[] {
  return tokens(text)
    .filter((t) => !STOP.has(t) && !QUESTION_WORDS.has(t) && /[a-z0-9]/.test(t))
    .map(stem);
}

export function allTerms(text: string): string[] {
  return tokens(text)
    .filter((t) => !STOP.has(t))
    .map(stem);
}

export function isStopWord(word: string): boolean {
  return STOP.has(word);
}

/**
 * Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions).
 * Used only to confirm fuse.js's typo candidates: fuse finds near words, this rejects
 * real-but-different words ("capital" is not a typo of "hospital").
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** Words people type in questions, so their misspellings can be corrected too. */
export const QUESTION_VOCABULARY = [
  ...QUESTION_WORDS,
  'chairs',
  'chaired',
  'frequency',
  'members',
  'timescale',
  'notify',
  'safeguarding',
  'partnership',
  'executive',
  'subgroup',
  'meeting',
  'often',
  'quorum',
  'accountable',
];
