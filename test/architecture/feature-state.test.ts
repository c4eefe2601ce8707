/**
 * Features keep no state of their own and build nothing: what a turn needs comes in through
 * Services, built once by the composition root (bot/main.ts). A module-level cache or a store
 * built mid-request hides setup where a newcomer does not look for it, and outlives the server
 * it was built for (tests start several).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const FEATURES_DIR = join('bot', 'features');
const files = readdirSync(FEATURES_DIR).filter((f) => f.endsWith('.ts'));

/** Top-level mutable state: a `let`/`var`, or a collection a module could fill between turns. */
const MODULE_STATE = /^(?:export\s+)?(?:let|var)\s|^(?:export\s+)?const\s+\w+\s*(?::[^=]+)?=\s*new\s+(?:Map|WeakMap|Set|WeakSet)\b/;
/** Construction that belongs in the composition root: stores, services, adapters, the reminder scheduler, anything read from disk. */
const CONSTRUCTION =
  /\b(?:create\w*Store|createChecklistService|createChecklistRunner|createAdapter|createStateStore|create(?:Reminder)?Scheduler|load(?:Knowledge|Contacts|Documents|Checklists)|documentTitles)\s*\(/;

function problems(text: string): string[] {
  return text.split('\n').flatMap((line, i) => {
    const out: string[] = [];
    if (MODULE_STATE.test(line)) out.push(`line ${i + 1}: module-level state: ${line.trim()}`);
    if (CONSTRUCTION.test(line) && !/^\s*(?:\*|\/\/|import\s)/.test(line)) out.push(`line ${i + 1}: builds a service: ${line.trim()}`);
    return out;
  });
}

describe('bot/features keep no module state and build no services', () => {
  it('finds the feature files', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files)('%s', (file) => {
    expect(problems(readFileSync(join(FEATURES_DIR, file), 'utf8'))).toEqual([]);
  });

  it('would catch the old checklist cache and a store built mid-request', () => {
    expect(problems('const runners = new WeakMap<Services, ChecklistRunner>();')).toHaveLength(1);
    expect(problems('let cached: Runner | null = null;')).toHaveLength(1);
    expect(problems('const store = (turn: Turn) => createReminderStore(turn.services.db);')).toHaveLength(1);
    expect(problems('const titles = documentTitles();')).toHaveLength(1);
  });

  it('would catch the reminder scheduler built in a feature start()', () => {
    expect(problems('    const scheduler = createScheduler(')).toHaveLength(1);
    expect(problems('  const scheduler = createReminderScheduler({ config, reminders, sender, bodies, telemetry, logger });')).toHaveLength(1);
    expect(problems('    const scheduler = services.reminderScheduler;')).toEqual([]);
  });
});
