/**
 * THE routing table: every text command and every card-submit verb the bot understands.
 *
 * The route types live in bot/route-types.ts (so feature modules can import them without a cycle).
 *
 * How to add a feature (e.g. bot/features/checklists.ts, bot/features/reminders.ts):
 *   1. In your module, `export const checklistsFeature: Feature = { name, commands, verbs, migrations?, start? }`.
 *      - a command: `{ name: 'checklist', usage: 'checklist <name>', description: '...', run: async (turn, args) => ... }`
 *        `name` (and `aliases`) are matched case-insensitively as the first word(s) of the message;
 *        `args` is the rest of the message, original case. `accepts(args)` may return false to let
 *        the message be answered as a question instead ("partnership arrangements in Harrow?").
 *      - a card verb: `verbRoute('checklist.next', z.object({ ... }), async (turn, data) => ...)`.
 *        Put `{ "verb": "checklist.next", ... }` in your Action.Submit data; the data is validated
 *        with your schema before `run` is called, and a bad or unknown submit gets a clear reply.
 *      - `migrations`: your storage migrations (your version range), applied at start.
 *      - `start(services)`: background work (reminder scheduler); return a stop function, or a
 *        `Background` ({ stop, problem }) whose problem() fails /health/ready while it is not working.
 *   2. Add the feature to FEATURES below (one line).
 * Anything that is not a command or a verb is a question for the answer engine.
 */
import { smallTalk } from '../domain/answering/small-talk.ts';
import Fuse from 'fuse.js';
import { AppError, type ErrorCode } from '../shared/errors.ts';
import { trimTrailing } from '../shared/trim.ts';
import type { CommandRoute, Feature, Turn, VerbRoute } from './route-types.ts';
import { MESSAGES, userMessageFor } from './user-messages.ts';
import { turnTelemetry } from './telemetry.ts';
import { coreFeature } from './features/core.ts';
import { answerQuestion, questionsFeature } from './features/questions.ts';
import { feedbackFeature } from './features/feedback.ts';
import { askLeadFeature } from './features/ask-lead.ts';
import { checklistsFeature } from './features/checklists.ts';
import { remindersFeature } from './features/reminders.ts';

export type { Background, CommandRoute, Feature, Turn, VerbRoute } from './route-types.ts';
export { verbRoute } from './route-types.ts';

export const FEATURES: readonly Feature[] = [coreFeature, questionsFeature, feedbackFeature, askLeadFeature, checklistsFeature, remindersFeature];

/** Where a typed message goes: a command (with the rest of the message), a mistyped command, or the answer engine. */
export type TextResolution =
  | { kind: 'command'; route: CommandRoute; args: string }
  | { kind: 'error'; code: Extract<ErrorCode, 'UNKNOWN_COMMAND'>; tried: string }
  | { kind: 'question'; text: string };

/** Where a card submit goes: its verb's route with the validated data, or why it cannot go anywhere. */
export type SubmitResolution =
  | { kind: 'verb'; route: VerbRoute; data: unknown }
  | { kind: 'error'; code: Extract<ErrorCode, 'STALE_SUBMIT'>; verb: null }
  | { kind: 'error'; code: Extract<ErrorCode, 'INVALID_INPUT'>; verb: string; issues: string[] };

export interface Router {
  commands: readonly CommandRoute[];
  verbs: ReadonlyMap<string, VerbRoute>;
  /** Pure: which route a message resolves to (the route table test drives this directly). */
  resolveText(raw: string): TextResolution;
  /** Pure: which route a card submit resolves to. */
  resolveSubmit(value: unknown): SubmitResolution;
  dispatchText(turn: Omit<Turn, 'commands'>, text: string): Promise<void>;
  dispatchSubmit(turn: Omit<Turn, 'commands'>, value: unknown): Promise<void>;
}

