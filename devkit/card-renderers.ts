/**
 * Development only (never imported by the bot): card renderers for the rendering tests and
 * `npm run screenshots`. Renders cards the two ways practitioners see them, in headless Chromium:
 * - the `adaptivecards` SDK (1.5) with markdown-it for TextBlock markdown, HTML on and no
 *   typographer, which is how the Teams-style renderer treated our text (angle-bracket words vanished,
 *   "(c)" stayed); bundled here with esbuild from node_modules, nothing fetched;
 * - Bot Framework Web Chat (the playground's bundle and its loopback Direct Line), fed by a small
 *   CloudAdapter bot that replies to "gallery" with the given cards, in order.
 * Each rendering reports the card's visible text (innerText plus the values shown in inputs), its
 * height, and every element that sticks out of the card or whose text is clipped.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import restify from 'restify';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Browser, Page } from 'playwright-core';
import type { CardAttachment } from '../cards/render.ts';
import { registerPlayground } from '../web/playground.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
/** markdown-it's own browser build (it defines window.markdownit). */
const MARKDOWN_IT = path.join(ROOT, 'node_modules/markdown-it/dist/markdown-it.min.js');

export interface RenderedCard {
  text: string;
  height: number;
  width: number;
  /** Elements wider than the card or outside it, and clipped button text: "tag.class: why". */
  problems: string[];
}

/**
 * Runs in the page: measures one rendered card element. Kept as plain JavaScript source because the
 * TypeScript loader decorates compiled functions with helpers that do not exist in the page.
 */
const MEASURE = `(root) => {
  const box = root.getBoundingClientRect();
  const problems = [];
  const name = (el) => el.tagName.toLowerCase() + '.' + [...el.classList].slice(0, 2).join('.') + ' "' + (el.textContent || '').trim().slice(0, 40) + '"';
  for (const el of root.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.right > box.right + 1 || r.left < box.left - 1) problems.push(name(el) + ': ' + Math.round(r.width) + 'px wide, outside the ' + Math.round(box.width) + 'px card');
    const style = getComputedStyle(el);
    const hides = style.textOverflow === 'ellipsis' || style.overflowX === 'hidden' || style.overflowX === 'clip';
    if (hides && el.scrollWidth > el.clientWidth + 1 && (el.textContent || '').trim()) problems.push(name(el) + ': text clipped (' + el.scrollWidth + 'px in ' + el.clientWidth + 'px)');
  }
  if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) problems.push('page scrolls sideways (' + document.documentElement.scrollWidth + 'px)');
  const values = [];
  for (const el of root.querySelectorAll('input, textarea, select')) {
    if (el.offsetParent === null) continue;
    if (el instanceof HTMLSelectElement) values.push(el.selectedOptions[0] ? el.selectedOptions[0].textContent : '');
    else if (el.type !== 'checkbox' && el.type !== 'radio') values.push(el.value);
  }
  return { text: [root.innerText, ...values].join('\\n'), height: Math.round(box.height), width: Math.round(box.width), problems };
}`;

let sdkScript: Promise<string> | null = null;
function sdkBundle(): Promise<string> {
  sdkScript ??= build({
    stdin: {
      contents: "import * as AC from 'adaptivecards'; window.AC = AC;",
      resolveDir: ROOT,
    },
    bundle: true,
    write: false,
    format: 'iife',
    logLevel: 'silent',
  }).then((r) => `${r.outputFiles[0]!.text}\n${readFileSync(MARKDOWN_IT, 'utf8')}`);
  return sdkScript;
}

/** Renders each card with the adaptivecards SDK at `width` px and measures it. */
export async function renderWithSdk(browser: Browser, cards: readonly CardAttachment[], width: number): Promise<{ page: Page; rendered: RenderedCard[] }> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  await page.setContent(
    '<!doctype html><html><head><style>body{margin:0;font-family:sans-serif}.card{border:1px solid #ccc;margin:0 0 8px}</style></head><body></body></html>',
  );
  await page.addScriptTag({ content: await sdkBundle() });
  const rendered = await page.evaluate(
    ({ contents, measure }) => {
      const w = window as unknown as { AC: any; markdownit: any };
      const md = w.markdownit({ html: true, linkify: false, typographer: false });
      w.AC.AdaptiveCard.onProcessMarkdown = (text: string, result: { outputHtml: string; didProcess: boolean }) => {
        // Raw HTML in markdown is dropped, as a sanitising host does: what looked like a tag disappears.
        const html = md.render(text).replace(/<(?!\/?(p|ul|ol|li|strong|em|a|code|br)\b)[^>]*>/gi, '');
        result.outputHtml = html;
        result.didProcess = true;
      };
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- page.evaluate can only pass the measuring function's source into the page
      const fn = new Function(`return (${measure})`)() as (el: Element) => unknown;
      return contents.map((content) => {
        const card = new w.AC.AdaptiveCard();
        card.parse(content);
        const el = card.render() as HTMLElement;
        const holder = document.createElement('div');
        holder.className = 'card';
        holder.appendChild(el);
        document.body.appendChild(holder);
        return fn(el);
      });
    },
    { contents: cards.map((c) => c.content), measure: MEASURE },
  );
  return { page, rendered: rendered as RenderedCard[] };
}

export interface GalleryServer {
  url: string;
  close(): Promise<void>;
}

/** A bot that answers "gallery" with every card it was given, one message each, in order. */
export async function startGalleryBot(cards: readonly CardAttachment[]): Promise<GalleryServer> {
  const server = restify.createServer();
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    if (context.activity.text === 'gallery') {
      for (const card of cards) await context.sendActivity({ type: 'message', attachments: [card] });
    }
    await next();
  });
  server.post('/api/messages', restify.plugins.bodyParser({ maxBodySize: 64 * 1024 }), async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  registerPlayground(server, { maxBodyBytes: 64 * 1024 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Opens the playground page at `width` px, asks for the gallery and measures every card Web Chat shows. */
export async function renderWithWebChat(
  browser: Browser,
  server: GalleryServer,
  count: number,
  width: number,
): Promise<{ page: Page; rendered: RenderedCard[] }> {
  // Tall enough that the tallest card fits in the transcript whole, for its screenshot.
  const page = await browser.newPage({ viewport: { width, height: 2400 } });
  await page.goto(`${server.url}/`);
  const box = page.getByPlaceholder('Type your message');
  await box.waitFor({ timeout: 20_000 });
  await box.fill('gallery');
  await box.press('Enter');
  const cards = page.locator('.webchat__basic-transcript__activity .ac-adaptiveCard');
  await page.waitForFunction((n) => document.querySelectorAll('.webchat__basic-transcript__activity .ac-adaptiveCard').length >= n, count, { timeout: 30_000 });
  const rendered: RenderedCard[] = [];
  for (let i = 0; i < count; i++) {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- as above: the measuring function travels into the page as source
    rendered.push(await cards.nth(i).evaluate((el, measure) => (new Function(`return (${measure})`)() as (e: Element) => RenderedCard)(el), MEASURE));
  }
  return { page, rendered };
}
