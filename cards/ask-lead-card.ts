/**
 * "Ask a safeguarding lead": the confirmation shown to the asker before anything leaves the
 * conversation. The request id makes a double-clicked "Send" create one ticket.
 */
import { plainLines, renderCard, type CardAttachment } from './render.ts';

export function askLeadConfirmCard(question: string, requestId: string, urgentLine: string): CardAttachment {
  const privacyLine =
    "Your question and your name will be posted to the safeguarding leads' channel. Please don't include a child's name or details that identify a child.";
  return renderCard('ask-lead-confirm', {
    question,
    requestId,
    privacyLine,
    urgentLine,
    fallbackText: plainLines(['Send this question to a safeguarding lead?', question, privacyLine, urgentLine]),
  });
}
