/**
 * The answering engine: a question in, a cited Answer out, or an honest "I don't know".
 * Order of concerns: emergency first (999 before anything), then scope (other councils,
 * IT help, small talk are refused), then partnership context, then ranking and abstention.
 */
import type { KnowledgeBase } from '../../knowledge/load.ts';
import type { PartnershipId } from '../../knowledge/schema.ts';
import { Composer } from './compose.ts';
import { AcronymExpander } from './acronyms.ts';
import { createShorthand } from './shorthand.ts';
import { createTriage, type TrainingCache, type Triage } from '../triage/triage.ts';
import { routeAnswer } from './route-answer.ts';
import type { TriageData } from '../triage/types.ts';
import { createIntentReader, reverseRelation } from './intents.ts';
import { Matcher, type ScoredUnit } from './matcher.ts';
import { asksAcrossPartnerships, mentionedPartnerships, namesOnlyElsewhere, namesPlace, PARTNERSHIP_LABELS, PLACE_TERMS } from './partnerships.ts';
import { createScope } from './scope.ts';
import { createPeopleReader } from './people.ts';
import { contentTerms, tokens } from './text.ts';
import type { Answer, AnswerContext, ReasonCode } from './types.ts';
import { askedFieldsOf, candidateCheck } from './candidates.ts';
import { chooseReading } from './subject-reading.ts';
import { followUpAnswer } from './follow-up-answer.ts';
import { decidePartnerships } from './per-partnership.ts';
import { ANSWER_MIN_OWN, ANSWER_MIN_OWN_OFF_SUBJECT, DATED, SCOPE, TRIAGE } from './thresholds.ts';
import type { RefusalDetail } from './refusals.ts';
import { reverseAnswer } from './reverse.ts';
import { checklistFor } from './checklist-hint.ts';
import { secondClause, unitsToGive } from './second-clause.ts';
import { datesSpokenFor, namesMonth } from './limits.ts';
import { answerBothHalves, createRelatedness } from './two-part.ts';
import { refusalFor } from './unclear-situation.ts';
import { sampleQuestions } from './sample-questions.ts';
import { createListReader, listAnswer } from './list.ts';
import { retrieve } from './retrieve.ts';
import { createNonAnswers } from './non-answers.ts';
import { describeContext, describeRanked, describeScope, describeTriage, type TraceStep } from './trace.ts';
import { createFollowUpResolver } from './follow-up.ts';
import type { EnginePrebuilt } from './prebuilt.ts';

export type { TraceStep } from './trace.ts';

export interface AnswerEngine {
  answer(question: string, context?: AnswerContext): Answer;
  /** The same answer with the trace of every stage (for `ask --explain`; never logged: it holds the message's words). */
  explain(question: string, context?: AnswerContext): { answer: Answer; trace: TraceStep[] };
  /** Every canonical question the knowledge base can answer (for the messaging extension and benchmarks). */
  sampleQuestions(): string[];
}

/** Below this the engine abstains; calibrated on the development questions (see README). */
export const ABSTAIN_BELOW = 0.34;
const MAX_QUESTION_CHARS = 1000;
const ALL_PARTNERSHIPS = Object.keys(PARTNERSHIP_LABELS) as PartnershipId[];

export interface EngineOptions {
  /** Where trained classifiers are kept between starts (knowledge/training-cache.ts); none: train each time. */
  trainingCache?: TrainingCache;
  /** The build's units, indexes and compiled vocabulary for this knowledge base (prebuilt.ts); none: built here. */
  prebuilt?: EnginePrebuilt;
}

