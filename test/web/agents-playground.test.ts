/**
 * `npm run playground` end to end: the bot (local development mode, a throwaway SQLite file) and the
 * Microsoft 365 Agents Playground started by the same code as the script (scripts/agents-playground.ts),
 * the playground's web UI driven in headless Chromium at its default 1280 x 720, in one group chat:
 *
 *   a question, its answer card, the numbered citations and one citation's pop-up; a typed follow-up;
 *   a follow-up button on the answer card and an example button on the welcome card; a checklist
 *   (the partnership card first, then step 1 with its buttons, "Why this matters", "No" updating the
 *   card in place); the compose-box search, its result put in the compose box and sent.
 *
 * After every step the cards as the playground draws them (Teams' Adaptive Card host, the nearest this
 * machine has to Teams' renderer) are checked: no literal `${`, nothing wider than its card, no text cut
 * off sideways, no horizontal scrolling. Screenshots go to test-artifacts/agents-playground/.
 *
 * The group chat rather than personal chat: in personal chat the bot sends follow-ups as suggested
 * actions, and the playground (0.2.28) splits an activity's text from its card, renders the text
 * without citation markers and shows suggested actions only under a last message that has no card,
 * so neither would show; Teams shows both. In a group chat the follow-ups are card buttons and the
 * "Sources: [1] [2]" text gets the playground's citation markers.
 *
 * Offline: every request that leaves the machine is refused at once (the playground's fonts and an
 * animation script come from a Microsoft CDN) and must not matter.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAgentsPlayground, type RunningAgentsPlayground } from '../../scripts/agents-playground.ts';
import { ensureChromium, launchChromium } from '../../devkit/chromium.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SHOTS = path.join(ROOT, 'test-artifacts', 'agents-playground');
const VIEWPORT = { width: 1280, height: 720 }; // the playground's own default window, and Playwright's
/** One bot turn or one UI change: normally well under a second. */
const TURN = { timeout: 20_000 };
/** The playground's page is a 9 MB bundle: about 10-15 s to first paint on a busy 2-core machine. */
const PAGE_READY = { timeout: 45_000 };

let dir: string;
let running: RunningAgentsPlayground | undefined;
let browser: Browser | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = s.address() as { port: number };
        s.close(() => resolve(port));
      });
  });
}

beforeAll(async () => {
  ensureChromium(); // may install it with apt-get on a fresh CI machine (minutes): outside the bounded part
  dir = await mkdtemp(path.join(tmpdir(), 'agents-playground-'));
  await mkdir(SHOTS, { recursive: true });
  const [botPort, playgroundPort] = [await freePort(), await freePort()];
  const [b, r] = await Promise.allSettled([
    launchChromium(),
    startAgentsPlayground({
      botPort,
      playgroundPort,
      // Only what the two need: no MicrosoftAppId from the caller's environment, HOME kept out of the real one.
      env: { PATH: process.env.PATH ?? '', HOME: dir, LOG_LEVEL: 'warn', STORAGE_URL: `sqlite:${path.join(dir, 'bot.db')}` },
      startTimeoutMs: 90_000,
    }),
  ]);
  if (b.status === 'fulfilled') browser = b.value;
  if (r.status === 'fulfilled') running = r.value;
  if (b.status === 'rejected') throw b.reason;
  if (r.status === 'rejected') throw r.reason;
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await running?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
}, 30_000);

/** Top-level Adaptive Cards (a shown Action.ShowCard is a card inside a card). */
const CARDS = '.ac-adaptiveCard:not(.ac-adaptiveCard .ac-adaptiveCard)';

