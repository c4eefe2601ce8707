/**
 * `npm run playground` end to end: the bot and the Microsoft 365 Agents Playground as real
 * processes, the playground's web UI driven in headless Chromium. Offline: every request that
 * leaves this machine (the playground's fonts come from a CDN) is aborted, and must not matter.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let dir: string;
let child: ChildProcess;
let browser: Browser;
let page: Page;
let url: string;
const leftMachine: string[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'agents-playground-'));
  const [botPort, playgroundPort] = [await freePort(), await freePort()];
  child = spawn(process.execPath, ['--import', 'tsx', 'scripts/playground.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: dir, PORT: String(botPort), PLAYGROUND_PORT: String(playgroundPort), LOG_LEVEL: 'warn', STORAGE_URL: `sqlite:${path.join(dir, 'bot.db')}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const onData = (c: Buffer) => {
      out += c.toString();
      const m = /Microsoft 365 Agents Playground: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`npm run playground exited with ${code}:\n${out}`)));
  });
  browser = await launchChromium();
  page = await browser.newPage();
  await page.route((u) => !/^(127\.0\.0\.1|localhost)$/.test(u.hostname), (route) => {
    leftMachine.push(route.request().url());
    return route.abort();
  });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.getByRole('button', { name: 'Send Message' }).waitFor({ timeout: 60_000 });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  await rm(dir, { recursive: true, force: true });
});

async function send(text: string): Promise<void> {
  const box = page.locator('[contenteditable=true]').first();
  await box.click();
  await box.fill(text);
  await page.getByRole('button', { name: 'Send Message' }).click();
}

describe('npm run playground', () => {
  it('listens on loopback only', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:/);
  });

  it('answers a question with the answer card and its numbered citations, with thumbs up / down', async () => {
    await send('who chairs the CHSCP Executive?');
    await page.getByText(/independently chaired by the Independent Child Safeguarding Commissioner/).first().waitFor({ timeout: 30_000 });
    await page.getByText('Sources: [1] [2]').first().waitFor();
    expect(await page.getByRole('button', { name: 'Like' }).count()).toBeGreaterThan(0);
  }, 60_000);

  it('follows up in the same conversation', async () => {
    await send('and how often does it meet?');
    await page.getByText(/meets bi-monthly/).first().waitFor({ timeout: 30_000 });
  }, 60_000);

  it('presses a card button (the welcome card\'s example question)', async () => {
    // The example buttons sit beside the required partnership choice: they must not need it filled in.
    await page.getByRole('button', { name: 'What does MASH stand for?' }).first().click();
    await page.getByText(/Multi.Agency Safeguarding Hub/).first().waitFor({ timeout: 30_000 });
  }, 60_000);

  it('starts a checklist', async () => {
    await send('partnership harrow');
    await page.getByText(/Harrow/).first().waitFor();
    await send('checklist lado');
    await page.getByText(/\(LADO\)/).first().waitFor({ timeout: 30_000 });
    await page.getByText(/question 1 of/).first().waitFor();
    expect(await page.getByRole('button', { name: /Cancel|Back|Yes|No/ }).count()).toBeGreaterThan(0);
  }, 60_000);

  it('searches from the compose box', async () => {
    await page.getByRole('button', { name: 'Trigger Message Extension App' }).click();
    await page.getByRole('menuitem', { name: 'Search Command' }).click();
    // The playground does not read the manifest: it is told the command id and parameter, as the README says.
    await page.getByText('Specify Command ID or Parameter').click();
    await page.getByPlaceholder('Command ID').fill('searchKnowledge');
    await page.getByPlaceholder('Parameter name').fill('query');
    const search = page.getByPlaceholder('Enter a search term');
    await search.fill('What does CDOP stand for?');
    await search.press('Enter');
    await page.getByText(/Child Death Overview Panel/).first().waitFor({ timeout: 30_000 });
  }, 60_000);

  it('worked without the internet: only the font CDN was tried, and refused', () => {
    for (const u of leftMachine) expect(new URL(u).hostname).toMatch(/cdn\.office\.net$/);
  });
});
