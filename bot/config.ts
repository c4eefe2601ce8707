/**
 * The bot's configuration: every environment variable the bot reads, parsed once with zod
 * and frozen. Only bot/main.ts passes `process.env` in; everything else receives a Config,
 * so tests build configurations without touching the environment.
 *
 * A bad value stops the start with one message naming each bad variable, because an IT admin
 * reading a container log needs to know exactly what to fix. Secret values are never echoed.
 */
import { z } from 'zod';
import { ConfigError } from '../shared/errors.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

/** Empty strings count as "not set": `FOO=` in an .env file should mean the default. */
const optionalText = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().optional());

const flag = (fallback: boolean) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .trim()
      .toLowerCase()
      .refine((v) => ['true', 'false', '1', '0', 'yes', 'no'].includes(v), 'expected true or false')
      .transform((v) => ['true', '1', 'yes'].includes(v))
      .optional()
      .transform((v) => v ?? fallback),
  );

/**
 * "InstrumentationKey=<guid>;IngestionEndpoint=https://...;..." as the Application Insights
 * resource shows it. Checked here so a pasted fragment fails at start, not at the first export.
 */
function isConnectionString(value: string): boolean {
  const pairs = new Map(
    value
      .split(';')
      .filter(Boolean)
      .map((p) => {
        const at = p.indexOf('=');
        return [p.slice(0, at).trim().toLowerCase(), p.slice(at + 1).trim()] as const;
      }),
  );
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(pairs.get('instrumentationkey') ?? '')) return false;
  const endpoint = pairs.get('ingestionendpoint');
  return endpoint === undefined || /^https:\/\/[^\s/]+/i.test(endpoint);
}

const integer = (fallback: number, min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce.number({ error: 'expected a whole number' }).int('expected a whole number').min(min).max(max).default(fallback),
  );

const EnvSchema = z.object({
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.enum(APP_TYPES, { error: `expected one of ${APP_TYPES.join(', ')}` }).default('MultiTenant'),
  ),
  MicrosoftAppTenantId: optionalText,
  PORT: integer(3978, 0, 65535),
  HOST: optionalText,
  ALLOWED_TENANT_IDS: optionalText,
  EXPERTS_CONVERSATION_ID: optionalText,
  EXPERTS_SERVICE_URL: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.url({ error: 'expected an https URL' }).default('https://smba.trafficmanager.net/teams/'),
  ),
  STORAGE_URL: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().default('sqlite:./data/bot.db')),
  LOG_LEVEL: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  ),
  FEEDBACK_STORE_QUESTION_TEXT: flag(false),
  /** Keep the free text people type in Teams' feedback dialog (never logged either way). */
  FEEDBACK_STORE_COMMENTS: flag(false),
  MAX_BODY_BYTES: integer(256 * 1024, 1024, 10 * 1024 * 1024),
  SHUTDOWN_TIMEOUT_MS: integer(10_000, 0, 120_000),
  TURN_DEADLINE_MS: integer(12_000, 100, 60_000),
  /** Where incoming tokens' signing keys are published; Microsoft's by default (tests point it at a loopback JWKS). */
  BOT_OPENID_METADATA_URL: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.url({ error: 'expected a URL' }).optional()),
  STORAGE_TIMEOUT_MS: integer(3_000, 100, 60_000),
  CONTACTS_FILE: optionalText,
  /** A contact check older than this is shown as needing confirmation, and warned about at start. */
  CONTACTS_MAX_AGE_DAYS: integer(180, 1, 3650),
  /** Comma-separated Entra object ids allowed to create reminders in channels and group chats (team owners always may). */
  REMINDER_MANAGERS: optionalText,
  REMINDER_GRACE_MINUTES: integer(60, 0, 7 * 24 * 60),
  REMINDER_POLL_SECONDS: integer(30, 1, 3600),
  REMINDER_MAX_RETRIES: integer(5, 0, 20),
  CHECKLIST_RETENTION_DAYS: integer(90, 1, 3650),
  /** How long a conversation remembers its last answer for follow-ups ("and how often does it meet?"); 0 turns it off. */
  CONVERSATION_MEMORY_MINUTES: integer(30, 0, 24 * 60),
  /** Telemetry goes to Azure Monitor when this is set (see bot/telemetry.ts). */
  APPLICATIONINSIGHTS_CONNECTION_STRING: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .trim()
      .refine(
        isConnectionString,
        "expected an Application Insights connection string (InstrumentationKey=<guid>;IngestionEndpoint=https://...), as shown on the resource's Overview page",
      )
      .optional(),
  ),
  /** ...and to an OTLP/HTTP collector (http/json) when this is set: the base URL, /v1/traces and /v1/metrics are added. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.url({ protocol: /^https?$/, error: 'expected an http(s) URL such as http://localhost:4318' }).optional(),
  ),
  OTEL_EXPORTER_OTLP_PROTOCOL: optionalText,
  OTEL_SERVICE_NAME: optionalText,
  /** Milliseconds between metric exports (the OpenTelemetry variable, same default). */
  OTEL_METRIC_EXPORT_INTERVAL: integer(60_000, 100, 24 * 60 * 60_000),
  /** Milliseconds a finished span may wait to be exported with others. */
  OTEL_BSP_SCHEDULE_DELAY: integer(5_000, 10, 10 * 60_000),
});

