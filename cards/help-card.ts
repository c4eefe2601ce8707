/** `help`: the command list, built from the routing table so it never drifts from what works. */
import { plainLines, renderCard, type CardAttachment } from './render.ts';

export interface HelpCommand {
  usage: string;
  description: string;
}

export function helpCard(commands: readonly HelpCommand[], partnershipLabel: string | null, heading = 'What I can do'): CardAttachment {
  const intro = 'Ask me a question about your safeguarding partnership in your own words, or use a command:';
  const partnershipLine = partnershipLabel
    ? `Partnership used here: ${partnershipLabel}.`
    : 'No partnership chosen here yet: type "partnership" to choose one.';
  const privacyLine = "Please don't type a child's name or other details that identify a child.";
  return renderCard('help', {
    heading,
    intro,
    commands,
    partnershipLine,
    privacyLine,
    fallbackText: plainLines([heading, intro, ...commands.map((c) => `- ${c.usage}: ${c.description}`), partnershipLine, privacyLine]),
  });
}
