/**
 * The Teams app package: manifest/manifest.template.json filled in from the environment, zipped with
 * the two icons, and validated offline with @microsoft/app-manifest against the JSON schema that ships
 * inside the library (never fetched: the CI machine and many council networks have no internet).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import JSZip from 'jszip';
import { AppManifestUtils, type TeamsManifest } from '@microsoft/app-manifest';
import { countNonWhitePixels, hasTransparentPixels, readPngInfo } from './png-info.ts';

const MANIFEST_DIR = new URL('../manifest/', import.meta.url);
/** Stable Teams app id: re-uploading a new version must update the same app, not add a second one. */
export const DEFAULT_TEAMS_APP_ID = '24b6c838-4291-4886-8d8d-28d519de0008';
/** Used by `npm run package -- --dev` only; Teams will not route messages to it. */
export const PLACEHOLDER_BOT_ID = '00000000-0000-0000-0000-000000000000';
const PLACEHOLDER_URL = 'https://www.example.org/safeguarding-helper';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png'] as const;

export interface PackageSettings {
  botId: string;
  teamsAppId: string;
  version: string;
  developerName: string;
  websiteUrl: string;
  privacyUrl: string;
  termsUrl: string;
}

export class PackageConfigError extends Error {
  readonly code = 'PACKAGE_CONFIG';
}

/**
 * Reads the package settings from the environment (the same MicrosoftAppId the bot uses).
 * `dev` swaps a missing bot id for a placeholder so the package can be inspected without Azure.
 */
