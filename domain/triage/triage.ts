/**
 * Triage: what situation a message describes and which routes it needs, in order, before any
 * fact is looked up. Runs first on every message, so a disclosure is never refused as off-topic
 * and immediate danger always gets 999 first. The language knowledge is data (the vocabulary and
 * routes YAML); this file only evaluates it.
 */
import type { RouteId } from '../answering/types.ts';
import { tokenise } from './lemmas.ts';
import { MessageMatches } from './patterns.ts';
import { compiledGroups, type PatternsData } from './patterns-data.ts';
import type { Condition, RouteDefinition, TriageData } from './types.ts';
import {
  classifierFromJSON,
  featuresOf,
  trainClassifier,
  type Prediction,
  type SituationClassifier,
  type TrainingCache,
  type TriageLabel,
  trainingKey,
} from './classifier.ts';

export type { TrainingCache } from './classifier.ts';
import { TRIAGE } from '../answering/thresholds.ts';

export interface TriageResult {
  /** The routes the message needs, in the order to give them; empty when it describes no situation. */
  routes: RouteId[];
  /** Route definitions, same order. */
  definitions: RouteDefinition[];
  /** Variant records that apply (a low-level concern, a looked-after child). */
  extraRecords: string[];
  /** For the trace: which groups matched, with the message's words. Never logged. */
  matched: Record<string, string[]>;
  /** For the trace: what the classifier read, and whether its reading was used. */
  classifier?: Prediction & { used: boolean };
  /** Which reader decided: the vocabulary's rules, or the classifier where the rules found nothing. */
  by: 'rules' | 'classifier' | 'none';
  /** A sign of harm, worry or a dispute matched (TRIAGE.situationSigns): such a message is never refused as off-topic. */
  describesSituation: boolean;
  /** A child, a worker, a family member or an agency is named (TRIAGE.describesSomeone). */
  describesSomeone: boolean;
  /** The procedure words the description adds (concepts.yaml), from this same reading: "" when none. */
  concepts: string;
  /** For the trace: the urgency reading's margin for 999 (negative: not urgent). */
  urgency?: number;
}

export interface TriageOptions {
  /** Questions about the arrangements (the knowledge base's own questions): the classifier's "none" class. */
  negatives?: readonly string[];
  /** Rewrites chat shorthand before reading; applied to the training examples too, so both read alike. */
  expand?: (text: string) => string;
  /** What `expand` does, as text: part of the training cache's key. */
  expandKey?: string;
  /** Where trained classifiers are kept between starts (reading ~3,000 examples takes seconds). */
  cache?: TrainingCache;
  /** The build's compiled vocabulary (patterns-data.ts), used when it fits `data.groups`. */
  compiled?: PatternsData;
}

/** Bump when the features or the training change in code, so cached classifiers are retrained. */
const TRAINING_VERSION = 3;

export interface Triage {
  triage(message: string): TriageResult;
  /** The procedure words the message's description adds ("" when none): "a colleague hit a child" -> the LADO's. */
  conceptWords(message: string): string;
  readonly data: TriageData;
}

