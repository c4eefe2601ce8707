/**
 * The reminder scheduler as the composition root builds it (bot/main.ts; in tests
 * test/support/bot-server.ts): the domain loop over the reminder queue, posting through the
 * reminder sender, with the timings from configuration and sends counted in telemetry. Built
 * here, not started: the reminders feature starts it with the server and stops it on close.
 */
import { createScheduler, type Scheduler } from '../domain/reminders/scheduler.ts';
import type { ReminderStore } from '../storage/reminder-store.ts';
import type { Config } from './config.ts';
import type { BodyLookup } from './features/reminder-bodies.ts';
import { createReminderDelivery, type ReminderSender } from './features/reminder-delivery.ts';
import type { Logger } from './logger.ts';
import type { Telemetry } from './telemetry.ts';

export function createReminderScheduler(parts: {
  config: Config;
  reminders: ReminderStore;
  sender: ReminderSender;
  bodies: BodyLookup;
  telemetry: Telemetry;
  logger: Logger;
}): Scheduler {
  const { config, reminders, telemetry } = parts;
  return createScheduler(
    reminders.queue,
    createReminderDelivery(reminders, parts.sender, parts.bodies),
    {
      instanceId: `${process.pid}-${Math.random().toString(36).slice(2, 10)}`,
      pollMs: config.reminderPollSeconds * 1000,
      graceMs: config.reminderGraceMinutes * 60_000,
      maxRetries: config.reminderMaxRetries,
      observe: (outcome, possibleRepeat) => telemetry.reminderSend(outcome, possibleRepeat),
    },
    parts.logger,
  );
}
