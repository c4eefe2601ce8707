/**
 * Validates an Adaptive Card the way the standards require: parsed with the `adaptivecards`
 * SDK under a SerializationContext targeting 1.5, then the SDK's own property validation.
 * Returns every problem as text (empty means valid) so a failing test names the issue.
 */
import * as AC from 'adaptivecards';

export function adaptiveCardProblems(content: unknown): string[] {
  const problems: string[] = [];
  if (typeof content !== 'object' || content === null) return ['card content is not an object'];
  const c = content as Record<string, unknown>;
  if (c.type !== 'AdaptiveCard') problems.push(`type is ${String(c.type)}, expected AdaptiveCard`);
  if (c.version !== '1.5') problems.push(`version is ${String(c.version)}, expected 1.5`);
  if (typeof c.fallbackText !== 'string' || !c.fallbackText.trim()) problems.push('missing fallbackText');

  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const card = new AC.AdaptiveCard();
  card.parse(content, context);
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    problems.push(`parse: ${e.message}`);
  }
  const results = card.validateProperties();
  for (const e of results.validationEvents) problems.push(`validate: ${e.message}`);
  return problems;
}

/** Every Adaptive Card attachment in a list of activities (the bot's replies). */
export function cardsIn(activities: ReadonlyArray<{ attachments?: Array<{ contentType?: string; content?: unknown }> }>): unknown[] {
  return activities.flatMap((a) => (a.attachments ?? []).filter((x) => x.contentType === 'application/vnd.microsoft.card.adaptive').map((x) => x.content));
}