export function createTriage(data: TriageData, options: TriageOptions = {}): Triage {
  const names = new Set(Object.keys(data.groups));
  const compiled = compiledGroups(data.groups, options.compiled);
  const expand = options.expand ?? ((t: string) => t);
  const negatable = new Set(data.negatable ?? []);
  const carriers = data.negationCarriers ?? [];
  const read = (message: string) => {
    const m = new MessageMatches(tokenise(expand(message)), compiled, data.masks ?? {}, negatable, false, carriers);
    const groups = [...names].filter((g) => m.has(g));
    // A group named "_..." is a building block of other groups' terms ("_collect" within an hour):
    // its words still count, but the group is no feature of its own, so the classifier does not
    // learn a part ("pick up", "today") as if it were the whole situation.
    return {
      m,
      groups,
      features: featuresOf(
        m.tokens,
        groups.filter((g) => !g.startsWith('_')),
      ),
    };
  };
  const { classifier, urgency, after } = trained(data, options, read);
  const byId = new Map(data.routes.map((r) => [r.id, r]));

  const holds = (m: MessageMatches, c: Condition): boolean => c.every((g) => (g.startsWith('!') ? !m.has(g.slice(1)) : m.has(g)));

  function triage(message: string): TriageResult {
    const { m, groups, features } = read(message);
    let fired = data.routes.filter((r) => r.when.some((c) => holds(m, c)) && !r.unless.some((c) => holds(m, c)));
    let by: TriageResult['by'] = fired.length ? 'rules' : 'none';
    const prediction = readAllowed(classifier?.predict(features), m);
    // Where the rules found nothing, a confident reading of a message that describes someone
    // (a child, a worker, a family member) is used; a question about the arrangements is not a case.
    // Without any sign of harm, worry or dispute in the vocabulary, it takes a far surer reading:
    // "a summary of Oliver Twist for my yr 9 class" names a child but describes nothing.
    const signs = groups.some((g) => TRIAGE.situationSigns.includes(g));
    const usable =
      !fired.length &&
      prediction &&
      prediction.label !== 'none' &&
      prediction.margin >= (signs ? TRIAGE.classifierMargin : TRIAGE.classifierMarginWithoutSigns) &&
      groups.some((g) => TRIAGE.describesSomeone.includes(g)) &&
      !groups.includes('statistics');
    if (usable) {
      fired = [byId.get(prediction.label as RouteDefinition['id'])!];
      by = 'classifier';
    }
    // Where the rules did fire, a reading far more confident in another route overrides the
    // first route (the welfare rule is broad: a drunk parent driving off is 999, not a referral).
    const overridden = fired.length && prediction ? override(fired, prediction, m) : null;
    if (overridden) {
      fired = overridden;
      by = 'classifier';
    }
    // 999 is never taken away by a reading (a rule saw danger: it stays first), and is added in
    // front when the urgency reading is sure the danger is now.
    const urgent = urgency?.predict(features);
    const someone = groups.some((g) => TRIAGE.describesSomeone.includes(g));
    if (
      (fired.length || someone) &&
      !fired.some((r) => r.id === 'emergency') &&
      urgent?.label === 'emergency' &&
      urgent.margin >= TRIAGE.urgencyMargin &&
      byId.has('emergency') &&
      vetoed(byId.get('emergency')!, m) === false &&
      !groups.includes('statistics') &&
      // The main reading is sure this is another route (a referral, the LADO...): the urgency
      // reading alone does not put 999 ahead of it. A rule that saw danger still does (above).
      !(prediction && prediction.label !== 'emergency' && prediction.label !== 'none' && prediction.margin >= TRIAGE.urgencyVetoMargin)
    ) {
      // Where nothing else fired, a sure "this is happening now" about someone is still 999 first:
      // silence is the worst answer to danger described in words no rule knows.
      if (!fired.length) by = 'classifier';
      fired = [byId.get('emergency')!, ...fired];
    }
    // 999 alone says what to do now, not what the situation is: the "after 999" reading adds the
    // route that follows when it is sure (a worker hurting a child: the LADO; a child's death: the Panel).
    const next = fired.length === 1 && fired[0]!.id === 'emergency' ? after?.predict(features) : undefined;
    if (
      next &&
      next.label !== 'none' &&
      next.label !== 'emergency' &&
      next.margin >= TRIAGE.afterEmergencyMargin &&
      byId.has(next.label) &&
      !vetoed(byId.get(next.label)!, m)
    ) {
      fired = [...fired, byId.get(next.label)!];
    }
    const suppressed = new Set(fired.flatMap((r) => r.suppress));
    fired = fired.filter((r) => !suppressed.has(r.id));
    const extraRecords = fired.flatMap((r) => r.variants.filter((v) => holds(m, v.when)).flatMap((v) => v.records));
    const matched: Record<string, string[]> = {};
    for (const g of groups) matched[g] = m.words(g);
    return {
      routes: fired.map((r) => r.id),
      definitions: fired,
      extraRecords,
      matched,
      by,
      describesSituation: signs,
      describesSomeone: someone,
      concepts: conceptsIn(m),
      ...(prediction ? { classifier: { ...prediction, used: !!usable } } : {}),
      ...(urgent ? { urgency: urgent.label === 'emergency' ? urgent.margin : -urgent.margin } : {}),
    };
  }

  /** True when a route's own words veto a reading of it ("she's home with mum now" is not 999). */
  function vetoed(r: RouteDefinition, m: MessageMatches): boolean {
    return r.readUnless.some((c) => holds(m, c));
  }

  /** A reading the route's words veto stands for the route they name instead, with the same margin. */
  function readAllowed(p: Prediction | undefined, m: MessageMatches): Prediction | undefined {
    const r = p && p.label !== 'none' ? byId.get(p.label) : undefined;
    if (!p || !r || !vetoed(r, m)) return p;
    if (!r.readInstead) return { ...p, label: 'none' };
    const instead = r.readInstead;
    return { ...p, label: instead, all: { ...p.all, [instead]: Math.max(p.all[instead] ?? -Infinity, p.all[r.id] ?? -Infinity), [r.id]: -Infinity } };
  }

  function override(fired: RouteDefinition[], p: Prediction, m: MessageMatches): RouteDefinition[] | null {
    if (p.label === 'none' || p.margin < TRIAGE.overrideMargin) return null;
    const lead = fired[0]!;
    if (lead.id === p.label) return null;
    // A kind the rules name for certain (routes.yaml `firm`): the classifier's features can't tell it.
    if (lead.firm.some((c) => holds(m, c))) return null;
    if ((p.all[p.label] ?? 0) - (p.all[lead.id] ?? 0) < TRIAGE.overrideMargin) return null;
    const chosen = byId.get(p.label)!;
    // A rule that saw danger now keeps 999 first against a reading of a referral or the LADO
    // ("a teacher is hitting a pupil right now": 999, then the LADO); a reading of a death or a
    // dispute says the danger is past or procedural, and replaces it.
    // So does a reading of serious harm where no child has died: the harm may still be happening.
    if (lead.id === 'emergency' && (p.label === 'mash' || p.label === 'lado' || (p.label === 'panel' && !m.has('death')))) {
      return [lead, chosen, ...fired.slice(1).filter((r) => r.id !== chosen.id)];
    }
    // A reading of a dispute takes 999 away only where the words show one (a disagreement, no
    // reply, a closed case): "dad is trying to take the newborn against the safety plan agreed
    // with social care" names an agency and a plan, but the danger is now.
    if (lead.id === 'emergency' && p.label === 'escalation' && !TRIAGE.disputeSigns.some((g) => m.has(g))) return null;
    // Where the rules gave this route too, they saw both situations and routes.yaml orders them
    // ("the head won't tell the LADO": the LADO, then an escalation; "a baby died at the nursery":
    // the Panel, then the LADO): a reading does not reorder them or drop one.
    if (lead.id !== 'emergency' && fired.some((r) => r.id === p.label)) return null;
    // 999 goes before whatever else applies; another route replaces the lead and keeps the rest.
    return p.label === 'emergency' ? [chosen, ...fired] : [chosen, ...fired.filter((r) => r.id !== chosen.id && r !== lead)];
  }

  function conceptWords(message: string): string {
    return conceptsIn(read(message).m);
  }

  function conceptsIn(m: MessageMatches): string {
    return (data.concepts ?? [])
      .filter((c) => c.when.some((cond) => holds(m, cond)))
      .map((c) => c.add)
      .join(' ');
  }

  return { triage, conceptWords, data };
}

