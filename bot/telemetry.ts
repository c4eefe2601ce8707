/**
 * Traces and metrics (issue 13): one span per inbound turn, and the metrics `turn.duration`
 * (histogram, ms), `answers` and `abstentions` (counters) and `reminder.sends` (counter).
 *
 * What may be recorded is decided here, once: activity type, channel, scope kind, the route's
 * name from our own routing table, and the answer engine's own enums (kind, reason). Never
 * message text, card values, names, or user, conversation or tenant ids: every value is one
 * of a fixed set or a name this code chose, so a question cannot end up in a span by any path.
 *
 * Off unless Config.telemetry is set; then NO_TELEMETRY is used and the OpenTelemetry SDK is not
 * even loaded (bot/telemetry-sdk.ts is imported on demand). Built by the composition root and
 * handed to the server in ServerDeps, like the logger.
 */
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { DeliveryOutcome } from '../domain/reminders/scheduler.ts';
import type { TelemetryConfig } from './config.ts';
import type { Logger } from './logger.ts';

/** Attribute names shared by spans and metrics, so a dashboard can join them. */
export const ATTR = Object.freeze({
  activityType: 'bot.activity.type',
  channel: 'bot.channel',
  scope: 'bot.scope',
  route: 'bot.route',
  answerKind: 'bot.answer.kind',
  answerOutcome: 'bot.answer.outcome',
  abstained: 'bot.answer.abstained',
  reason: 'bot.answer.reason',
  durationMs: 'bot.turn.duration_ms',
  reminderStatus: 'bot.reminder.status',
  possibleRepeat: 'bot.reminder.possible_repeat',
});

export interface TurnFacts {
  activityType: string | undefined;
  channel: string | undefined;
  scope: string;
}

/** The parts of the engine's Answer that may be recorded (its enums, never its text). */
export interface AnswerFacts {
  kind: string;
  answered: boolean;
  reason?: string;
}

/** What a turn's code adds to its span. */
export interface TurnTelemetry {
  /** The command, card verb or "question" the turn went to (a name from our own tables). */
  route(name: string): void;
  answer(answer: AnswerFacts): void;
}

export interface Telemetry {
  readonly enabled: boolean;
  /** Runs one inbound turn inside a span, recording its duration and outcome. */
  turn<T>(facts: TurnFacts, run: (turn: TurnTelemetry) => Promise<T>): Promise<T>;
  /** One reminder occurrence handled by the scheduler. */
  reminderSend(outcome: DeliveryOutcome, possibleRepeat: boolean): void;
  /** Exports what is pending and stops; safe to call more than once. */
  shutdown(): Promise<void>;
}

const NO_TURN: TurnTelemetry = { route: () => undefined, answer: () => undefined };

export const NO_TELEMETRY: Telemetry = Object.freeze({
  enabled: false,
  turn: <T>(_facts: TurnFacts, run: (turn: TurnTelemetry) => Promise<T>) => run(NO_TURN),
  reminderSend: () => undefined,
  shutdown: async () => undefined,
});

/** NO_TELEMETRY when telemetry is off; otherwise the SDK, started, exporting where the config says. */
export async function createTelemetry(config: TelemetryConfig | null, logger: Logger): Promise<Telemetry> {
  if (!config) return NO_TELEMETRY;
  const { startTelemetry } = await import('./telemetry-sdk.ts');
  return startTelemetry(config, logger);
}

// ---- The turn's recorder travels in turnState, so routes need no extra parameter --------------

const TURN_KEY = Symbol('telemetry.turn');

export function attachTurnTelemetry(context: TurnContext, turn: TurnTelemetry): void {
  context.turnState.set(TURN_KEY, turn);
}

export function turnTelemetry(context: TurnContext): TurnTelemetry {
  return (context.turnState.get(TURN_KEY) as TurnTelemetry | undefined) ?? NO_TURN;
}

// ---- Bounding: caller-supplied strings become one of a fixed set ------------------------------

const ACTIVITY_TYPES = new Set<string>(Object.values(ActivityTypes));
const CHANNELS = new Set(['msteams', 'webchat', 'directline', 'emulator', 'test']);
/** Invokes the bot handles; any other name is recorded as "invoke other". */
const INVOKES = new Set([
  'composeExtension/query',
  'message/submitAction',
  'adaptiveCard/action',
  'task/fetch',
  'task/submit',
  'signin/verifyState',
  'signin/tokenExchange',
]);
/** Route names come from our routing table; this only guards against a future slip. */
const ROUTE_NAME = /^[a-z0-9][a-z0-9 ._/-]{0,63}$/i;

export function boundedActivityType(type: string | undefined): string {
  return type && ACTIVITY_TYPES.has(type) ? type : 'other';
}

export function boundedChannel(channel: string | undefined): string {
  return channel && CHANNELS.has(channel) ? channel : 'other';
}

export function invokeRoute(name: string | undefined): string {
  return `invoke ${name && INVOKES.has(name) ? name : 'other'}`;
}

export function boundedRoute(name: string): string {
  return ROUTE_NAME.test(name) ? name : 'other';
}

/**
 * The engine's outcome in one word: emergency (999 first), route (a referral route), answered,
 * refused (off-topic, out of scope), clarify (asked for more), or abstained (did not know).
 */
export function answerOutcome(a: AnswerFacts): string {
  if (a.kind === 'emergency') return 'emergency';
  if (a.answered) return a.kind === 'route' ? 'route' : 'answered';
  if (a.reason === 'out-of-scope') return 'refused';
  return a.kind === 'clarify' ? 'clarify' : 'abstained';
}

/** Scheduler outcomes in the words of the `reminder.sends` metric. */
export const REMINDER_SEND_STATUS: Readonly<Record<DeliveryOutcome, string>> = Object.freeze({
  delivered: 'sent',
  late: 'late',
  missed: 'missed',
  paused: 'paused',
  failed: 'failed',
  retry: 'retried',
});
