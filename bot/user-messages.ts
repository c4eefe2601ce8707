/**
 * Every sentence the bot says about a problem, in one place. Typed errors carry a code;
 * this file decides how that code is worded to a practitioner, so wording can be reviewed
 * (and changed) without touching the code that raised the problem.
 */
import { AppError, type ErrorCode } from '../domain/shared/errors.ts';

const BY_CODE: Partial<Record<ErrorCode, string>> = {
  STALE_SUBMIT: 'That button belongs to an older card, so nothing was changed. Type "help" to start again.',
  INVALID_INPUT: 'That card sent something I did not expect, so nothing was changed. Please try again from a new card.',
  NOT_FOUND: 'I could not find that any more, so nothing was changed.',
  FORBIDDEN: 'That action is only available in the conversation the card was posted to.',
  STORAGE: 'I could not save that just now. Nothing was lost; please try again in a minute.',
  UNKNOWN_COMMAND: 'I do not know that command.',
};

const FALLBACK = 'Something went wrong on my side and I could not finish that. Please try again in a minute. If a child is in immediate danger, call 999.';

export function userMessageFor(err: unknown): string {
  if (err instanceof AppError) return BY_CODE[err.code] ?? FALLBACK;
  return FALLBACK;
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
  ticketStale: (ref: string, state: string) =>
    `Question ${ref} has already changed (${state}), so your click changed nothing. The card now shows its current state.`,
  genericPerson: 'For advice about a specific situation, talk to your designated safeguarding lead.',
  urgentLine: "Leads reply in working hours. If a child is in immediate danger, call 999; for urgent concerns contact children's social care now.",
  searchPrompt: 'Type a question, for example: who chairs the partnership?',
  checklistStale: 'That button belongs to an older version of this checklist, so nothing was changed. The card now shows where you are.',
  checklistCancelled: 'Checklist cancelled. Type "checklist" to start another one.',
  checklistNeedsPartnership: 'Choose your partnership first, so the checklist shows your local route and contacts.',
  checklistUnknown: (tried: string, names: string) => `I don't know a checklist called "${tried}". Checklists: ${names}. Type "checklist" to see them all.`,
  checklistIdentifyingNote: (what: string) =>
    `Your note looks like it contains ${what}, so I didn't save it and your answer was not recorded. Please don't enter anything that identifies a child or family; answer again without it.`,
  checklistTriggerDate: (reason: string) =>
    (
      ({
        'trigger-date-missing': 'Enter the date in the date box first, or choose Today or Yesterday. Nothing was recorded.',
        'trigger-date-invalid': 'That is not a date I can read. Use the date box, or choose Today or Yesterday. Nothing was recorded.',
        'trigger-date-future': 'That date is in the future. Enter the day it happened, or choose Today. Nothing was recorded.',
        'trigger-date-too-old':
          'That date is more than a year ago, so I cannot count working-day deadlines from it here. Talk to your LADO or manager about a case that old. Nothing was recorded.',
      }) as Record<string, string>
    )[reason] ?? 'Please enter the date again. Nothing was recorded.',
  checklistNoteTooLong: (max: number) => `Your note is longer than ${max} characters, so your answer was not recorded. Please shorten it and answer again.`,
  searchNoAnswer: "I couldn't find a cited answer to that. Try other words, or ask the bot in a chat.",
} as const;
