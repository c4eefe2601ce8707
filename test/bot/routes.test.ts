/**
 * The routing table (bot/routes.ts) as a table: every command phrase and alias resolves to
 * exactly one handler, every card verb has exactly one route, a mistyped command is
 * UNKNOWN_COMMAND (not a question for the engine), an unknown verb STALE_SUBMIT and bad card data
 * INVALID_INPUT; and every verb a card can carry, in cards/templates/ or set by a card builder
 * in cards/, has a route, so no button the bot draws leads nowhere.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRouter, FEATURES, type Feature } from '../../bot/routes.ts';

const router = createRouter(FEATURES);
const commands = FEATURES.flatMap((f) => (f.commands ?? []).map((c) => ({ feature: f.name, route: c })));
const phrases = commands.flatMap(({ route }) => [route.name, ...(route.aliases ?? [])].map((phrase) => ({ phrase, route })));
const verbs = FEATURES.flatMap((f) => (f.verbs ?? []).map((v) => ({ feature: f.name, verb: v.verb })));

describe('every command resolves to exactly one handler', () => {
  it('no phrase or alias is claimed twice, and every command is in the router', () => {
    const lower = phrases.map((p) => p.phrase.toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
    expect(router.commands).toHaveLength(commands.length);
  });

  it.each(phrases.map((p) => [p.phrase, p.route.name, p.route] as const))('"%s" -> %s', (phrase, _name, route) => {
    for (const typed of [phrase, phrase.toUpperCase(), `/${phrase}`, ` ${phrase}  `]) {
      const resolved = router.resolveText(typed);
      expect(resolved.kind, typed).toBe('command');
      if (resolved.kind === 'command') expect(resolved.route, typed).toBe(route);
    }
  });

  it('the longest phrase wins ("ask a lead ..." is the ask-lead command, not a question)', () => {
    const resolved = router.resolveText('ask a lead who chairs the board?');
    expect(resolved).toMatchObject({ kind: 'command', route: { name: 'ask a lead' }, args: 'who chairs the board?' });
  });

  it('a command word that starts a question is a question when the command declines its arguments', () => {
    expect(router.resolveText('checklist for a LADO referral?')).toMatchObject({ kind: 'question' });
    expect(router.resolveText('remind me what MASH means')).toMatchObject({ kind: 'question' });
  });
});

describe('what is not a command', () => {
  it.each([
    ['/hepl', 'hepl'],
    ['hepl', 'hepl'],
    ['partnrship', 'partnrship'],
    ['/no-such-command please', 'no-such-command'],
  ])('%s is UNKNOWN_COMMAND', (typed, tried) => {
    expect(router.resolveText(typed)).toEqual({ kind: 'error', code: 'UNKNOWN_COMMAND', tried });
  });

  it.each(['who chairs the Harrow board?', 'thanks', 'hello', 'MASH'])('"%s" is a question for the engine', (typed) => {
    expect(router.resolveText(typed)).toMatchObject({ kind: 'question' });
  });
});

describe('every card verb resolves to exactly one route', () => {
  it('no verb is claimed twice', () => {
    expect(router.verbs.size).toBe(verbs.length);
  });

  it.each(verbs.map((v) => [v.verb, v.feature] as const))('%s (%s)', (verb) => {
    expect(router.verbs.get(verb)?.verb).toBe(verb);
  });

  it('an unknown verb, or none, is STALE_SUBMIT; data its schema refuses is INVALID_INPUT', () => {
    expect(router.resolveSubmit({ verb: 'no.such.verb' })).toEqual({ kind: 'error', code: 'STALE_SUBMIT', verb: null });
    expect(router.resolveSubmit({ foo: 1 })).toEqual({ kind: 'error', code: 'STALE_SUBMIT', verb: null });
    expect(router.resolveSubmit('not an object')).toEqual({ kind: 'error', code: 'STALE_SUBMIT', verb: null });
    expect(router.resolveSubmit({ verb: 'partnership.set', partnership: 'narnia' })).toMatchObject({
      kind: 'error',
      code: 'INVALID_INPUT',
      verb: 'partnership.set',
    });
  });

  it('valid data reaches its route', () => {
    expect(router.resolveSubmit({ verb: 'partnership.set', partnership: 'harrow' })).toMatchObject({ kind: 'verb', route: { verb: 'partnership.set' } });
  });

  it('a table that claims a verb or a phrase twice does not build', () => {
    const twiceVerb: Feature = { name: 'dup', verbs: [router.verbs.get('help')!] };
    expect(() => createRouter([...FEATURES, twiceVerb])).toThrow(/Two routes claim the card verb "help"/);
    const twicePhrase: Feature = { name: 'dup', commands: [{ ...commands[0]!.route, aliases: [] }] };
    expect(() => createRouter([...FEATURES, twicePhrase])).toThrow(/Two routes claim the command/);
  });
});

describe('every verb a card carries has a route', () => {
  const TEMPLATES = join('cards', 'templates');
  const templates = readdirSync(TEMPLATES).filter((f) => f.endsWith('.json'));
  const builders = readdirSync('cards').filter((f) => f.endsWith('.ts'));
  /** "verb": "x" in a template; a "${...}" value is bound by the card's builder, checked below. */
  const templateVerbs = templates.flatMap((file) =>
    [...readFileSync(join(TEMPLATES, file), 'utf8').matchAll(/"verb"\s*:\s*"([^"]+)"/g)].map((m) => ({ file, verb: m[1]! })),
  );
  /** verb: 'x' set by a card builder in cards/*.ts (the bound verbs of templates and any card built in code). */
  const builderVerbs = builders.flatMap((file) =>
    [...readFileSync(join('cards', file), 'utf8').matchAll(/\bverb:\s*'([^']+)'/g)].map((m) => ({ file, verb: m[1]! })),
  );

  it('finds the verbs it checks', () => {
    expect(templateVerbs.length).toBeGreaterThan(20);
    expect(builderVerbs.map((v) => v.verb)).toEqual(expect.arrayContaining(['ticket.assign', 'ticket.close', 'feedback']));
  });

  it.each(templateVerbs.filter((v) => !v.verb.startsWith('${')).map((v) => [v.verb, v.file] as const))('%s (cards/templates/%s)', (verb) => {
    expect(router.verbs.has(verb)).toBe(true);
  });

  it.each(builderVerbs.map((v) => [v.verb, v.file] as const))('%s (cards/%s)', (verb) => {
    expect(router.verbs.has(verb)).toBe(true);
  });

  it('a template verb bound from the view model is set by its builder (only the expert ticket binds one)', () => {
    expect(templateVerbs.filter((v) => v.verb.startsWith('${')).map((v) => v.file)).toEqual(['expert-ticket.json']);
    expect(builderVerbs.filter((v) => v.file === 'expert-ticket-card.ts').map((v) => v.verb)).toEqual(
      expect.arrayContaining(['ticket.assign', 'ticket.close']),
    );
  });
});
