/**
 * What `npm run build` works out for the engine ahead of a production start (issue 13): the
 * matcher's units and indexes and the triage vocabulary's compiled terms, as JSON kept in the
 * knowledge snapshot (knowledge/snapshot.ts), so they are only ever paired with the knowledge
 * they were built from. The engine checks each part fits before using it, and builds it otherwise.
 */
import type { KnowledgeBase } from '../../knowledge/load.ts';
import { compileGroups } from '../triage/patterns.ts';
import { patternsData, type PatternsData } from '../triage/patterns-data.ts';
import { Matcher } from './matcher.ts';
import type { MatcherData } from './matcher-index.ts';

export interface EnginePrebuilt {
  matcher: MatcherData;
  /** Compiled from the knowledge base's own triage vocabulary (kb.triage) only. */
  patterns: PatternsData;
}

/** In the order a start builds them (the matcher, then the vocabulary), as wink reads words in that order. */
export function buildEnginePrebuilt(kb: KnowledgeBase): EnginePrebuilt {
  const matcher = new Matcher(kb.records).toData();
  return { matcher, patterns: patternsData(compileGroups(kb.triage.groups)) };
}
