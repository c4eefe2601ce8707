/**
 * The triage's second reader: a naive Bayes classifier (wink-naive-bayes-text-classifier) trained
 * at start-up on the example messages in knowledge/triage/examples.yaml. Its features are the
 * message's lemmas and the vocabulary groups that match ("#worker", "#conduct"), so a word the
 * vocabulary knows generalises through its group and a word it doesn't still counts.
 *
 * Why a classifier beside the rules: the rules are precise but only fire on the combinations
 * someone wrote down; new wording of the same situation slips through them. The classifier is
 * used only where the rules found nothing (see triage.ts) and only above a margin, so it widens
 * recall without overriding a rule.
 */
import { createHash } from 'node:crypto';
import naiveBayes from 'wink-naive-bayes-text-classifier';
import type { RouteId } from '../answering/types.ts';
import type { Token } from './lemmas.ts';

export type TriageLabel = RouteId | 'none';

/**
 * A place to keep trained classifiers between starts, keyed by a hash of everything they were
 * trained on: a change to the vocabulary, the examples or the knowledge base's questions is a
 * new key, so a stale classifier is never used. Best effort: a failing cache only costs time.
 */
export interface TrainingCache {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

/** The training cache's key: the reader's name and a hash of everything it learns from (any JSON value). */
export function trainingKey(reader: string, inputs: unknown): string {
  return `${reader}-${createHash('sha256').update(JSON.stringify(inputs)).digest('hex')}`;
}

/**
 * A classifier from the cache when what it learns from is unchanged, else trained and kept.
 * Reading or writing the cache never fails the caller: a bad entry is retrained over.
 */
export function cachedClassifier<L extends string>(
  cache: TrainingCache | undefined,
  reader: string,
  inputs: unknown,
  train: () => SituationClassifier<L>,
): SituationClassifier<L> {
  if (!cache) return train();
  const key = trainingKey(reader, inputs);
  try {
    const hit = cache.get(key);
    if (hit) return classifierFromJSON(hit) as unknown as SituationClassifier<L>;
  } catch {
    // Unreadable or unavailable: train below.
  }
  const fresh = train();
  try {
    cache.set(key, fresh.exportJSON());
  } catch {
    // Best effort.
  }
  return fresh;
}

/** A reading: the best label ('none' when no feature is known), its margin and every label's log-odds. */
export interface Prediction<L extends string = TriageLabel> {
  label: L | 'none';
  /** Log-odds of the best label against the rest (wink's computeOdds). */
  odds: number;
  /** Odds of the best label minus those of the runner-up. */
  margin: number;
  /** Log-odds of every label. */
  all: Partial<Record<L, number>>;
}

/** Also the off-topic reader's (domain/answering/scope.ts), with its own labels. */
export interface SituationClassifier<L extends string = TriageLabel> {
  predict(features: readonly string[]): Prediction<L>;
  /** The learnings as JSON (wink's exportJSON), to start the next time without training. */
  exportJSON(): string;
}

/** The classifier's view of a message: content lemmas plus the groups that matched. */
export function featuresOf(tokens: readonly Token[], groups: readonly string[]): string[] {
  const words = tokens.filter((t) => !t.stop && /[a-z0-9]/.test(t.norm)).map((t) => t.lemma);
  return [...new Set([...words, ...groups.map((g) => `#${g}`)])];
}

function fresh(): ReturnType<typeof naiveBayes> {
  const nb = naiveBayes();
  // Inputs arrive already tokenised; the identity task keeps wink from re-tokenising them.
  nb.definePrepTasks([(x: never) => x]);
  nb.defineConfig({ considerOnlyPresence: true, smoothingFactor: 0.5 });
  return nb;
}

export function trainClassifier<L extends string = TriageLabel>(samples: ReadonlyArray<{ features: string[]; label: L }>): SituationClassifier<L> {
  const nb = fresh();
  for (const s of samples) nb.learn(s.features, s.label);
  nb.consolidate();
  return wrap<L>(nb);
}

/** A classifier from learnings exported earlier; throws on anything wink cannot read. */
export function classifierFromJSON(json: string): SituationClassifier {
  const nb = fresh();
  nb.importJSON(json);
  nb.consolidate();
  return wrap(nb);
}

function wrap<L extends string = TriageLabel>(nb: ReturnType<typeof naiveBayes>): SituationClassifier<L> {
  return {
    exportJSON: () => nb.exportJSON(),
    predict(features) {
      const odds = nb.computeOdds([...features]);
      const [best, next] = odds;
      if (!best || best[0] === 'unknown') return { label: 'none', odds: 0, margin: 0, all: {} };
      return {
        label: best[0] as L,
        odds: best[1],
        margin: best[1] - (next?.[1] ?? -Infinity),
        all: Object.fromEntries(odds) as Partial<Record<L, number>>,
      };
    },
  };
}
