/**
 * What the bot says about reminders, in one place, so the wording can be reviewed together.
 * (Problems from typed errors are still worded in bot/user-messages.ts.)
 */
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
} as const;
