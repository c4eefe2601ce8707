/**
 * The OpenTelemetry SDK behind bot/telemetry.ts, loaded only when telemetry is on.
 *
 * NodeSDK with nothing automatic: no instrumentations (they would record HTTP URLs, which carry
 * conversation ids, and could be configured to record bodies), no resource detectors (host and
 * process details are not ours to send), no propagation, no logs. Spans and metrics go to Azure
 * Monitor when APPLICATIONINSIGHTS_CONNECTION_STRING is set and to an OTLP/HTTP (JSON) receiver
 * when OTEL_EXPORTER_OTLP_ENDPOINT is set; both when both are.
 */
import { format } from 'node:util';
import { context, diag, DiagLogLevel, metrics, SpanKind, SpanStatusCode, trace, type Attributes, type DiagLogger } from '@opentelemetry/api';
import { AzureMonitorMetricExporter, AzureMonitorTraceExporter } from '@azure/monitor-opentelemetry-exporter';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { PeriodicExportingMetricReader, type PushMetricExporter } from '@opentelemetry/sdk-metrics';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { ATTR_ERROR_TYPE, ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { TelemetryConfig } from './config.ts';
import { errorFields, MAX_LOGGED_STRING, type Logger } from './logger.ts';
import {
  answerOutcome,
  ATTR,
  boundedActivityType,
  boundedChannel,
  boundedRoute,
  REMINDER_SEND_STATUS,
  type Telemetry,
  type TurnTelemetry,
} from './telemetry.ts';

const SCOPE = 'safeguarding-bot';
/** A collector that does not answer must not hold a restart for long. */
const SHUTDOWN_DEADLINE_MS = 5_000;
const EXPORT_TIMEOUT_MS = 30_000;

interface Exporters {
  names: string[];
  spans: SpanExporter[];
  metrics: PushMetricExporter[];
}

function exportersFor(config: TelemetryConfig): Exporters {
  const out: Exporters = { names: [], spans: [], metrics: [] };
  if (config.azureConnectionString) {
    out.names.push('azure-monitor');
    out.spans.push(new AzureMonitorTraceExporter({ connectionString: config.azureConnectionString }));
    out.metrics.push(new AzureMonitorMetricExporter({ connectionString: config.azureConnectionString }));
  }
  if (config.otlpEndpoint) {
    // The base endpoint, as OTEL_EXPORTER_OTLP_ENDPOINT means it: the signal's path is added.
    out.names.push('otlp');
    out.spans.push(new OTLPTraceExporter({ url: `${config.otlpEndpoint}/v1/traces` }));
    out.metrics.push(new OTLPMetricExporter({ url: `${config.otlpEndpoint}/v1/metrics` }));
  }
  return out;
}

/** OpenTelemetry's own warnings (an export that failed) go to the bot's log, cut short like any logged string. */
function diagLogger(logger: Logger): DiagLogger {
  const log =
    (level: 'warn' | 'error' | 'debug') =>
    (message: string, ...args: unknown[]) =>
      logger[level]({ event: 'telemetry.diag' }, format(message, ...args).slice(0, MAX_LOGGED_STRING));
  return { error: log('error'), warn: log('warn'), info: log('debug'), debug: log('debug'), verbose: log('debug') };
}

export function startTelemetry(config: TelemetryConfig, logger: Logger): Telemetry {
  const exporters = exportersFor(config);
  diag.setLogger(diagLogger(logger), DiagLogLevel.WARN);
  const sdk = new NodeSDK({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: config.serviceName }),
    autoDetectResources: false,
    instrumentations: [],
    textMapPropagator: null,
    // An empty list, not nothing: without it the SDK would build a log exporter from the environment.
    logRecordProcessors: [],
    spanProcessors: exporters.spans.map((e) => new BatchSpanProcessor(e, { scheduledDelayMillis: config.spanExportDelayMs })),
    metricReaders: exporters.metrics.map(
      (exporter) =>
        new PeriodicExportingMetricReader({
          exporter,
          exportIntervalMillis: config.metricExportIntervalMs,
          // The reader refuses a timeout longer than its interval.
          exportTimeoutMillis: Math.min(EXPORT_TIMEOUT_MS, config.metricExportIntervalMs),
        }),
    ),
  });
  sdk.start();
  logger.info({ event: 'telemetry.started', exporters: exporters.names }, 'exporting traces and metrics');

  const tracer = trace.getTracer(SCOPE);
  const meter = metrics.getMeter(SCOPE);
  const turnDuration = meter.createHistogram('turn.duration', { unit: 'ms', description: 'Time to handle one inbound activity, by activity type and route' });
  const answers = meter.createCounter('answers', { description: 'Answer engine results, by kind and outcome' });
  const abstentions = meter.createCounter('abstentions', { description: 'Questions the engine did not answer, by reason' });
  const reminderSends = meter.createCounter('reminder.sends', { description: 'Reminder occurrences handled, by status' });

  let stopped: Promise<void> | null = null;

  return {
    enabled: true,

    async turn(facts, run) {
      const started = performance.now();
      const attributes: Attributes = {
        [ATTR.activityType]: boundedActivityType(facts.activityType),
        [ATTR.channel]: boundedChannel(facts.channel),
        [ATTR.scope]: facts.scope,
        [ATTR.route]: 'none',
      };
      const span = tracer.startSpan('bot.turn', { kind: SpanKind.SERVER, attributes });
      const recorder: TurnTelemetry = {
        route(name) {
          attributes[ATTR.route] = boundedRoute(name);
        },
        answer(a) {
          const outcome = answerOutcome(a);
          const abstained = !a.answered && outcome !== 'emergency';
          attributes[ATTR.answerKind] = boundedRoute(a.kind);
          attributes[ATTR.answerOutcome] = outcome;
          attributes[ATTR.abstained] = abstained;
          if (a.reason) attributes[ATTR.reason] = boundedRoute(a.reason);
          answers.add(1, { [ATTR.answerKind]: boundedRoute(a.kind), [ATTR.answerOutcome]: outcome });
          if (abstained) abstentions.add(1, { [ATTR.reason]: boundedRoute(a.reason ?? 'unknown') });
        },
      };
      try {
        return await run(recorder);
      } catch (err) {
        // The error's kind only: its message may quote the input.
        span.setStatus({ code: SpanStatusCode.ERROR });
        attributes[ATTR_ERROR_TYPE] = boundedRoute(err instanceof Error ? err.name : typeof err);
        throw err;
      } finally {
        const ms = performance.now() - started;
        span.setAttributes({ ...attributes, [ATTR.durationMs]: Math.round(ms) });
        span.end();
        turnDuration.record(ms, { [ATTR.activityType]: attributes[ATTR.activityType], [ATTR.route]: attributes[ATTR.route] });
      }
    },

    reminderSend(outcome, possibleRepeat) {
      reminderSends.add(1, { [ATTR.reminderStatus]: REMINDER_SEND_STATUS[outcome], [ATTR.possibleRepeat]: possibleRepeat });
    },

    shutdown() {
      stopped ??= (async () => {
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<'deadline'>((resolve) => {
          timer = setTimeout(() => resolve('deadline'), SHUTDOWN_DEADLINE_MS);
        });
        try {
          // Ends the processors and readers, which export what they still hold.
          if ((await Promise.race([sdk.shutdown(), deadline])) === 'deadline')
            logger.warn({ event: 'telemetry.shutdown_timeout', ms: SHUTDOWN_DEADLINE_MS }, 'telemetry not flushed in time');
        } catch (err) {
          logger.warn({ event: 'telemetry.shutdown_failed', ...errorFields(err) }, 'telemetry could not be flushed');
        } finally {
          clearTimeout(timer);
          // Give the API's global slots back, so a later start in this process (tests) registers afresh.
          trace.disable();
          metrics.disable();
          context.disable();
          diag.disable();
        }
      })();
      return stopped;
    },
  };
}