export type AppType = (typeof APP_TYPES)[number];

/** Where traces and metrics go; Config.telemetry is null (off) unless one destination is set. */
export interface TelemetryConfig {
  readonly serviceName: string;
  readonly azureConnectionString: string | null;
  /** Base URL of an OTLP/HTTP receiver. */
  readonly otlpEndpoint: string | null;
  readonly metricExportIntervalMs: number;
  readonly spanExportDelayMs: number;
}
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  /** Empty string in local development mode (no Azure bot registration). */
  readonly appId: string;
  readonly appPassword: string;
  readonly appType: AppType;
  readonly appTenantId: string;
  /** True when no app id is set: no authentication, loopback only. */
  readonly devMode: boolean;
  readonly port: number;
  readonly host: string;
  /** Empty means any tenant may use the bot. */
  readonly allowedTenantIds: readonly string[];
  readonly expertsConversationId: string | null;
  readonly expertsServiceUrl: string;
  readonly storageUrl: string;
  readonly logLevel: LogLevel;
  readonly feedbackStoreQuestionText: boolean;
  readonly feedbackStoreComments: boolean;
  readonly maxBodyBytes: number;
  readonly shutdownTimeoutMs: number;
  /** The inbound request is answered by then whatever the connector does; the turn finishes in the background. */
  readonly turnDeadlineMs: number;
  /** Empty: Microsoft's published OpenID metadata. */
  readonly openIdMetadataUrl: string;
  /** PostgreSQL: connection, statement (server side) and query (client side) timeout. */
  readonly storageTimeoutMs: number;
  readonly contactsFile: string | null;
  /** Contact checks older than this many days are flagged (default 180). */
  readonly contactsMaxAgeDays: number;
  /** Entra object ids of reminder managers (besides team owners). */
  readonly reminderManagers: readonly string[];
  /** A reminder found overdue (the bot was down) is still posted, marked late, up to this long after it was due; later it is recorded as missed. */
  readonly reminderGraceMinutes: number;
  readonly reminderPollSeconds: number;
  /** Retries after the first attempt when Teams answers 429 or 5xx. */
  readonly reminderMaxRetries: number;
  /** Checklist runs untouched for longer than this are deleted. */
  readonly checklistRetentionDays: number;
  /** Follow-up memory lifetime in minutes (0 = off). */
  readonly conversationMemoryMinutes: number;
  /** Null: no traces or metrics leave the process (the default). */
  readonly telemetry: TelemetryConfig | null;
}

