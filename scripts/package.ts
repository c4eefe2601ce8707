/**
 * `npm run package [-- --dev] [-- --out path.zip]`: writes the Teams app package (default
 * build/safeguarding-bot.zip) with the bot id from MicrosoftAppId and validates it offline.
 * Exits non-zero with a readable message when the configuration or the package is wrong.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PackageConfigError, buildAppPackage, packageSettingsFromEnv, validateAppPackage } from './app-package.ts';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      dev: { type: 'boolean', default: false },
      out: { type: 'string', default: path.join('build', 'safeguarding-bot.zip') },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log('Usage: npm run package [-- --dev] [-- --out build/safeguarding-bot.zip]');
    console.log('Reads MicrosoftAppId (required unless --dev), TEAMS_APP_ID, TEAMS_APP_VERSION, TEAMS_APP_DEVELOPER_NAME,');
    console.log('TEAMS_APP_WEBSITE_URL, TEAMS_APP_PRIVACY_URL and TEAMS_APP_TERMS_URL from the environment.');
    return 0;
  }
  const { settings, warnings } = await packageSettingsFromEnv(process.env, { dev: values.dev });
  for (const warning of warnings) console.warn(`warning: ${warning}`);

  const zip = await buildAppPackage(settings);
  const problems = await validateAppPackage(zip);
  if (problems.length > 0) {
    console.error('The app package is not valid; nothing was written:');
    for (const problem of problems) console.error(`  - ${problem}`);
    return 1;
  }
  await mkdir(path.dirname(values.out), { recursive: true });
  await writeFile(values.out, zip);
  console.log(`Wrote ${values.out} (bot ${settings.botId}, app ${settings.teamsAppId}, version ${settings.version}).`);
  console.log('It passed the offline manifest schema check. Upload it in Teams: Apps > Manage your apps > Upload an app.');
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof PackageConfigError || (error instanceof Error && error.name === 'TypeError')) {
      console.error(`error: ${error.message}`);
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  },
);
