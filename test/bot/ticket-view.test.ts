/**
 * The stored ticket mapped to the ticket card's view model: the reference, the partnership's
 * display name and the fields the card shows, and nothing of the storage row beyond them.
 */
import { describe, expect, it } from 'vitest';
import { expertTicketView, ticketReference } from '../../bot/ticket-view.ts';
import type { Ticket } from '../../domain/tickets/transitions.ts';

const ticket: Ticket = {
  id: '5a3c1e0e-8f7b-4b7e-9a61-0d2f3c4b5a69',
  state: 'assigned',
  version: 2,
  question: 'Does the threshold document cover pre-birth?',
  partnership: 'harrow',
  askerName: 'Sam Practitioner',
  askerConversationId: 'a:1',
  assigneeId: 'aad-1',
  assigneeName: 'Alex Lead',
  expertConversationId: '19:experts',
  expertActivityId: 'activity-1',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('expertTicketView', () => {
  it('maps a ticket to what the card shows', () => {
    expect(expertTicketView(ticket)).toEqual({
      ticketId: ticket.id,
      version: 2,
      reference: 'Q-5A3C1E',
      question: 'Does the threshold document cover pre-birth?',
      status: 'assigned',
      askerName: 'Sam Practitioner',
      assigneeName: 'Alex Lead',
      partnershipLabel: 'Harrow',
    });
  });

  it('has no partnership label for a ticket without a (known) partnership', () => {
    expect(expertTicketView({ ...ticket, partnership: null }).partnershipLabel).toBeNull();
    expect(expertTicketView({ ...ticket, partnership: 'atlantis' }).partnershipLabel).toBeNull();
  });

  it('quotes the reference as Q- and the first six hex digits of the id', () => {
    expect(ticketReference({ id: 'abcdef12-0000-0000-0000-000000000000' })).toBe('Q-ABCDEF');
  });
});