/**
 * What a person would see wrong in the rendered cards: a template expression left in, an element
 * sticking out of its card sideways, text cut off sideways, or the page or a card's scroller needing
 * horizontal scrolling. Hidden parts (a ShowCard not opened) have no box and are skipped.
 */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate((selector) => {
    const problems: string[] = [];
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).slice(0, 2).join('.')}` : ''}`;
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) problems.push(`the page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
    const cards = Array.from(document.querySelectorAll<HTMLElement>(selector));
    cards.forEach((card, i) => {
      const label = `card ${i + 1} ("${card.innerText.trim().split('\n')[0]?.slice(0, 50)}")`;
      if (card.innerText.includes('${'))
        problems.push(`${label} shows a template expression: ${card.innerText.slice(card.innerText.indexOf('${'), card.innerText.indexOf('${') + 40)}`);
      const c = card.getBoundingClientRect();
      if (card.scrollWidth > card.clientWidth + 1) problems.push(`${label} scrolls sideways: ${card.scrollWidth} > ${card.clientWidth}`);
      for (const el of Array.from(card.querySelectorAll('*'))) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        if (r.left < c.left - 1 || r.right > c.right + 1) {
          problems.push(
            `${label}: ${name(el)} sticks out (${Math.round(r.left)}..${Math.round(r.right)} outside ${Math.round(c.left)}..${Math.round(c.right)})`,
          );
        }
        const style = getComputedStyle(el);
        if ((el as HTMLElement).innerText?.trim() && el.children.length === 0 && el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'visible') {
          problems.push(`${label}: text cut off in ${name(el)}: "${(el as HTMLElement).innerText.slice(0, 60)}"`);
        }
      }
      for (let a = card.parentElement; a; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible' && a.scrollWidth > a.clientWidth + 1) {
          problems.push(`${label}: ${name(a)} around it scrolls sideways (${a.scrollWidth} > ${a.clientWidth})`);
        }
      }
    });
    return problems;
  }, CARDS);
}

describe('npm run playground, driven in headless Chromium', () => {
  it('answers with citations, follows buttons, runs a checklist and searches from the compose box, offline', async () => {
    expect(running!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const context = await browser!.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    page.setDefaultTimeout(TURN.timeout); // every click and fill is bounded too
    const offMachine: string[] = [];
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // Refused at once, so nothing waits on a network this machine may not have.
    await context.route(
      (u) => !/^(127\.0\.0\.1|localhost)$/.test(u.hostname),
      (route) => {
        offMachine.push(route.request().url());
        return route.abort('internetdisconnected');
      },
    );

    let shot = 0;
    /**
     * One named step: a screenshot of the window (and of the card the step returns, whole), then the
     * layout check; a failure names the step, keeps a screenshot and shows the processes' last lines.
     */
    async function step(name: string, body: () => Promise<Locator | void>): Promise<void> {
      const file = `${String(++shot).padStart(2, '0')}-${name}.png`;
      try {
        const focus = await body();
        await page.screenshot({ path: path.join(SHOTS, file) });
        if (focus) {
          // The whole card: a taller window for the picture (the width, and so the layout checked, stays).
          await page.setViewportSize({ ...VIEWPORT, height: 2_000 });
          await focus.screenshot({ path: path.join(SHOTS, file.replace(/\.png$/, '-card.png')) });
          await page.setViewportSize(VIEWPORT);
        }
        expect(await layoutProblems(page), `the cards after "${name}"`).toEqual([]);
      } catch (err) {
        await page.screenshot({ path: path.join(SHOTS, `failed-${file}`) }).catch(() => {});
        (err as Error).message =
          `step "${name}" (screenshot test-artifacts/agents-playground/failed-${file}): ${(err as Error).message}\n--- bot and playground, last lines ---\n${running!.output()}`;
        throw err;
      }
    }

    const cards = page.locator(CARDS);
    const card = (text: string | RegExp): Locator => cards.filter({ hasText: text }).last();
    /** A message in the open chat: its header (author, time) and what it says. */
    const message = (text: string | RegExp): Locator => page.locator('div:has(> [aria-label="Message header"])').filter({ hasText: text }).last();
    const compose = page.locator('[data-lexical-editor="true"]');
    /** "@Test Bot <text>": in a group chat the bot only hears messages that mention it, as in Teams. */
    async function say(text: string): Promise<void> {
      await compose.click();
      await page.keyboard.type('@');
      await page.getByRole('menuitem', { name: 'Test Bot' }).click();
      await page.keyboard.type(` ${text}`);
      await page.getByRole('button', { name: 'Send Message' }).click();
    }

    await step('group-chat', async () => {
      await page.goto(running!.url, { waitUntil: 'domcontentloaded' });
      await page.getByRole('button', { name: 'Send Message' }).waitFor(PAGE_READY);
      await page.getByRole('treeitem', { name: /Group Chat/ }).click();
      // The bot's welcome card for this chat (it was added on page load).
      await card('Try asking').waitFor(TURN);
    });

    await step('answer', async () => {
      await say('who chairs the CHSCP Executive?');
      const answer = card('Answer for City of London & Hackney');
      await answer.getByText(/independently chaired by the Independent Child Safeguarding Commissioner \(ICSC\)/).waitFor(TURN);
      // The activity's text, "Sources: [1] [2]", with the numbers drawn as citation markers.
      const sources = page.locator('p', { hasText: /^Sources:/ }).last();
      await expect.poll(() => sources.locator('.fai-Citation').allInnerTexts(), TURN).toEqual(['1', '2']);
      expect(await page.getByRole('button', { name: 'Like' }).count()).toBeGreaterThan(0);
      expect(await page.getByRole('button', { name: 'Dislike' }).count()).toBeGreaterThan(0);
      return answer;
    });

    await step('citation', async () => {
      // The marker's pop-up opens from the keyboard; a quick mouse click does not open it in 0.2.28.
      await page
        .locator('p', { hasText: /^Sources:/ })
        .last()
        .locator('.fai-Citation')
        .first()
        .focus();
      await page.keyboard.press('Enter');
      const popUp = page.getByRole('dialog');
      await popUp.waitFor(TURN);
      await expect.poll(() => popUp.innerText(), TURN).toContain('Safeguarding Arrangements - The City & Hackney Safeguarding Children Partnership');
      expect(await popUp.innerText()).toContain('§14.5: "It is independently chaired by the ICSC"');
    });

    await step('typed-follow-up', async () => {
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'hidden', ...TURN });
      await say('and how often does it meet?');
      await card(/meets bi-monthly/).waitFor(TURN);
    });

    await step('follow-up-button', async () => {
      await card('independently chaired').getByRole('button', { name: 'Who sits on the CHSCP Executive?' }).click();
      await card('Lay Members').waitFor(TURN);
    });

    await step('welcome-example-button', async () => {
      // The example questions sit beside the welcome card's required partnership choice: they must not need it.
      await card('Try asking').getByRole('button', { name: 'What does MASH stand for?' }).click();
      await card(/MASH stands for Multi.Agency Safeguarding Hub/).waitFor(TURN);
    });

    await step('checklist-partnership', async () => {
      await say('checklist lado');
      await message('Choose your partnership first, so the checklist shows your local route and contacts.').waitFor(TURN);
      const choose = card('Not chosen yet');
      await choose.getByRole('radio', { name: 'City of London & Hackney' }).check();
      await choose.getByRole('button', { name: 'Save' }).click();
      await message("Saved: I'll answer questions in this chat for City of London & Hackney.").waitFor(TURN);
    });

    await step('checklist-step-1', async () => {
      await say('checklist lado');
      const first = card('question 1 of up to');
      await first.waitFor(TURN);
      expect(await first.innerText()).toContain('Allegation against someone who works with children (LADO)');
      expect(await first.innerText()).toContain('Is a child in immediate danger or in need of urgent medical help?');
      for (const title of ['Yes', 'No', 'Why this matters', 'Start again', 'Cancel']) {
        await expect.poll(() => first.getByRole('button', { name: title, exact: true }).isVisible(), TURN).toBe(true);
      }
    });

    await step('checklist-why', async () => {
      const first = card('question 1 of up to');
      await first.getByRole('button', { name: 'Why this matters' }).click();
      await first.getByText("City of London & Hackney's own documents").waitFor(TURN);
      return first;
    });

    await step('checklist-step-2', async () => {
      // The step card is updated in place: the same card moves on to question 2, with Back.
      const before = await cards.count();
      await card('question 1 of up to').getByRole('button', { name: 'No', exact: true }).click();
      const second = card('question 2 of up to');
      await second.waitFor(TURN);
      expect(await second.innerText()).toContain('Does the person work or volunteer with children');
      await expect.poll(() => second.getByRole('button', { name: 'Back', exact: true }).isVisible(), TURN).toBe(true);
      expect(await cards.count()).toBe(before);
      expect(await cards.filter({ hasText: 'question 1 of up to' }).count()).toBe(0);
      return second;
    });

    await step('search-results', async () => {
      await page.getByRole('button', { name: 'Trigger Message Extension App' }).click();
      await page.getByRole('menuitem', { name: 'Search Command' }).click();
      // The playground does not read the app manifest: it is told the command id and its parameter.
      const specify = page.getByRole('button', { name: 'Specify Command ID or Parameter' });
      if ((await specify.getAttribute('aria-expanded')) !== 'true') await specify.click();
      await page.getByPlaceholder('Command ID').fill('searchKnowledge');
      await page.getByPlaceholder('Parameter name').fill('query');
      const search = page.getByPlaceholder('Enter a search term');
      await search.fill('What does CDOP stand for?');
      await search.press('Enter');
      await page.getByRole('heading', { name: 'CDOP stands for Child Death Overview Panel.' }).waitFor(TURN);
    });

    await step('search-card-sent', async () => {
      await page.getByRole('heading', { name: 'CDOP stands for Child Death Overview Panel.' }).click();
      // The chosen result's card goes into the compose box, then into the chat when sent.
      const inChat = message('CDOP stands for Child Death Overview Panel.').locator(CARDS);
      await card('CDOP stands for Child Death Overview Panel.').waitFor(TURN);
      expect(await inChat.count()).toBe(0);
      await page.getByRole('button', { name: 'Send Message' }).click();
      await inChat.first().waitFor(TURN);
      expect(await inChat.innerText()).toContain('Source');
      return inChat;
    });

    expect(pageErrors).toEqual([]);
    // Worked without the internet: only the CDN was tried, and refused.
    for (const u of offMachine) expect(new URL(u).hostname).toMatch(/(^|\.)cdn\.office\.net$/);
    await context.close();
  }, 90_000);
});
