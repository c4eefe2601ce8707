/**
 * Questions outside what this bot is for (travel, IT help, HR, writing requests, small talk),
 * refused rather than matched to the nearest safeguarding fact. Two readers, both over data:
 *  - words that mark a request as another kind of work (knowledge/language/off-topic.yaml `words`);
 *  - a naive Bayes reading trained on off-topic examples (`offTopic`) against the knowledge
 *    base's own questions, for wording no list foresaw ("can I book the big room for the away day?").
 * Triage runs first: a message with any sign of a child's situation never reaches this.
 */
import { cachedClassifier, featuresOf, trainClassifier, type SituationClassifier, type TrainingCache } from '../triage/classifier.ts';
import { tokenise } from '../triage/lemmas.ts';
import { normalise } from './text.ts';
import { smallTalk } from './small-talk.ts';
import { SCOPE } from './thresholds.ts';

export interface ScopeData {
  /** Phrases (normalised words) that alone mark a request as off-topic. */
  words: string[];
  /** Example off-topic messages that train the reader. */
  offTopic: string[];
}

export interface ScopeReading {
  /** Refuse now: small talk or an off-topic word. */
  outOfScope: boolean;
  /** How it was read: 'reader' means the reader thinks it off-topic (see SCOPE.answerAbove). */
  by: 'small-talk' | 'words' | 'reader' | 'none';
  /** The reader's margin for off-topic (negative: in scope). */
  margin: number;
}

export interface Scope {
  read(question: string): ScopeReading;
}

/** The triage classifier's view of a message, lemmas only (no vocabulary groups here). */
const features = (text: string): string[] => featuresOf(tokenise(text), []);

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Bump when the reader's features or training change in code, so cached readers are retrained. */
const READER_VERSION = 1;

export function createScope(data: ScopeData, inScopeQuestions: readonly string[], cache?: TrainingCache): Scope {
  const words = data.words.length ? new RegExp(`\\b(${data.words.map((w) => escape(normalise(w))).join('|')})\\b`) : null;
  // The same naive Bayes reader as the triage's (domain/triage/classifier.ts), with two labels.
  const reader: SituationClassifier<'off' | 'in'> | null =
    data.offTopic.length > 0 && inScopeQuestions.length > 0
      ? cachedClassifier(cache, 'off-topic', [READER_VERSION, data.offTopic, inScopeQuestions], () =>
          trainClassifier([
            ...data.offTopic.map((q) => ({ features: features(q), label: 'off' as const })),
            ...inScopeQuestions.map((q) => ({ features: features(q), label: 'in' as const })),
          ]),
        )
      : null;

  return {
    read(question) {
      if (smallTalk(question) !== null) return { outOfScope: true, by: 'small-talk', margin: 0 };
      if (words?.test(normalise(question))) return { outOfScope: true, by: 'words', margin: 0 };
      if (!reader) return { outOfScope: false, by: 'none', margin: 0 };
      const { all } = reader.predict(features(question));
      const margin = (all.off ?? 0) - (all.in ?? 0);
      // The reader alone never refuses: the engine refuses on its reading only when the knowledge
      // base has no strong match either (SCOPE.answerAbove), so a terse in-scope question it
      // misreads still gets its answer.
      return { outOfScope: false, by: margin >= SCOPE.readerMargin ? 'reader' : 'none', margin };
    },
  };
}
