/**
 * The layers import one way: shared/ (typed errors, small helpers) at the bottom imports no
 * other folder; domain logic (domain/) and the knowledge data layer (knowledge/) never reach up
 * into the CLIs (cli/), storage, the bot, the web playground, cards, tests, the bench or scripts,
 * and never import botbuilder or restify; the CLIs sit above them and below the bot. A newcomer
 * can change the answering without reading Teams code, and the domain can be driven from the CLI
 * and tests alone.
 *
 * Development code imports one way too: test/, bench/ and scripts/ may import devkit/ (the
 * throwaway PostgreSQL, fake connectors, Chromium, card gallery, reminder fixtures), devkit/
 * imports none of them, bench/ and scripts/ never import test/, and no production folder
 * imports any of the four, so what ships never depends on development code.
 *
 * Cards take view models: no card imports storage/, domain/, knowledge/ or bot/ (bot/ makes the
 * view models).
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
const FORBIDDEN_FOLDERS = ['cli', 'storage', 'bot', 'web', 'cards', 'test', 'bench', 'scripts', 'devkit'];
const DEVELOPMENT_FOLDERS = ['devkit', 'test', 'bench', 'scripts'];

const shared = filesUnder(join(ROOT, 'shared'));
const lower = [...filesUnder(join(ROOT, 'domain')), ...filesUnder(join(ROOT, 'knowledge'))];
const cli = filesUnder(join(ROOT, 'cli'));
/** What ships: everything the bot runs (the CLIs are tools for the knowledge's maintainers). */
const production = ['bot', 'domain', 'knowledge', 'shared', 'cards', 'storage', 'web'].flatMap((d) => filesUnder(join(ROOT, d)));
const benchAndScripts = [...filesUnder(join(ROOT, 'bench')), ...filesUnder(join(ROOT, 'scripts'))];
const devkit = filesUnder(join(ROOT, 'devkit'));
const cards = filesUnder(join(ROOT, 'cards'));
/** The top-level folder a relative import lands in ('' for a package). */
function topFolderOf(file: string, spec: string): string {
  if (!spec.startsWith('.')) return '';
  return relative(ROOT, resolve(join(file, '..'), spec)).split(/[\\/]/)[0]!;
}

/** The imports of `file` that land in one of `folders`. */
function importsInto(file: string, folders: readonly string[]): string[] {
  return importsOf(file).filter((spec) => folders.includes(topFolderOf(file, spec)));
}

describe('shared/ is the bottom: it imports no other folder of the project', () => {
  it('finds the files it checks', () => {
    expect(shared.length).toBeGreaterThan(1);
  });

  it.each(shared.map((f) => [relative(ROOT, f), f]))('%s', (_name, file) => {
    expect(importsOf(file).filter((spec) => spec.startsWith('.') && topFolderOf(file, spec) !== 'shared')).toEqual([]);
  });
});

describe('cli/ sits above domain/ and knowledge/, below the bot: it imports no bot/, web/, cards/ or development folder', () => {
  it('finds the files it checks', () => {
    expect(cli.length).toBeGreaterThan(2);
  });

  it.each(cli.map((f) => [relative(ROOT, f), f]))('%s', (_name, file) => {
    expect(importsInto(file, ['bot', 'web', 'cards', ...DEVELOPMENT_FOLDERS])).toEqual([]);
  });

  it('would catch a violation (the CLIs do import domain/ and knowledge/)', () => {
    expect(importsInto(join(ROOT, 'cli', 'ask.ts'), ['domain', 'knowledge']).length).toBeGreaterThan(1);
  });
});

describe('domain/ and knowledge/ import nothing above them', () => {
  it('finds the files it checks', () => {
    expect(lower.length).toBeGreaterThan(40);
  });

  it.each(lower.map((f) => [relative(ROOT, f), f]))('%s', (_name, file) => {
    const bad: string[] = [];
    for (const spec of importsOf(file)) {
      if (FORBIDDEN_PACKAGES.some((re) => re.test(spec))) bad.push(spec);
      if (FORBIDDEN_FOLDERS.includes(topFolderOf(file, spec))) bad.push(spec);
    }
    expect(bad).toEqual([]);
  });

  it('would catch a violation (the checker reads imports as written)', () => {
    expect(importsOf(join(ROOT, 'bot', 'main.ts')).some((s) => s.includes('knowledge/snapshot.ts'))).toBe(true);
  });
});

describe('no production folder imports devkit/, test/, bench/ or scripts/', () => {
  it('finds the files it checks', () => {
    expect(production.length).toBeGreaterThan(100);
  });

  it.each(production.map((f) => [relative(ROOT, f), f]))('%s', (_name, file) => {
    expect(importsInto(file, DEVELOPMENT_FOLDERS)).toEqual([]);
  });
});

describe('bench/ and scripts/ never import test/ (what they share with it is in devkit/)', () => {
  it('finds the files it checks', () => {
    expect(benchAndScripts.length).toBeGreaterThan(15);
  });

  it.each(benchAndScripts.map((f) => [relative(ROOT, f), f]))('%s', (_name, file) => {
    expect(importsInto(file, ['test'])).toEqual([]);
  });
});

describe('devkit/ imports no test/, bench/ or scripts/', () => {
  it('finds the files it checks', () => {
    expect(devkit.length).toBeGreaterThan(5);
  });

  it.each(devkit.map((f) => [relative(ROOT, f), f]))('%s', (_name, file) => {
    expect(importsInto(file, ['test', 'bench', 'scripts'])).toEqual([]);
  });

  it('would catch a violation (the bench and the scripts do import devkit/)', () => {
    expect(importsInto(join(ROOT, 'bench', 'reminders.ts'), ['devkit']).length).toBeGreaterThan(0);
    expect(importsInto(join(ROOT, 'scripts', 'card-screenshots.ts'), ['devkit']).length).toBeGreaterThan(0);
  });
});

describe('cards/ take view models: they import nothing from storage/ or domain/', () => {
  it('finds the files it checks', () => {
    expect(cards.length).toBeGreaterThan(10);
  });

  it.each(cards.map((f) => [relative(ROOT, f), f]))('%s', (_name, file) => {
    expect(importsInto(file, ['storage', 'domain', 'knowledge', 'bot'])).toEqual([]);
  });

  it('would catch a violation (the view builders in bot/ do import domain/)', () => {
    for (const name of ['answer-view.ts', 'checklist-views.ts']) expect(importsInto(join(ROOT, 'bot', name), ['domain']).length, name).toBeGreaterThan(0);
  });
});
