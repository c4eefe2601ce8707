/**
 * Around every turn: records it as a telemetry span (bot/telemetry.ts), bounds outgoing calls,
 * drops activities from tenants the admin did not allow, afterwards saves the conversation
 * reference so the bot can later post into this conversation (experts channel, notifying an
 * asker, reminders), and writes outgoing text so it shows literally (cards/literal-text.ts).
 */
import { TurnContext, type Middleware } from 'botbuilder';
import { literalText } from '../cards/literal-text.ts';
import { boundConnectorClient, TURN_CALL_LIMITS } from './outgoing-deadlines.ts';
import type { Services } from './services.ts';
import { errorFields } from './logger.ts';
import { scopeOf } from './scope.ts';
import { attachTurnTelemetry, invokeRoute } from './telemetry.ts';

function isProactive(context: TurnContext): boolean {
  return context.activity.type === 'event' && context.activity.name === 'ContinueConversation';
}

export function tenantOf(context: TurnContext): string | undefined {
  const channelData = context.activity.channelData as { tenant?: { id?: string } } | undefined;
  return channelData?.tenant?.id ?? context.activity.conversation?.tenantId;
}

export function createMiddleware(services: Services): Middleware[] {
  const allowed = new Set(services.config.allowedTenantIds);
  const tenantGate: Middleware = {
    async onTurn(context, next) {
      if (allowed.size && !isProactive(context)) {
        const tenant = tenantOf(context);
        if (!tenant || !allowed.has(tenant)) {
          services.logger.warn({ event: 'tenant.rejected', tenant: tenant ?? null, type: context.activity.type }, 'activity from a tenant that is not allowed');
          return;
        }
      }
      await next();
    },
  };
  // Saved after the turn, and a failure is only logged: answering a question must not depend on
  // a write succeeding (on a full disk every question used to fail here, before being answered).
  const references: Middleware = {
    async onTurn(context, next) {
      try {
        await next();
      } finally {
        if (!isProactive(context) && context.activity.conversation?.id) {
          const reference = TurnContext.getConversationReference(context.activity);
          await services.state
            .saveReference(context.activity.conversation.id, reference as unknown as Record<string, unknown>)
            .catch((err: unknown) =>
              services.logger.error({ event: 'reference.save_failed', ...errorFields(err) }, 'could not save the conversation reference'),
            );
        }
      }
    },
  };
  // Every reply, update and roster read of this turn gets a deadline and bounded retries.
  const deadlines: Middleware = {
    async onTurn(context, next) {
      const key = (context.adapter as { ConnectorClientKey?: symbol }).ConnectorClientKey;
      if (key) boundConnectorClient(context.turnState.get(key), TURN_CALL_LIMITS);
      await next();
    },
  };
  // Text messages are Markdown in Teams and Web Chat too: the same literal-text rule as cards.
  const literal: Middleware = {
    async onTurn(context, next) {
      context.onSendActivities(async (_ctx, activities, send) => {
        for (const a of activities) if (typeof a.text === 'string' && a.textFormat !== 'xml') a.text = literalText(a.text);
        return send();
      });
      await next();
    },
  };
  // Outermost, so the span and turn.duration cover the whole turn; proactive posts (reminders) are counted apart.
  const observed: Middleware = {
    async onTurn(context, next) {
      if (isProactive(context)) return next();
      const a = context.activity;
      await services.telemetry.turn({ activityType: a.type, channel: a.channelId, scope: scopeOf(a).kind }, async (turn) => {
        if (a.type === 'invoke') turn.route(invokeRoute(a.name));
        attachTurnTelemetry(context, turn);
        await next();
      });
    },
  };
  return [observed, deadlines, tenantGate, references, literal];
}
