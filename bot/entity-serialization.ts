/**
 * botframework-connector serialises each outgoing entity through its `Entity` model mapper,
 * which declares only type, text and mentioned: everything else (a schema.org Message's
 * `@type`, `citation`...) is silently dropped on the way to Teams. The Activity mapper means to
 * keep extra entity properties (additionalProperties: Object), but @azure/core-client swaps in
 * the named `Entity` mapper for array elements. Declaring the same on `Entity` restores them.
 * See test/bot/native-feedback.test.ts, which fails without this.
 */
import connectorClient from 'botframework-connector/lib/connectorApi/connectorClient.js';

interface CompositeMapper {
  type: { additionalProperties?: unknown };
}

export function keepEntityProperties(): void {
  const entity = (connectorClient as unknown as { ConnectorMappers: { Entity: CompositeMapper } }).ConnectorMappers.Entity;
  entity.type.additionalProperties ??= { type: { name: 'Object' } };
}
