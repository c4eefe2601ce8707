/**
 * The conversation basics: the welcome card, `help`, and the partnership setting (per user
 * in personal chat, per team or chat elsewhere), changeable by command and from cards.
 */
import { z } from 'zod';
import { helpCard } from '../../cards/help-card.ts';
import { partnershipChoiceCard } from '../../cards/partnership-card.ts';
import { welcomeCard } from '../../cards/welcome-card.ts';
import { isPartnershipId, parsePartnershipName, partnershipLabel, PARTNERSHIP_OPTIONS } from '../partnerships.ts';
import { verbRoute, type CommandRoute, type Feature, type Turn } from '../route-types.ts';
import { MESSAGES } from '../user-messages.ts';
import type { TurnContext } from 'botbuilder';
import type { Scope } from '../scope.ts';
import type { Services } from '../services.ts';

/** Questions the knowledge base answers, shown as buttons on the welcome card. */
export const EXAMPLE_QUESTIONS = ['Who chairs the safeguarding partnership?', 'What does MASH stand for?', 'Which are the safeguarding partners?'] as const;

export async function partnershipFor(services: Services, scope: Scope): Promise<string | null> {
  const stored = await services.state.getPartnership(scope.key);
  return stored && isPartnershipId(stored) ? stored : null;
}

export async function sendWelcome(context: TurnContext, services: Services, scope: Scope): Promise<void> {
  const current = await partnershipFor(services, scope);
  await context.sendActivity({
    attachments: [welcomeCard({ partnerships: PARTNERSHIP_OPTIONS, current, examples: EXAMPLE_QUESTIONS, scopeNoun: scope.noun })],
  });
}

async function sendHelp(turn: Turn): Promise<void> {
  const current = partnershipLabel(await partnershipFor(turn.services, turn.scope));
  const commands = turn.commands.map((c) => ({ usage: c.usage, description: c.description }));
  await turn.context.sendActivity({ attachments: [helpCard(commands, current)] });
}

async function setPartnership(turn: Turn, id: string): Promise<void> {
  await turn.services.state.setPartnership(turn.scope.key, id);
  turn.services.logger.info({ event: 'partnership.set', scope: turn.scope.kind, partnership: id }, 'partnership chosen');
  await turn.context.sendActivity(
    MESSAGES.partnershipSaved(partnershipLabel(id) ?? id, turn.scope.noun === 'for you' ? 'your questions' : `questions ${turn.scope.noun}`),
  );
}

const help: CommandRoute = {
  name: 'help',
  aliases: ['commands', 'menu'],
  usage: 'help',
  description: 'What I can do and the commands I understand.',
  accepts: (args) => args === '' || /^(me|please)$/i.test(args),
  run: (turn) => sendHelp(turn),
};

const partnership: CommandRoute = {
  name: 'partnership',
  aliases: ['set partnership'],
  usage: 'partnership <name>',
  description: `Choose the partnership I answer for (${PARTNERSHIP_OPTIONS.map((p) => p.label).join(', ')}).`,
  // "partnership arrangements in Harrow?" is a question, not a command.
  accepts: (args) => args === '' || parsePartnershipName(args) !== null || (!args.includes('?') && args.split(' ').length <= 4),
  async run(turn, args) {
    if (args === '') {
      const current = await partnershipFor(turn.services, turn.scope);
      await turn.context.sendActivity({ attachments: [partnershipChoiceCard(PARTNERSHIP_OPTIONS, current, turn.scope.noun)] });
      return;
    }
    const id = parsePartnershipName(args);
    if (!id) {
      await turn.context.sendActivity(MESSAGES.unknownPartnership(args, PARTNERSHIP_OPTIONS.map((p) => p.label).join(', ')));
      return;
    }
    await setPartnership(turn, id);
  },
};

export const coreFeature: Feature = {
  name: 'core',
  commands: [help, partnership],
  verbs: [
    verbRoute('help', z.object({ verb: z.literal('help') }), (turn) => sendHelp(turn)),
    verbRoute(
      'partnership.set',
      z.object({ verb: z.literal('partnership.set'), partnership: z.string().refine(isPartnershipId, 'unknown partnership') }),
      (turn, data) => setPartnership(turn, data.partnership),
    ),
  ],
};
