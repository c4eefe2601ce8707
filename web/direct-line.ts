/**
 * A loopback-only stand-in for the Azure Bot Service, so the bot can be tried in a browser without Azure.
 * It plays both halves of the real service:
 *  - towards Web Chat, the subset of Direct Line 3.0 that Web Chat uses with `webSocket: false`
 *    (token, start conversation, post an activity, poll activities by watermark);
 *  - towards the bot, the Bot Connector: user activities are POSTed to the bot's own /api/messages with
 *    `serviceUrl` pointing here, and the bot's replies (POST) and card updates (PUT) come back here to be
 *    queued for the page.
 * It has no authentication of its own beyond per-conversation tokens, so it only exists when the bot runs
 * without an app id, and it refuses every request that is not from this machine.
 */
import type { Request, Response, Server } from 'restify';
import { ConversationLog, type Conversation, type LoggedActivity } from './conversation-log.ts';
import { HttpError, bearerToken, isLoopbackRequest, readJsonObject, sendError, sendJson } from './http.ts';

export interface DirectLineOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages (resolved per request: the port may be ephemeral). */
  botEndpoint: () => string;
  /** Where the bot should send replies: this server's origin, e.g. http://127.0.0.1:3978. */
  serviceUrl: () => string;
  maxBodyBytes: number;
  /** How long to wait for the bot to finish a turn before telling the page it failed. */
  botTimeoutMs?: number;
}

const CHANNEL_ID = 'directline';
const TOKEN_LIFETIME_SECONDS = 3600;
/** What Web Chat may send; anything else (ids, serviceUrl, from) is set here, as the real service does. */
const CLIENT_FIELDS = ['type', 'text', 'textFormat', 'value', 'channelData', 'entities', 'locale', 'name', 'localTimestamp', 'localTimezone', 'attachments'];
const CLIENT_TYPES = new Set(['message', 'event', 'typing']);
/** Activity types the page has no use for. */
const UNSHOWN_TYPES = new Set(['trace', 'invokeResponse']);

type Handler = (req: Request, res: Response) => Promise<void>;

/** A route parameter (restify types req.params as any; its values are strings). */
const paramOf = (req: Request, name: string): string | undefined => (req.params as Record<string, string | undefined> | undefined)?.[name];

