/**
 * The CloudAdapter with two entry points we need and the base class keeps protected:
 * `handle` authenticates the Authorization header (Bot Framework / Entra tokens, via
 * ConfigurationBotFrameworkAuthentication) and runs the turn; `handleTrusted` runs an
 * activity that arrived through an in-process, loopback-only path (the local Web Chat's
 * Direct Line), which has no Bot Framework token to check.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import { AuthenticationConstants, type AuthenticateRequestResult } from 'botframework-connector';
import { CallerIdConstants } from 'botbuilder';
import type { Config } from './config.ts';
import { keepEntityProperties } from './entity-serialization.ts';

export class BotAdapter extends CloudAdapter {
  constructor(
    private readonly appId: string,
    auth: ConfigurationBotFrameworkAuthentication,
  ) {
    super(auth);
  }

  /**
   * Authenticates first, within AUTH_DEADLINE_MS, and only then runs the turn; every failure to
   * authenticate is an AuthError: 401 for a token that is forged, expired, for someone else or
   * malformed, 503 when the signing keys could not be fetched (so an operator can tell an attack
   * from an outage). Neither reaches a handler.
   */
  async handle(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    let timer: NodeJS.Timeout | undefined;
    let auth: AuthenticateRequestResult;
    try {
      auth = await Promise.race([
        this.botFrameworkAuthentication.authenticateRequest(activity, authHeader),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new AuthError('AUTH_KEYS_TIMEOUT', 503, 'timeout')), AUTH_DEADLINE_MS);
        }),
      ]);
    } catch (err) {
      throw classifyAuthError(err);
    } finally {
      clearTimeout(timer);
    }
    return this.processActivity(auth, activity, logic);
  }

  handleTrusted(activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    const claimsIdentity = this.createClaimsIdentity(this.appId);
    const result: AuthenticateRequestResult = {
      claimsIdentity,
      audience: AuthenticationConstants.ToChannelFromBotOAuthScope,
      callerId: undefined as unknown as string,
      connectorFactory: this.botFrameworkAuthentication.createConnectorFactory(claimsIdentity),
    };
    return this.processActivity(result, activity, logic);
  }
}

/** Fetching Microsoft's signing keys must not hold a request longer than this (DNS black holes took 10-20 s). */
const AUTH_DEADLINE_MS = 5_000;

export type AuthErrorCode = 'AUTH_INVALID_TOKEN' | 'AUTH_KEYS_UNREACHABLE' | 'AUTH_KEYS_TIMEOUT';

export class AuthError extends Error {
  constructor(
    readonly code: AuthErrorCode,
    readonly status: 401 | 503,
    /** The library error's name, for the log (never its message, which may quote the token). */
    readonly reason: string,
  ) {
    super(code);
    this.name = 'AuthError';
  }
}

/** Key endpoint failures are 503; anything else that stops authentication is 401 (fail closed). */
export function classifyAuthError(err: unknown): AuthError {
  if (err instanceof AuthError) return err;
  const e = (err ?? {}) as { name?: string; statusCode?: number; type?: string; code?: string };
  // The library's AuthenticationError keeps the name "Error"; its class name tells it apart.
  const name =
    (err as { constructor?: { name?: string } } | null)?.constructor?.name && e.name === 'Error'
      ? (err as { constructor: { name: string } }).constructor.name
      : (e.name ?? typeof err);
  // botframework-connector: AuthenticationError with 500 = "Failed to load openID config / Keys"; node-fetch: FetchError.
  if ((name === 'AuthenticationError' && (e.statusCode ?? 0) >= 500) || name === 'FetchError' || e.type === 'system') {
    return new AuthError('AUTH_KEYS_UNREACHABLE', 503, name);
  }
  return new AuthError('AUTH_INVALID_TOKEN', 401, name);
}

export function createAdapter(config: Config): BotAdapter {
  keepEntityProperties();
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.appId,
    MicrosoftAppPassword: config.appPassword,
    MicrosoftAppType: config.appType,
    MicrosoftAppTenantId: config.appTenantId,
    // Setting one endpoint switches the library to "all parameters given": pass the public cloud's others.
    ...(config.openIdMetadataUrl
      ? {
          ValidateAuthority: true,
          ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
          ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
          ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
          OAuthUrl: AuthenticationConstants.OAuthUrl,
          ToBotFromChannelOpenIdMetadataUrl: config.openIdMetadataUrl,
          ToBotFromEmulatorOpenIdMetadataUrl: config.openIdMetadataUrl,
          CallerId: CallerIdConstants.PublicAzureChannel,
        }
      : {}),
  });
  return new BotAdapter(config.appId, auth);
}
