/**
 * The knowledge base schema. Every file under knowledge/data is validated against
 * these zod schemas at load; a bad file fails with the file, record and field named.
 *
 * Design: a record is an entity (a partnership, a body, a policy, a figure...) whose
 * answerable facts are "attributes" ({text, sources}). Each attribute carries its own
 * sources so an answer cites the exact section that states it, and the record carries
 * the sources that establish it as a whole.
 */
import { z } from 'zod';

export const PARTNERSHIP_IDS = ['haringey', 'harrow', 'city-hackney'] as const;
export const PartnershipId = z.enum(PARTNERSHIP_IDS);
export type PartnershipId = z.infer<typeof PartnershipId>;

/** A verbatim span of a seed document. `document` is the seed file name. */
export const SeedSource = z.strictObject({
  document: z.string().regex(/^\d{3}_[0-9a-f]+\.txt$/, 'must be a seed file name such as 003_adb66485ebc597dc.txt'),
  section: z.string().min(1),
  quote: z.string().min(12, 'quote is too short to prove anything'),
});
export type SeedSource = z.infer<typeof SeedSource>;

/**
 * Who a public document speaks for. `national`: statute and DfE guidance (Working Together,
 * KCSIE); `london`: the London Safeguarding Children Procedures and the London threshold
 * document; `local`: one partnership's own public page (with `partnership`); `secondary`:
 * another area's or a commentator's copy, kept only where no primary text was found and
 * always shown as such. National and London sources must be primary documents
 * (knowledge/primary-sources.ts checks the address).
 */
export const SOURCE_SCOPES = ['national', 'london', 'local', 'secondary'] as const;
export const SourceScope = z.enum(SOURCE_SCOPES);
export type SourceScope = z.infer<typeof SourceScope>;

/**
 * The words shown before a public source, so a reader knows whose rule it is: a London
 * procedure is London-wide, a partnership's page is local, and only statute and DfE guidance
 * are national. Checklists and answers (cards, Teams citations) both use these.
 */
export const SCOPE_LABELS: Record<SourceScope, string> = {
  national: 'National',
  london: 'London-wide',
  local: 'Local page',
  secondary: 'Secondary source',
};

/** A public document (statute, Working Together, KCSIE, London procedures...) not among the seeds. */
export const NationalSource = z.strictObject({
  national: z.literal(true),
  title: z.string().min(3),
  section: z.string().min(1),
  url: z.string().url(),
  /** Which edition the section and quote were checked against ("December 2023 edition"). */
  edition: z.string().min(4).optional(),
  /** A short verbatim span of that edition, where we hold one. */
  quote: z.string().optional(),
  scope: SourceScope.default('national'),
  /** For `local` sources: whose page it is, so another partnership's run never cites it. */
  partnership: PartnershipId.optional(),
  /** The edition the wording and paragraph number were checked in ("WT 2023"). */
  checkedIn: z.string().min(3).optional(),
  /**
   * Set when the current edition could not be read (ED-CHECK in national-facts.md): the
   * current edition's name ("Working Together 2026"), shown with a line to check it there.
   */
  currentEdition: z.string().min(3).optional(),
});
export type NationalSource = z.infer<typeof NationalSource>;

export const Source = z.union([SeedSource, NationalSource]);
export type Source = z.infer<typeof Source>;

export const isSeedSource = (s: Source): s is SeedSource => !('national' in s);

/** One answerable fact: a plain-English sentence faithful to its quotes. */
export const Attr = z.strictObject({
  text: z.string().min(2),
  /** e.g. "for the first year, review September 2020" */
  qualifier: z.string().optional(),
  /** For list-like facts (members, stages, levels): the items, in the document's order. */
  items: z.array(z.string().min(1)).optional(),
  sources: z.array(Source).min(1),
});
export type Attr = z.infer<typeof Attr>;

/** Where the document is silent we record that explicitly, so the gap is visible, not guessed. */
export const NOT_STATED = 'not stated' as const;
export const MaybeAttr = z.union([z.literal(NOT_STATED), Attr]);
export type MaybeAttr = z.infer<typeof MaybeAttr>;