export async function packageSettingsFromEnv(
  env: NodeJS.ProcessEnv,
  options: { dev?: boolean } = {},
): Promise<{ settings: PackageSettings; warnings: string[] }> {
  const warnings: string[] = [];
  let botId = env.MicrosoftAppId?.trim() ?? '';
  if (!botId) {
    if (!options.dev) {
      throw new PackageConfigError(
        'MicrosoftAppId is not set. Set it to the Microsoft App ID of your Azure Bot registration ' +
          '(Azure portal > your Azure Bot > Configuration), or run `npm run package -- --dev` for a package with a placeholder bot id.',
      );
    }
    botId = PLACEHOLDER_BOT_ID;
    warnings.push('Using a placeholder bot id: this package is for inspection only and will not work in Teams.');
  }
  if (!GUID.test(botId)) throw new PackageConfigError(`MicrosoftAppId must be a GUID (got ${JSON.stringify(botId)}).`);
  const teamsAppId = env.TEAMS_APP_ID?.trim() || DEFAULT_TEAMS_APP_ID;
  if (!GUID.test(teamsAppId)) throw new PackageConfigError(`TEAMS_APP_ID must be a GUID (got ${JSON.stringify(teamsAppId)}).`);

  const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  const url = (name: string): string => {
    const value = env[name]?.trim();
    if (!value) {
      warnings.push(`${name} is not set; using a placeholder. Set it to your organisation's page before publishing.`);
      return PLACEHOLDER_URL;
    }
    if (!/^https:\/\//.test(value)) throw new PackageConfigError(`${name} must be an https:// URL (got ${JSON.stringify(value)}).`);
    return value;
  };
  return {
    settings: {
      botId,
      teamsAppId,
      version: env.TEAMS_APP_VERSION?.trim() || pkg.version,
      developerName: env.TEAMS_APP_DEVELOPER_NAME?.trim() || 'London Safeguarding Partnerships',
      websiteUrl: url('TEAMS_APP_WEBSITE_URL'),
      privacyUrl: url('TEAMS_APP_PRIVACY_URL'),
      termsUrl: url('TEAMS_APP_TERMS_URL'),
    },
    warnings,
  };
}

/** Fills `${{NAME}}` placeholders in every string of the template; a placeholder left over is an error. */
export async function renderManifest(settings: PackageSettings): Promise<TeamsManifest> {
  const values: Record<string, string> = {
    APP_VERSION: settings.version,
    TEAMS_APP_ID: settings.teamsAppId,
    BOT_ID: settings.botId,
    DEVELOPER_NAME: settings.developerName,
    DEVELOPER_WEBSITE_URL: settings.websiteUrl,
    DEVELOPER_PRIVACY_URL: settings.privacyUrl,
    DEVELOPER_TERMS_URL: settings.termsUrl,
  };
  const template = await readFile(new URL('manifest.template.json', MANIFEST_DIR), 'utf8');
  // Substitute inside parsed strings rather than in the raw text, so a value can never break the JSON.
  const filled = JSON.parse(template, (_key, value: unknown) =>
    typeof value === 'string'
      ? value.replace(/\$\{\{([A-Z_]+)\}\}/g, (match, name: string) => {
          const replacement = values[name];
          if (replacement === undefined) throw new PackageConfigError(`Unknown placeholder ${match} in manifest.template.json`);
          return replacement;
        })
      : value,
  ) as TeamsManifest;
  return filled;
}

export async function buildAppPackage(settings: PackageSettings): Promise<Buffer> {
  const manifest = await renderManifest(settings);
  const zip = new JSZip();
  // A fixed date keeps the zip byte-for-byte reproducible for the same inputs.
  const date = new Date('2024-01-01T00:00:00Z');
  zip.file('manifest.json', JSON.stringify(manifest, null, 2), { date });
  zip.file('color.png', await readFile(new URL('color.png', MANIFEST_DIR)), { date });
  zip.file('outline.png', await readFile(new URL('outline.png', MANIFEST_DIR)), { date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The JSON schema for the manifest's version, read from the copy inside @microsoft/app-manifest. */
async function localSchemaFor(manifest: TeamsManifest): Promise<object> {
  const require = createRequire(import.meta.url);
  const libraryDir = path.dirname(require.resolve('@microsoft/app-manifest'));
  const file = path.join(libraryDir, 'json-schemas', 'teams', `v${manifest.manifestVersion}`, 'MicrosoftTeams.schema.json');
  const raw = await readFile(file, 'utf8').catch(() => {
    throw new Error(`@microsoft/app-manifest has no offline schema for manifest version ${manifest.manifestVersion}`);
  });
  // The published schemas contain "\a" and "\v" escapes that JSON.parse rejects; the library applies the same fix.
  return JSON.parse(raw.replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b')) as object;
}

/** Returns every problem found in an app package zip; an empty list means Teams should accept it. */
export async function validateAppPackage(zipBytes: Buffer): Promise<string[]> {
  const problems: string[] = [];
  const zip = await JSZip.loadAsync(zipBytes);
  const names = Object.keys(zip.files).filter((name) => !zip.files[name]?.dir);
  for (const name of PACKAGE_FILES) if (!names.includes(name)) problems.push(`${name} is missing from the package root`);
  for (const name of names) if (!(PACKAGE_FILES as readonly string[]).includes(name)) problems.push(`unexpected file ${name}`);
  const manifestFile = zip.file('manifest.json');
  if (!manifestFile) return problems;

  let manifest: TeamsManifest;
  try {
    manifest = JSON.parse(await manifestFile.async('string')) as TeamsManifest;
  } catch (error) {
    return [...problems, `manifest.json is not valid JSON: ${(error as Error).message}`];
  }
  const schema = await localSchemaFor(manifest);
  const failures = await AppManifestUtils.validateAgainstSchema(manifest, schema as never);
  problems.push(...failures.map((failure) => `manifest.json schema: ${failure}`));

  const icons = (manifest as { icons?: { color?: string; outline?: string } }).icons ?? {};
  for (const [kind, size] of [
    ['color', 192],
    ['outline', 32],
  ] as const) {
    const fileName = icons[kind];
    const file = fileName ? zip.file(fileName) : null;
    if (!file) {
      problems.push(`the ${kind} icon ${fileName ?? '(not named)'} is not in the package`);
      continue;
    }
    const png = await file.async('nodebuffer');
    try {
      const info = readPngInfo(png);
      if (info.width !== size || info.height !== size) {
        problems.push(`the ${kind} icon must be ${size}x${size} pixels (it is ${info.width}x${info.height})`);
      }
      if (kind === 'outline') {
        const stray = countNonWhitePixels(png);
        if (stray > 0) problems.push(`the outline icon must be white on transparent (${stray} pixels are another colour)`);
        if (!hasTransparentPixels(png)) problems.push('the outline icon must have a transparent background');
      }
    } catch (error) {
      problems.push(`the ${kind} icon is not a readable PNG: ${(error as Error).message}`);
    }
  }
  return problems;
}
