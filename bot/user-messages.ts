/**
 * Everything the bot says about a problem, and the fixed sentences of its replies, in one
 * place. The domain returns codes (an AppError's `code`, an INVALID_INPUT's `details.reason`, a
 * late reminder's LateLead, a refused reminder's RemindProblem); this file decides how each is worded to a practitioner, so wording
 * can be reviewed (and changed) without touching the code that raised the problem, and tests
 * can assert a code by its entry here instead of pinning the sentence.
 * test/bot/user-messages.test.ts checks every code and every key against its wording.
 */
import type { LateLead } from '../domain/reminders/lead-check.ts';
import { describeLead } from '../domain/reminders/command-parser.ts';
import type { RemindProblem, RemindProblemCode } from '../domain/reminders/problems.ts';
import { AppError, inputProblemOf, type ErrorCode, type IdentifyingKind, type InputProblem } from '../shared/errors.ts';

/** Said when something failed that the person cannot put right; always with the 999 line. */
export const FALLBACK_MESSAGE =
  'Something went wrong on my side and I could not finish that. Please try again in a minute. If a child is in immediate danger, call 999.';

/**
 * Each error code as a practitioner reads it. The start-time and HTTP codes (knowledge, config,
 * a malformed request) never reach a chat: if one ever did, it is the fallback.
 */
export const ERROR_MESSAGES: Readonly<Record<ErrorCode, string>> = {
  KB_YAML: FALLBACK_MESSAGE,
  KB_INVALID: FALLBACK_MESSAGE,
  CONFIG_INVALID: FALLBACK_MESSAGE,
  BAD_REQUEST: FALLBACK_MESSAGE,
  STALE_SUBMIT: 'That button belongs to an older card, so nothing was changed. Type "help" to start again.',
  INVALID_INPUT: 'That card sent something I did not expect, so nothing was changed. Please try again from a new card.',
  NOT_FOUND: 'I could not find that any more, so nothing was changed.',
  FORBIDDEN: 'That action is only available in the conversation the card was posted to.',
  STORAGE: 'I could not save that just now. Nothing was lost; please try again in a minute.',
  UNKNOWN_COMMAND: 'I do not know that command.',
};

/** What an identifying note seemed to contain, as the refusal names it. */
const IDENTIFYING: Readonly<Record<IdentifyingKind, string>> = {
  date: 'a date',
  postcode: 'a postcode',
  'nhs-number': 'an NHS number',
  email: 'an email address',
  phone: 'a phone number',
};

/** Each input problem (INVALID_INPUT `details.reason`) as a practitioner reads it, from the error's details. */
export const INPUT_PROBLEM_MESSAGES: { readonly [P in InputProblem]: (details: Readonly<Record<string, unknown>>) => string } = {
  identifying: (d) =>
    `Your note looks like it contains ${IDENTIFYING[d.kind as IdentifyingKind] ?? 'identifying details'}, so I didn't save it and your answer was not recorded. Please don't enter anything that identifies a child or family; answer again without it.`,
  'note-too-long': (d) => `Your note is longer than ${Number(d.maxLength)} characters, so your answer was not recorded. Please shorten it and answer again.`,
  'trigger-date-missing': () => 'Enter the date in the date box first, or choose Today or Yesterday. Nothing was recorded.',
  'trigger-date-invalid': () => 'That is not a date I can read. Use the date box, or choose Today or Yesterday. Nothing was recorded.',
  'trigger-date-future': () => 'That date is in the future. Enter the day it happened, or choose Today. Nothing was recorded.',
  'trigger-date-too-old': () =>
    'That date is more than a year ago, so I cannot count working-day deadlines from it here. Talk to your LADO or manager about a case that old. Nothing was recorded.',
  // A choice the step does not have comes from a tampered or broken card, not from the person.
  'bad-choice': () => ERROR_MESSAGES.INVALID_INPUT,
};

/** The sentence for any error: its input problem if it has one, else its code, else the fallback. */
export function userMessageFor(err: unknown): string {
  const problem = inputProblemOf(err);
  if (problem) return INPUT_PROBLEM_MESSAGES[problem]((err as AppError).details ?? {});
  if (err instanceof AppError) return ERROR_MESSAGES[err.code];
  return FALLBACK_MESSAGE;
}

