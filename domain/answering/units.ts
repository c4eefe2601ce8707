/**
 * Flattens knowledge records into answer units: one unit per answerable attribute
 * (a body's chair, a figure's value, one labelled fact...). The engine ranks units, so an
 * answer is always one stated fact with the sources that state it, never a stitched guess.
 */
import { tokenise } from '../triage/lemmas.ts';
import { NOT_STATED, type Attr, type Cadence, type KnowledgeRecord, type Source } from '../../knowledge/schema.ts';
import type { AttrKey } from './intents.ts';
import { contentTerms } from './text.ts';

export interface AnswerUnit {
  key: string;
  record: KnowledgeRecord;
  attr: AttrKey;
  /** For facts: their label. */
  label?: string;
  text: string;
  qualifier?: string;
  items?: string[];
  sources: Source[];
  /** The document is silent on this attribute; the answer says so rather than guessing. */
  notStated: boolean;
  /** Stemmed content terms of the unit's own words (label, text, items). */
  terms: Set<string>;
  /** A question this unit answers, for suggestions and follow-ups. */
  question: string;
}

const TYPED_ATTRS: AttrKey[] = [
  'role',
  'chair',
  'viceChair',
  'members',
  'accountableTo',
  'quorum',
  'area',
  'statutoryPartners',
  'leads',
  'independentRoles',
  'holder',
  'responsibilities',
  'appointedBy',
  'documentName',
  'levels',
  'statutorySections',
  'maintainedBy',
  'reviewCycle',
  'policyName',
  'stages',
  'finalStage',
  'involved',
  'timescale',
  'decides',
  'notifies',
  'standard',
  'owner',
  'deadline',
];

/**
 * Words that name an attribute itself ("statutory partners", "lead representatives"): a
 * typed field's sentence need not repeat them, but a question about the field uses them.
 */
const ATTR_WORDS: Partial<Record<AttrKey, string>> = {
  statutoryPartners: 'statutory safeguarding partners partner',
  leads: 'lead representatives leads delegated statutory responsibility partner',
  independentRoles: 'independent chair scrutiny scrutineer commissioner',
  area: 'area geography boundary covers',
  members: 'members membership attendees representatives',
  accountableTo: 'accountable reports reporting',
  quorum: 'quorum quorate',
  appointedBy: 'appointed appoints recruited',
  responsibilities: 'responsibilities responsible duties role',
  holder: 'post holder name',
  documentName: 'document name called',
  levels: 'levels tiers continuum need',
  statutorySections: 'statutory sections section17 section47 section20 section31',
  maintainedBy: 'maintained updated reviewed owner',
  reviewCycle: 'reviewed review cycle',
  policyName: 'policy protocol procedure',
  stages: 'stages steps',
  finalStage: 'final last stage',
  involved: 'involved',
  timescale: 'timescale days deadline',
  decides: 'decides decision',
  notifies: 'notifies notification notify',
  owner: 'lead owner responsible',
  deadline: 'deadline timescale by',
};

const NOT_STATED_WORDING: Partial<Record<AttrKey, string>> = {
  chair: 'who chairs',
  viceChair: 'who is vice-chair of',
  members: 'who the members are of',
  accountableTo: 'who is accountable for',
  quorum: 'the quorum of',
  holder: 'who holds the post of',
  appointedBy: 'who appoints',
  timescale: 'a timescale for',
  decides: 'who decides on',
  notifies: 'who notifies about',
};

/** A name that is an instruction ("Inform the LADO within one working day") reads as "How do I ...?". */
const instructionNames = new Map<string, boolean>();
function instruction(name: string): boolean {
  // Asked once per unit at build time; a record has many units, so tag each name once.
  let known = instructionNames.get(name);
  if (known === undefined) instructionNames.set(name, (known = tokenise(name)[0]?.pos === 'VERB'));
  return known;
}

function questionFor(rec: KnowledgeRecord, attr: AttrKey, label?: string): string {
  const n = rec.name;
  if (instruction(n)) return `How do I ${n.charAt(0).toLowerCase()}${n.slice(1)}?`;
  switch (attr) {
    case 'chair':
      return `Who chairs the ${n}?`;
    case 'viceChair':
      return `Who is vice-chair of the ${n}?`;
    case 'members':
      return `Who sits on the ${n}?`;
    case 'cadence':
      return `How often does the ${n} meet?`;
    case 'accountableTo':
      return `Who is the ${n} accountable to?`;
    case 'quorum':
      return `What is the quorum of the ${n}?`;
    case 'expansion':
      return `What does ${rec.type === 'glossary' ? rec.acronym : n} stand for?`;
    case 'holder':
      return `Who is the ${n}?`;
    case 'appointedBy':
      return `Who appoints the ${n}?`;
    case 'timescale':
      return `What is the timescale for ${n}?`;
    case 'value':
      return `${n}?`;
    case 'fact':
      return label ? `What is the ${label} of the ${n}?` : `Tell me about the ${n}`;
    default:
      return `What is the ${n}?`;
  }
}

