/**
 * The wording catalogue as one table: every error code, every input problem and every message
 * key of bot/user-messages.ts against the exact text a person reads. A new code or key without
 * a row here fails to compile (the tables are typed over the catalogue) or fails the key check,
 * so nothing the bot says escapes review. Elsewhere, tests assert a code by its catalogue entry
 * (ERROR_MESSAGES.STALE_SUBMIT, MESSAGES.checklistStale) rather than pinning a sentence.
 */
import { describe, expect, it } from 'vitest';
import {
  AppError,
  ERROR_CODES,
  IDENTIFYING_KINDS,
  INPUT_PROBLEMS,
  invalidInput,
  type ErrorCode,
  type IdentifyingKind,
  type InputProblem,
} from '../../shared/errors.ts';
import { REMIND_PROBLEM_CODES, type RemindProblem, type RemindProblemCode } from '../../domain/reminders/problems.ts';
import {
  ERROR_MESSAGES,
  FALLBACK_MESSAGE,
  INPUT_PROBLEM_MESSAGES,
  MESSAGES,
  REMIND_PROBLEM_MESSAGES,
  REMINDER_MESSAGES,
  remindProblemText,
  userMessageFor,
} from '../../bot/user-messages.ts';

/** A row per key: the arguments for a worded-from-values entry, and the text. */
type Cases<C> = { [K in keyof C]: C[K] extends (...args: infer A) => string ? { args: A; text: string } : { text: string } };

const FALLBACK = 'Something went wrong on my side and I could not finish that. Please try again in a minute. If a child is in immediate danger, call 999.';

const ERROR_CASES: Record<ErrorCode, string> = {
  // Start-time and HTTP codes never reach a chat; if one did, it is the fallback with the 999 line.
  KB_YAML: FALLBACK,
  KB_INVALID: FALLBACK,
  CONFIG_INVALID: FALLBACK,
  BAD_REQUEST: FALLBACK,
  STALE_SUBMIT: 'That button belongs to an older card, so nothing was changed. Type "help" to start again.',
  INVALID_INPUT: 'That card sent something I did not expect, so nothing was changed. Please try again from a new card.',
  NOT_FOUND: 'I could not find that any more, so nothing was changed.',
  FORBIDDEN: 'That action is only available in the conversation the card was posted to.',
  STORAGE: 'I could not save that just now. Nothing was lost; please try again in a minute.',
  UNKNOWN_COMMAND: 'I do not know that command.',
};

const INPUT_CASES: Record<InputProblem, { details?: Record<string, unknown>; text: string }> = {
  identifying: {
    details: { kind: 'postcode' },
    text: "Your note looks like it contains a postcode, so I didn't save it and your answer was not recorded. Please don't enter anything that identifies a child or family; answer again without it.",
  },
  'note-too-long': {
    details: { maxLength: 500 },
    text: 'Your note is longer than 500 characters, so your answer was not recorded. Please shorten it and answer again.',
  },
  'trigger-date-missing': { text: 'Enter the date in the date box first, or choose Today or Yesterday. Nothing was recorded.' },
  'trigger-date-invalid': { text: 'That is not a date I can read. Use the date box, or choose Today or Yesterday. Nothing was recorded.' },
  'trigger-date-future': { text: 'That date is in the future. Enter the day it happened, or choose Today. Nothing was recorded.' },
  'trigger-date-too-old': {
    text: 'That date is more than a year ago, so I cannot count working-day deadlines from it here. Talk to your LADO or manager about a case that old. Nothing was recorded.',
  },
  'bad-choice': { text: ERROR_CASES.INVALID_INPUT },
};

const IDENTIFYING_CASES: Record<IdentifyingKind, string> = {
  date: 'a date',
  postcode: 'a postcode',
  'nhs-number': 'an NHS number',
  email: 'an email address',
  phone: 'a phone number',
};

