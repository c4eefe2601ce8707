/** Sent once when the bot is installed: what it does, example questions, the partnership choice. */
import { EMERGENCY_HEADING } from './emergency-card.ts';
import type { PartnershipOption } from './partnership-card.ts';
import { questionButton } from './button-title.ts';
import { plainLines, renderCard, type CardAttachment } from './render.ts';

export interface WelcomeCardInput {
  partnerships: readonly PartnershipOption[];
  current: string | null;
  examples: readonly string[];
  /** "for you" in personal chat, "in this team" / "in this chat" elsewhere. */
  scopeNoun: string;
}

export function welcomeCard(input: WelcomeCardInput): CardAttachment {
  const names = input.partnerships.map((p) => p.label);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
  const intro = `I answer questions about the safeguarding arrangements of ${list}, with the source for every answer. If the documents don't say, I tell you and point you to a person. Type "help" to see what else I can do.`;
  const emergencyLine = `${EMERGENCY_HEADING} I cannot take reports about a child, and please don't type a child's name here.`;
  return renderCard('welcome', {
    title: 'Safeguarding partnership assistant',
    intro,
    emergencyLine,
    examples: input.examples.slice(0, 3).map(questionButton),
    choiceLabel: `Which partnership should I use ${input.scopeNoun}?`,
    current: input.current ?? '',
    partnerships: input.partnerships,
    fallbackText: plainLines([
      'Safeguarding partnership assistant.',
      intro,
      emergencyLine,
      `Try asking: ${input.examples.slice(0, 3).join(' | ')}`,
      `Choose your partnership by typing "partnership" and one of: ${names.join(', ')}.`,
    ]),
  });
}