export function createRouter(features: readonly Feature[] = FEATURES): Router {
  const commands = features.flatMap((f) => f.commands ?? []);
  const verbs = new Map<string, VerbRoute>();
  for (const v of features.flatMap((f) => f.verbs ?? [])) {
    if (verbs.has(v.verb)) throw new Error(`Two routes claim the card verb "${v.verb}"`);
    verbs.set(v.verb, v);
  }
  // Longest phrase first, so "ask a lead" wins over a shorter "ask".
  const phrases = commands
    .flatMap((c) => [c.name, ...(c.aliases ?? [])].map((p) => ({ phrase: p.toLowerCase(), route: c })))
    .sort((a, b) => b.phrase.length - a.phrase.length);
  const seen = new Set<string>();
  for (const { phrase } of phrases) {
    if (seen.has(phrase)) throw new Error(`Two routes claim the command "${phrase}"`);
    seen.add(phrase);
  }
  const fuzzy = new Fuse(
    phrases.map((p) => p.phrase),
    { threshold: 0.34, includeScore: true },
  );
  const commandList = commands.map((c) => c.usage).join(', ');

  function resolveText(raw: string): TextResolution {
    const slash = raw.trim().startsWith('/');
    const text = raw.trim().replace(/^\/+/, '').replace(/\s+/g, ' ');
    const lower = trimTrailing(text.toLowerCase(), '?!.');
    for (const { phrase, route } of phrases) {
      if (lower !== phrase && !lower.startsWith(`${phrase} `)) continue;
      const args = text.slice(phrase.length).trim();
      if (route.accepts && !route.accepts(args)) break;
      return { kind: 'command', route, args };
    }
    // "/hepl" or a lone "hepl" is a mistyped command, not a question for the engine.
    const firstWord = lower.split(' ')[0] ?? '';
    const looksLikeCommand = slash || (!lower.includes(' ') && !smallTalk(lower) && (fuzzy.search(firstWord)[0]?.score ?? 1) < 0.34);
    if (looksLikeCommand && lower) return { kind: 'error', code: 'UNKNOWN_COMMAND', tried: firstWord };
    return { kind: 'question', text };
  }

  function resolveSubmit(value: unknown): SubmitResolution {
    const verb = typeof value === 'object' && value !== null ? (value as { verb?: unknown }).verb : undefined;
    const route = typeof verb === 'string' ? verbs.get(verb) : undefined;
    // An unknown verb comes from a card of an older version of the bot.
    if (!route) return { kind: 'error', code: 'STALE_SUBMIT', verb: null };
    const parsed = route.schema.safeParse(value);
    if (!parsed.success) return { kind: 'error', code: 'INVALID_INPUT', verb: route.verb, issues: parsed.error.issues.map((i) => i.path.join('.')) };
    return { kind: 'verb', route, data: parsed.data };
  }

  return {
    commands,
    verbs,
    resolveText,
    resolveSubmit,

    async dispatchText(partial, raw) {
      const turn: Turn = { ...partial, commands };
      const resolved = resolveText(raw);
      if (resolved.kind === 'command') {
        turnTelemetry(turn.context).route(resolved.route.name);
        await resolved.route.run(turn, resolved.args);
      } else if (resolved.kind === 'error') {
        turnTelemetry(turn.context).route('unknown-command');
        await turn.context.sendActivity(MESSAGES.unknownCommand(resolved.tried, commandList));
      } else {
        turnTelemetry(turn.context).route('question');
        await answerQuestion(turn, resolved.text);
      }
    },

    async dispatchSubmit(partial, value) {
      const turn: Turn = { ...partial, commands };
      const resolved = resolveSubmit(value);
      turnTelemetry(turn.context).route(resolved.kind === 'verb' ? resolved.route.verb : (resolved.verb ?? 'unknown-verb'));
      if (resolved.kind === 'verb') {
        await resolved.route.run(turn, resolved.data);
        return;
      }
      if (resolved.code === 'INVALID_INPUT') turn.services.logger.warn({ verb: resolved.verb, issues: resolved.issues }, 'card submit rejected');
      await turn.context.sendActivity(userMessageFor(new AppError(resolved.code, 'card submit not routed')));
    },
  };
}
