/** The follow-up cues and equivalents as loaded from knowledge/follow-up (plain data). */
export interface FollowUpCues {
  leads: string[];
  pronouns: string[];
  same: string[];
  more: string[];
  other: string[];
  /** "How many the year before?": the earlier figure the last answer states beside its own. */
  earlier: string[];
  filler: string[];
  places: string[];
  /** Attribute key (as in AnswerUnit.attr) -> phrases that ask for it, most specific attribute first. */
  attributes: Record<string, string[]>;
  /** How a record's sentence says where it is published, and that it states an earlier figure. */
  sentences: { published: string[]; earlier: string[] };
}

export interface FollowUpExample {
  after: { record: string; attr: string };
  message: string;
  expect: { record: string; attr: string } | { follow: false };
}

export interface FollowUpData {
  cues: FollowUpCues;
  examples: FollowUpExample[];
  /** Records that do the same job in different partnerships. */
  equivalents: string[][];
  /** The main groups of one partnership, for "the other one". */
  siblings: string[][];
}
