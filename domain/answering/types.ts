/** The answering engine's contract: what a question gets back. Plain data, no botbuilder. */
import type { PartnershipId, SourceScope } from '../../knowledge/schema.ts';

export type AnswerKind = 'fact' | 'comparison' | 'reverse' | 'list' | 'glossary' | 'emergency' | 'route' | 'clarify' | 'unknown';

/**
 * The routes a described situation can need, in the order they are given when several apply:
 * 999 first, then the LADO, a MASH referral, escalation, a serious incident notification.
 */
export type RouteId = 'emergency' | 'lado' | 'mash' | 'escalation' | 'panel';

/** Why the engine did not answer: the bot words each code in one place. */
export type ReasonCode =
  | 'empty'
  | 'out-of-scope'
  | 'other-council'
  | 'contact-details'
  | 'future-meeting'
  | 'year-not-covered'
  | 'figure-not-found'
  | 'field-not-stated'
  | 'unknown-words'
  | 'not-stated'
  | 'low-confidence'
  | 'unclear-situation'
  | 'which-one'
  | 'which-other'
  | 'no-equivalent'
  | 'too-long';

/**
 * What the bot remembers of a conversation between turns, so "and how often does it meet?"
 * can be answered: record ids and the attribute asked, never message text. Expires (see config).
 */
export interface ConversationMemory {
  recordIds: string[];
  attr?: string;
  partnership?: PartnershipId | null;
  /** ISO time of the answer it remembers. */
  at: string;
}

export interface AnswerSource {
  /** Seed file name, e.g. 003_adb66485ebc597dc.txt; for national facts, the public document's title. */
  document: string;
  section: string;
  quote: string;
  /** The document's title. */
  title: string;
  /** As people say it: "June 2019". */
  published: string;
  /** Present for public documents (statute, DfE guidance, London procedures, partnership pages). */
  url?: string;
  /**
   * Present for public documents (not the seeds): whose rule it is. Only statute and DfE
   * guidance are `national`; London procedures are `london`, a partnership's page `local`.
   */
  scope?: SourceScope;
  /** For a `local` page: whose page it is. */
  partnership?: PartnershipId;
  historical?: boolean;
}

/** A guided checklist an answer leads to (ids of knowledge/checklists). */
export type ChecklistHint = 'lado' | 'escalation' | 'referral' | 'serious-incident';

export interface Answer {
  answered: boolean;
  /** Plain text for logs-free transcripts, the CLI and the text fallback of cards. */
  text: string;
  /** Markdown for cards (bold names, bullet lists). */
  markdown: string;
  partnership: PartnershipId | null;
  sources: AnswerSource[];
  /** 0..1: how sure the engine is that the answer matches the question. */
  confidence: number;
  /** Up to 3 "did you mean" questions when abstaining or unsure. */
  suggestions: string[];
  /** Up to 3 related questions to ask next. */
  followUps: string[];
  kind: AnswerKind;
  /** Knowledge record ids the answer was built from (feedback is stored against these). */
  recordIds: string[];
  /** The checklist to offer next to this answer, if one fits. */
  checklist?: ChecklistHint;
  /** For kind 'route' (and emergencies): the routes the situation needs, in order. */
  routes?: RouteId[];
  /** Set when answered is false: why. */
  reason?: ReasonCode;
  /** What to remember for a follow-up question in the same conversation. */
  memory?: ConversationMemory;
}

export interface AnswerContext {
  /** The user's or conversation's partnership, when known. */
  partnership?: PartnershipId | null;
  /** Route to a person when abstaining, from deployment configuration. */
  mashConsultationLine?: string;
  /** The conversation's memory from the last answer, when it has not expired. */
  memory?: ConversationMemory | null;
}