/** Each reason a reminder is refused: the problem with its values, and the text (as the text command and the form show it). */
const REMIND_PROBLEM_CASES: { [C in RemindProblemCode]: { problem: Extract<RemindProblem, { code: C }>; text: string } } = {
  'meeting-not-quoted': {
    problem: { code: 'meeting-not-quoted' },
    text: 'put the meeting name in quotes, e.g. remind "Partnership Board" 2026-03-26 09:30',
  },
  'meeting-too-short': { problem: { code: 'meeting-too-short' }, text: 'the meeting name is too short' },
  'meeting-too-long': { problem: { code: 'meeting-too-long', maxLength: 120 }, text: 'the meeting name is longer than 120 characters' },
  'date-format': { problem: { code: 'date-format' }, text: 'the date must look like 2026-03-26' },
  'time-format': { problem: { code: 'time-format' }, text: 'the time must look like 09:30 (24-hour clock)' },
  'not-a-calendar-date': { problem: { code: 'not-a-calendar-date', date: '2026-02-30' }, text: '2026-02-30 is not a date in the calendar' },
  'already-passed': { problem: { code: 'already-passed', date: '2026-02-01', time: '09:30' }, text: '2026-02-01 09:30 has already passed' },
  'unknown-recurrence': {
    problem: { code: 'unknown-recurrence', words: 'year' },
    text: '"every year" is not a recurrence I know: use every week, every 2 weeks, every month or every quarter',
  },
  'unexpected-word': {
    problem: { code: 'unexpected-word', word: 'tomorrow' },
    text: 'I did not understand "tomorrow": after the date and time use "every ..." or "before ..."',
  },
  'lead-unreadable': { problem: { code: 'lead-unreadable' }, text: 'write a lead time like "before 1 day", "before 2 hours" or "before 30 minutes"' },
  'lead-too-short': { problem: { code: 'lead-too-short' }, text: 'a lead time must be at least 1 minute' },
  'lead-over-maximum': { problem: { code: 'lead-over-maximum', maxDays: 28 }, text: 'a lead time can be at most 28 days' },
  'too-many-leads': { problem: { code: 'too-many-leads', max: 5 }, text: 'at most 5 lead times' },
  'duplicate-lead': { problem: { code: 'duplicate-lead' }, text: 'the same lead time is given twice' },
  'custom-rule-sets-start': {
    problem: { code: 'custom-rule-sets-start' },
    text: 'the custom rule must not set DTSTART or TZID: the first date and time are set separately',
  },
  'custom-rule-invalid': {
    problem: { code: 'custom-rule-invalid', detail: "Unknown RRULE property 'FOO'" },
    text: "the custom rule is not valid RRULE text (Unknown RRULE property 'FOO')",
  },
  'custom-rule-no-freq': { problem: { code: 'custom-rule-no-freq' }, text: 'the custom rule needs FREQ, e.g. FREQ=MONTHLY;BYDAY=2TU' },
  'custom-rule-too-frequent': { problem: { code: 'custom-rule-too-frequent' }, text: 'the custom rule repeats more often than daily' },
};

const MESSAGE_CASES: Cases<typeof MESSAGES> = {
  questionTooLong: { args: [1000], text: 'That message is longer than 1000 characters. Please ask a shorter question, without details that identify a child.' },
  emptyQuestion: { text: 'Ask me a question about your safeguarding partnership, or type "help".' },
  greeting: {
    text: 'Hello! Ask me about your safeguarding partnership\'s arrangements (for example "who chairs the executive?" or "when do I go to the LADO?"), type "checklist" for a guided checklist, or "help" for everything I can do.',
  },
  thanks: { text: "You're welcome. If a child is in immediate danger, call 999." },
  unknownCommand: {
    args: ['hepl', 'help, checklist'],
    text: 'I don\'t know the command "hepl". Commands: help, checklist. Anything else you type is treated as a question.',
  },
  unknownPartnership: { args: ['Camden', 'Haringey, Harrow'], text: 'I don\'t know a partnership called "Camden". Choose one of: Haringey, Harrow.' },
  partnershipSaved: { args: ['Harrow', 'your questions'], text: "Saved: I'll answer your questions for Harrow." },
  askLeadNeedsQuestion: { text: 'Type "ask a lead" followed by your question, for example: ask a lead who chairs the partnership board?' },
  askLeadNotConfigured: { args: ['Call the MASH.'], text: 'Sending questions to safeguarding leads is not set up here. Call the MASH.' },
  askLeadCancelled: { text: 'OK, nothing was sent.' },
  askLeadSent: { args: ['Q-ABC123'], text: "Sent to the safeguarding leads (reference Q-ABC123). I'll tell you here when a lead picks it up." },
  askLeadAlreadySent: { args: ['Q-ABC123'], text: "That question was already sent (reference Q-ABC123); I didn't send it twice." },
  askLeadUndelivered: {
    args: ['Call the MASH.'],
    text: "I couldn't reach the safeguarding leads' channel just now, so your question was not sent. Call the MASH.",
  },
  ticketAssigned: { args: ['Q-ABC123', 'Alex Lead'], text: 'A safeguarding lead, Alex Lead, has picked up your question Q-ABC123. They will contact you.' },
  ticketClosed: {
    args: ['Q-ABC123', 'Alex Lead'],
    text: 'Your question Q-ABC123 was closed by Alex Lead. If you still need help, ask again or contact your designated safeguarding lead.',
  },
  ticketState: { args: ['assigned', 'Alex Lead'], text: 'assigned to Alex Lead' },
  someLead: { text: 'a safeguarding lead' },
  ticketStale: {
    args: ['Q-ABC123', 'assigned to Alex Lead'],
    text: 'Question Q-ABC123 has already changed (assigned to Alex Lead), so your click changed nothing. The card now shows its current state.',
  },
  genericPerson: { text: 'For advice about a specific situation, talk to your designated safeguarding lead.' },
  urgentLine: { text: "Leads reply in working hours. If a child is in immediate danger, call 999; for urgent concerns contact children's social care now." },
  searchPrompt: { text: 'Type a question, for example: who chairs the partnership?' },
  checklistStale: { text: 'That button belongs to an older version of this checklist, so nothing was changed. The card now shows where you are.' },
  checklistCancelled: { text: 'Checklist cancelled. Type "checklist" to start another one.' },
  checklistNeedsPartnership: { text: 'Choose your partnership first, so the checklist shows your local route and contacts.' },
  checklistUnknown: {
    args: ['foo', 'lado, referral'],
    text: 'I don\'t know a checklist called "foo". Checklists: lado, referral. Type "checklist" to see them all.',
  },
  clarifyHeading: { text: 'Could you tell me a bit more?' },
  unclearSituationHeading: { text: 'This needs a person today' },
  searchNoAnswer: { text: "I couldn't find a cited answer to that. Try other words, or ask the bot in a chat." },
};

