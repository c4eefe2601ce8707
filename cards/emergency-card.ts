/**
 * Sent before anything else when a message sounds like a child is in danger now. The 999
 * line is fixed text, never from the knowledge base, so no data edit can remove it.
 */
import { plainLines, renderCard, type CardAttachment } from './render.ts';

export const EMERGENCY_HEADING = 'If a child is in immediate danger, call 999 now.';

export function emergencyCard(contactLines: readonly string[]): CardAttachment {
  const body = "Then tell your designated safeguarding lead and make a referral to children's social care. This bot cannot take reports.";
  return renderCard('emergency', {
    heading: EMERGENCY_HEADING,
    body,
    contactLines: [...contactLines],
    fallbackText: plainLines([EMERGENCY_HEADING, body, ...contactLines]),
  });
}