export const MESSAGES = {
  questionTooLong: (max: number) => `That message is longer than ${max} characters. Please ask a shorter question, without details that identify a child.`,
  emptyQuestion: 'Ask me a question about your safeguarding partnership, or type "help".',
  greeting:
    'Hello! Ask me about your safeguarding partnership\'s arrangements (for example "who chairs the executive?" or "when do I go to the LADO?"), type "checklist" for a guided checklist, or "help" for everything I can do.',
  thanks: "You're welcome. If a child is in immediate danger, call 999.",
  unknownCommand: (tried: string, commands: string) =>
    `I don't know the command "${tried}". Commands: ${commands}. Anything else you type is treated as a question.`,
  unknownPartnership: (tried: string, names: string) => `I don't know a partnership called "${tried}". Choose one of: ${names}.`,
  partnershipSaved: (label: string, where: string) => `Saved: I'll answer ${where} for ${label}.`,
  askLeadNeedsQuestion: 'Type "ask a lead" followed by your question, for example: ask a lead who chairs the partnership board?',
  askLeadNotConfigured: (personLine: string) => `Sending questions to safeguarding leads is not set up here. ${personLine}`,
  askLeadCancelled: 'OK, nothing was sent.',
  askLeadSent: (ref: string) => `Sent to the safeguarding leads (reference ${ref}). I'll tell you here when a lead picks it up.`,
  askLeadAlreadySent: (ref: string) => `That question was already sent (reference ${ref}); I didn't send it twice.`,
  askLeadUndelivered: (personLine: string) => `I couldn't reach the safeguarding leads' channel just now, so your question was not sent. ${personLine}`,
  ticketAssigned: (ref: string, lead: string) => `A safeguarding lead, ${lead}, has picked up your question ${ref}. They will contact you.`,
  ticketClosed: (ref: string, lead: string) =>
    `Your question ${ref} was closed by ${lead}. If you still need help, ask again or contact your designated safeguarding lead.`,
  /** A ticket's state as the stale-click reply names it. */
  ticketState: (state: string, assignee: string | null) =>
    state === 'assigned' ? `assigned to ${assignee ?? 'a lead'}` : state === 'closed' ? `closed by ${assignee ?? 'a lead'}` : state,
  /** Who a lead is when Teams gives no name. */
  someLead: 'a safeguarding lead',
  ticketStale: (ref: string, state: string) =>
    `Question ${ref} has already changed (${state}), so your click changed nothing. The card now shows its current state.`,
  genericPerson: 'For advice about a specific situation, talk to your designated safeguarding lead.',
  urgentLine: "Leads reply in working hours. If a child is in immediate danger, call 999; for urgent concerns contact children's social care now.",
  searchPrompt: 'Type a question, for example: who chairs the partnership?',
  checklistStale: 'That button belongs to an older version of this checklist, so nothing was changed. The card now shows where you are.',
  checklistCancelled: 'Checklist cancelled. Type "checklist" to start another one.',
  checklistNeedsPartnership: 'Choose your partnership first, so the checklist shows your local route and contacts.',
  checklistUnknown: (tried: string, names: string) => `I don't know a checklist called "${tried}". Checklists: ${names}. Type "checklist" to see them all.`,
  clarifyHeading: 'Could you tell me a bit more?',
  /** A described situation the triage could not place: not "I can't answer that from the documents". */
  unclearSituationHeading: 'This needs a person today',
  searchNoAnswer: "I couldn't find a cited answer to that. Try other words, or ask the bot in a chat.",
} as const;

/** Each reason a reminder was refused (RemindProblem from the text command or a custom rule), from its values. */
export const REMIND_PROBLEM_MESSAGES: { readonly [C in RemindProblemCode]: (problem: Extract<RemindProblem, { code: C }>) => string } = {
  'meeting-not-quoted': () => 'put the meeting name in quotes, e.g. remind "Partnership Board" 2026-03-26 09:30',
  'meeting-too-short': () => 'the meeting name is too short',
  'meeting-too-long': (p) => `the meeting name is longer than ${p.maxLength} characters`,
  'date-format': () => 'the date must look like 2026-03-26',
  'time-format': () => 'the time must look like 09:30 (24-hour clock)',
  'not-a-calendar-date': (p) => `${p.date} is not a date in the calendar`,
  'already-passed': (p) => `${p.date} ${p.time} has already passed`,
  'unknown-recurrence': (p) => `"every ${p.words}" is not a recurrence I know: use every week, every 2 weeks, every month or every quarter`,
  'unexpected-word': (p) => `I did not understand "${p.word}": after the date and time use "every ..." or "before ..."`,
  'lead-unreadable': () => 'write a lead time like "before 1 day", "before 2 hours" or "before 30 minutes"',
  'lead-too-short': () => 'a lead time must be at least 1 minute',
  'lead-over-maximum': (p) => `a lead time can be at most ${p.maxDays} days`,
  'too-many-leads': (p) => `at most ${p.max} lead times`,
  'duplicate-lead': () => 'the same lead time is given twice',
  'custom-rule-sets-start': () => 'the custom rule must not set DTSTART or TZID: the first date and time are set separately',
  'custom-rule-invalid': (p) => `the custom rule is not valid RRULE text (${p.detail})`,
  'custom-rule-no-freq': () => 'the custom rule needs FREQ, e.g. FREQ=MONTHLY;BYDAY=2TU',
  'custom-rule-too-frequent': () => 'the custom rule repeats more often than daily',
};

