/**
 * Posting outside the current turn: the ticket card into the experts conversation, and state
 * changes to the asker. Uses the adapter's continueConversationAsync with a stored reference.
 */
import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import type { StoredReference } from '../storage/state-store.ts';
import type { BotAdapter } from './adapter.ts';
import type { OutgoingMessage, Proactive } from './services.ts';

export function createProactive(adapter: BotAdapter, appId: string): Proactive {
  const reference = (r: StoredReference) => r as unknown as ConversationReference;
  /**
   * Runs `post` in the stored conversation and rethrows its failure. The adapter hands an error
   * thrown inside continueConversationAsync to onTurnError and resolves, so without this a post
   * that never arrived (the leads' channel unreachable) would look delivered to the caller.
   */
  async function inConversation(ref: StoredReference, post: (context: TurnContext) => Promise<void>): Promise<void> {
    let failure: { error: unknown } | null = null;
    await adapter.continueConversationAsync(appId, reference(ref), async (context) => {
      try {
        await post(context);
      } catch (error) {
        failure = { error };
      }
    });
    if (failure) throw (failure as { error: unknown }).error;
  }
  return {
    async send(ref, message) {
      let id: string | null = null;
      await inConversation(ref, async (context) => {
        const sent = await context.sendActivity({ type: 'message', ...(message as Partial<Activity>) });
        id = sent?.id ?? null;
      });
      return id;
    },
    async update(ref, activityId, message: OutgoingMessage) {
      await inConversation(ref, async (context) => {
        await context.updateActivity({ type: 'message', id: activityId, ...(message as Partial<Activity>) });
      });
    },
  };
}