export function createAnswerEngine(kb: KnowledgeBase, triageData: TriageData = kb.triage, options: EngineOptions = {}): AnswerEngine {
  const matcher = new Matcher(kb.records, options.prebuilt?.matcher);
  // The knowledge base's own questions teach the triage classifier what a non-situation looks like.
  // Chat shorthand ("hgy exec", "mum's bf") is read as what it stands for, by the triage and the lookup alike.
  const expand = createShorthand(kb.shorthand ?? { terms: {}, examples: [] });
  const triage: Triage = createTriage(triageData, {
    negatives: matcher.units.filter((_, i) => i % 4 === 0).map((u) => u.question),
    expand,
    expandKey: JSON.stringify(kb.shorthand?.terms ?? {}),
    ...(options.trainingCache ? { cache: options.trainingCache } : {}),
    ...(options.prebuilt && triageData === kb.triage ? { compiled: options.prebuilt.patterns } : {}),
  });
  // The off-topic reader learns what is in scope from the knowledge base's own questions.
  // What kind of fact a question asks for: rules as data (knowledge/language/intents.yaml).
  const detectIntent = createIntentReader(kb.intents ?? []);
  const listKind = createListReader(kb.lists ?? { asks: [], asksAll: [], notAsks: [], placing: [], kinds: [], none: [] });
  // It also learns the written sets' questions: what staff ask that the documents answer (in) and
  // the near misses they ask that nothing here is for (off).
  const scopeData = kb.offTopic ?? { words: [], offTopic: [] };
  const written = triageData.learned?.scope ?? { in: [], off: [] };
  const offTopic = createScope(
    { ...scopeData, offTopic: [...scopeData.offTopic, ...written.off] },
    [...matcher.units.map((u) => u.question), ...written.in],
    options.trainingCache,
  );
  const composer = new Composer(kb.documents, new AcronymExpander(kb.records));
  const docYear = new Map(kb.documents.map((d) => [d.file, datesSpokenFor(d)]));
  const byId = new Map(kb.records.map((r) => [r.id, r]));
  const namesPerson = createPeopleReader(kb.records);
  const followUps = kb.followUps
    ? createFollowUpResolver(
        kb.followUps,
        kb.records,
        (id) => matcher.unitsOf(id),
        Object.values(triageData.groups).flat(),
        namesPerson,
        (text) => matcher.entityScores(text),
      )
    : null;

  const { refuse, notStatedAnswer, followUpsFor } = createNonAnswers(composer, matcher);
  const abstain = (ctx: AnswerContext, reason: ReasonCode, ranked: ScoredUnit[] = [], partnership: PartnershipId | null = null, detail: RefusalDetail = {}) => {
    note('verify', () => `refused: ${reason}`);
    return refuse(ctx, reason, ranked, partnership, detail);
  };

  const related = createRelatedness(kb.records);
  // Answers that give one fact of one record (two-part questions may add the second half's).
  const oneFact = new WeakSet<Answer>();
  // The trace being recorded, when explain() asked for one; answering is synchronous, so one slot will do.
  let trace: TraceStep[] | null = null;
  const note = (stage: TraceStep['stage'], detail: () => string): void => {
    if (trace) trace.push({ stage, detail: detail() });
  };

  /** Adds the checklist that fits an answered question (emergencies lead to the referral checklist), and what to remember. */
  function answer(typed: string, ctx: AnswerContext = {}): Answer {
    const question = expand(typed.slice(0, MAX_QUESTION_CHARS * 2));
    // A follow-up ("and how often does it meet?") is resolved against the conversation's memory first.
    const follow = ctx.memory && followUps ? followUps.resolve(question, ctx.memory) : null;
    if (follow) note('context', () => `follow-up: ${follow.kind === 'answer' ? `${follow.unit.key}${follow.note ? ` (${follow.note})` : ''}` : follow.reason}`);
    const first = follow ? null : answerOnly(question, ctx);
    // A message that points back ("how much did the council put in?") is also read with the last
    // answer's subject (subject-reading.ts chooses between the two readings).
    // (Narrowed once: the second reading is made lazily, in a closure.)
    const conversation = ctx.memory;
    const alone =
      first && conversation && followUps && !['route', 'emergency'].includes(first.kind)
        ? chooseReading(first, {
            memory: conversation,
            withSubject: () => {
              const subject = followUps.subjectOf(question, conversation);
              return subject ? answerOnly(`${question} (${subject})`, { ...ctx, partnership: ctx.partnership ?? conversation.partnership ?? null }) : null;
            },
            told: (x) => followUps.remember(question, x),
            asked: () => askedFieldsOf(detectIntent(question)),
            related,
            namesPlace: namesPlace(question),
          })
        : first;
    // "What was it the year before?" with nothing to follow (a new or expired conversation, or a
    // first answer that was "I don't know"): ask which, never answer it as a question of its own.
    // A described situation keeps its route, and a reading that already asks which one keeps its
    // "did you mean" suggestions (answerOnly's own triage decided both: no second reading).
    const orphan = alone && !ctx.memory && !['route', 'emergency', 'clarify'].includes(alone.kind) && followUps?.pointsBackOnly(question) === true;
    const single = follow ? followUpAnswer(follow, ctx, { composer, abstain, notStatedAnswer, followUpsFor }) : orphan ? abstain(ctx, 'which-one') : alone!;
    const both =
      !follow && !orphan && followUps
        ? answerBothHalves(question, single, ctx, {
            ask: answer,
            remember: (q, x) => followUps.remember(q, x),
            oneFact: (x) => oneFact.has(x),
            related,
          })
        : null;
    const a = both ?? single;
    note('compose', () => `${a.answered ? 'answered' : `abstained (${a.reason ?? a.kind})`} as ${a.kind}; records ${a.recordIds.join(', ') || 'none'}`);
    const memory = follow?.kind === 'answer' ? followUps?.remember(follow.question, a, follow.unit) : followUps?.remember(question, a);
    const hint = a.answered && !a.checklist ? checklistFor(a.recordIds.map((id) => byId.get(id)!).filter(Boolean)) : undefined;
    return { ...a, ...(hint ? { checklist: hint } : {}), ...(memory ? { memory } : {}) };
  }

  function explain(question: string, ctx: AnswerContext = {}): { answer: Answer; trace: TraceStep[] } {
    trace = [];
    try {
      const a = answer(question, ctx);
      return { answer: a, trace };
    } finally {
      trace = null;
    }
  }

  function answerOnly(question: string, ctx: AnswerContext = {}): Answer {
    // Cut before normalising, so the work is bounded by the limit, not by what the caller sent.
    const raw = question
      .slice(0, MAX_QUESTION_CHARS * 2)
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, MAX_QUESTION_CHARS);
    note('normalise', () => `${raw.length} characters${question.length > MAX_QUESTION_CHARS ? ` (cut from ${question.length})` : ''}`);
    if (!raw) return abstain(ctx, 'empty');
    // Triage first: a described situation gets its route (999 first) before any lookup or refusal.
    const situation = triage.triage(raw);
    note('triage', () => describeTriage(situation));
    const elsewhere = namesOnlyElsewhere(raw);
    const otherCouncil = () => abstain(ctx, 'other-council', [], null, { place: `${elsewhere![0]!.toUpperCase()}${elsewhere!.slice(1)}` });
    if (situation.routes.length) {
      // "What's Enfield's process for escalating a disagreement?" asks about another council's
      // procedure, not about a case: the rules saw a dispute, but the reading says it is a
      // question. Danger is never turned away, whatever council it is in.
      if (elsewhere && situation.classifier?.label === 'none' && !situation.routes.includes('emergency')) return otherCouncil();
      const named = mentionedPartnerships(raw);
      return routeAnswer(situation, named.length === 1 ? named[0]! : (ctx.partnership ?? null), { byId, composer });
    }
    const describesSituation = situation.describesSituation;

    if (elsewhere) return otherCouncil();
    // Refusal needs positive evidence: a message with signs of a situation is never refused.
    const scoped = describesSituation ? null : offTopic.read(raw);
    note('scope', () => describeScope(scoped));
    const refusal = refusalFor(situation);
    if (scoped?.outOfScope) {
      return abstain(ctx, refusal('out-of-scope'));
    }

    const corrected = matcher.correct(raw);
    const intent = detectIntent(corrected);
    // Phone numbers and mailboxes are deployment configuration, not knowledge (intents.yaml `contact`).
    if (intent.contact) {
      return abstain(ctx, 'contact-details');
    }
    const mentioned = mentionedPartnerships(corrected);
    const across = asksAcrossPartnerships(corrected) || mentioned.length >= 2;
    // Years and bare numbers are checked separately (yearMismatch); as words they only add noise.
    const terms = [...new Set(contentTerms(corrected))].filter((t) => !PLACE_TERMS.has(t) && !/^\d{1,4}$/.test(t));
    // The procedure words are read from the corrected words; where nothing was corrected, the
    // triage's own reading of the message already holds them (no second tokenisation).
    const concepts = corrected === tokens(raw).join(' ') ? situation.concepts : triage.conceptWords(corrected);
    const hints = [...new Set(contentTerms(concepts))];
    const entity = matcher.entityScores(corrected);
    // Naming a partnership names its partnership record too, when the question is about the
    // partnership itself ("who are the partners in Harrow?"), not about something in it.
    if (intent.statutoryPartners || intent.leads || intent.area || intent.independentRoles) {
      for (const p of mentioned) entity.set(p, Math.max(entity.get(p) ?? 0, 0.5));
    }
    // The 2009 action plan is Haringey's; a question about it is a Haringey question.
    const historical = /\b(2009|2008|jar|joint area review)\b/i.test(corrected);
    const scope: PartnershipId[] | null = across ? null : mentioned.length ? mentioned : historical ? ['haringey'] : ctx.partnership ? [ctx.partnership] : null;
    note('context', () => describeContext({ scope, across, intent, terms, corrected, raw }));

    // "Who chairs it?" names no group or topic: ask which, rather than pick one.
    if (!terms.length && !hints.length && !reverseRelation(corrected)) {
      const hints = matcher.rank({ terms: [], intent, partnerships: scope }, matcher.entityScores(corrected));
      return abstain(ctx, 'which-one', hints);
    }

    const ranked = retrieve(matcher, corrected, { intent, terms, hints, entity, scope, historical, namedPartnership: mentioned.length > 0 });
    const top = ranked[0];
    note('retrieve', () => describeRanked(ranked));
    // "What subgroups does Harrow have?" is answered from the structure, not by one fact.
    const listing = listKind(corrected);
    if (listing) {
      const l = listAnswer(matcher, composer, kb.documents, listing.kinds, listing.label, scope ?? ALL_PARTNERSHIPS, 0.8, top?.unit);
      if (l) return l;
    }
    // The off-topic reader's view counts only against a weak match: "can I book the big room for
    // the away day?" matches the Business Unit by its words, not by what it asks.
    // In a conversation, a terse message is read as continuing it, not as off-topic.
    // A message the triage reads as a situation (a route, however unsure) is never refused on the
    // off-topic reader's view: "I don't know, ask your DSL or the MASH" is the safe answer then.
    const readsAsSituation =
      situation.classifier !== undefined &&
      situation.classifier.label !== 'none' &&
      situation.classifier.margin >= TRIAGE.classifierMargin &&
      situation.describesSomeone;
    if (scoped?.by === 'reader' && !ctx.memory && !readsAsSituation && (!top || top.score < SCOPE.answerAbove)) {
      return abstain(ctx, refusal('out-of-scope'));
    }
    const unknown = matcher.unknownShare(corrected);
    if (!top || top.score < ABSTAIN_BELOW || (unknown > 0.5 && top.lexical < 0.6) || (top.lexical < 0.25 && top.entity < 0.5)) {
      return abstain(ctx, refusal(unknown > 0.5 ? 'unknown-words' : 'low-confidence'), ranked, scope?.length === 1 ? scope[0]! : null);
    }
    // Checks that catch a near miss (a figure for another year, a figure about something else, a
    // "how much" answered without a quantity): the next candidates get a chance before abstaining.
    const problemWith = candidateCheck(corrected, intent, { docYear, namesPerson }, raw);
    // A field asked outright ("how quickly should the LADO be told?") is looked for first among
    // the near candidates of any record that states it, before the best record's other fields.
    const asked = askedFieldsOf(intent);
    const near = (r: ScoredUnit) => r.score >= top.score * 0.75;
    const withField =
      asked.includes('timescale') && !asked.includes('value')
        ? ranked.filter((r) => near(r) && r.unit.attr === 'timescale' && !r.unit.notStated && r.lexical >= top.lexical)
        : [];
    // "When did the JTAI take place?": a near candidate that names the month ("4 to 8 December 2017")
    // answers it better than a description that mentions the year in passing ("the JTAI (2017) plan").
    const dated =
      asked.includes('timescale') && (intent.pastWhen ?? 0) > 0 && !namesMonth(top.unit.text)
        ? ranked.slice(1, 6).filter((r) => near(r) && r.lexical >= top.lexical * DATED.lexicalShare && namesMonth(r.unit.text))
        : [];
    const chosen =
      withField.find((r) => !problemWith(r, r !== top)) ??
      dated.find((r) => !problemWith(r, true)) ??
      ranked.slice(0, 6).find((r, i) => near(r) && !problemWith(r, i > 0));
    note('verify', () => (chosen ? `chose ${chosen.unit.key}` : `rejected the top candidates: ${problemWith(top) ?? 'low-confidence'}`));
    if (!chosen) return abstain(ctx, problemWith(top) ?? 'low-confidence', ranked);
    // A fact whose own sentence holds almost none of the question's words was found by its record's
    // names alone: on the fixture sets such answers were wrong 13 times in 17.
    // (Not for two questions in one: "who chairs the SSP and what biscuits do they serve?" answers the first.)
    // In a conversation, an answer unrelated to it needs more of the message's own words: from few
    // of them it is a reading of the words alone ("who do they represent?" after the lay members).
    const offSubject = chosen.own < ANSWER_MIN_OWN_OFF_SUBJECT && !!ctx.memory && !related(ctx.memory.recordIds, [chosen.unit.record.id]);
    if (chosen.own < (offSubject ? ANSWER_MIN_OWN_OFF_SUBJECT : ANSWER_MIN_OWN) && !secondClause(corrected))
      return abstain(ctx, refusal('low-confidence'), ranked);
    const best = chosen;
    const confidence = Math.min(1, best.score / 0.7);
    // The dates of future meetings are not published, only how often they meet (intents.yaml `nextDate`).
    if (intent.nextDate) {
      const cadence = ranked.find((r) => r.unit.attr === 'cadence' && !r.unit.notStated && r.score >= best.score * 0.7);
      return abstain(ctx, 'future-meeting', [], null, cadence ? { instead: composer.unitText(cadence.unit).text } : {});
    }

    const reverse = reverseRelation(corrected);
    if (reverse) {
      const r = reverseAnswer(matcher, composer, reverse, corrected, ranked, entity, scope);
      if (r) return r;
    }

    const decision = decidePartnerships(ranked, best, {
      scope,
      across,
      mentioned,
      carried: ctx.memory?.partnership,
      distinctive: matcher.isDistinctive(best.unit.record.id, corrected),
    });
    if (decision?.kind === 'carry') {
      note('context', () => `partnership ${decision.partnership} carried from the conversation`);
      return answerOnly(question, { ...ctx, partnership: decision.partnership });
    }
    if (decision?.kind === 'unsure') return abstain(ctx, refusal('low-confidence'), ranked);
    if (decision) {
      const intro =
        decision.kind === 'across'
          ? "Here is what each partnership's arrangements say:"
          : 'This differs by partnership (tell me yours with "partnership <name>" for a single answer):';
      const a = composer.list(intro, decision.units, decision.kind === 'across' ? confidence : confidence * 0.9, 'comparison', true);
      return { ...a, followUps: [] };
    }

    if (best.unit.notStated) return notStatedAnswer(best.unit, ctx);

    // One unit, or two of the same record: both halves of a two-part question, or a general answer
    // with its closest detail.
    const checkFor = (q: string) => candidateCheck(q, detectIntent(q), { docYear, namesPerson });
    const units = unitsToGive(best, ranked, { corrected, intent, detectIntent, matcher, checkFor });
    const a =
      units.length > 1
        ? composer.combined(units, confidence)
        : composer.single(best.unit, confidence, best.unit.record.type === 'glossary' ? 'glossary' : 'fact');
    const given = { ...a, followUps: followUpsFor(best.unit, ctx) };
    if (units.length === 1) oneFact.add(given);
    return given;
  }

  return { answer, explain, sampleQuestions: () => sampleQuestions(matcher.units) };
}
