/**
 * The engine's named thresholds, in one place, each with why it is where it is. Changing one
 * changes behaviour everywhere it is used; `npm run eval` and the quality tests show the effect.
 */
export const TRIAGE = {
  /**
   * The classifier's reading is used (where the rules found nothing) only when its best label's
   * log-odds beat the runner-up's by this much: below it, the reading is too close to call and
   * "I don't know, ask your DSL" is safer than a route that may be wrong.
   */
  classifierMargin: 5,
  /**
   * The margin needed when no group shows harm, worry or a dispute (see situationSigns). 8 when the
   * reading knew only our own examples; since it also learns ~2,800 written questions as "none" it
   * tells a question from a case itself. One round left out at a time (2,310 situations, 3,042
   * questions), 8 -> 6 routes 4 more situations right and 3 more questions wrongly (noise-level).
   */
  classifierMarginWithoutSigns: 6,
  /** Groups that show something happened: harm, worry, conduct, danger, death, a dispute. */
  situationSigns: [
    'welfare',
    'worry',
    'conduct',
    'worker_conduct',
    'allegation',
    'acute',
    'threat',
    'harm_verb',
    'harm_now',
    'afraid',
    'missing',
    'death',
    'abuse_suspected',
    'disagree',
    'no_response',
    'closed',
  ] as readonly string[],
  /**
   * Where the rules fired, the classifier replaces their first route only when its best label beats
   * both the runner-up and the rules' route by this much: the rules are precise, so it takes a
   * far more confident reading to overrule them. 5 -> 6 when the reading learned the written sets:
   * one round left out at a time, 2 fewer right first and 1 more 999 kept (noise-level); it keeps a
   * worker who only reports a child's bruises from reading as an allegation against the worker.
   */
  overrideMargin: 6,
  /**
   * Where the rules found a route but not 999, the urgency reading (emergency against everything
   * else) puts 999 first when its margin is at least this: a confident "this is happening now".
   * Measured on four situation sets: at 30 or 40 about 1 in 20 more immediate-danger messages
   * lose their 999, while 5-10% more welfare referrals gain a 999 line they didn't need at 20.
   * A missed 999 is the worse error, so 20.
   */
  urgencyMargin: 20,
  /**
   * ...unless the main reading is at least this sure of another route: then the urgency reading
   * alone adds no 999 (a rule that saw danger still does). Measured on all ten situation sets
   * (1,150 messages): at 6, three needless 999 lines go (a home visit "no immediate danger but
   * I'm worried", extremist videos, a teacher's lift home) and no 999 is lost; at 2, six go and
   * none is lost; at 0, two immediate-danger messages lose their 999. 6 keeps a margin from that.
   */
  urgencyVetoMargin: 6,
  /**
   * Where only 999 applies by the rules and readings, the "after 999" reading adds the route that
   * follows (the LADO, a referral, the Panel) when its best label beats the runner-up by this much.
   */
  afterEmergencyMargin: 5,
  /** Groups that show a dispute with another professional or agency (what an escalation is about). */
  disputeSigns: ['disagree', 'no_response', 'closed', 'lado_withheld', 'kept_internal'] as readonly string[],
  /** Groups that show a message describes someone (a case), not a question about the arrangements. */
  describesSomeone: ['subject', 'worker', 'family', 'agency'] as readonly string[],
} as const;

/**
 * An intent weight at or above this means the question asks for one field outright ("who chairs",
 * "how often", "how many", "name of"): a general description of the record does not answer it.
 */
export const FIELD_DIRECTED_WEIGHT = 3;

/** Which scored units the matcher's ranking keeps (matcher.ts rank). */
export const RANK = {
  /** A unit scoring this or less matched nothing worth reading. */
  minScore: 0.05,
  /**
   * Units below this share of the best score are dropped: nothing reads that far down, and every
   * fixture answer (3,157 messages) is the same with or without them.
   */
  relativeFloor: 0.2,
};

/**
 * A City-only or Hackney-only record's score when the question names neither place or both:
 * the shared City & Hackney record should answer first, the place's own only if nothing shared does.
 */
/**
 * A figure is given only when its own sentence holds this share of the question's words: a figure
 * about something else is worse than none. (Trying 0.3 where the figure's names match strongly
 * gained 5 and lost 3 on the fixture sets, with 9 new wrong answers.)
 */
export const FIGURE = { ownShare: 0.5 } as const;

/**
 * "This differs by partnership" needs the best candidate to cover this share of the question's
 * words: matched on a group's name alone, it was wrong in 10 of 11 such answers on the fixture sets.
 */
export const DIFFERS = { minLexical: 0.35 } as const;

/**
 * "When did X take place?": a runner-up naming the month is preferred only when it holds this share
 * of the best candidate's words ("Wood report published" is not "Wood review commissioned").
 */
export const DATED = { lexicalShare: 0.8 } as const;

/** A word in at most this many records' names says what a record is about ("contacts", not "children"): two answers sharing one are related. */
export const RELATED = { rareNameWord: 8 } as const;

/** The least share of the question's words the answering sentence itself must hold (see engine.ts). */
export const ANSWER_MIN_OWN = 0.2;

/**
 * In a conversation, an answer about something other than what it is about (no record in common,
 * no rare name word shared) needs this share of the message's own words in its sentence: on the
 * fixture conversations such answers under 0.3 were wrong 10 times in 12.
 */
export const ANSWER_MIN_OWN_OFF_SUBJECT = 0.3;

export const PLACE_SPECIFIC_FACTOR = 0.9;

export const SCOPE = {
  /**
   * The off-topic reader refuses a question only when its log-odds for "off-topic" beat "a question
   * the knowledge base answers" by this much: a wrong refusal loses a right answer, so it must be sure.
   */
  readerMargin: 4,
  /**
   * A question the reader thinks off-topic is still answered when its best match scores at least
   * this: strong matches (a named group and its attribute) are in scope whatever the wording.
   */
  answerAbove: 0.6,
} as const;
