/**
 * The layers import one way: domain logic (domain/) and the knowledge data layer (knowledge/,
 * its CLIs aside) never reach up into the bot, the web playground, cards, tests, the bench or
 * scripts, and never import botbuilder or restify. A newcomer can change the answering without
 * reading Teams code, and the domain can be driven from the CLI and tests alone.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve('.');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every module a file imports (static, dynamic and type-only), as written. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g)].map((m) => (m[1] ?? m[2])!);
}

const FORBIDDEN_PACKAGES = [/^botbuilder/, /^botframework-/, /^restify/];
const FORBIDDEN_FOLDERS = ['bot', 'web', 'cards', 'test', 'bench', 'scripts'];

const lower = [...filesUnder(join(ROOT, 'domain')), ...filesUnder(join(ROOT, 'knowledge')).filter((f) => !f.includes(`${join('knowledge', 'cli')}`))];

describe('domain/ and knowledge/ import nothing above them', () => {
  it('finds the files it checks', () => {
    expect(lower.length).toBeGreaterThan(40);
  });

  it.each(lower.map((f) => [relative(ROOT, f), f]))('%s', (_name, file) => {
    const bad: string[] = [];
    for (const spec of importsOf(file)) {
      if (FORBIDDEN_PACKAGES.some((re) => re.test(spec))) bad.push(spec);
      if (spec.startsWith('.')) {
        const top = relative(ROOT, resolve(join(file, '..'), spec)).split(/[\\/]/)[0]!;
        if (FORBIDDEN_FOLDERS.includes(top)) bad.push(spec);
      }
    }
    expect(bad).toEqual([]);
  });

  it('would catch a violation (the checker reads imports as written)', () => {
    expect(importsOf(join(ROOT, 'bot', 'main.ts')).some((s) => s.includes('knowledge/load.ts'))).toBe(true);
  });
});