const REMINDER_CASES: Cases<typeof REMINDER_MESSAGES> = {
  refused: {
    text: "Only the team's owners and the partnership's reminder managers can set reminders for this channel or chat. You can set a personal reminder in a 1:1 chat with me.",
  },
  problems: {
    args: [['put the meeting name in quotes'], 'remind "<meeting>" <date> <time>'],
    text: 'I couldn\'t set that reminder: put the meeting name in quotes.\nText form: remind "<meeting>" <date> <time>. Or type "remind" for the form.',
  },
  formProblems: {
    args: [['pick a meeting or type its name', 'choose how the meeting repeats']],
    text: "I couldn't save that reminder: pick a meeting or type its name; choose how the meeting repeats. Nothing was changed; fix the form and try again.",
  },
  created: {
    args: ['CHSCP Executive', 'Tuesday 8 December 2026 at 10:00', 'every 2 months', '1 day and 2 hours'],
    text: "Reminder set for CHSCP Executive: Tuesday 8 December 2026 at 10:00 (UK time), every 2 months; I'll post 1 day and 2 hours before.",
  },
  updated: { args: ['CHSCP Executive'], text: 'Reminder for CHSCP Executive updated.' },
  cancelled: { args: ['CHSCP Executive'], text: 'Reminder for CHSCP Executive cancelled. Nothing more will be posted for it.' },
  stale: { text: 'That reminder has changed since this card was sent, so nothing was changed. Type "reminders" to see it as it is now.' },
  notFound: { text: 'That reminder no longer exists (it may have been cancelled).' },
  resumed: { args: [2], text: "I'm back in this conversation, so its 2 paused reminders are running again." },
  noUpcoming: { text: 'none scheduled' },
  duplicate: {
    args: ['CHSCP Executive', 'Tuesday 8 December 2026 at 10:00 (UK time)'],
    text: "This conversation already has a reminder for CHSCP Executive on Tuesday 8 December 2026 at 10:00 (UK time), so I haven't created another. Create a second one anyway?",
  },
  duplicateText: {
    args: ['CHSCP Executive', 'Tuesday 8 December 2026 at 10:00 (UK time)'],
    text: 'This conversation already has a reminder for CHSCP Executive on Tuesday 8 December 2026 at 10:00 (UK time), so I didn\'t create another. Type "reminders" to see or edit it.',
  },
  leadTooLong: {
    args: [{ code: 'lead-too-long', minutesLeft: 3180, tooLong: [10080, 5760] }],
    text: 'the meeting is only 2 days away, so a reminder 1 week before and 4 days before would already be late; choose a shorter time or a later first date',
  },
  formMeetingGone: { text: 'that meeting is no longer in the partnership documents; pick another or type a name' },
  formPickMeeting: { text: 'pick a meeting or type its name' },
  formChooseFirst: { text: 'choose the first meeting date and start time' },
  formNoPattern: {
    args: ['Harrow SSP', 'as required'],
    text: 'the documents do not give a regular pattern for Harrow SSP ("as required"); choose how it repeats',
  },
  formChooseRepeat: { text: 'choose how the meeting repeats' },
  formChooseLead: { text: 'choose at least one time to remind before the meeting' },
  formAgendaHttps: { text: 'the agenda link must start with https://' },
  formAlreadyPassed: { text: 'that date and time have already passed' },
  deliveryStatus: { args: ['late'], text: 'posted late (the bot was unavailable)' },
  listPaused: { text: 'paused: add the bot back, then type "reminders"' },
  listNoPostYet: { text: 'none yet' },
  listSomeManager: { text: 'a manager' },
  listTitle: { args: [true], text: 'Your reminders' },
};

