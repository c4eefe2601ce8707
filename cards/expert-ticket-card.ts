/**
 * The ticket as the safeguarding leads see it in their channel. The buttons carry the ticket
 * version so a click on an out-of-date card is recognised as stale instead of overwriting.
 */
import type { Ticket } from '../storage/state-store.ts';
import { plainLines, renderCard, type CardAttachment } from './render.ts';

const STATE_LABEL: Record<Ticket['state'], string> = {
  open: 'Open: waiting for a lead',
  assigned: 'Assigned',
  closed: 'Closed',
  undelivered: 'Not delivered',
};

export function ticketReference(ticket: Pick<Ticket, 'id'>): string {
  return `Q-${ticket.id.replace(/-/g, '').slice(0, 6).toUpperCase()}`;
}

export function expertTicketCard(ticket: Ticket, partnershipLabel: string | null): CardAttachment {
  const state =
    ticket.state === 'assigned'
      ? `Assigned to ${ticket.assigneeName ?? 'a lead'}`
      : ticket.state === 'closed'
        ? `Closed by ${ticket.assigneeName ?? 'a lead'}`
        : STATE_LABEL[ticket.state];
  const facts = [
    { title: 'Reference', value: ticketReference(ticket) },
    { title: 'Asked by', value: ticket.askerName ?? 'a practitioner' },
    { title: 'Partnership', value: partnershipLabel ?? 'not chosen' },
    { title: 'Status', value: state },
  ];
  const actions =
    ticket.state === 'closed' || ticket.state === 'undelivered'
      ? []
      : [
          ...(ticket.state === 'open' ? [{ title: 'Assign to me', verb: 'ticket.assign' }] : [{ title: 'Take over', verb: 'ticket.assign' }]),
          { title: 'Close', verb: 'ticket.close' },
        ].map((a) => ({ ...a, ticketId: ticket.id, version: ticket.version }));
  return renderCard('expert-ticket', {
    heading: 'A practitioner asked the safeguarding leads',
    question: ticket.question,
    facts,
    actions,
    fallbackText: plainLines(['A practitioner asked the safeguarding leads:', ticket.question, ...facts.map((f) => `${f.title}: ${f.value}`)]),
  });
}