function cadenceText(rec: KnowledgeRecord, c: Cadence): string {
  const words = c.words.trim();
  const long = words.split(/\s+/).length > 4;
  // A sentence of the document's own stands as it is; a phrase ("quarterly") completes one.
  const verb = /^(meet|meets|will|is held|are held|takes place|runs)\b/i.test(words);
  // "To meet monthly" is a plan's intention (the 2009 action plan); "the existing termly forum" names
  // where it meets: neither reads after "meets".
  const sentence =
    /^[A-Z]/.test(words) && long
      ? words
      : verb
        ? `The ${rec.name} ${words}`
        : /^to meet\b/i.test(words)
          ? `The ${rec.name} was ${words}`
          : long || /^(the|a|an)\b/i.test(words)
            ? `How often the ${rec.name} meets: ${words}`
            : `The ${rec.name} meets ${words}`;
  // The count is added only where the document's words don't already say how often ("three times a year").
  const saysCount = /\b(once|twice|\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (times|a year|per year|each year)\b/i.test(words);
  const per = c.perYear === null || saysCount ? '' : ` (${c.perYear === 1 ? 'once' : `${c.perYear} times`} a year)`;
  return `${sentence.replace(/[.\s]+$/, '')}${per}.`;
}

/**
 * A unit's terms and question: worked out (text normalisation, and wink's tagger for the
 * question), or taken from the build's prebuilt list, in the order the units are made.
 */
interface Derive {
  terms(text: () => string): Set<string>;
  question(question: () => string): string;
}

/** What `npm run build` keeps of each unit (see matcher-index.ts): its key, terms and question. */
export type PrebuiltUnit = [key: string, terms: string[], question: string];

function makeUnit(derive: Derive, rec: KnowledgeRecord, attr: AttrKey, a: Attr, label?: string): AnswerUnit {
  return {
    key: `${rec.id}#${label ? `fact:${label}` : attr}`,
    record: rec,
    attr,
    label,
    text: a.text,
    qualifier: a.qualifier,
    items: a.items,
    sources: a.sources,
    notStated: false,
    terms: derive.terms(() => [label ?? '', a.text, a.qualifier ?? '', ATTR_WORDS[attr] ?? '', ...(a.items ?? [])].join(' ')),
    question: derive.question(() => questionFor(rec, attr, label)),
  };
}

/**
 * Every record's units. With `prebuilt` (the same records' units from the build) the terms and
 * questions are read from it instead of worked out again: the slow part of a start (issue 13).
 * A key out of step with the records is a stale list: it throws, and the caller builds afresh.
 */
export function buildUnits(records: readonly KnowledgeRecord[], prebuilt?: readonly PrebuiltUnit[]): AnswerUnit[] {
  const units: AnswerUnit[] = [];
  // Both are asked while the unit is made, before it is pushed: units.length is its position.
  const derive: Derive = {
    terms: (text) => new Set(prebuilt?.[units.length]?.[1] ?? contentTerms(text())),
    question: (question) => prebuilt?.[units.length]?.[2] ?? question(),
  };
  for (const rec of records) {
    units.push(makeUnit(derive, rec, 'summary', rec.summary));
    const fields = rec as unknown as Record<string, unknown>;
    for (const attr of TYPED_ATTRS) {
      const v = fields[attr];
      if (v === undefined) continue;
      if (v === NOT_STATED) {
        const what = NOT_STATED_WORDING[attr] ?? `the ${attr} of`;
        units.push({
          key: `${rec.id}#${attr}`,
          record: rec,
          attr,
          text: `The document does not state ${what} the ${rec.name}.`,
          sources: rec.sources,
          notStated: true,
          terms: derive.terms(() => ''),
          question: derive.question(() => questionFor(rec, attr)),
        });
      } else if (typeof v === 'object' && v !== null && 'text' in v) {
        // Only attributes: a standard's `area` is a plain category name, not a fact.
        units.push(makeUnit(derive, rec, attr, v as Attr));
      }
    }
    if (rec.type === 'body') {
      if (rec.cadence === NOT_STATED) {
        units.push({
          key: `${rec.id}#cadence`,
          record: rec,
          attr: 'cadence',
          text: `The document does not state how often the ${rec.name} meets.`,
          sources: rec.sources,
          notStated: true,
          terms: derive.terms(() => ''),
          question: derive.question(() => questionFor(rec, 'cadence')),
        });
      } else {
        const cadence = rec.cadence;
        const text = cadenceText(rec, cadence);
        units.push({
          key: `${rec.id}#cadence`,
          record: rec,
          attr: 'cadence',
          text,
          sources: cadence.sources,
          notStated: false,
          terms: derive.terms(() => `${text} ${cadence.words}`),
          question: derive.question(() => questionFor(rec, 'cadence')),
        });
      }
    }
    if (rec.type === 'figure') {
      units.push({
        key: `${rec.id}#value`,
        record: rec,
        attr: 'value',
        text: rec.summary.text,
        sources: rec.summary.sources,
        notStated: false,
        terms: derive.terms(() => `${rec.name} ${rec.summary.text} ${rec.period}`),
        question: derive.question(() => questionFor(rec, 'value')),
      });
    }
    if (rec.type === 'glossary') {
      const text = `${rec.acronym} stands for ${rec.expansion}.`;
      units.push({
        key: `${rec.id}#expansion`,
        record: rec,
        attr: 'expansion',
        text,
        sources: rec.sources,
        notStated: false,
        terms: derive.terms(() => `${rec.acronym} ${rec.expansion}`),
        question: derive.question(() => questionFor(rec, 'expansion')),
      });
    }
    for (const f of rec.facts) units.push(makeUnit(derive, rec, 'fact', f, f.label));
  }
  if (prebuilt && (prebuilt.length !== units.length || units.some((u, i) => u.key !== prebuilt[i]![0]))) {
    throw new Error('prebuilt answer units are out of step with the records');
  }
  return units;
}
