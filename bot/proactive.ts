/**
 * Posting outside the current turn: the ticket card into the experts conversation, and state
 * changes to the asker. Uses the adapter's continueConversationAsync with a stored reference.
 */
import type { Activity, ConversationReference } from 'botbuilder';
import type { StoredReference } from '../storage/state-store.ts';
import type { BotAdapter } from './adapter.ts';
import type { OutgoingMessage, Proactive } from './services.ts';

export function createProactive(adapter: BotAdapter, appId: string): Proactive {
  const reference = (r: StoredReference) => r as unknown as ConversationReference;
  return {
    async send(ref, message) {
      let id: string | null = null;
      await adapter.continueConversationAsync(appId, reference(ref), async (context) => {
        const sent = await context.sendActivity({ type: 'message', ...(message as Partial<Activity>) });
        id = sent?.id ?? null;
      });
      return id;
    },
    async update(ref, activityId, message: OutgoingMessage) {
      await adapter.continueConversationAsync(appId, reference(ref), async (context) => {
        await context.updateActivity({ type: 'message', id: activityId, ...(message as Partial<Activity>) });
      });
    },
  };
}
