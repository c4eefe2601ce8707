/**
 * The Teams app package: what an admin uploads. Built from the committed template and icons, validated
 * offline with @microsoft/app-manifest, and the validator itself is shown to reject broken packages.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_TEAMS_APP_ID,
  PLACEHOLDER_BOT_ID,
  PackageConfigError,
  buildAppPackage,
  packageSettingsFromEnv,
  validateAppPackage,
  type PackageSettings,
} from '../../scripts/app-package.ts';
import { SEARCH_COMMAND_ID } from '../../bot/messaging-extension.ts';
import { createRouter } from '../../bot/routes.ts';
import { drawColorIcon, drawOutlineIcon, encodePng } from '../../scripts/make-icons.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const BOT_ID = '6f1c2f7a-4d3b-4e2a-9c61-0a5b8e7d9c10';

const settings: PackageSettings = {
  botId: BOT_ID,
  teamsAppId: DEFAULT_TEAMS_APP_ID,
  version: '1.2.3',
  developerName: 'Example Partnership',
  websiteUrl: 'https://www.example.org/',
  privacyUrl: 'https://www.example.org/privacy',
  termsUrl: 'https://www.example.org/terms',
};

interface BotEntry {
  botId: string;
  scopes: string[];
  commandLists: Array<{ scopes: string[]; commands: Array<{ title: string; description: string }> }>;
}
interface ManifestShape {
  manifestVersion: string;
  version: string;
  id: string;
  bots: BotEntry[];
  composeExtensions: Array<{
    botId: string;
    commands: Array<{ id: string; type: string; parameters: Array<{ name: string }> }>;
  }>;
  icons: { color: string; outline: string };
}

async function manifestOf(zipBytes: Buffer): Promise<ManifestShape> {
  const zip = await JSZip.loadAsync(zipBytes);
  return JSON.parse(await zip.file('manifest.json')!.async('string')) as ManifestShape;
}

/** Rebuilds a valid package with one change, to show the validator notices it. */
async function tamper(change: (zip: JSZip, manifest: Record<string, unknown>) => void | Promise<void>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await buildAppPackage(settings));
  const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Record<string, unknown>;
  await change(zip, manifest);
  if (zip.file('manifest.json')) zip.file('manifest.json', JSON.stringify(manifest));
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('the Teams app package', () => {
  let zipBytes: Buffer;
  let manifest: ManifestShape;

  beforeAll(async () => {
    zipBytes = await buildAppPackage(settings);
    manifest = await manifestOf(zipBytes);
  });

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('passes @microsoft/app-manifest schema validation without touching the network', async () => {
    // Any attempt to download a schema would throw here and surface as a failure.
    const fetchSpy = vi.fn(() => {
      throw new Error('network access during validation');
    });
    vi.stubGlobal('fetch', fetchSpy);
    await expect(validateAppPackage(zipBytes)).resolves.toEqual([]);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('uses the newest manifest schema version the library can validate offline', async () => {
    const require = createRequire(import.meta.url);
    const schemasDir = path.join(path.dirname(require.resolve('@microsoft/app-manifest')), 'json-schemas', 'teams');
    const versions = (await readdir(schemasDir))
      .filter((name) => /^v1\.\d+$/.test(name))
      .map((name) => Number(name.slice(3)))
      .sort((a, b) => b - a);
    expect(Number(manifest.manifestVersion.split('.')[1])).toBe(versions[0]);
    expect(Number(manifest.manifestVersion.split('.')[1])).toBeGreaterThanOrEqual(17);
  });

  it('holds exactly manifest.json and the two icons at the root', async () => {
    const zip = await JSZip.loadAsync(zipBytes);
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
  });

  it('carries the bot id, app id and version it was built with', () => {
    expect(manifest.id).toBe(DEFAULT_TEAMS_APP_ID);
    expect(manifest.version).toBe('1.2.3');
    expect(manifest.bots.map((bot) => bot.botId)).toEqual([BOT_ID]);
    expect(manifest.composeExtensions.map((extension) => extension.botId)).toEqual([BOT_ID]);
  });

  it('installs the bot in personal chat, teams and group chats', () => {
    expect(manifest.bots[0]?.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
  });

  it.each(['personal', 'team', 'groupChat'])('lists every command, then prompt starters, in the %s scope', (scope) => {
    const list = manifest.bots[0]?.commandLists.find((candidate) => candidate.scopes.includes(scope));
    expect(list?.commands.slice(0, 6).map((command) => command.title)).toEqual(['help', 'partnership', 'checklist', 'remind', 'reminders', 'ask a lead']);
    // Prompt starters: example questions people can pick (test/bot/prompt-starters.test.ts asks each one).
    expect(list!.commands.length).toBeGreaterThanOrEqual(8);
    for (const command of list?.commands ?? []) expect(command.description.length).toBeGreaterThan(10);
  });

  it('lists every command the bot routes, so the Teams command menu offers them all', () => {
    const routed = createRouter()
      .commands.map((command) => command.name)
      .sort();
    const listed = manifest.bots[0]?.commandLists.flatMap((list) => list.commands.map((command) => command.title)) ?? [];
    expect([...new Set(listed.filter((t) => routed.includes(t)))].sort()).toEqual(routed);
  });

  it('offers a searchKnowledge query command with a query parameter in the messaging extension', () => {
    const commands = manifest.composeExtensions[0]?.commands ?? [];
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatchObject({ id: SEARCH_COMMAND_ID, type: 'query' });
    expect(SEARCH_COMMAND_ID).toBe('searchKnowledge');
    expect(commands[0]?.parameters.map((parameter) => parameter.name)).toEqual(['query']);
  });

  it('ships the committed icons, which match their generator byte for byte', async () => {
    const zip = await JSZip.loadAsync(zipBytes);
    const color = await zip.file('color.png')!.async('nodebuffer');
    const outline = await zip.file('outline.png')!.async('nodebuffer');
    expect(color.equals(drawColorIcon())).toBe(true);
    expect(outline.equals(drawOutlineIcon())).toBe(true);
    expect(color.equals(await readFile(path.join(ROOT, 'manifest', 'color.png')))).toBe(true);
  });
});

describe('the package validator rejects what Teams would reject', () => {
  const solid = (size: number, rgba: [number, number, number, number]): Buffer => encodePng(size, size, Buffer.alloc(size * size * 4).fill(Buffer.from(rgba)));

  it.each<[string, (zip: JSZip, manifest: Record<string, unknown>) => void, RegExp]>([
    ['a colour icon of the wrong size', (zip) => void zip.file('color.png', solid(96, [27, 79, 114, 255])), /color icon must be 192x192/],
    ['an outline icon of the wrong size', (zip) => void zip.file('outline.png', solid(48, [255, 255, 255, 0])), /outline icon must be 32x32/],
    ['an outline icon that is not white', (zip) => void zip.file('outline.png', solid(32, [0, 0, 0, 255])), /white on transparent/],
    ['an outline icon with no transparency', (zip) => void zip.file('outline.png', solid(32, [255, 255, 255, 255])), /transparent background/],
    ['a missing icon', (zip) => void zip.remove('outline.png'), /outline.png is missing/],
    ['an extra file', (zip) => void zip.file('notes.txt', 'hello'), /unexpected file notes.txt/],
    ['a bot id that is not a GUID', (_zip, m) => void ((m.bots as BotEntry[])[0]!.botId = 'not-a-guid'), /schema: \/bots\/0\/botId/],
    ['a short name over 30 characters', (_zip, m) => void ((m.name as { short: string }).short = 'x'.repeat(31)), /schema: \/name\/short/],
    ['an unknown bot scope', (_zip, m) => void ((m.bots as BotEntry[])[0]!.scopes = ['everywhere']), /schema: \/bots\/0\/scopes/],
  ])('%s', async (_name, change, expected) => {
    const problems = await validateAppPackage(await tamper(change));
    expect(problems.join('\n')).toMatch(expected);
  });

  it('a manifest.json that is not JSON', async () => {
    const zip = await JSZip.loadAsync(await buildAppPackage(settings));
    zip.file('manifest.json', '{ "manifestVersion": ');
    const problems = await validateAppPackage(await zip.generateAsync({ type: 'nodebuffer' }));
    expect(problems.join('\n')).toMatch(/manifest.json is not valid JSON/);
  });
});

describe('package settings from the environment', () => {
  it('takes the bot id from MicrosoftAppId', async () => {
    const { settings: fromEnv } = await packageSettingsFromEnv({ MicrosoftAppId: BOT_ID });
    expect(fromEnv.botId).toBe(BOT_ID);
  });

  it('refuses to build without MicrosoftAppId and says how to fix it', async () => {
    const attempt = packageSettingsFromEnv({});
    await expect(attempt).rejects.toBeInstanceOf(PackageConfigError);
    await expect(packageSettingsFromEnv({})).rejects.toThrow(/MicrosoftAppId is not set.*--dev/s);
  });

  it('uses a placeholder bot id with --dev, and warns', async () => {
    const { settings: dev, warnings } = await packageSettingsFromEnv({}, { dev: true });
    expect(dev.botId).toBe(PLACEHOLDER_BOT_ID);
    expect(warnings.join('\n')).toMatch(/placeholder bot id/);
  });

  it.each([
    [{ MicrosoftAppId: 'my-bot' }, /MicrosoftAppId must be a GUID/],
    [{ MicrosoftAppId: BOT_ID, TEAMS_APP_ID: 'abc' }, /TEAMS_APP_ID must be a GUID/],
    [{ MicrosoftAppId: BOT_ID, TEAMS_APP_PRIVACY_URL: 'http://insecure.example.org' }, /TEAMS_APP_PRIVACY_URL must be an https/],
  ])('rejects bad values: %o', async (env, message) => {
    await expect(packageSettingsFromEnv(env)).rejects.toThrow(message);
  });
});

describe('npm run package', () => {
  let outDir: string;
  beforeAll(async () => {
    outDir = await mkdtemp(path.join(tmpdir(), 'app-package-'));
  });
  afterAll(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  const cli = (args: string[], env: Record<string, string>) =>
    run(process.execPath, ['--import', 'tsx', 'scripts/package.ts', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
    });

  it('writes a valid zip with the bot id from the environment', async () => {
    const out = path.join(outDir, 'app.zip');
    const { stdout } = await cli(['--out', out], { MicrosoftAppId: BOT_ID });
    expect(stdout).toContain(`Wrote ${out}`);
    const written = await readFile(out);
    expect(await validateAppPackage(written)).toEqual([]);
    expect((await manifestOf(written)).bots[0]?.botId).toBe(BOT_ID);
  });

  it('fails with a readable error and writes nothing when MicrosoftAppId is missing', async () => {
    const out = path.join(outDir, 'missing.zip');
    const failure = await cli(['--out', out], {}).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/^error: MicrosoftAppId is not set/m);
    await expect(readFile(out)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