/** A refused reminder's reason as the person reads it. */
export function remindProblemText(problem: RemindProblem): string {
  return (REMIND_PROBLEM_MESSAGES[problem.code] as (p: RemindProblem) => string)(problem);
}

/** What the bot says about meeting reminders. */
export const REMINDER_MESSAGES = {
  refused:
    "Only the team's owners and the partnership's reminder managers can set reminders for this channel or chat. You can set a personal reminder in a 1:1 chat with me.",
  problems: (problems: readonly string[], usage: string) =>
    `I couldn't set that reminder: ${problems.join('; ')}.\nText form: ${usage}. Or type "remind" for the form.`,
  formProblems: (problems: readonly string[]) => `I couldn't save that reminder: ${problems.join('; ')}. Nothing was changed; fix the form and try again.`,
  created: (meeting: string, when: string, recurrence: string, leads: string) =>
    `Reminder set for ${meeting}: ${when} (UK time), ${recurrence}; I'll post ${leads} before.`,
  updated: (meeting: string) => `Reminder for ${meeting} updated.`,
  cancelled: (meeting: string) => `Reminder for ${meeting} cancelled. Nothing more will be posted for it.`,
  stale: 'That reminder has changed since this card was sent, so nothing was changed. Type "reminders" to see it as it is now.',
  notFound: 'That reminder no longer exists (it may have been cancelled).',
  resumed: (n: number) => `I'm back in this conversation, so ${n === 1 ? 'its paused reminder is' : `its ${n} paused reminders are`} running again.`,
  noUpcoming: 'none scheduled',
  duplicate: (meeting: string, when: string) =>
    `This conversation already has a reminder for ${meeting} on ${when}, so I haven't created another. Create a second one anyway?`,
  duplicateText: (meeting: string, when: string) =>
    `This conversation already has a reminder for ${meeting} on ${when}, so I didn't create another. Type "reminders" to see or edit it.`,
  /** A lead time longer than the time left before the first meeting (LateLead from the domain); the time left rounded down to days, else hours. */
  leadTooLong: ({ minutesLeft, tooLong }: LateLead) => {
    const left =
      minutesLeft >= 24 * 60
        ? describeLead(Math.floor(minutesLeft / (24 * 60)) * 24 * 60)
        : minutesLeft >= 60
          ? describeLead(Math.floor(minutesLeft / 60) * 60)
          : describeLead(minutesLeft);
    const which = tooLong.map((m) => `${describeLead(m)} before`).join(' and ');
    return `the meeting is only ${left} away, so a reminder ${which} would already be late; choose a shorter time or a later first date`;
  },
  formMeetingGone: 'that meeting is no longer in the partnership documents; pick another or type a name',
  formPickMeeting: 'pick a meeting or type its name',
  formChooseFirst: 'choose the first meeting date and start time',
  formNoPattern: (meeting: string, cadence: string | null) =>
    `the documents do not give a regular pattern for ${meeting} ("${cadence ?? 'not stated'}"); choose how it repeats`,
  formChooseRepeat: 'choose how the meeting repeats',
  formChooseLead: 'choose at least one time to remind before the meeting',
  formAgendaHttps: 'the agenda link must start with https://',
  formAlreadyPassed: 'that date and time have already passed',
  /** The last post's status on the list card. */
  deliveryStatus: (status: string) =>
    (
      ({
        delivered: 'posted',
        late: 'posted late (the bot was unavailable)',
        missed: 'missed (the bot was unavailable)',
        failed: 'failed to post',
        paused: 'paused: the bot was removed from this conversation',
      }) as Record<string, string>
    )[status] ?? status,
  listPaused: 'paused: add the bot back, then type "reminders"',
  listNoPostYet: 'none yet',
  listSomeManager: 'a manager',
  listTitle: (personal: boolean) => (personal ? 'Your reminders' : 'Reminders in this conversation'),
} as const;
