/**
 * A stored ticket as the ticket card shows it: the card takes this view model and knows
 * nothing of the ticket store or the domain ticket.
 */
import type { ExpertTicketView } from '../cards/expert-ticket-card.ts';
import type { Ticket } from '../domain/tickets/transitions.ts';
import { partnershipLabel } from './partnerships.ts';

/** The short reference the asker and the leads quote: "Q-" and the first six hex digits of the id. */
export function ticketReference(ticket: Pick<Ticket, 'id'>): string {
  return `Q-${ticket.id.replace(/-/g, '').slice(0, 6).toUpperCase()}`;
}

export function expertTicketView(ticket: Ticket): ExpertTicketView {
  return {
    ticketId: ticket.id,
    version: ticket.version,
    reference: ticketReference(ticket),
    question: ticket.question,
    status: ticket.state,
    askerName: ticket.askerName,
    assigneeName: ticket.assigneeName,
    partnershipLabel: partnershipLabel(ticket.partnership),
  };
}
