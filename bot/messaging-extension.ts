/**
 * The search command of the messaging extension: a user types a question in the compose box
 * and picks a cited answer card to insert into any conversation.
 */
import { CardFactory, type MessagingExtensionQuery, type MessagingExtensionResponse, type TurnContext } from 'botbuilder';
import { searchResultCard } from '../cards/search-result-card.ts';
import { answerView } from './answer-view.ts';
import { partnershipFor } from './features/core.ts';
import { askEngine, MAX_QUESTION_CHARS } from './features/questions.ts';
import { partnershipLabel } from './partnerships.ts';
import { userKey } from './scope.ts';
import { turnTelemetry } from './telemetry.ts';
import type { Services } from './services.ts';
import { MESSAGES } from './user-messages.ts';

export const SEARCH_COMMAND_ID = 'searchKnowledge';

function message(text: string): MessagingExtensionResponse {
  return { composeExtension: { type: 'message', text } };
}

export async function searchKnowledge(context: TurnContext, query: MessagingExtensionQuery, services: Services): Promise<MessagingExtensionResponse> {
  if (query.commandId !== SEARCH_COMMAND_ID) return message(MESSAGES.searchPrompt);
  const initialRun = query.parameters?.some((p) => p.name === 'initialRun');
  const text = String(query.parameters?.find((p) => p.name !== 'initialRun')?.value ?? '')
    .trim()
    .slice(0, MAX_QUESTION_CHARS);
  if (initialRun || !text) return message(MESSAGES.searchPrompt);

  // The searcher's own partnership setting (from personal chat), whatever conversation they are in.
  const partnership = await partnershipFor(services, { kind: 'personal', key: `user:${userKey(context.activity)}`, noun: 'for you' });
  const answer = await askEngine(services, text, partnership);
  turnTelemetry(context).answer(answer);
  if (!answer.answered || answer.sources.length === 0) return message(MESSAGES.searchNoAnswer);

  const result = searchResultCard(text, answerView(answer), partnershipLabel(answer.partnership));
  return {
    composeExtension: {
      type: 'result',
      attachmentLayout: 'list',
      attachments: [{ ...result.card, preview: CardFactory.thumbnailCard(result.preview.title, result.preview.text) }],
    },
  };
}