/** Pure: the same env always gives the same Config or the same ConfigError. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const parsed = EnvSchema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`);
  // Cross-variable rules read the raw strings, so one start reports every problem at once.
  problems.push(...crossChecks(env));
  if (problems.length || !parsed.success) throw configError(problems);
  const e = parsed.data;
  const appId = e.MicrosoftAppId ?? '';
  const devMode = appId === '';

  return Object.freeze({
    appId,
    appPassword: e.MicrosoftAppPassword ?? '',
    appType: e.MicrosoftAppType,
    appTenantId: e.MicrosoftAppTenantId ?? '',
    devMode,
    port: e.PORT,
    host: devMode ? '127.0.0.1' : (e.HOST ?? '0.0.0.0'),
    allowedTenantIds: Object.freeze(
      (e.ALLOWED_TENANT_IDS ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
    expertsConversationId: e.EXPERTS_CONVERSATION_ID ?? null,
    expertsServiceUrl: e.EXPERTS_SERVICE_URL,
    storageUrl: e.STORAGE_URL,
    logLevel: e.LOG_LEVEL,
    feedbackStoreQuestionText: e.FEEDBACK_STORE_QUESTION_TEXT,
    feedbackStoreComments: e.FEEDBACK_STORE_COMMENTS,
    maxBodyBytes: e.MAX_BODY_BYTES,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    turnDeadlineMs: e.TURN_DEADLINE_MS,
    openIdMetadataUrl: e.BOT_OPENID_METADATA_URL ?? '',
    storageTimeoutMs: e.STORAGE_TIMEOUT_MS,
    contactsFile: e.CONTACTS_FILE ?? null,
    contactsMaxAgeDays: e.CONTACTS_MAX_AGE_DAYS,
    reminderManagers: Object.freeze(
      (e.REMINDER_MANAGERS ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
    reminderGraceMinutes: e.REMINDER_GRACE_MINUTES,
    reminderPollSeconds: e.REMINDER_POLL_SECONDS,
    reminderMaxRetries: e.REMINDER_MAX_RETRIES,
    checklistRetentionDays: e.CHECKLIST_RETENTION_DAYS,
    conversationMemoryMinutes: e.CONVERSATION_MEMORY_MINUTES,
    telemetry:
      e.APPLICATIONINSIGHTS_CONNECTION_STRING || e.OTEL_EXPORTER_OTLP_ENDPOINT
        ? Object.freeze({
            serviceName: e.OTEL_SERVICE_NAME ?? 'safeguarding-partnership-bot',
            azureConnectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING ?? null,
            otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT?.replace(/\/+$/, '') ?? null,
            metricExportIntervalMs: e.OTEL_METRIC_EXPORT_INTERVAL,
            spanExportDelayMs: e.OTEL_BSP_SCHEDULE_DELAY,
          })
        : null,
  });
}

function crossChecks(env: Readonly<Record<string, string | undefined>>): string[] {
  const get = (name: string) => env[name]?.trim() || undefined;
  const appId = get('MicrosoftAppId');
  const appType = get('MicrosoftAppType') ?? 'MultiTenant';
  const host = get('HOST');
  const storage = get('STORAGE_URL');
  const problems: string[] = [];
  if (appId && appType !== 'UserAssignedMSI' && !get('MicrosoftAppPassword')) {
    problems.push('MicrosoftAppPassword: required when MicrosoftAppId is set (except for UserAssignedMSI)');
  }
  if (appId && appType !== 'MultiTenant' && !get('MicrosoftAppTenantId')) {
    problems.push(`MicrosoftAppTenantId: required when MicrosoftAppType is ${appType}`);
  }
  if (!appId && get('MicrosoftAppPassword')) {
    problems.push('MicrosoftAppId: required when MicrosoftAppPassword is set (or remove the password to run in local development mode)');
  }
  if (!appId && host && !LOOPBACK_HOSTS.has(host)) {
    problems.push(`HOST: without MicrosoftAppId the bot runs unauthenticated and only listens on 127.0.0.1; set MicrosoftAppId to listen on ${host}`);
  }
  if (storage && !/^sqlite:|^postgres(ql)?:\/\//.test(storage)) {
    problems.push('STORAGE_URL: expected sqlite:<path> or postgres://user@host/db');
  }
  // The bot's OTLP exporters speak OTLP/HTTP with JSON; a collector expecting gRPC would get nothing.
  const otlpProtocol = get('OTEL_EXPORTER_OTLP_PROTOCOL');
  if (otlpProtocol && otlpProtocol !== 'http/json') {
    problems.push(
      `OTEL_EXPORTER_OTLP_PROTOCOL: only http/json is supported (point OTEL_EXPORTER_OTLP_ENDPOINT at the collector's OTLP/HTTP port, usually 4318); got ${otlpProtocol.slice(0, 20)}`,
    );
  }
  return problems;
}

function configError(problems: string[]): ConfigError {
  const message = `Invalid configuration (fix these environment variables and start again):\n${problems.map((p) => `  - ${p}`).join('\n')}`;
  return new ConfigError('CONFIG_INVALID', message, { variables: problems.map((p) => p.split(':')[0]) });
}