export const Cadence = z
  .strictObject({
    /**
     * Meetings per year, normalised (quarterly = 4, bi-monthly = 6, termly = 3, annual = 1).
     * null if irregular, as required, a range (see `range`), or only a count of meetings held
     * in one year (a count is not a frequency).
     */
    perYear: z.number().min(0).max(52).nullable(),
    /** The document's own words, e.g. "meet on a quarterly basis". */
    words: z.string().min(2),
    /** A range the document gives ("six to eight times a year and no less than four"), kept as a range. */
    range: z.strictObject({ min: z.number().min(0), max: z.number().max(52), atLeast: z.number().min(0).optional() }).optional(),
    sources: z.array(Source).min(1),
  })
  .refine((c) => !c.range || c.perYear === null, { message: 'a cadence given as a range has perYear: null (a range is not one number)' })
  .refine((c) => !c.range || c.range.min <= c.range.max, { message: 'range.min must not exceed range.max' });
export type Cadence = z.infer<typeof Cadence>;

/** A labelled extra fact for things the typed fields do not name. */
export const Fact = Attr.extend({ label: z.string().min(2) });
export type Fact = z.infer<typeof Fact>;

const base = {
  /** Stable, unique, kebab-case with dots: "haringey.executive-group". */
  id: z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'id must be lower-case kebab-case segments joined by dots'),
  /** null for national facts and facts common to all partnerships. */
  partnership: PartnershipId.nullable(),
  name: z.string().min(2),
  /** Acronyms, short names and informal forms people use ("the exec", "QA group"). */
  aliases: z.array(z.string().min(1)).default([]),
  /** One or two sentences that answer "what is X?". */
  summary: Attr,
  /** Extra facts that the typed fields do not hold. */
  facts: z.array(Fact).default([]),
  /** Historical material (e.g. the 2009 action plan): the date it describes. */
  historical: z
    .strictObject({
      asOf: z.string().min(4),
      /** Why it is history, for answers and lists: "ceased to exist on 29 September 2019; replaced by the HSCP". */
      note: z.string().min(5).optional(),
    })
    .optional(),
  /** Marks facts from public national documents rather than the seeds. */
  national: z.boolean().default(false),
  /**
   * City of London and Hackney share one partnership but not everything: a record that holds for
   * only one of them says which, so "Hackney's threshold document" never returns the City's.
   */
  place: z.enum(['city', 'hackney']).optional(),
  /**
   * Where two documents disagree on this record's facts: each conflict names both with their
   * sources (so both documents and their dates are shown), and the record's summary says so.
   */
  conflicts: z
    .array(
      z.strictObject({
        text: z.string().min(10),
        sources: z.array(Source).min(2, 'a conflict cites both documents'),
      }),
    )
    .default([]),
  sources: z.array(Source).min(1),
};

export const BODY_KINDS = [
  'board',
  'executive',
  'leadership-team',
  'strategic-partnership',
  'sub-group',
  'thematic-group',
  'forum',
  'panel',
  'practice-week',
  'learning-event',
  'operational-group',
  'business-unit',
  'other',
] as const;

export const PartnershipRecord = z.strictObject({
  ...base,
  type: z.literal('partnership'),
  shortNames: z.array(z.string()).default([]),
  area: Attr,
  statutoryPartners: Attr,
  /** Named lead representatives and delegated leads of each statutory partner. */
  leads: MaybeAttr,
  independentRoles: MaybeAttr,
});

export const BodyRecord = z.strictObject({
  ...base,
  type: z.literal('body'),
  kind: z.enum(BODY_KINDS),
  role: Attr,
  chair: MaybeAttr,
  viceChair: MaybeAttr,
  members: MaybeAttr,
  cadence: z.union([z.literal(NOT_STATED), Cadence]),
  accountableTo: MaybeAttr,
  quorum: MaybeAttr,
  /**
   * The body no longer meets (an LSCB-era group, a group its document calls "former", a one-off
   * event that has happened). Still answerable as history; never offered for a new reminder.
   */
  former: z.strictObject({ reason: z.string().min(8) }).optional(),
});

