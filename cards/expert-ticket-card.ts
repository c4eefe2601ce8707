/**
 * The ticket as the safeguarding leads see it in their channel. The buttons carry the ticket
 * version so a click on an out-of-date card is recognised as stale instead of overwriting.
 *
 * The card takes a view model, not the stored ticket: `bot/ticket-view.ts` maps a ticket to it.
 */
import { plainLines, renderCard, type CardAttachment } from './render.ts';

export type ExpertTicketStatus = 'open' | 'assigned' | 'closed' | 'undelivered';

/** What the ticket card shows, already worked out by the bot. */
export interface ExpertTicketView {
  ticketId: string;
  /** The version the buttons carry, so a click on an out-of-date card is stale. */
  version: number;
  /** The short reference the asker and the leads quote ("Q-5A3C1E"). */
  reference: string;
  question: string;
  status: ExpertTicketStatus;
  askerName: string | null;
  assigneeName: string | null;
  /** The partnership's display name, null when none was chosen. */
  partnershipLabel: string | null;
}

const STATUS_LABEL: Record<ExpertTicketStatus, string> = {
  open: 'Open: waiting for a lead',
  assigned: 'Assigned',
  closed: 'Closed',
  undelivered: 'Not delivered',
};

export function expertTicketCard(view: ExpertTicketView): CardAttachment {
  const status =
    view.status === 'assigned'
      ? `Assigned to ${view.assigneeName ?? 'a lead'}`
      : view.status === 'closed'
        ? `Closed by ${view.assigneeName ?? 'a lead'}`
        : STATUS_LABEL[view.status];
  const facts = [
    { title: 'Reference', value: view.reference },
    { title: 'Asked by', value: view.askerName ?? 'a practitioner' },
    { title: 'Partnership', value: view.partnershipLabel ?? 'not chosen' },
    { title: 'Status', value: status },
  ];
  const actions =
    view.status === 'closed' || view.status === 'undelivered'
      ? []
      : [
          ...(view.status === 'open' ? [{ title: 'Assign to me', verb: 'ticket.assign' }] : [{ title: 'Take over', verb: 'ticket.assign' }]),
          { title: 'Close', verb: 'ticket.close' },
        ].map((a) => ({ ...a, ticketId: view.ticketId, version: view.version }));
  return renderCard('expert-ticket', {
    heading: 'A practitioner asked the safeguarding leads',
    question: view.question,
    facts,
    actions,
    fallbackText: plainLines(['A practitioner asked the safeguarding leads:', view.question, ...facts.map((f) => `${f.title}: ${f.value}`)]),
  });
}
