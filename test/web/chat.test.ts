/**
 * `npm run chat`: the terminal client, run as a real process against a real CloudAdapter bot over HTTP,
 * and its rendering of cards (title, text, facts, inputs, buttons) as plain text.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderActivity, type Button } from '../../scripts/chat-render.ts';
import { startFixtureBot, type FixtureServer } from './fixture-bot.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

function runChat(args: string[], input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/chat.ts', ...args], { cwd: ROOT, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('npm run chat against a running bot', () => {
  let fixture: FixtureServer;
  beforeAll(async () => {
    fixture = await startFixtureBot();
  });
  afterAll(async () => {
    await fixture.close();
  });

  it('greets, sends questions, renders a card and presses its button', async () => {
    const { code, stdout } = await runChat(['--url', fixture.url], 'hello there\ncard\n/1\n/7\n/quit\n');
    expect(code).toBe(0);
    expect(stdout).toContain('bot> welcome terminal-user');
    expect(stdout).toContain('bot> echo hello there');
    expect(stdout).toMatch(/bot> Pick one\n\s+\[1\] Yes/);
    // The button's Action.Submit data reached the bot as the message value.
    expect(stdout).toContain('bot> value {"verb":"feedback","helpful":true}');
    expect(stdout).toContain('There is no button 7; pick 1 to 1.');
  });

  it('says clearly when no bot is listening', async () => {
    const { stderr } = await runChat(['--url', 'http://127.0.0.1:9'], '/quit\n');
    expect(stderr).toContain('Could not reach the bot at http://127.0.0.1:9/api/messages');
  });
});

describe('terminal rendering of cards', () => {
  const adaptive = (content: object) => ({
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.5', ...content } }],
  });

  it.each<[string, object, string[]]>([
    ['plain text', { type: 'message', text: 'Hello **there**' }, ['Hello there']],
    [
      'a title and text blocks',
      adaptive({
        body: [
          { type: 'TextBlock', text: 'Referrals', weight: 'Bolder' },
          { type: 'TextBlock', text: 'Call the MASH.' },
        ],
      }),
      ['== Referrals ==', 'Call the MASH.'],
    ],
    ['facts', adaptive({ body: [{ type: 'FactSet', facts: [{ title: 'Source', value: 'Procedures, section 3' }] }] }), ['  Source: Procedures, section 3']],
    [
      'nested containers and columns',
      adaptive({
        body: [{ type: 'Container', items: [{ type: 'ColumnSet', columns: [{ type: 'Column', items: [{ type: 'TextBlock', text: 'inside' }] }] }] }],
      }),
      ['inside'],
    ],
    ['hidden elements stay hidden', adaptive({ body: [{ type: 'TextBlock', text: 'quote', id: 'q', isVisible: false }] }), []],
    [
      'buttons, numbered',
      adaptive({
        actions: [
          { type: 'Action.Submit', title: 'Yes', data: { verb: 'x' } },
          { type: 'Action.OpenUrl', title: 'Read', url: 'https://example.org' },
        ],
      }),
      ['  [1] Yes', '  [2] Read'],
    ],
    [
      'an input with choices',
      adaptive({ body: [{ type: 'Input.ChoiceSet', id: 'p', label: 'Partnership', choices: [{ title: 'Harrow', value: 'harrow' }] }] }),
      ['[input] Partnership (Harrow)'],
    ],
    [
      'a hero card',
      {
        type: 'message',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.hero',
            content: { title: 'Help', text: 'Ask me', buttons: [{ type: 'imBack', title: 'help', value: 'help' }] },
          },
        ],
      },
      ['== Help ==', 'Ask me', '  [1] help'],
    ],
    ['typing is not shown', { type: 'typing' }, []],
  ])('%s', (_name, activity, expected) => {
    expect(renderActivity(activity as Record<string, unknown>, [])).toEqual(expected);
  });

  it('turns buttons into what pressing them does', () => {
    const buttons: Button[] = [];
    renderActivity(
      adaptive({
        body: [
          { type: 'TextBlock', text: 'An answer' },
          { type: 'TextBlock', id: 'quote', text: '"the quote"', isVisible: false },
          { type: 'Input.Toggle', id: 'agree', title: 'Agree' },
        ],
        actions: [
          { type: 'Action.Submit', title: 'Helpful', data: { verb: 'feedback.yes' } },
          { type: 'Action.ToggleVisibility', title: 'Show quote', targetElements: ['quote'] },
          { type: 'Action.OpenUrl', title: 'Source', url: 'https://example.org/doc' },
        ],
      }) as Record<string, unknown>,
      buttons,
    );
    expect(buttons).toEqual([
      { kind: 'submit', title: 'Helpful', data: { verb: 'feedback.yes' }, inputs: [expect.objectContaining({ id: 'agree', type: 'Input.Toggle' })] },
      { kind: 'show', title: 'Show quote', lines: ['  "the quote"'] },
      { kind: 'open', title: 'Source', url: 'https://example.org/doc' },
    ]);
  });
});
