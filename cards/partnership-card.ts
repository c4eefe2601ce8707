/** The partnership choice, on its own card (`partnership` with no name) and inside the welcome card. */
import { plainLines, renderCard, type CardAttachment } from './render.ts';

export interface PartnershipOption {
  id: string;
  label: string;
}

export function partnershipChoiceCard(options: readonly PartnershipOption[], current: string | null, scopeNoun: string): CardAttachment {
  const currentLabel = options.find((o) => o.id === current)?.label;
  return renderCard('partnership-choice', {
    heading: `Which partnership should I use ${scopeNoun}?`,
    explanation: currentLabel
      ? `Currently: ${currentLabel}. Questions that name a partnership are always answered for that one.`
      : 'Not chosen yet. Questions that name a partnership are always answered for that one.',
    choiceLabel: 'Partnership',
    current: current ?? '',
    partnerships: options,
    fallbackText: plainLines([
      `Which partnership should I use ${scopeNoun}?`,
      currentLabel ? `Currently: ${currentLabel}.` : 'Not chosen yet.',
      `Type "partnership" and one of: ${options.map((o) => o.label).join(', ')}.`,
    ]),
  });
}
