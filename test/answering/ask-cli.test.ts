import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const run = promisify(execFile);
const ask = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'cli/ask.ts', ...args], { cwd: process.cwd() });

// The JSON contract of `npm run --silent ask -- --json`.
const AnswerJson = z.strictObject({
  answered: z.boolean(),
  text: z.string().min(1),
  markdown: z.string().min(1),
  partnership: z.enum(['haringey', 'harrow', 'city-hackney']).nullable(),
  sources: z.array(z.object({ document: z.string(), section: z.string(), quote: z.string(), title: z.string(), published: z.string() })),
  confidence: z.number().min(0).max(1),
  suggestions: z.array(z.string()).max(3),
  followUps: z.array(z.string()).max(3),
  kind: z.enum(['fact', 'comparison', 'reverse', 'list', 'glossary', 'emergency', 'clarify', 'unknown']),
});

describe('ask CLI', () => {
  it('--json prints one Answer object with a seed file name as document', async () => {
    const { stdout } = await ask('--json', 'Who chairs the CHSCP Executive?');
    const a = AnswerJson.parse(JSON.parse(stdout));
    expect(a.answered).toBe(true);
    expect(a.sources[0]?.document).toMatch(/^003_[0-9a-f]+\.txt$/);
  });

  it('--partnership sets the context', async () => {
    const { stdout } = await ask('--json', '--partnership', 'city-hackney', 'how often does the executive meet');
    expect(AnswerJson.parse(JSON.parse(stdout)).partnership).toBe('city-hackney');
  });

  it('--batch answers JSON lines in order, ignoring other fields', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ask-'));
    const file = join(dir, 'q.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'a', q: 'Write me a poem about autumn', must: [] }),
        JSON.stringify({ q: 'how often does the executive meet', partnership: 'city-hackney' }),
        JSON.stringify({ q: 'someone is hurting a child now' }),
      ].join('\n'),
    );
    const { stdout } = await ask('--json', '--batch', file);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => AnswerJson.parse(JSON.parse(l)));
    expect(lines.map((l) => l.kind)).toEqual(['unknown', expect.any(String), 'emergency']);
    expect(lines[1]!.partnership).toBe('city-hackney');
  });

  it('prints a readable answer with its sources by default', async () => {
    const { stdout } = await ask('What does CDOP stand for?');
    expect(stdout).toMatch(/Child Death Overview Panel/i);
    expect(stdout).toContain('Sources:');
  });

  it('rejects an unknown partnership with a clear message', async () => {
    await expect(ask('--partnership', 'leeds', 'who chairs')).rejects.toMatchObject({ stderr: expect.stringContaining('Unknown partnership "leeds"') });
  });

  it('--session carries the conversation between runs, ids only, and a bad file is named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ask-session-'));
    const session = join(dir, 'session.json');
    await ask('--session', session, 'who chairs the CHSCP Executive?');
    const { stdout } = await ask('--json', '--session', session, 'and how often does it meet?');
    expect(AnswerJson.parse(JSON.parse(stdout)).text).toMatch(/bi-monthly/);
    expect(JSON.parse(readFileSync(session, 'utf8'))).toMatchObject({ recordIds: ['city-hackney.executive'], attr: 'cadence' });
    expect(readFileSync(session, 'utf8')).not.toMatch(/how often/);
    writeFileSync(session, 'not json');
    await expect(ask('--session', session, 'what about Harrow?')).rejects.toMatchObject({ stderr: expect.stringContaining('is not JSON') });
  }, 120_000);

  it('--batch: "turn" continues the previous line\'s conversation and "turns" holds a whole one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ask-turns-'));
    const file = join(dir, 'turns.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ q: 'who chairs the CHSCP Executive?', turn: 1 }),
        JSON.stringify({ q: 'and how often does it meet?', turn: 2 }),
        JSON.stringify({ q: 'and how often does it meet?' }),
        JSON.stringify({ turns: [{ q: 'Who chairs the Harrow SSP?' }, { q: 'how often does it meet?' }] }),
      ].join('\n'),
    );
    const { stdout } = await ask('--json', '--batch', file);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => AnswerJson.parse(JSON.parse(l)));
    expect(lines).toHaveLength(5);
    expect(lines[1]!.text).toMatch(/bi-monthly/);
    expect(lines[2]!.kind).toBe('clarify');
    expect(lines[4]!.text).toMatch(/three times a year/);
  }, 60_000);
});
