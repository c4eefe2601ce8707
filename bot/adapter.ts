/**
 * The CloudAdapter with two entry points we need and the base class keeps protected:
 * `handle` authenticates the Authorization header (Bot Framework / Entra tokens, via
 * ConfigurationBotFrameworkAuthentication) and runs the turn; `handleTrusted` runs an
 * activity that arrived through an in-process, loopback-only path (the local Web Chat's
 * Direct Line), which has no Bot Framework token to check.
 */
import {
  CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type InvokeResponse, type TurnContext,
} from 'botbuilder';
import { AuthenticationConstants, type AuthenticateRequestResult } from 'botframework-connector';
import type { Config } from './config.ts';
import { keepEntityProperties } from './entity-serialization.ts';

export class BotAdapter extends CloudAdapter {
  constructor(private readonly appId: string, auth: ConfigurationBotFrameworkAuthentication) {
    super(auth);
  }

  handle(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
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

export function createAdapter(config: Config): BotAdapter {
  keepEntityProperties();
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.appId,
    MicrosoftAppPassword: config.appPassword,
    MicrosoftAppType: config.appType,
    MicrosoftAppTenantId: config.appTenantId,
  });
  return new BotAdapter(config.appId, auth);
}
