/**
 * Every card kind, rendered as practitioners see it, in headless Chromium at phone (360 px) and
 * desktop (1280 px) width: by the adaptivecards SDK 1.5 (the Teams-style renderer, Markdown with
 * raw HTML dropped) and by Web Chat through the playground's Direct Line. Checks that the visible
 * text holds everything the view model put on the card (placeholders like "<name>", "(c)" list
 * markers, command syntax), that nothing sticks out of the card or is clipped, that no template
 * expression is left, and a height budget per kind. Screenshots go to test-artifacts/cards/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BUTTON_TITLE } from '../../cards/button-title.ts';
import { TEXT_USAGE } from '../../domain/reminders/command-parser.ts';
import { buildGallery, type GalleryCard } from '../../devkit/card-gallery.ts';
import { renderWithSdk, renderWithWebChat, startGalleryBot, type GalleryServer, type RenderedCard } from '../../devkit/card-renderers.ts';
import { comparable, missingPieces } from '../support/card-text.ts';
import { launchChromium } from '../../devkit/chromium.ts';

const ARTEFACTS = path.resolve(import.meta.dirname, '../../test-artifacts/cards');
/** A phone screen's usable height (360 x 740 device, minus the Teams header and compose box). */
export const PHONE_SCREEN = 640;
/** Every checklist, each with its summary in the gallery. */
const CHECKLISTS = ['lado', 'escalation', 'referral', 'serious-incident'] as const;
/** Height budgets at 360 px, in phone screens; anything not listed gets one and a half. */
const BUDGET: Record<string, number> = {
  ...Object.fromEntries(CHECKLISTS.map((id) => [`checklist-summary-${id}`, 2])),
  'reminder-form': 2,
  help: 1.5,
};

let gallery: GalleryCard[];
let browser: Browser;
let server: GalleryServer;
const renders = new Map<string, RenderedCard[]>();

beforeAll(async () => {
  gallery = await buildGallery();
  browser = await launchChromium();
  server = await startGalleryBot(gallery.map((g) => g.card));
  for (const width of [360, 1280]) {
    const dir = path.join(ARTEFACTS, String(width));
    mkdirSync(dir, { recursive: true });
    const webChat = await renderWithWebChat(browser, server, gallery.length, width);
    const cards = webChat.page.locator('.webchat__basic-transcript__activity .ac-adaptiveCard');
    for (let i = 0; i < gallery.length; i++) await cards.nth(i).screenshot({ path: path.join(dir, `${gallery[i]!.kind}.png`) });
    renders.set(`webchat-${width}`, webChat.rendered);
    await webChat.page.close();
    const sdk = await renderWithSdk(
      browser,
      gallery.map((g) => g.card),
      width,
    );
    renders.set(`sdk-${width}`, sdk.rendered);
    await sdk.page.close();
  }
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const RENDERERS = ['webchat-360', 'webchat-1280', 'sdk-360', 'sdk-1280'] as const;

describe('every card kind reads whole in both renderers', () => {
  it('the gallery has every kind, from real view models', () => {
    const kinds = gallery.map((g) => g.kind);
    for (const kind of [
      'welcome',
      'help',
      'answer-national',
      'abstain',
      'emergency',
      'checklist-step-harm-test',
      ...CHECKLISTS.map((id) => `checklist-summary-${id}`),
      'reminder-form',
      'reminder-list',
      'reminder-delivered',
      'expert-ticket',
      'search-result',
    ]) {
      expect(kinds).toContain(kind);
    }
  });

  it('every button title on every card is at most 40 characters', () => {
    const titles: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      const o = node as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Action.') && typeof o.title === 'string') titles.push(o.title);
      Object.values(o).forEach(walk);
    };
    for (const g of gallery) walk(g.card.content);
    expect(titles.length).toBeGreaterThan(40);
    expect(titles.filter((t) => t.length > MAX_BUTTON_TITLE)).toEqual([]);
  });

  it('national answers show the edition, paragraph and quote, and never a placeholder for a missing quote', () => {
    const card = JSON.stringify(gallery.find((g) => g.kind === 'answer-national')!.card.content);
    // The edition the paragraph was checked in, and the one to check it in now (issue 12's sources).
    expect(card).toContain('as numbered in Working Together 2023; check it in Working Together 2026');
    expect(card).toContain('Chapter 4, para 226');
    expect(card).toContain('should also be informed within one working day of all allegations');
    expect(card).not.toContain('no quote recorded');
  });

  it.each(RENDERERS)('%s: the visible text holds everything the view model put on each card', (renderer) => {
    const rendered = renders.get(renderer)!;
    const missing = gallery.flatMap((g, i) => missingPieces(g.card.content, rendered[i]!.text).map((p) => `${g.kind}: ${p}`));
    expect(missing).toEqual([]);
    for (const r of rendered) expect(r.text).not.toContain('${');
  });

  it.each(RENDERERS)('%s: nothing sticks out of a card and no button text is cut off', (renderer) => {
    const rendered = renders.get(renderer)!;
    const problems = gallery.flatMap((g, i) => rendered[i]!.problems.map((p) => `${g.kind}: ${p}`));
    expect(problems).toEqual([]);
  });

  it.each(['webchat-360', 'sdk-360'] as const)('%s: each kind fits its height budget on a phone', (renderer) => {
    const rendered = renders.get(renderer)!;
    const over = gallery
      .map((g, i) => ({ kind: g.kind, height: rendered[i]!.height, budget: Math.round((BUDGET[g.kind] ?? 1.5) * PHONE_SCREEN) }))
      .filter((x) => x.height > x.budget);
    expect(over).toEqual([]);
  });

  it.each(RENDERERS)('%s: placeholders, command syntax and "(c)" appear literally', (renderer) => {
    const text = (kind: string) => comparable(renders.get(renderer)![gallery.findIndex((g) => g.kind === kind)]!.text);
    expect(text('help')).toContain('partnership <name>');
    expect(text('help')).toContain(comparable(TEXT_USAGE));
    expect(text('answer-comparison')).toContain('"partnership <name>"');
    expect(text('checklist-step-harm-test')).toContain('(c) behaved');
    expect(text('checklist-step-harm-test')).not.toContain('©');
  });
});
