/**
 * The shapes of routes and features; see bot/routes.ts for how to add one. Kept apart from
 * routes.ts so feature modules can import these without an import cycle.
 */
import type { z } from 'zod';
import type { TurnContext } from 'botbuilder';
import type { Migration } from '../storage/migrate.ts';
import type { Scope } from './scope.ts';
import type { Services } from './services.ts';

export interface Turn {
  context: TurnContext;
  services: Services;
  scope: Scope;
  user: { id: string; name: string | null };
  /** Every command, for `help` and the unknown-command reply. */
  commands: readonly CommandRoute[];
}

export interface CommandRoute {
  /** Lower case; may be several words ("ask a lead"). */
  name: string;
  aliases?: readonly string[];
  usage: string;
  description: string;
  accepts?: (args: string) => boolean;
  run(turn: Turn, args: string): Promise<void>;
}

export interface VerbRoute<T = unknown> {
  verb: string;
  schema: z.ZodType<T>;
  run(turn: Turn, data: T): Promise<void>;
}

export interface Feature {
  name: string;
  commands?: readonly CommandRoute[];
  verbs?: readonly VerbRoute<unknown>[];
  migrations?: readonly Migration[];
  start?: (services: Services) => (() => Promise<void>) | Background | void;
}

/** Background work a feature started: stopped on close, and asked by /health/ready whether it is working. */
export interface Background {
  stop(): Promise<void>;
  /** A short problem code ("reminder-scheduler-stalled") when the work cannot be counted on, else null. */
  problem(now: Date): string | null;
}

/** Keeps the data type of a verb tied to its schema. */
export function verbRoute<S extends z.ZodType>(verb: string, schema: S, run: (turn: Turn, data: z.output<S>) => Promise<void>): VerbRoute<z.output<S>> {
  return { verb, schema: schema as unknown as z.ZodType<z.output<S>>, run };
}
