/**
 * The baseline of `npm run bench -- --server`: a bare restify + botbuilder CloudAdapter echo bot,
 * as in Microsoft's echo sample (bodyParser, `adapter.process`, an ActivityHandler that replies
 * with the text), plus the `/healthz` route the bench polls. Like the real bot without
 * MicrosoftAppId it authenticates nothing and listens on 127.0.0.1 only; replies go to the
 * activity's serviceUrl (the bench's fake connector). No knowledge, storage or logging: what is
 * left is the cost of restify and botbuilder alone.
 *
 *   PORT=3979 npx tsx bench/echo-bot.ts      (the bench also runs it compiled, with plain node)
 */
import restify from 'restify';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, MessageFactory } from 'botbuilder';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(MessageFactory.text(`Echo: ${context.activity.text ?? ''}`));
      await next();
    });
  }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new EchoBot();
const server = restify.createServer({ name: 'echo-bot' });
server.use(restify.plugins.bodyParser());
server.get('/healthz', async (_req, res) => {
  res.send(200, { status: 'ok' });
});
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});

const port = Number(process.env.PORT ?? 3979);
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ event: 'listening', url: `http://127.0.0.1:${port}` })}\n`);
});
const stop = (): void => {
  server.close(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
