/**
 * Composition root: the only place that reads process.env, and the one place that builds what
 * the bot uses. Loads the configuration (a bad value stops the start with a readable list), the
 * knowledge base (once: the answer engine, the reminder form's meetings and the checklists'
 * citation titles all come from it) and the deployment contacts (once: the "who to talk to"
 * lines and the checklists share them); opens and migrates storage and builds every store on it,
 * the checklist runner, the reminder scheduler (the server starts and stops it), the adapters and
 * proactive posting; starts telemetry when it is configured and the server; and shuts down
 * cleanly on SIGINT / SIGTERM (server, then storage, then telemetry, flushed last).
 */
import { createAnswerEngine } from '../domain/answering/engine.ts';
import { contactWarnings, loadContacts } from '../domain/contacts/contacts.ts';
import { AppError } from '../shared/errors.ts';
import { loadKnowledgeFast } from '../knowledge/snapshot.ts';
import { fileTrainingCache } from '../knowledge/training-cache.ts';
import { registerPlayground } from '../web/playground.ts';
import { loadConfig, type Config } from './config.ts';
import { composeServices } from './compose-services.ts';
import { bodiesFrom } from './features/reminder-bodies.ts';
import { createLogger, errorFields } from './logger.ts';
import { createServer, type ServerOptions } from './server.ts';
import { createTelemetry } from './telemetry.ts';

/** "Try it without Teams": the Web Chat page and loopback Direct Line, only when unauthenticated on loopback. */
function playground(config: Config): ServerOptions {
  if (!config.devMode) return {};
  return { extraRoutes: (server) => void registerPlayground(server, { maxBodyBytes: config.maxBodyBytes }) };
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(78); // EX_CONFIG
  }
  const logger = createLogger(config.logLevel);
  try {
    // The build's JSON snapshot when it matches the YAML on disk, else the YAML itself.
    // With the snapshot come the engine's units, indexes and compiled vocabulary, built from it.
    const { kb, source, prebuilt } = loadKnowledgeFast();
    logger.info({ event: 'knowledge.loaded', source, records: kb.records.length }, 'knowledge base loaded');
    const engine = createAnswerEngine(kb, kb.triage, { trainingCache: fileTrainingCache(), ...(prebuilt ? { prebuilt } : {}) });
    const bodies = bodiesFrom(kb);
    const directory = config.contactsFile ? loadContacts(config.contactsFile) : loadContacts();
    // Numbers nobody has confirmed, or confirmed long ago, are shown with a caution; the admin hears about it here.
    for (const warning of contactWarnings(directory, new Date(), config.contactsMaxAgeDays)) {
      logger.warn({ event: 'contacts.unchecked', file: directory.file }, warning);
    }
    const telemetry = await createTelemetry(config.telemetry, logger);
    const { services, adapter } = await composeServices({ config, logger, telemetry, engine, bodies, directory, documents: kb.documents });
    const { db } = services;
    const running = await createServer(services, adapter, playground(config));
    const shutdown = (signal: string) => {
      logger.info({ event: 'shutdown', signal }, 'stopping');
      // Telemetry last: the final turns and reminder posts are exported before the process exits.
      running
        .close()
        .then(() => db.close())
        .then(() => telemetry.shutdown())
        .then(
          () => process.exit(0),
          (err: unknown) => {
            logger.error({ event: 'shutdown.failed', ...errorFields(err) }, 'shutdown failed');
            process.exit(1);
          },
        );
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  } catch (err) {
    // Knowledge, contacts and storage problems are configuration problems an admin can fix: say what, not a stack.
    if (err instanceof AppError) {
      process.stderr.write(`Cannot start: ${err.message}\n`);
      process.exit(78);
    }
    logger.fatal({ event: 'start.failed', ...errorFields(err) }, 'start failed');
    process.exit(1);
  }
}

// A bug that escapes every handler: log what kind it was (never its message, which may quote
// input), and exit non-zero so the supervisor (App Service, Container Apps, systemd) restarts a
// clean process, rather than carrying on in an unknown state or dying silently.
function fatal(event: string) {
  return (err: unknown) => {
    const logger = createLogger('fatal');
    logger.fatal({ event, ...errorFields(err) }, 'unexpected failure; exiting for a clean restart');
    process.stderr.write(`Fatal: ${event} (${err instanceof Error ? err.name : typeof err}); exiting with 70\n`);
    process.exit(70); // EX_SOFTWARE
  };
}
process.on('uncaughtException', fatal('process.uncaught_exception'));
process.on('unhandledRejection', fatal('process.unhandled_rejection'));

await main();
