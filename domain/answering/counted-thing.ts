/**
 * "How many schools are there in Harrow?" asks for a number *of schools*. An answer that states
 * a number of something else ("21% of pupils", "twelve agencies") answers another question, so
 * the verify stage checks that the thing counted appears next to a number in the answer.
 * Words are compared on wink-nlp lemmas and stems (domain/triage/lemmas.ts), not spelled forms.
 */
import { tokenise, type Token } from '../triage/lemmas.ts';

const NUMBER =
  /^(\d[\d,.]*%?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty|forty|fifty|hundred|dozen|several|half|all|both)$/;
/** Words after which a number is part of a name ("Section 11", "Part 8", "Tier 3"), not a count. */
const NAMES_BY_NUMBER = /^(section|sections|s|part|chapter|para|paragraph|article|schedule|regulation|level|tier|stage|page|phase|key|year|no|number)$/;
/** Words that begin a time, not part of the thing counted ("last year", "this month", "each term"). */
const TIME_STARTS: ReadonlySet<string> = new Set(['last', 'this', 'next', 'every', 'each', 'per']);
/** Parts of speech that can stand inside the noun phrase after "how many" ("big deep dive audits"). */
const IN_PHRASE = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM', 'PUNCT']);

/**
 * The thing a "how many" question counts (the head noun of the phrase after it, from wink's
 * part-of-speech tags), or null when the question is not one or counts no plain thing
 * ("how many times", "how many went to...", "from how many to how many").
 */
export function countedThing(question: string): Token | null {
  // Most questions aren't "how many": don't tag them on the answering path.
  if (!/\bhow\s+many\b/i.test(question)) return null;
  const tokens = tokenise(question);
  for (let i = 0; i + 2 < tokens.length; i += 1) {
    if (tokens[i]!.norm !== 'how' || tokens[i + 1]!.norm !== 'many') continue;
    if (tokens[i + 2]!.norm === 'times') return null;
    // "How many people contacted the LADO": people are whoever the figure counts (contacts,
    // referrals), so the answer is not held to the word.
    if (tokens[i + 2]!.forms.has('people') || tokens[i + 2]!.forms.has('person')) return null;
    let head: Token | null = null;
    for (const t of tokens.slice(i + 2)) {
      // "How many s47 enquiries last year": the phrase ends where a time begins.
      if (!IN_PHRASE.has(t.pos) || TIME_STARTS.has(t.norm)) break;
      if (t.pos === 'NOUN') head = t;
    }
    return head;
  }
  return null;
}

const same = (a: Token, b: Token): boolean => [...a.forms].some((f) => b.forms.has(f));

/**
 * True when the text states a number whose noun phrase ends in the thing counted ("seven other
 * North West London boroughs"), within one clause: "up to 25; special schools" counts no schools.
 * Words of the question itself may stand in the phrase, whatever their part of speech: "429
 * Looked After Children" answers "how many children were looked after".
 */
export function countsThing(text: string, thing: Token, question = ''): boolean {
  const asked = new Set(tokenise(question).flatMap((t) => [...t.forms]));
  const inPhrase = (t: Token): boolean => IN_PHRASE.has(t.pos) || [...t.forms].some((f) => asked.has(f));
  // A bracket inside the phrase is read through: "32 (11%) LADO contacts" counts contacts.
  return text
    .replace(/\([^()]*\)/g, ' ')
    .split(/[;:.()]/)
    .some((clause) => {
      const tokens = tokenise(clause);
      return tokens.some((t, i) => {
        if (!same(t, thing)) return false;
        // A change of number stated after the thing: "the sub groups are reduced from six to three".
        if (changedTo(tokens, i)) return true;
        for (let j = i - 1; j >= Math.max(0, i - 6); j -= 1) {
          const n = tokens[j]!;
          // "Section 11 audits" names a kind of audit; the number counts nothing.
          if (NUMBER.test(n.norm)) return !NAMES_BY_NUMBER.test(tokens[j - 1]?.norm ?? '');
          // A number of events that befell the thing: "19 deaths of children" answers "how many
          // children died", "3 cases of FGM" how many FGM cases. Only number, one noun, "of".
          if (n.norm === 'of') {
            const [noun, num] = [tokens[j - 1], tokens[j - 2]];
            return !!noun && !!num && noun.pos === 'NOUN' && NUMBER.test(num.norm) && !NAMES_BY_NUMBER.test(tokens[j - 3]?.norm ?? '');
          }
          if (!inPhrase(n)) return false;
        }
        return false;
      });
    });
}

/** After the thing, within its clause: a verb, then "to" and a number ("are reduced from six to three"). */
function changedTo(tokens: readonly Token[], at: number): boolean {
  let verb = false;
  for (let k = at + 1; k < Math.min(tokens.length - 1, at + 9); k += 1) {
    if (tokens[k]!.pos === 'VERB') verb = true;
    if (verb && tokens[k]!.norm === 'to' && NUMBER.test(tokens[k + 1]!.norm)) return true;
  }
  return false;
}

/** True when one of the names is the thing counted, as one word in any form ("ICPCs" for "icpcs"). */
export function namedBy(names: readonly string[], thing: Token): boolean {
  return names.some((n) => {
    const t = tokenise(n);
    return t.length === 1 && same(t[0]!, thing);
  });
}
