/**
 * Translates Teams activities into routes: messages and card submits go to the routing table,
 * installs get the welcome card, compose-box searches go to the messaging extension.
 * Nothing here decides what to say; that is the features' job.
 */
import { TeamsActivityHandler, TurnContext, type InvokeResponse, type MessagingExtensionQuery, type MessagingExtensionResponse } from 'botbuilder';
import { recordNativeFeedback } from './features/feedback.ts';
import { carriesSearchResult } from '../cards/search-result-card.ts';
import { sendWelcome } from './features/core.ts';
import { MAX_QUESTION_CHARS } from './features/questions.ts';
import { MESSAGES } from './user-messages.ts';
import { searchKnowledge } from './messaging-extension.ts';
import type { Router } from './routes.ts';
import { scopeOf } from './scope.ts';
import type { Services } from './services.ts';

/** A question's limit plus room for @mention markup and a command word; the question's own check follows. */
const MAX_MESSAGE_CHARS = MAX_QUESTION_CHARS + 200;

export class SafeguardingBot extends TeamsActivityHandler {
  constructor(
    private readonly services: Services,
    private readonly router: Router,
  ) {
    super();

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });

    this.onConversationUpdate(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const added = context.activity.membersAdded ?? [];
      const removed = context.activity.membersRemoved ?? [];
      if (added.some((m) => m.id === botId)) await this.welcomeOnce(context);
      if (removed.some((m) => m.id === botId)) await this.services.state.resetWelcome(context.activity.conversation.id);
      await next();
    });

    this.onInstallationUpdate(async (context, next) => {
      const action = context.activity.action ?? '';
      if (action.startsWith('add')) await this.welcomeOnce(context);
      if (action.startsWith('remove')) await this.services.state.resetWelcome(context.activity.conversation.id);
      await next();
    });
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const scope = scopeOf(activity);
    const base = { context, services: this.services, scope, user: { id: activity.from.aadObjectId ?? activity.from.id, name: activity.from.name ?? null } };

    // Card buttons (Action.Submit) arrive as a message with a value and no text.
    if (activity.value !== undefined && activity.value !== null && !activity.text?.trim()) {
      await this.router.dispatchSubmit(base, activity.value);
      return;
    }
    // A card inserted from the compose-box search and sent on is an answer being shared, not a question.
    if (carriesSearchResult(activity.attachments)) {
      this.services.logger.info({ event: 'message.shared-card', scope: scope.kind }, 'shared search result ignored');
      return;
    }
    let text = activity.text ?? '';
    if (scope.kind !== 'personal') {
      // In channels and group chats the bot only acts when @mentioned; the mention is not part of the question.
      const mentioned = (activity.entities ?? []).some(
        (e) => e.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === activity.recipient?.id,
      );
      if (!mentioned) return;
    }
    // Length first, in O(1), before any regular expression sees the text: every later step is then
    // bounded however the text is built (a 250,000-character message used to block the process).
    if (text.length > MAX_MESSAGE_CHARS) {
      await context.sendActivity(MESSAGES.questionTooLong(MAX_QUESTION_CHARS));
      return;
    }
    if (scope.kind !== 'personal') text = TurnContext.removeRecipientMention(activity) ?? text;
    text = text.replace(/<at>[^<]*<\/at>/g, '').trim();
    await this.router.dispatchText(base, text);
  }

  /** Teams sends both conversationUpdate and installationUpdate on install; welcome once. */
  private async welcomeOnce(context: TurnContext): Promise<void> {
    if (await this.services.state.claimWelcome(context.activity.conversation.id)) {
      this.services.logger.info({ event: 'welcome', scope: scopeOf(context.activity).kind }, 'bot installed');
      await sendWelcome(context, this.services, scopeOf(context.activity));
    }
  }

  /** Teams' native thumbs up / down on an answer; everything else as TeamsActivityHandler does. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'message/submitAction') return super.onInvokeActivity(context);
    const outcome = await recordNativeFeedback(context, this.services);
    return outcome === 'invalid' ? { status: 400 } : { status: 200, body: {} };
  }

  protected override handleTeamsMessagingExtensionQuery(context: TurnContext, query: MessagingExtensionQuery): Promise<MessagingExtensionResponse> {
    return searchKnowledge(context, query, this.services);
  }
}