export const RoleRecord = z.strictObject({
  ...base,
  type: z.literal('role'),
  /** The named holder, if the document names one (e.g. "David Archibald"). */
  holder: MaybeAttr,
  responsibilities: MaybeAttr,
  appointedBy: MaybeAttr,
  accountableTo: MaybeAttr,
});

export const ThresholdRecord = z.strictObject({
  ...base,
  type: z.literal('threshold'),
  documentName: Attr,
  levels: MaybeAttr,
  statutorySections: MaybeAttr,
  maintainedBy: MaybeAttr,
  reviewCycle: MaybeAttr,
});

export const EscalationRecord = z.strictObject({
  ...base,
  type: z.literal('escalation'),
  policyName: Attr,
  stages: MaybeAttr,
  finalStage: MaybeAttr,
  involved: MaybeAttr,
});

export const TOPICS = [
  'lado',
  'serious-incident',
  'rapid-review',
  'practice-review',
  'child-death',
  'independent-scrutiny',
  'relevant-agencies',
  'schools-early-years',
  'voice-of-child',
  'priorities',
  'funding',
  'annual-report',
  'business-plan',
  'audit',
  'data',
  'training',
  'mash',
  'thresholds',
  'escalation',
  'information-sharing',
  'vision',
  'principles',
  'geography',
  'lay-members',
  'lead-members',
  'learning',
  'youth-custody',
  'amendments',
  'publication',
  'context',
  'performance',
  'other',
] as const;

/** A topic with one or more facts: LADO, serious incidents, scrutiny, funding, voice of the child... */
export const TopicRecord = z.strictObject({
  ...base,
  type: z.literal('topic'),
  topic: z.enum(TOPICS),
  /** Typical timescale / who decides / who notifies when the topic has them. */
  timescale: MaybeAttr.optional(),
  decides: MaybeAttr.optional(),
  notifies: MaybeAttr.optional(),
});

/** A number from a report: "187 children on a child protection plan at 31 March 2019". */
export const FigureRecord = z.strictObject({
  ...base,
  type: z.literal('figure'),
  topic: z.enum(TOPICS),
  value: z.string().min(1),
  period: z.string().min(2),
});

export const GlossaryRecord = z.strictObject({
  ...base,
  type: z.literal('glossary'),
  acronym: z.string().min(2),
  expansion: z.string().min(3),
});

/** 2009 Joint Area Review action-plan practice standards (historical). */
export const StandardRecord = z.strictObject({
  ...base,
  type: z.literal('standard'),
  area: z.enum(['thresholds', 'escalation', 'cp-conference-minutes', 'information-sharing', 'supervision', 'other']),
  standard: Attr,
  owner: MaybeAttr,
  deadline: MaybeAttr,
});

export const KnowledgeRecord = z.discriminatedUnion('type', [
  PartnershipRecord,
  BodyRecord,
  RoleRecord,
  ThresholdRecord,
  EscalationRecord,
  TopicRecord,
  FigureRecord,
  GlossaryRecord,
  StandardRecord,
]);
export type KnowledgeRecord = z.infer<typeof KnowledgeRecord>;
export type RecordType = KnowledgeRecord['type'];

export const DataFile = z.strictObject({
  records: z.array(z.unknown()),
});

export const DocumentMeta = z.strictObject({
  file: z.string().regex(/^\d{3}_[0-9a-f]+\.txt$/),
  title: z.string().min(3),
  /** ISO date (YYYY-MM or YYYY-MM-DD) of publication. */
  published: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
  /** As people say it: "June 2019". */
  publishedLabel: z.string().min(4),
  partnership: PartnershipId.nullable(),
  historical: z.boolean().default(false),
  /** Published arrangements are the authority on governance; reports describe a past year. */
  kind: z.enum(['arrangements', 'annual-report', 'action-plan']).default('arrangements'),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;

export const DocumentsFile = z.strictObject({ documents: z.array(DocumentMeta).min(1) });
