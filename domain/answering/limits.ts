/**
 * Limits of what the documents say: figures for a year the documents do not cover, and whether a
 * sentence states a quantity, a count or a date at all. (Contact numbers and the dates of future
 * meetings, which the knowledge base can look as if it answers, are intent marks in
 * knowledge/language/intents.yaml.)
 */

/** Start years of spans ("2018/19", "2018-19", "18/19", "2019-2020") and plain years ("2018"), apart. */
function periodsIn(text: string): { spans: Set<number>; years: Set<number> } {
  const spans = new Set<number>();
  const years = new Set<number>();
  // A span counts as its start year only.
  const spanPattern = /\b((?:19|20)\d{2})\s?[/-]\s?((?:19|20)?\d{2})\b/g;
  for (const m of text.matchAll(spanPattern)) spans.add(Number(m[1]));
  const rest = text.replace(spanPattern, ' ');
  for (const m of rest.matchAll(/\b((?:19|20)\d{2})\b/g)) years.add(Number(m[1]));
  for (const m of rest.matchAll(/\b(\d{2})\s?[/-]\s?(\d{2})\b/g)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (b === (a + 1) % 100 && a >= 5 && a <= 40) spans.add(2000 + a);
  }
  return { spans, years };
}

/**
 * Start years a text speaks of: "2018/19", "2018-19", "18/19" and "2018" all give 2018.
 * Used to refuse "the 2020/21 budget" when the documents only give 2018/19.
 */
export function yearsIn(text: string): Set<number> {
  const { spans, years } = periodsIn(text);
  return new Set([...spans, ...years]);
}

/**
 * The question names a year the answer never mentions. A financial year "2018/19" is also
 * matched by a date in 2019 (its end), but "2017/18" is not matched by "2018/19", nor "2020/21"
 * by "2019-2020". `datedBy` (the document's date) counts only when the answer's own words name
 * no year: a report published in 2020 about 2018/19 says nothing about 2019/20.
 */
export function yearMismatch(question: string, answerText: string, datedBy = ''): boolean {
  const asked = periodsIn(question);
  if (!asked.spans.size && !asked.years.size) return false;
  const own = periodsIn(answerText);
  const have = own.spans.size || own.years.size ? own : periodsIn(`${answerText} ${datedBy}`);
  const anyOf = (y: number) => have.spans.has(y) || have.years.has(y);
  const spanCovered = (y: number) => anyOf(y) || have.years.has(y + 1);
  // A plain year is also covered by the span that ends in it ("in 2019" by "2018/19").
  const yearCovered = (y: number) => anyOf(y) || anyOf(y + 1) || have.spans.has(y - 1);
  return ![...asked.spans].some(spanCovered) && ![...asked.years].some(yearCovered);
}

// "one" alone is usually "one of the..."; it counts only as "at least one", "one school" and the like.
const NUMBER_WORDS =
  /\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|hundred|thousand|once|twice|half|quarter)\b|\b(at least|only|just|exactly) one\b|\bone (school|member|representative|lay|person|meeting|event|nominated|college)/i;

/** Whether a sentence states a quantity at all: a deadline answer without a date or period is not an answer. */
export function statesQuantity(text: string): boolean {
  return /\d/.test(text) || NUMBER_WORDS.test(text);
}

/** Month names as the documents write them (capitalised: "may" is usually the verb). */
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** Months as a date writes them, abbreviated too ("Apr – Jul 2009", "Feb - May 09" in the 2009 plan's timescales). */
const MONTH = new RegExp(`\\b(${MONTHS}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?=\\s*(?:[-–/]|\\d)))\\b`);

/** Years, spans of years and days of a month: when something happened, not how many or how much. */
const DATES = new RegExp(`\\b(?:19|20)\\d{2}(?:\\s?[/-]\\s?(?:19|20)?\\d{2})?\\b|\\b\\d{1,2}(?:st|nd|rd|th)?(?:\\s?-\\s?\\d{1,2})?\\s+(?:${MONTHS})\\b`, 'g');

/**
 * Whether a sentence states a count or an amount: a "how many" answer without one is not an
 * answer, and a date is none ("held in early November 2019" says nothing of how many came).
 */
export function statesCount(text: string): boolean {
  return statesQuantity(text.replace(DATES, ' '));
}

/** Whether a sentence names a month ("4 to 8 December 2017"): a date, not a year in passing. */
export function namesMonth(text: string): boolean {
  return MONTH.test(text);
}

/** Whether a sentence states when something happened: a year or a month ("S11" is no date). */
export function statesDate(text: string): boolean {
  return yearsIn(text).size > 0 || MONTH.test(text);
}

/**
 * The dates a document speaks for, as text for `yearMismatch`'s `datedBy`: the period its title
 * names, where it names one ("Annual Report April 2018 - September 2019" speaks for 2018/19, not
 * for 2019/20 nor for its publication in 2020), else its publication year and any year in its title.
 */
export function datesSpokenFor(doc: { title: string; published: string }): string {
  const years = (doc.title.match(/\b(?:19|20)\d{2}\b/g) ?? []).map(Number);
  const [first, last] = [Math.min(...years), Math.max(...years)];
  if (years.length >= 2 && last === first + 1) return `${first}/${String(last).slice(2)}`;
  return [doc.published.slice(0, 4), ...years].join(' ');
}
