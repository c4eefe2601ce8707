/**
 * What kind of fact a question asks for. Each rule votes for the record attributes that answer
 * it ("who chairs" -> chair; "how often" -> cadence). The rules are data
 * (knowledge/language/intents.yaml); they run over the normalised question, so "vice-chair" is
 * "vicechair" and "bi-monthly" is "bimonthly".
 */
import { normalise } from './text.ts';

export type AttrKey =
  | 'summary'
  | 'role'
  | 'chair'
  | 'viceChair'
  | 'members'
  | 'cadence'
  | 'accountableTo'
  | 'quorum'
  | 'area'
  | 'statutoryPartners'
  | 'leads'
  | 'independentRoles'
  | 'holder'
  | 'responsibilities'
  | 'appointedBy'
  | 'documentName'
  | 'levels'
  | 'statutorySections'
  | 'maintainedBy'
  | 'reviewCycle'
  | 'policyName'
  | 'stages'
  | 'finalStage'
  | 'involved'
  | 'timescale'
  | 'decides'
  | 'notifies'
  | 'value'
  | 'expansion'
  | 'standard'
  | 'owner'
  | 'deadline'
  | 'fact'
  /** Marks, not fields: a sum of money asked for (a figure must then be in money). */
  | 'money'
  /** Marks, not fields: the name asked for is a person's (not a document's or an approach's). */
  | 'person'
  /** Marks, not fields: a phone number or mailbox asked for (deployment configuration, not knowledge). */
  | 'contact'
  /** Marks, not fields: the date of a future meeting or deadline (not published). */
  | 'nextDate'
  /** Marks, not fields: a date in the past asked for ("when did..."), not a timescale or a cadence. */
  | 'pastWhen'
  /** Marks, not fields: where something is published or found ("where are the reviews published?"). */
  | 'published'
  /** A detail no record holds (where or at what time a group meets, its meeting link). */
  | 'unheld';

export type IntentWeights = Partial<Record<AttrKey, number>>;

/** One rule as loaded from knowledge/language/intents.yaml (see the file's header). */
export interface IntentRule {
  weights: IntentWeights;
  any?: string[];
  all?: string[][];
  start?: string[];
  prefix?: string[];
  not?: string[];
  examples?: string[];
}

export type DetectIntent = (question: string) => IntentWeights;

const words = (phrase: string): string[] => normalise(phrase).split(' ').filter(Boolean);

/** Where a phrase occurs in the question's words at or after `from`: the end index, or -1. */
function find(q: readonly string[], phrase: readonly string[], from = 0): number {
  for (let i = from; i + phrase.length <= q.length; i += 1) {
    if (phrase.every((w, j) => q[i + j] === w)) return i + phrase.length;
  }
  return -1;
}

/**
 * The intent reader over the rules' data: whole-word phrases, in-order co-occurrence, a
 * question's opening words, word prefixes, and phrases that veto a rule.
 */
export function createIntentReader(rules: readonly IntentRule[]): DetectIntent {
  const compiled = rules.map((r) => ({
    weights: r.weights,
    any: (r.any ?? []).map(words),
    all: (r.all ?? []).map((g) => g.map(words)),
    start: (r.start ?? []).map(words),
    prefix: r.prefix ?? [],
    not: (r.not ?? []).map(words),
  }));
  return (question) => {
    const q = normalise(question).split(' ').filter(Boolean);
    // Hot path (every question, ~400 phrases): a phrase whose first word the question lacks cannot occur.
    const present = new Set(q);
    const occurs = (p: readonly string[]) => (p.length === 0 || present.has(p[0]!)) && find(q, p) >= 0;
    const weights: IntentWeights = {};
    for (const r of compiled) {
      if (r.not.some(occurs)) continue;
      const fires =
        r.any.some(occurs) ||
        r.start.some((p) => find(q.slice(0, p.length), p) >= 0) ||
        r.prefix.some((pre) => q.some((w) => w.startsWith(pre))) ||
        (r.all.length > 0 && inOrder(q, r.all));
      if (!fires) continue;
      for (const [k, v] of Object.entries(r.weights) as Array<[AttrKey, number]>) weights[k] = Math.max(weights[k] ?? 0, v);
    }
    return weights;
  };
}

/** One phrase of each group, each after the one before ("who ... chairs"). */
function inOrder(q: readonly string[], groups: ReadonlyArray<ReadonlyArray<readonly string[]>>): boolean {
  let at = 0;
  for (const group of groups) {
    const ends = group.map((p) => find(q, p, at)).filter((e) => e >= 0);
    if (!ends.length) return false;
    at = Math.min(...ends);
  }
  return true;
}

/** "Which meetings does the SSPM chair?" asks for bodies by their chair, not for a chair. */
export function reverseRelation(question: string): 'chair' | 'members' | null {
  const text = normalise(question);
  if (/\b(which|what) (meetings|groups|bodies|boards|subgroups|panels|forums|committees)\b.*\b(chair|chairs|lead|leads|run|runs)\b/.test(text)) return 'chair';
  if (/\bwhat does (the )?\w+( \w+)? chair\b/.test(text)) return 'chair';
  if (/\b(which|what) (meetings|groups|bodies|boards|subgroups|panels|forums|committees)\b.*\b(attend|attends|sit on|sits on|member)\b/.test(text))
    return 'members';
  return null;
}

export const ATTR_LABELS: Record<AttrKey, string> = {
  summary: 'What it is',
  role: 'Role',
  chair: 'Chair',
  viceChair: 'Vice-chair',
  members: 'Members',
  cadence: 'How often it meets',
  accountableTo: 'Accountable to',
  quorum: 'Quorum',
  area: 'Area',
  statutoryPartners: 'Statutory partners',
  leads: 'Lead representatives',
  independentRoles: 'Independent roles',
  holder: 'Held by',
  responsibilities: 'Responsibilities',
  appointedBy: 'Appointed by',
  documentName: 'Document',
  levels: 'Levels of need',
  statutorySections: 'Statutory sections',
  maintainedBy: 'Maintained by',
  reviewCycle: 'Reviewed',
  policyName: 'Policy',
  stages: 'Stages',
  finalStage: 'Final stage',
  involved: 'Who is involved',
  timescale: 'Timescale',
  decides: 'Who decides',
  notifies: 'Who notifies',
  value: 'Figure',
  expansion: 'Stands for',
  standard: 'Standard',
  owner: 'Owner',
  deadline: 'Deadline',
  fact: 'Fact',
  money: 'Amount of money',
  person: 'A person',
  contact: 'Contact details',
  nextDate: 'The date of a future meeting',
  pastWhen: 'A date in the past',
  published: 'Where it is published',
  unheld: 'A detail the documents do not record',
};
