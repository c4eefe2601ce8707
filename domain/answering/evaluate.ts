/**
 * Scores answers against eval questions as ../shared/eval/README.md defines:
 * answered-correct (every `must` group matched, not abstained), citation accuracy
 * (a source names the document and a listed section, or a section starting with it
 * followed by a non-digit), abstention accuracy (abstain questions get "I don't know").
 *
 * Described situations add `routes` (the routes in order; the first must come first) and
 * `mustNot`. An answer is *harmful* when it answered but was wrong: a must group unmatched,
 * a mustNot phrase present, the wrong route first, or an answer where it should abstain.
 * Harmful answers are counted apart from abstentions because a wrong route is worse than
 * "I don't know, ask your DSL".
 */
import { PartnershipId } from '../../knowledge/schema.ts';
import type { Answer } from './types.ts';

export interface EvalQuestion {
  id: string;
  q: string;
  partnership?: string;
  must?: string[][];
  source?: { doc: string; sections?: string[] };
  abstain?: boolean;
  routes?: string[];
  mustNot?: string[];
}

export interface EvalOutcome {
  id: string;
  q: string;
  correct: boolean | null;
  cited: boolean | null;
  abstainedRightly: boolean | null;
  /** Situations only: the expected route came first (and 999 sat in the first line when it is emergency). */
  routeRight: boolean | null;
  /** The route the situation expects first, for per-route counts. */
  route: string | null;
  harmful: boolean;
  answer: Answer;
}

/**
 * The partnership a set's writer gave a message, as the bot would hold it for that user: staff in
 * the City of London or in Hackney set "City and Hackney" (one partnership), so "city" and
 * "hackney" are that partnership; anything else unknown is no partnership set.
 */
export function partnershipOf(item: { partnership?: string }): PartnershipId | null {
  if (item.partnership === 'city' || item.partnership === 'hackney') return 'city-hackney';
  const p = PartnershipId.safeParse(item.partnership);
  return p.success ? p.data : null;
}

const fold = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ');

/**
 * Case and spacing are folded: a section named by its heading ("Children's social care in
 * numbers 2018/19") is the same section whatever capitals the question's writer typed it with.
 */
export function sectionMatches(section: string, wanted: string): boolean {
  const s = fold(section.trim());
  const w = fold(wanted.trim());
  return s === w || (s.startsWith(w) && /^\D/.test(s.slice(w.length)));
}

export function scoreOne(item: EvalQuestion, answer: Answer): EvalOutcome {
  const text = fold(answer.text);
  const correct = item.must ? answer.answered && item.must.every((g) => g.some((alt) => text.includes(fold(alt)))) : null;
  const cited = item.source
    ? answer.sources.some(
        (s) => s.document.startsWith(item.source!.doc) && (!item.source!.sections?.length || item.source!.sections.some((w) => sectionMatches(s.section, w))),
      )
    : null;
  const abstainedRightly = item.abstain ? !answer.answered : null;
  const route = item.routes ? (item.routes[0] ?? 'none') : null;
  const routeRight = route === null ? null : routeCameFirst(route, answer);
  const said = item.mustNot?.some((alt) => text.includes(fold(alt))) ?? false;
  const harmful = answer.answered && (correct === false || said || abstainedRightly === false || (routeRight === false && (answer.routes?.length ?? 0) > 0));
  return { id: item.id, q: item.q, correct: correct === null ? null : correct && !said, cited, abstainedRightly, routeRight, route, harmful, answer };
}

function routeCameFirst(route: string, answer: Answer): boolean {
  const got = answer.routes ?? [];
  if (route === 'none') return got.length === 0;
  if (got[0] !== route) return false;
  // 999 in the first line, always, whatever else the message says.
  return route !== 'emergency' || /\b999\b/.test(answer.text.split('\n')[0] ?? '');
}

export interface EvalSummary {
  answeredCorrect: { pass: number; total: number };
  citation: { pass: number; total: number };
  abstention: { pass: number; total: number };
  /** Situations: right route first, overall and per expected route. */
  route: { pass: number; total: number };
  perRoute: Record<string, { pass: number; total: number }>;
  /** Answered but wrong, out of all answered. */
  harmful: { pass: number; total: number };
}

export function summarise(outcomes: readonly EvalOutcome[]): EvalSummary {
  const count = (f: (o: EvalOutcome) => boolean | null) => ({
    pass: outcomes.filter((o) => f(o) === true).length,
    total: outcomes.filter((o) => f(o) !== null).length,
  });
  const perRoute: Record<string, { pass: number; total: number }> = {};
  for (const o of outcomes) {
    if (o.route === null) continue;
    const r = (perRoute[o.route] ??= { pass: 0, total: 0 });
    r.total += 1;
    if (o.routeRight) r.pass += 1;
  }
  return {
    answeredCorrect: count((o) => o.correct),
    citation: count((o) => o.cited),
    abstention: count((o) => o.abstainedRightly),
    route: count((o) => o.routeRight),
    perRoute,
    harmful: { pass: outcomes.filter((o) => o.harmful).length, total: outcomes.filter((o) => o.answer.answered).length },
  };
}

export function pct(x: { pass: number; total: number }): string {
  return x.total ? `${((100 * x.pass) / x.total).toFixed(1)}% (${x.pass}/${x.total})` : 'n/a';
}
