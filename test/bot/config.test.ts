/**
 * Configuration: parsed once from the environment, frozen, with defaults that run the bot
 * locally without Azure; bad values stop the start with a message naming each variable.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../bot/config.ts';
import { ConfigError } from '../../shared/errors.ts';

function problems(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).code).toBe('CONFIG_INVALID');
    return (err as Error).message;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('loadConfig', () => {
  it('with nothing set: local development mode on 127.0.0.1:3978 with SQLite under ./data', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      appId: '',
      devMode: true,
      host: '127.0.0.1',
      port: 3978,
      storageUrl: 'sqlite:./data/bot.db',
      logLevel: 'info',
      feedbackStoreQuestionText: false,
      allowedTenantIds: [],
      expertsConversationId: null,
      maxBodyBytes: 262144,
    });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('with an app id: authenticated, listening on all interfaces unless HOST says otherwise', () => {
    const c = loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret', ALLOWED_TENANT_IDS: ' t1, t2 ,', PORT: '8080' });
    expect(c).toMatchObject({ devMode: false, host: '0.0.0.0', port: 8080, allowedTenantIds: ['t1', 't2'] });
  });

  it('treats empty values as not set', () => {
    expect(loadConfig({ PORT: '', MicrosoftAppId: '', LOG_LEVEL: '' })).toMatchObject({ port: 3978, devMode: true, logLevel: 'info' });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ MicrosoftAppType: 'Sometimes' }, 'MicrosoftAppType'],
    [{ FEEDBACK_STORE_QUESTION_TEXT: 'maybe' }, 'FEEDBACK_STORE_QUESTION_TEXT'],
    [{ MAX_BODY_BYTES: '10' }, 'MAX_BODY_BYTES'],
    [{ EXPERTS_SERVICE_URL: 'not a url' }, 'EXPERTS_SERVICE_URL'],
    [{ STORAGE_URL: 'mysql://db' }, 'STORAGE_URL'],
    [{ MicrosoftAppId: 'app' }, 'MicrosoftAppPassword'],
    [{ MicrosoftAppId: 'app', MicrosoftAppPassword: 'x', MicrosoftAppType: 'SingleTenant' }, 'MicrosoftAppTenantId'],
    [{ MicrosoftAppPassword: 'x' }, 'MicrosoftAppId'],
    [{ HOST: '0.0.0.0' }, 'HOST'],
    [{ APPLICATIONINSIGHTS_CONNECTION_STRING: 'IngestionEndpoint=https://x.in.applicationinsights.azure.com/' }, 'APPLICATIONINSIGHTS_CONNECTION_STRING'],
    [{ APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=not-a-guid' }, 'APPLICATIONINSIGHTS_CONNECTION_STRING'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'localhost:4318' }, 'OTEL_EXPORTER_OTLP_ENDPOINT'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'ftp://collector' }, 'OTEL_EXPORTER_OTLP_ENDPOINT'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://localhost:4317', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }, 'OTEL_EXPORTER_OTLP_PROTOCOL'],
    [{ OTEL_METRIC_EXPORT_INTERVAL: 'soon' }, 'OTEL_METRIC_EXPORT_INTERVAL'],
  ])('rejects %j naming %s', (env, variable) => {
    const message = problems(env as Record<string, string>);
    expect(message).toMatch(/^Invalid configuration/);
    expect(message).toContain(`  - ${variable}: `);
  });

  it('lists every problem at once and never echoes a secret', () => {
    const message = problems({
      PORT: 'abc',
      LOG_LEVEL: 'loud',
      MicrosoftAppId: 'app',
      MicrosoftAppPassword: 'hunter2-secret',
      MicrosoftAppType: 'SingleTenant',
    });
    expect(
      message
        .split('\n')
        .filter((l) => l.startsWith('  - '))
        .map((l) => l.split(':')[0]!.trim()),
    ).toEqual(['- PORT', '- LOG_LEVEL', '- MicrosoftAppTenantId']);
    expect(message).not.toContain('hunter2-secret');
  });
});

describe('telemetry configuration', () => {
  const KEY = '00000000-0000-4000-8000-0000000000aa';

  it('is off unless a destination is set', () => {
    expect(loadConfig({}).telemetry).toBeNull();
    expect(loadConfig({ OTEL_SERVICE_NAME: 'x', OTEL_METRIC_EXPORT_INTERVAL: '1000' }).telemetry).toBeNull();
  });

  it('goes to Azure Monitor, an OTLP/HTTP receiver, or both, with the OpenTelemetry defaults', () => {
    const azure = `InstrumentationKey=${KEY};IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/;LiveEndpoint=https://uksouth.livediagnostics.monitor.azure.com/`;
    expect(loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: azure }).telemetry).toEqual({
      serviceName: 'safeguarding-partnership-bot',
      azureConnectionString: azure,
      otlpEndpoint: null,
      metricExportIntervalMs: 60_000,
      spanExportDelayMs: 5_000,
    });
    expect(
      loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_SERVICE_NAME: 'bot-harrow' })
        .telemetry,
    ).toMatchObject({ serviceName: 'bot-harrow', azureConnectionString: null, otlpEndpoint: 'http://collector:4318' });
    expect(
      loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=${KEY}`, OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.example' }).telemetry,
    ).toMatchObject({ azureConnectionString: `InstrumentationKey=${KEY}`, otlpEndpoint: 'https://otel.example' });
  });

  it('never echoes a connection string it rejects', () => {
    const message = problems({ APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=secret-looking-value;IngestionEndpoint=http://plain' });
    expect(message).toContain('  - APPLICATIONINSIGHTS_CONNECTION_STRING: expected an Application Insights connection string');
    expect(message).not.toContain('secret-looking-value');
  });
});

describe('npm start with bad configuration', () => {
  it('exits at once with a readable message naming the variables', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bot/main.ts'], {
      env: { PATH: process.env.PATH, PORT: 'not-a-port', LOG_LEVEL: 'shouty' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(78);
    expect(run.stderr).toContain('Invalid configuration');
    expect(run.stderr).toContain('  - PORT: expected a whole number');
    expect(run.stderr).toContain('  - LOG_LEVEL: expected one of');
    expect(run.stderr).not.toMatch(/at .*\.ts:\d+/); // a message, not a stack trace
  });
});
