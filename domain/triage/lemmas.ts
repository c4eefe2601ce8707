/**
 * Words as the triage sees them: each token of a message with its surface form, its lemma and
 * its stem, from wink-nlp's English model. Matching on all three means a vocabulary term written
 * once ("slap") finds "slapped", "slapping" and "slaps" without hand-written inflection lists.
 */
import { createRequire } from 'node:module';
import type winkNLP from 'wink-nlp';
import type model from 'wink-eng-lite-web-model';

export interface Token {
  /** Lower-case surface form ("slapped"). */
  readonly norm: string;
  /** Every form this token can be matched by: surface, lemma and stem. */
  readonly forms: ReadonlySet<string>;
  /** The lemma alone ("slap"), the classifier's feature. */
  readonly lemma: string;
  /** A stop word ("the", "and"): carries no meaning for the classifier. */
  readonly stop: boolean;
  /** Universal part of speech from wink's tagger ("NOUN", "VERB", "ADJ"...). */
  readonly pos: string;
  /** Punctuation follows this word ("Paramedic. A boy..."): a clause ends here. */
  breakAfter?: boolean;
  /** A full stop, question or exclamation mark or semicolon follows: a sentence ends here (not a bracket or dash). */
  sentenceEnd?: boolean;
  /**
   * The first word a negation covers ("scared" in "he's not scared to go home"), from wink's own
   * negation reading: the word before it is the negation itself. Only the first: "hasn't stopped
   * hitting him" negates "stopped", not "hitting".
   */
  negationStart?: boolean;
}

/**
 * wink's English model is read with the first message, not at start: reading it was a fifth of a
 * production start (issue 13), and a start from the build's snapshot tokenises nothing before
 * then. require() keeps tokenise synchronous, so the first message just waits for it once.
 */
const require = createRequire(import.meta.url);
// Found now, loaded later: a missing package still stops the start rather than the first use.
require.resolve('wink-nlp');
require.resolve('wink-eng-lite-web-model');
let wink: ReturnType<typeof winkNLP> | undefined;
/** Ids below this are the English model's own words; wink numbers every word it meets later above them. */
let lexiconSize = 0;
function reader(): ReturnType<typeof winkNLP> {
  // Only the steps the tokens need (sentences, negation, part of speech): wink's default pipe also
  // runs sentiment and entity recognition on every message, which nothing here reads.
  if (!wink) {
    wink = (require('wink-nlp') as typeof winkNLP)(require('wink-eng-lite-web-model') as typeof model, ['sbd', 'negation', 'pos']);
    // The first word it has never seen takes the next id: the size of the model's own lexicon.
    // eslint-disable-next-line @typescript-eslint/unbound-method -- wink's its.* are plain helper functions (see tokeniseOnce)
    lexiconSize = (wink.readDoc('qqzxjvwkpf').tokens().out(wink.its.uniqueId) as unknown as number[])[0]!;
  }
  return wink;
}

/**
 * Whether a word is in the English model's own lexicon ("actually", "employs"), not a misspelling
 * ("annualy") or a word it only met in a message: a real word is never "corrected" into another.
 */
export function inLexicon(word: string): boolean {
  const nlp = reader();
  // eslint-disable-next-line @typescript-eslint/unbound-method -- wink's its.* are plain helper functions (see tokeniseOnce)
  const ids = nlp.readDoc(word.toLowerCase()).tokens().out(nlp.its.uniqueId) as unknown as number[];
  return ids.length === 1 && ids[0]! < lexiconSize;
}

/**
 * A possessive split off its noun ("mum's" -> "mum 's"), pronoun contractions ("she's") left to
 * wink. Why: wink-nlp adds every word it has not seen to its (shared) lexicon, and once "mum's"
 * is in it, later messages tokenise "mum's" as one word instead of "mum" + "'s": the same message
 * read differently depending on what came before (measured: 47 of 3,883 messages). Splitting
 * first gives the reading wink gives a possessive on first sight, every time.
 */
const POSSESSIVE =
  /\b(?!(?:he|she|it|that|what|who|there|here|where|how|let|when|why|this|everyone|everybody|someone|somebody|nobody|one)'s\b)([a-z0-9]+)'s\b/gi;

/** Apostrophes and dashes folded so "won’t" and "won't" tokenise alike. */
function fold(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/&/g, ' and ')
    .replace(POSSESSIVE, "$1 's");
}

/**
 * The last few texts read, with their tokens. Why: the scope reader, the counted-thing reader and
 * the triage each read the same question (issue 13: wink-nlp's reading is the largest single step
 * of a question). The tokens are shared, so they are read-only to every caller.
 */
const recent = new Map<string, readonly Token[]>();
const RECENT_MAX = 16;

export function tokenise(text: string): readonly Token[] {
  const known = recent.get(text);
  if (known) return known;
  const out = tokeniseOnce(text);
  if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value!);
  recent.set(text, out);
  return out;
}

function tokeniseOnce(text: string): readonly Token[] {
  const nlp = reader();
  const its = nlp.its;
  /* eslint-disable @typescript-eslint/unbound-method -- wink-nlp types its.* as methods, but they are plain helper functions that never use this */
  // wink-nlp's typings for lemma and stem are narrower than what readDoc().out() accepts at run time.
  const lemmaOf = its.lemma as unknown as typeof its.normal;
  const stemOf = its.stem as unknown as typeof its.normal;
  const doc = nlp.readDoc(fold(text));
  const norms = doc.tokens().out(its.normal) as string[];
  const lemmas = doc.tokens().out(lemmaOf) as string[];
  const stems = doc.tokens().out(stemOf) as string[];
  const types = doc.tokens().out(its.type) as string[];
  const stops = doc.tokens().out(its.stopWordFlag) as unknown as boolean[];
  const tags = doc.tokens().out(its.pos) as string[];
  const negated = doc.tokens().out(its.negationFlag) as unknown as boolean[];
  /* eslint-enable @typescript-eslint/unbound-method */
  const out: Token[] = [];
  for (let i = 0; i < norms.length; i += 1) {
    if (types[i] === 'punctuation') {
      const last = out[out.length - 1];
      if (last && /^[.;:!?\-()]+$/.test(norms[i]!)) last.breakAfter = true;
      if (last && /^[.;!?]+$/.test(norms[i]!)) last.sentenceEnd = true;
      continue;
    }
    const norm = norms[i]!;
    const lemma = lemmas[i]!.toLowerCase();
    const token: Token = { norm, lemma, stop: stops[i] === true, pos: tags[i] ?? 'X', forms: new Set([norm, lemma, stems[i]!.toLowerCase()]) };
    if (negated[i] === true && i > 0 && negated[i - 1] !== true && types[i - 1] !== 'punctuation') token.negationStart = true;
    out.push(token);
  }
  return out;
}
