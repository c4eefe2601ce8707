/**
 * `npm run screenshots`: renders every card kind in Web Chat (the playground's renderer) in headless
 * Chromium at phone (375 px) and desktop (1280 px) width, prints each card's height, and writes the
 * phone screenshots the README shows to docs/screenshots/. Same gallery and renderer as the test
 * test/web/card-rendering.test.ts, so the pictures are what the tests check.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { buildGallery } from '../devkit/card-gallery.ts';
import { renderWithWebChat, startGalleryBot } from '../devkit/card-renderers.ts';
import { launchChromium } from '../devkit/chromium.ts';

const OUT = path.resolve(import.meta.dirname, '../docs/screenshots');
/** The kinds the README shows. */
const README_KINDS = ['answer-national', 'checklist-step-harm-test', 'checklist-summary-lado', 'reminder-form'];

const gallery = await buildGallery();
const browser = await launchChromium();
const server = await startGalleryBot(gallery.map((g) => g.card));
try {
  mkdirSync(OUT, { recursive: true });
  const heights = new Map<string, number[]>();
  for (const width of [375, 1280]) {
    const { page, rendered } = await renderWithWebChat(browser, server, gallery.length, width);
    const cards = page.locator('.webchat__basic-transcript__activity .ac-adaptiveCard');
    for (const [i, g] of gallery.entries()) {
      heights.set(g.kind, [...(heights.get(g.kind) ?? []), rendered[i]!.height]);
      if (width === 375 && README_KINDS.includes(g.kind)) await cards.nth(i).screenshot({ path: path.join(OUT, `${g.kind}-375.png`) });
    }
    await page.close();
  }
  console.log('card kind | height at 375 px | height at 1280 px');
  for (const [kind, [phone, desktop]] of heights) console.log(`${kind} | ${phone} | ${desktop}`);
  console.log(`\nScreenshots: ${README_KINDS.map((k) => `docs/screenshots/${k}-375.png`).join(', ')}`);
} finally {
  await browser.close();
  await server.close();
}