export function registerDirectLine(server: Server, options: DirectLineOptions): ConversationLog {
  const log = new ConversationLog();
  const botTimeoutMs = options.botTimeoutMs ?? 60_000;

  /** Wraps a handler: loopback only, errors as JSON, never a crash. */
  const route =
    (handler: (req: Request, res: Response) => Promise<void>): Handler =>
    async (req, res) => {
      try {
        if (!isLoopbackRequest(req)) throw new HttpError(403, 'Forbidden', 'The playground only answers requests from this machine.');
        await handler(req, res);
      } catch (error) {
        sendError(res, error);
      }
    };

  const conversationFor = (req: Request): Conversation => {
    const token = bearerToken(req);
    const conversation = token ? log.byToken(token) : undefined;
    if (!conversation) throw new HttpError(403, 'TokenInvalid', 'Missing or unknown token; reload the page.');
    const requested = paramOf(req, 'conversationId');
    if (requested !== undefined && requested !== conversation.id) {
      throw new HttpError(403, 'TokenInvalid', 'This token belongs to a different conversation.');
    }
    return conversation;
  };

  const tokenResponse = (conversation: Conversation) => ({
    conversationId: conversation.id,
    token: conversation.token,
    expires_in: TOKEN_LIFETIME_SECONDS,
    // Not part of Direct Line: lets the page tell Web Chat which user id the service will stamp on its messages.
    userId: conversation.user.id,
  });

  const forwardToBot = async (conversation: Conversation, activity: LoggedActivity): Promise<void> => {
    const body = {
      ...activity,
      channelId: CHANNEL_ID,
      serviceUrl: options.serviceUrl(),
      from: conversation.user,
      recipient: conversation.bot,
      conversation: { id: conversation.id },
    };
    let response: globalThis.Response;
    try {
      response = await fetch(options.botEndpoint(), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(botTimeoutMs),
      });
    } catch {
      throw new HttpError(502, 'BotUnavailable', 'The bot did not answer; check the server log.');
    }
    await response.arrayBuffer();
    if (!response.ok) throw new HttpError(502, 'BotError', `The bot answered with HTTP ${response.status}.`);
  };

  /** Direct Line sends conversationUpdate when a conversation starts; the bot greets the new member. */
  const start = async (conversation: Conversation): Promise<void> => {
    if (conversation.started) return;
    conversation.started = true;
    await forwardToBot(conversation, {
      type: 'conversationUpdate',
      id: log.newActivityId(conversation),
      timestamp: new Date().toISOString(),
      membersAdded: [conversation.bot, conversation.user],
    });
  };

  // ---- Direct Line 3.0, the side Web Chat talks to ----

  // The page may send the user id it had before ({"userId"}), so a reload keeps the same person.
  server.post(
    '/v3/directline/tokens/generate',
    route(async (req, res) => {
      const declared = Number(req.headers['content-length'] ?? 0);
      const body = declared > 0 ? await readJsonObject(req, options.maxBodyBytes) : {};
      sendJson(res, 200, tokenResponse(log.create(typeof body.userId === 'string' ? body.userId : undefined)));
    }),
  );

  server.post(
    '/v3/directline/tokens/refresh',
    route(async (req, res) => {
      sendJson(res, 200, tokenResponse(conversationFor(req)));
    }),
  );

  server.post(
    '/v3/directline/conversations',
    route(async (req, res) => {
      const conversation = conversationFor(req);
      const isNew = !conversation.started;
      await start(conversation);
      sendJson(res, isNew ? 201 : 200, tokenResponse(conversation));
    }),
  );

  // Reconnect: Web Chat asks for the conversation again after a network blip.
  server.get(
    '/v3/directline/conversations/:conversationId',
    route(async (req, res) => {
      sendJson(res, 200, tokenResponse(conversationFor(req)));
    }),
  );

  server.post(
    '/v3/directline/conversations/:conversationId/activities',
    route(async (req, res) => {
      const conversation = conversationFor(req);
      const body = await readJsonObject(req, options.maxBodyBytes);
      if (typeof body.type !== 'string' || !CLIENT_TYPES.has(body.type)) {
        throw new HttpError(400, 'BadArgument', 'Expected an activity of type message, event or typing.');
      }
      if (body.text !== undefined && typeof body.text !== 'string') throw new HttpError(400, 'BadArgument', 'text must be a string.');
      const fields = Object.fromEntries(CLIENT_FIELDS.filter((field) => body[field] !== undefined).map((field) => [field, body[field]]));
      await start(conversation);
      // The echo is queued first: Web Chat marks a message as sent when it sees it come back.
      const echoed = log.append(conversation, { ...(fields as LoggedActivity), from: conversation.user, recipient: conversation.bot });
      await forwardToBot(conversation, echoed);
      sendJson(res, 200, { id: echoed.id });
    }),
  );

  server.get(
    '/v3/directline/conversations/:conversationId/activities',
    route(async (req, res) => {
      const conversation = conversationFor(req);
      // Read from the URL itself: restify only fills req.query when the server installed queryParser.
      const watermark = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('watermark') ?? undefined;
      sendJson(res, 200, log.since(conversation, watermark));
    }),
  );

  server.post(
    '/v3/directline/conversations/:conversationId/upload',
    route(async () => {
      throw new HttpError(400, 'NotSupported', 'The playground does not accept file uploads.');
    }),
  );

  // ---- Bot Connector, the side the bot talks to (its serviceUrl points here) ----

  const connectorConversation = (req: Request): Conversation => {
    const conversation = log.get(paramOf(req, 'conversationId') ?? '');
    if (!conversation) throw new HttpError(404, 'ConversationNotFound', 'No such playground conversation.');
    return conversation;
  };

  const fromBot = (conversation: Conversation, body: Record<string, unknown>): LoggedActivity => {
    if (typeof body.type !== 'string') throw new HttpError(400, 'BadArgument', 'An activity needs a type.');
    const { serviceUrl: _serviceUrl, channelId: _channelId, ...rest } = body;
    return { ...(rest as LoggedActivity), from: { ...conversation.bot }, recipient: conversation.user };
  };

  const send: Handler = async (req, res) => {
    const conversation = connectorConversation(req);
    const activity = fromBot(conversation, await readJsonObject(req, options.maxBodyBytes));
    if (UNSHOWN_TYPES.has(activity.type)) {
      sendJson(res, 200, { id: log.newActivityId(conversation) });
      return;
    }
    // The id comes from this service, never from the bot, so updates address exactly one activity.
    const stored = log.append(conversation, { ...activity, id: undefined, timestamp: undefined });
    sendJson(res, 200, { id: stored.id });
  };

  server.post('/v3/conversations/:conversationId/activities', route(send));
  server.post('/v3/conversations/:conversationId/activities/:activityId', route(send));

  server.put(
    '/v3/conversations/:conversationId/activities/:activityId',
    route(async (req, res) => {
      const conversation = connectorConversation(req);
      const activityId = paramOf(req, 'activityId') ?? '';
      const original = log.find(conversation, activityId);
      if (!original) throw new HttpError(404, 'ActivityNotFound', 'No such activity to update.');
      const updated = fromBot(conversation, await readJsonObject(req, options.maxBodyBytes));
      // Same id and timestamp: Web Chat replaces the card in place instead of adding a new one.
      log.append(conversation, { ...updated, id: activityId, timestamp: original.timestamp });
      sendJson(res, 200, { id: activityId });
    }),
  );

  server.del(
    '/v3/conversations/:conversationId/activities/:activityId',
    route(async (req, res) => {
      const conversation = connectorConversation(req);
      const activityId = paramOf(req, 'activityId') ?? '';
      const original = log.find(conversation, activityId);
      if (!original) throw new HttpError(404, 'ActivityNotFound', 'No such activity to delete.');
      // Direct Line has no delete event for polling clients; replace it with a visible tombstone instead.
      log.append(conversation, {
        type: 'message',
        text: '(This message was deleted.)',
        from: original.from,
        recipient: original.recipient,
        id: activityId,
        timestamp: original.timestamp,
      });
      sendJson(res, 200, {});
    }),
  );

  server.get(
    '/v3/conversations/:conversationId/members',
    route(async (req, res) => {
      const conversation = connectorConversation(req);
      sendJson(res, 200, [conversation.user]);
    }),
  );

  server.get(
    '/v3/conversations/:conversationId/pagedmembers',
    route(async (req, res) => {
      const conversation = connectorConversation(req);
      sendJson(res, 200, { members: [conversation.user] });
    }),
  );

  server.get(
    '/v3/conversations/:conversationId/members/:memberId',
    route(async (req, res) => {
      const conversation = connectorConversation(req);
      if (paramOf(req, 'memberId') !== conversation.user.id) throw new HttpError(404, 'MemberNotFound', 'No such member.');
      sendJson(res, 200, conversation.user);
    }),
  );

  return log;
}
