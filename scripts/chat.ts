/**
 * `npm run chat [-- --url http://127.0.0.1:3978]`: talk to a running bot from the terminal.
 * Each line is POSTed to the bot's /api/messages with deliveryMode "expectReplies", so the replies come
 * back in the HTTP response; anything the bot sends later (card updates, notifications) arrives at a
 * small connector this client listens on, named in the activity's serviceUrl.
 * Only works against a bot in local development mode (no MicrosoftAppId), like the browser playground.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { renderActivity, type Button, type CardInput } from './chat-render.ts';

const HELP = [
  'Type a question or a command (help, partnership, checklist, ...).',
  '/N presses button N of the latest reply, /restart starts a new conversation, /quit leaves.',
].join('\n');

type Json = Record<string, unknown>;

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: `http://127.0.0.1:${process.env.PORT || 3978}` },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(`Usage: npm run chat [-- --url http://127.0.0.1:3978]\n${HELP}`);
  process.exit(0);
}
const endpoint = `${values.url.replace(/\/+$/, '')}/api/messages`;
const user = { id: 'terminal-user', name: 'Terminal user', role: 'user' };
const bot = { id: 'safeguarding-bot', name: 'Safeguarding Helper', role: 'bot' };
let conversationId = `terminal-${randomUUID()}`;
let buttons: Button[] = [];

function print(activities: Json[], prefix = 'bot> '): void {
  const fresh: Button[] = [];
  for (const activity of activities) {
    const lines = renderActivity(activity, fresh);
    if (lines.length === 0) continue;
    console.log(lines.map((line, i) => (i === 0 ? prefix : ' '.repeat(prefix.length)) + line).join('\n'));
  }
  if (fresh.length > 0) buttons = fresh;
}

/** Stands in for the Bot Connector: prints what the bot sends outside a turn's expectReplies response. */
function startConnector(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let activity: Json = {};
      try {
        activity = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Json;
      } catch {
        // Printed as an unknown activity below.
      }
      if (req.method === 'PUT') print([activity], 'bot (updated a card)> ');
      else if (req.method === 'POST' && /\/activities/.test(req.url ?? '')) print([activity], 'bot (later)> ');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: randomUUID() }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function send(serviceUrl: string, activity: Json): Promise<void> {
  const body = {
    channelId: 'directline',
    serviceUrl,
    from: user,
    recipient: bot,
    conversation: { id: conversationId },
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    locale: 'en-GB',
    deliveryMode: 'expectReplies',
    ...activity,
  };
  let response: Response;
  try {
    response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    console.error(`Could not reach the bot at ${endpoint}. Is it running (npm start)?`);
    return;
  }
  const text = await response.text();
  if (response.status === 401 || response.status === 403) {
    console.error('The bot refused the request: it has MicrosoftAppId set. npm run chat only works with a bot in local development mode.');
    return;
  }
  if (!response.ok) {
    console.error(`The bot answered HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`);
    return;
  }
  const replies = text ? ((JSON.parse(text) as { activities?: Json[] }).activities ?? []) : [];
  print(replies);
}

async function main(): Promise<void> {
  const connector = await startConnector();
  const serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}`;
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const lines = rl[Symbol.asyncIterator]();
  const ask = async (prompt: string): Promise<string | null> => {
    process.stdout.write(prompt);
    const next = await lines.next();
    if (!process.stdin.isTTY && !next.done) process.stdout.write(`${next.value}\n`);
    return next.done ? null : next.value;
  };

  /** Card inputs are asked for one by one and merged into the submit data, as Teams does. */
  const collect = async (inputs: CardInput[]): Promise<Json | null> => {
    const collected: Json = {};
    for (const input of inputs) {
      const choices = input.choices ?? [];
      if (choices.length) choices.forEach((choice, i) => console.log(`    ${i + 1}. ${choice.title}`));
      const hint = input.type === 'Input.Toggle' ? ' (y/n)' : input.value ? ` [${input.value}]` : '';
      const answer = await ask(`  ${input.label}${hint}: `);
      if (answer === null) return null;
      const raw = answer.trim() || input.value || '';
      if (input.type === 'Input.Toggle') collected[input.id] = /^y/i.test(raw) ? input.valueOn : input.valueOff;
      else if (choices.length) {
        const picked = raw
          .split(',')
          .map((part) => part.trim())
          .map((part) => choices[Number(part) - 1]?.value ?? part);
        collected[input.id] = input.multiSelect ? picked.join(',') : (picked[0] ?? '');
      } else collected[input.id] = raw;
    }
    return collected;
  };

  const press = async (button: Button): Promise<void> => {
    if (button.kind === 'open') console.log(`  (opens ${button.url})`);
    else if (button.kind === 'show') console.log(button.lines.join('\n'));
    else if (button.kind === 'text') await send(serviceUrl, { type: 'message', text: button.text });
    else {
      const inputs = await collect(button.inputs);
      if (inputs === null) return;
      const data = typeof button.data === 'object' && button.data !== null ? { ...(button.data as Json), ...inputs } : button.data;
      if (typeof data === 'string') await send(serviceUrl, { type: 'message', text: data });
      else await send(serviceUrl, { type: 'message', value: data });
    }
  };

  const greet = () => send(serviceUrl, { type: 'conversationUpdate', membersAdded: [bot, user], deliveryMode: 'expectReplies' });

  console.log(`Talking to ${endpoint}\n${HELP}`);
  await greet();
  for (;;) {
    const line = await ask('you> ');
    if (line === null || line.trim() === '/quit') break;
    const text = line.trim();
    if (!text) continue;
    const pressed = /^\/(\d+)$/.exec(text);
    if (pressed) {
      const button = buttons[Number(pressed[1]) - 1];
      if (button) await press(button);
      else console.log(buttons.length ? `There is no button ${pressed[1]}; pick 1 to ${buttons.length}.` : 'There are no buttons to press.');
    } else if (text === '/restart') {
      conversationId = `terminal-${randomUUID()}`;
      buttons = [];
      await greet();
    } else if (text === '/help') {
      console.log(HELP);
    } else {
      await send(serviceUrl, { type: 'message', text });
    }
  }
  rl.close();
  await new Promise<void>((resolve) => connector.close(() => resolve()));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