/**
 * The two readings, trained on the routes' examples, the training files and the knowledge base's
 * own questions (as "none"), or taken from the cache when nothing they learn from has changed.
 */
function trained(
  data: TriageData,
  options: TriageOptions,
  read: (message: string) => { features: string[] },
): Record<'classifier' | 'urgency' | 'after', SituationClassifier | null> {
  const key = options.cache ? trainingKey('triage', [TRAINING_VERSION, data, options.negatives ?? [], options.expandKey ?? '']) : '';
  const cached = options.cache ? safely(() => options.cache!.get(key)) : undefined;
  if (cached) {
    try {
      const [c, u, a] = JSON.parse(cached) as Array<string | null>;
      const load = (json: string | null | undefined) => (json ? classifierFromJSON(json) : null);
      return { classifier: load(c), urgency: load(u), after: load(a) };
    } catch {
      // Unreadable: train afresh below and overwrite it.
    }
  }
  // Each message is read once: the written sets' 999 situations train the main and "after 999" readings both.
  const features = new Map<string, string[]>();
  const featuresOfMessage = (msg: string): string[] => features.get(msg) ?? features.set(msg, read(msg).features).get(msg)!;
  const samples: Array<{ features: string[]; label: TriageLabel }> = [];
  const add = (label: TriageLabel, messages: readonly string[] = []) => {
    for (const msg of messages) samples.push({ features: featuresOfMessage(msg), label });
  };
  for (const r of data.routes) add(r.id, [...r.examples, ...(data.training[r.id] ?? [])]);
  add('none', [...data.none, ...(data.training.none ?? []), ...(options.negatives ?? [])]);
  const own = samples.length;
  for (const [label, messages] of Object.entries(data.learned?.examples ?? {}) as Array<[TriageLabel, string[]]>) add(label, messages);
  const classifier = samples.some((s) => s.label !== 'none') ? trainClassifier(samples) : null;
  // A second reading of our own examples: is this happening now (999) or not? Several routes can
  // apply ("the PE teacher is dragging a boy into the cupboard right now": 999, then the LADO), and a
  // one-label reading would give only one of them; this one only asks whether 999 comes first.
  // It does not learn the written sets: they name only a situation's first route.
  const ours = samples.slice(0, own);
  const urgency = ours.some((s) => s.label === 'emergency')
    ? trainClassifier(ours.map((s) => ({ features: s.features, label: s.label === 'emergency' ? 'emergency' : 'none' })))
    : null;
  // A third: apart from the danger, what kind of situation is it (the route after 999)? It learns
  // every situation by its first route other than 999, so "the coach has a boy by the throat right
  // now" reads as the LADO's as well as the police's.
  const afterSamples = samples.filter((s) => s.label !== 'none' && s.label !== 'emergency');
  for (const [label, messages] of Object.entries(data.learned?.afterEmergency ?? {}) as Array<[TriageLabel, string[]]>) {
    for (const msg of messages) afterSamples.push({ features: featuresOfMessage(msg), label });
  }
  const after = new Set(afterSamples.map((s) => s.label)).size > 1 ? trainClassifier(afterSamples) : null;
  if (options.cache) safely(() => options.cache!.set(key, JSON.stringify([classifier, urgency, after].map((c) => c?.exportJSON() ?? null))));
  return { classifier, urgency, after };
}

function safely<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