function worded<C extends Record<string, unknown>>(catalogue: C, key: keyof C, row: { args?: readonly unknown[]; text: string }): string {
  const entry = catalogue[key];
  return typeof entry === 'function' ? (entry as (...a: readonly unknown[]) => string)(...(row.args ?? [])) : String(entry);
}

describe('the wording of each error code', () => {
  it('has a row for every code, and the catalogue words every code', () => {
    expect(Object.keys(ERROR_CASES).sort()).toEqual([...ERROR_CODES].sort());
    expect(Object.keys(ERROR_MESSAGES).sort()).toEqual([...ERROR_CODES].sort());
  });

  it.each(ERROR_CODES)('%s', (code) => {
    expect(userMessageFor(new AppError(code, 'developer text, never shown'))).toBe(ERROR_CASES[code]);
  });

  it('anything that is not a typed error gets the fallback, with the 999 line', () => {
    expect(userMessageFor(new Error('boom'))).toBe(FALLBACK);
    expect(FALLBACK_MESSAGE).toBe(FALLBACK);
  });
});

describe('the wording of each input problem (INVALID_INPUT details.reason)', () => {
  it('has a row for every problem, and the catalogue words every problem', () => {
    expect(Object.keys(INPUT_CASES).sort()).toEqual([...INPUT_PROBLEMS].sort());
    expect(Object.keys(INPUT_PROBLEM_MESSAGES).sort()).toEqual([...INPUT_PROBLEMS].sort());
  });

  it.each(INPUT_PROBLEMS)('%s', (problem) => {
    const row = INPUT_CASES[problem];
    expect(userMessageFor(invalidInput(problem, 'developer text, never shown', row.details))).toBe(row.text);
  });

  it.each(IDENTIFYING_KINDS)('an identifying note containing %s names it', (kind) => {
    expect(userMessageFor(invalidInput('identifying', 'x', { kind }))).toContain(`looks like it contains ${IDENTIFYING_CASES[kind]}, so`);
  });

  it('an INVALID_INPUT with no known reason is worded by its code', () => {
    expect(userMessageFor(new AppError('INVALID_INPUT', 'x', { reason: 'something-else' }))).toBe(ERROR_CASES.INVALID_INPUT);
  });
});

describe('the wording of each reason a reminder is refused (RemindProblem)', () => {
  it('has a row for every code, and the catalogue words every code', () => {
    expect(Object.keys(REMIND_PROBLEM_CASES).sort()).toEqual([...REMIND_PROBLEM_CODES].sort());
    expect(Object.keys(REMIND_PROBLEM_MESSAGES).sort()).toEqual([...REMIND_PROBLEM_CODES].sort());
  });

  it.each(REMIND_PROBLEM_CODES)('%s', (code) => {
    const row = REMIND_PROBLEM_CASES[code];
    expect(remindProblemText(row.problem)).toBe(row.text);
  });
});

describe('the wording of each message key', () => {
  it('has a row for every key', () => {
    expect(Object.keys(MESSAGE_CASES).sort()).toEqual(Object.keys(MESSAGES).sort());
    expect(Object.keys(REMINDER_CASES).sort()).toEqual(Object.keys(REMINDER_MESSAGES).sort());
  });

  it.each(Object.entries(MESSAGE_CASES))('MESSAGES.%s', (key, row) => {
    expect(worded(MESSAGES, key as keyof typeof MESSAGES, row)).toBe(row.text);
  });

  it.each(Object.entries(REMINDER_CASES))('REMINDER_MESSAGES.%s', (key, row) => {
    expect(worded(REMINDER_MESSAGES, key as keyof typeof REMINDER_MESSAGES, row)).toBe(row.text);
  });
});
