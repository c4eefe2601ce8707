/**
 * A small real bot (botbuilder CloudAdapter on restify, no app id) used to exercise the playground's
 * Direct Line as a protocol, independent of the product bot: it greets new members, replies to text,
 * sends a card with a submit button, and on submit updates that card in place and confirms the value.
 */
import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { ActivityHandler, CardFactory, CloudAdapter, ConfigurationBotFrameworkAuthentication, MessageFactory, type TurnContext } from 'botbuilder';
import { registerPlayground } from '../../web/playground.ts';

class FixtureBot extends ActivityHandler {
  /** Id of the last card sent, per conversation, so a submit can update it. */
  private readonly cards = new Map<string, string>();

  constructor() {
    super();
    this.onMembersAdded(async (context, next) => {
      for (const member of context.activity.membersAdded ?? []) {
        if (member.id !== context.activity.recipient.id) await context.sendActivity(`welcome ${member.id}`);
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.reply(context);
      await next();
    });
  }

  private async reply(context: TurnContext): Promise<void> {
    const { text, value, conversation } = context.activity;
    if (value !== undefined) {
      const cardId = this.cards.get(conversation.id);
      if (cardId) {
        const updated = MessageFactory.text('card answered');
        updated.id = cardId;
        await context.updateActivity(updated);
      }
      await context.sendActivity(`value ${JSON.stringify(value)}`);
      return;
    }
    if (text === 'card') {
      const card = CardFactory.adaptiveCard({
        type: 'AdaptiveCard',
        version: '1.5',
        body: [{ type: 'TextBlock', text: 'Pick one' }],
        actions: [{ type: 'Action.Submit', title: 'Yes', data: { verb: 'feedback', helpful: true } }],
      });
      const sent = await context.sendActivity(MessageFactory.attachment(card));
      if (sent?.id) this.cards.set(conversation.id, sent.id);
      return;
    }
    await context.sendActivity(`echo ${text ?? ''}`);
  }
}

export interface FixtureServer {
  url: string;
  close(): Promise<void>;
}

export async function startFixtureBot(): Promise<FixtureServer> {
  const server = restify.createServer();
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new FixtureBot();
  server.post('/api/messages', restify.plugins.bodyParser({ maxBodySize: 64 * 1024 }), async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  registerPlayground(server, { maxBodyBytes: 64 * 1024 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
