/**
 * The checklist definition schema. A checklist is a small directed graph: steps ask one
 * question each, every choice leads to another step or to an outcome, and outcomes carry
 * the actions a lead must take. Definitions live as YAML in knowledge/checklists and are
 * validated here, then by the graph check (graph.ts), then by the source check (load.ts).
 *
 * Citations reuse the knowledge base's source shapes: a verbatim seed quote, or a public
 * national document. A national fact that could not be confirmed carries `verify: true`
 * and may only be used in guidance that tells the lead to check the local procedure.
 */
import { z } from 'zod';
import { PartnershipId, SeedSource, NationalSource } from '../../knowledge/schema.ts';

export { PartnershipId };

export const ChecklistSource = z.union([
  SeedSource,
  NationalSource.extend({
    /** The fact is marked VERIFY in national-facts.md: only usable as "check your local procedure". */
    verify: z.boolean().default(false),
  }),
]);
export type ChecklistSource = z.infer<typeof ChecklistSource>;

const slugOf = (what: string) => z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, `${what} must be lower-case kebab-case`);
const slug = slugOf('id');

/** A sentence shown to the lead, with the sources that state it. */
export const Note = z.strictObject({
  text: z.string().min(3),
  sources: z.array(ChecklistSource).min(1, 'every note must cite at least one source'),
  /** Guidance to check the local procedure rather than a rule (required for VERIFY facts). */
  checkLocal: z.boolean().default(false),
});
export type Note = z.infer<typeof Note>;

/**
 * Where a deadline is counted from. `trigger`: the date the lead gave at the checklist's
 * trigger step (when the allegation reached the employer, when the local authority became
 * aware, when the disagreement arose): the date the rule itself counts from. A step id: that
 * trigger step's date, where a checklist asks for two (the incident, and when the local
 * authority became aware of it). `start`: when the checklist was started, only for actions
 * the lead takes during the run (a referral made now). Defaults to `trigger`, so a deadline
 * cannot silently count from the wrong moment.
 */
export const DueFrom = z.union([z.literal('start'), z.literal('trigger'), slugOf('trigger step id')]);
export type DueFrom = z.infer<typeof DueFrom>;

/** When an action is due. */
export const Due = z.union([
  z.strictObject({ now: z.literal(true) }),
  z.strictObject({ workingDays: z.number().int().min(1).max(60), from: DueFrom.default('trigger') }),
  // Hours from the start of the run, or from a trigger: the trigger step asks for a date only, so
  // a deadline in hours from it is said as "by that time on <day>" and needs whole days.
  z
    .strictObject({ hours: z.number().int().min(1).max(72), from: DueFrom.default('start') })
    .refine((d) => d.from === 'start' || d.hours % 24 === 0, { message: 'hours counted from a trigger must be whole days (24, 48 or 72)' }),
]);
export type Due = z.infer<typeof Due>;

export const Action = Note.extend({
  id: slug,
  due: Due.optional(),
  /** Only for these partnerships (their own route); omitted means everyone. */
  only: z.array(PartnershipId).min(1).optional(),
});
export type Action = z.infer<typeof Action>;

/** Where a choice leads: a step or an outcome, the same for all partnerships or per partnership. */
export const Target = z.union([z.strictObject({ step: slug }), z.strictObject({ outcome: slug })]);
export type Target = z.infer<typeof Target>;

export const Next = z.union([Target, z.strictObject({ byPartnership: z.strictObject({ haringey: Target, harrow: Target, 'city-hackney': Target }) })]);
export type Next = z.infer<typeof Next>;

export const Choice = z.strictObject({
  id: slug,
  /** A button title: Teams and Web Chat do not wrap button text, so it is kept to 40 characters. */
  label: z.string().min(1).max(40),
  next: Next,
  /** Actions this answer adds to the summary (e.g. "tell your DSL today"). */
  actions: z.array(Action).default([]),
});
export type Choice = z.infer<typeof Choice>;

/** The choice ids a trigger step must offer: quick picks and "the date I entered". */
export const TRIGGER_CHOICES = ['today', 'yesterday', 'on-date'] as const;

export const Step = z.strictObject({
  id: slug,
  question: z.string().min(5),
  /** The question as a short label for the summary ("Harm test"), so answers read "Harm test: Yes". */
  short: z.string().min(2).max(32),
  /**
   * This step asks when the triggering event happened. Its choices are exactly
   * TRIGGER_CHOICES; "on-date" takes the date from the card's date input. `event` finishes
   * the sentence "N working days after ... on <date>" ("the employer learned of the allegation").
   */
  trigger: z.strictObject({ event: z.string().min(5) }).optional(),
  /** "Why this matters", each part with its source. */
  why: z.array(Note).min(1, 'every step must say why it matters, with a source'),
  /** The partnership's own route, shown to leads of that partnership only. */
  local: z
    .strictObject({
      haringey: z.array(Note).optional(),
      harrow: z.array(Note).optional(),
      'city-hackney': z.array(Note).optional(),
    })
    .optional(),
  choices: z.array(Choice).min(1).max(6),
  /**
   * An optional free-text note for the record. Free text is never required and always warns
   * against entering anything that identifies a child.
   */
  note: z.strictObject({ label: z.string().min(3), maxLength: z.number().int().min(20).max(500).default(300) }).optional(),
});
export type Step = z.infer<typeof Step>;

export const CONTACT_KINDS = ['police', 'mash', 'out-of-hours', 'lado'] as const;
export const ContactKind = z.enum(CONTACT_KINDS);
export type ContactKind = z.infer<typeof ContactKind>;

export const Outcome = z.strictObject({
  id: slug,
  title: z.string().min(3),
  actions: z.array(Action),
  contacts: z.array(ContactKind).default([]),
});
export type Outcome = z.infer<typeof Outcome>;

export const Checklist = z.strictObject({
  id: slug,
  /** The word after "checklist" in Teams: "checklist lado". */
  command: slug,
  title: z.string().min(5),
  description: z.string().min(10),
  audience: z.string().min(3),
  start: slug,
  steps: z.array(Step).min(1),
  outcomes: z.array(Outcome).min(1),
});
export type Checklist = z.infer<typeof Checklist>;
