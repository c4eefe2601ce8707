/**
 * The fair baseline: plain retrieval (MiniSearch BM25) over the SAME answer units the engine
 * ranks, behind the SAME safety checks the engine runs before retrieval (triage routes, other
 * councils, out-of-scope, contact details), worded by the same Composer, with one abstain
 * threshold on MiniSearch's score calibrated once on the dev set. What the engine earns over
 * this is what its own ranking logic (entity/intent/lexical signals, year and figure checks,
 * per-partnership answers, lists) is worth; the BM25-over-paragraphs baseline measures more.
 */
import MiniSearch from 'minisearch';
import type { KnowledgeBase } from '../knowledge/load.ts';
import { AcronymExpander } from '../domain/answering/acronyms.ts';
import { Composer } from '../domain/answering/compose.ts';
import { scoreOne, summarise, type EvalQuestion } from '../domain/answering/evaluate.ts';
import { createIntentReader } from '../domain/answering/intents.ts';
import { Matcher } from '../domain/answering/matcher.ts';
import { mentionedPartnerships, namesOnlyElsewhere } from '../domain/answering/partnerships.ts';
import { refusalText, routeToPerson, type RefusalDetail } from '../domain/answering/refusals.ts';
import { routeAnswer } from '../domain/answering/route-answer.ts';
import { createScope } from '../domain/answering/scope.ts';
import { createShorthand } from '../domain/answering/shorthand.ts';
import { isStopWord, normalise, stem } from '../domain/answering/text.ts';
import type { Answer, ReasonCode } from '../domain/answering/types.ts';
import type { AnswerUnit } from '../domain/answering/units.ts';
import { createTriage } from '../domain/triage/triage.ts';

/** Same cap as the engine (engine.ts MAX_QUESTION_CHARS). */
const MAX_QUESTION_CHARS = 1000;

interface Doc {
  id: number;
  question: string;
  text: string;
  items: string;
}

/** What retrieval alone found for a question: a pre-retrieval answer, or the top unit and its score. */
type Retrieved = { answer: Answer } | { unit: AnswerUnit | undefined; score: number };

export interface MiniSearchBaseline {
  answer(question: string): Answer;
  /** Abstain when MiniSearch's top score is below this (BM25 units, not 0..1). */
  readonly threshold: number;
  readonly units: number;
  /** Dev-set utility at the chosen threshold: right answers + right abstentions - harmful answers. */
  readonly calibration: { candidates: number; utility: number };
}

export function buildMiniSearchBaseline(kb: KnowledgeBase, dev: readonly EvalQuestion[]): MiniSearchBaseline {
  const matcher = new Matcher(kb.records);
  const units = matcher.units;
  // The same triage the engine builds, trained with the same negatives (every fourth unit question).
  // The same safety checks as the engine: shorthand, triage and the off-topic reader.
  const expand = createShorthand(kb.shorthand ?? { terms: {}, examples: [] });
  const triage = createTriage(kb.triage, { negatives: units.filter((_, i) => i % 4 === 0).map((u) => u.question), expand });
  const offTopic = createScope(
    kb.offTopic ?? { words: [], offTopic: [] },
    units.map((u) => u.question),
  );
  const composer = new Composer(kb.documents, new AcronymExpander(kb.records));
  const byId = new Map(kb.records.map((r) => [r.id, r]));
  const detectIntent = createIntentReader(kb.intents ?? []);

  const docs: Doc[] = units.map((u, id) => ({ id, question: u.question, text: u.text, items: (u.items ?? []).join(' ') }));
  // The engine's own normalisation, stop words and stemmer, so the two read words the same way.
  const index = new MiniSearch<Doc>({
    fields: ['question', 'text', 'items'],
    tokenize: (s) => normalise(s).split(' '),
    processTerm: (t) => (t && !isStopWord(t) ? stem(t) : null),
    searchOptions: { fuzzy: 0.2, prefix: true },
  });
  index.addAll(docs);

  const refuse = (reason: ReasonCode, detail: RefusalDetail = {}): Answer => {
    const text = `${refusalText(reason, detail)} ${routeToPerson()}`;
    return {
      answered: false,
      text,
      markdown: text,
      partnership: null,
      sources: [],
      confidence: 0,
      suggestions: [],
      followUps: [],
      kind: 'unknown',
      recordIds: [],
      reason,
    };
  };

  /** The engine's checks before retrieval, in the engine's order, then the top MiniSearch unit. */
  function retrieve(question: string): Retrieved {
    const raw = expand(question).replace(/\s+/g, ' ').trim().slice(0, MAX_QUESTION_CHARS);
    if (!raw) return { answer: refuse('empty') };
    const situation = triage.triage(raw);
    if (situation.routes.length) {
      const named = mentionedPartnerships(raw);
      return { answer: routeAnswer(situation, named.length === 1 ? named[0]! : null, { byId, composer }) };
    }
    const elsewhere = namesOnlyElsewhere(raw);
    if (elsewhere) return { answer: refuse('other-council', { place: `${elsewhere[0]!.toUpperCase()}${elsewhere.slice(1)}` }) };
    const describesSituation = situation.describesSituation;
    if (!describesSituation && offTopic.read(raw).outOfScope) return { answer: refuse('out-of-scope') };
    if (detectIntent(raw).contact) return { answer: refuse('contact-details') };
    const hit = index.search(raw)[0];
    return { unit: hit ? units[hit.id as number] : undefined, score: hit?.score ?? 0 };
  }

  function decide(r: Retrieved, threshold: number): Answer {
    if ('answer' in r) return r.answer;
    if (!r.unit || r.score < threshold) return refuse('low-confidence');
    // A unit that records the document's silence is an honest "not stated", not an answer.
    if (r.unit.notStated) {
      return { ...refuse('not-stated', { silent: r.unit.text }), sources: composer.sources([r.unit]), recordIds: [r.unit.record.id] };
    }
    return composer.single(r.unit, Math.min(1, r.score / 30), 'fact');
  }

  // Calibrate once: try every top score seen on the dev set as the threshold (and 0, answer all)
  // and keep the one with the best utility; ties go to the lower threshold (answers more).
  const seen = dev.map((d) => ({ d, r: retrieve(d.q) }));
  const candidates = [0, ...new Set(seen.flatMap(({ r }) => ('score' in r && r.unit ? [r.score] : [])))].sort((a, b) => a - b);
  let threshold = 0;
  let best = -Infinity;
  for (const t of candidates) {
    const s = summarise(seen.map(({ d, r }) => scoreOne(d, decide(r, t))));
    const utility = s.answeredCorrect.pass + s.abstention.pass - s.harmful.pass;
    if (utility > best) {
      best = utility;
      threshold = t;
    }
  }

  return {
    answer: (q) => decide(retrieve(q), threshold),
    threshold,
    units: units.length,
    calibration: { candidates: candidates.length, utility: best },
  };
}
