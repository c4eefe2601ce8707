/**
 * "Ask a safeguarding lead". The asker confirms first (nothing leaves the conversation before
 * that); the question is then posted to the configured experts conversation as a ticket card
 * with Assign to me / Close, and the asker hears about every change of state.
 *
 * Clicks are guarded: "Send" carries a request id (one ticket however many clicks), ticket
 * buttons carry the ticket version (a click on an out-of-date card changes nothing), and ticket
 * buttons only work in the experts conversation the card was posted to.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { askLeadConfirmCard } from '../../cards/ask-lead-card.ts';
import { expertTicketCard } from '../../cards/expert-ticket-card.ts';
import { AppError } from '../../shared/errors.ts';
import type { StoredReference, Ticket, TicketAction } from '../../storage/state-store.ts';
import { errorFields } from '../logger.ts';
import { verbRoute, type CommandRoute, type Feature, type Turn } from '../route-types.ts';
import { baseConversationId } from '../scope.ts';
import type { Services } from '../services.ts';
import { expertTicketView, ticketReference } from '../ticket-view.ts';
import { MESSAGES, userMessageFor } from '../user-messages.ts';
import { partnershipFor } from './core.ts';
import { MAX_QUESTION_CHARS, personLine } from './questions.ts';

const Question = z.string().trim().min(1).max(MAX_QUESTION_CHARS);

async function offerToSend(turn: Turn, question: string): Promise<void> {
  const { services } = turn;
  if (!services.config.expertsConversationId) {
    const partnership = await partnershipFor(services, turn.scope);
    await turn.context.sendActivity(MESSAGES.askLeadNotConfigured(personLine(services, partnership)));
    return;
  }
  await turn.context.sendActivity({ attachments: [askLeadConfirmCard(question, randomUUID(), MESSAGES.urgentLine)] });
}

/** The experts conversation: the reference saved when the bot was added there, else one built from configuration. */
async function expertsReference(services: Services): Promise<StoredReference> {
  const id = services.config.expertsConversationId!;
  const stored = await services.state.getReference(id);
  // Without the stored activity id the post starts a new thread instead of replying to an old one.
  if (stored) {
    const { activityId: _activityId, ...reference } = stored;
    return reference;
  }
  return {
    channelId: 'msteams',
    serviceUrl: services.config.expertsServiceUrl,
    conversation: { id, isGroup: true, conversationType: 'channel' },
    bot: { id: services.config.appId || 'bot', name: 'Safeguarding partnership assistant' },
  };
}

async function sendToLeads(turn: Turn, data: { requestId: string; question: string }): Promise<void> {
  const { services, context } = turn;
  const partnership = await partnershipFor(services, turn.scope);
  const { ticket, created } = await services.state.createTicket({
    id: data.requestId,
    question: data.question,
    partnership,
    askerName: turn.user.name,
    askerConversationId: context.activity.conversation.id,
  });
  if (!created) {
    await context.sendActivity(MESSAGES.askLeadAlreadySent(ticketReference(ticket)));
    return;
  }
  try {
    const reference = await expertsReference(services);
    const activityId = await services.proactive.send(reference, { attachments: [expertTicketCard(expertTicketView(ticket))] });
    await services.state.markTicketPosted(ticket.id, services.config.expertsConversationId!, activityId);
  } catch (err) {
    services.logger.error({ event: 'ticket.undelivered', ticket: ticket.id, ...errorFields(err) }, 'could not post to the experts conversation');
    const marked = await services.state.markTicketUndelivered(ticket.id);
    // Refused only when a lead already acted on the ticket (the card got through after all): their state stands.
    if (!marked.ok) services.logger.warn({ event: 'ticket.undelivered_refused', ticket: ticket.id, reason: marked.reason }, 'ticket kept its state');
    await context.sendActivity(MESSAGES.askLeadUndelivered(personLine(services, partnership)));
    return;
  }
  services.logger.info({ event: 'ticket.created', ticket: ticket.id }, 'question sent to the leads');
  await context.sendActivity(MESSAGES.askLeadSent(ticketReference(ticket)));
}

async function changeTicket(turn: Turn, action: TicketAction, data: { ticketId: string; version: number }): Promise<void> {
  const { services, context } = turn;
  const ticket = await services.state.getTicket(data.ticketId);
  if (!ticket) {
    await context.sendActivity(userMessageFor(new AppError('NOT_FOUND', 'ticket not found')));
    return;
  }
  if (!ticket.expertConversationId || baseConversationId(context.activity.conversation.id) !== baseConversationId(ticket.expertConversationId)) {
    services.logger.warn({ event: 'ticket.forbidden', ticket: ticket.id }, 'ticket action from another conversation');
    await context.sendActivity(userMessageFor(new AppError('FORBIDDEN', 'ticket action outside the experts conversation')));
    return;
  }
  const actor = { id: context.activity.from.aadObjectId ?? context.activity.from.id, name: turn.user.name ?? MESSAGES.someLead };
  const result = await services.state.transitionTicket(ticket.id, data.version, action, actor);
  if (!result.ok) {
    if (result.reason === 'not_found') {
      await context.sendActivity(userMessageFor(new AppError('NOT_FOUND', 'ticket not found')));
      return;
    }
    await refreshCard(turn, result.ticket);
    await context.sendActivity(MESSAGES.ticketStale(ticketReference(result.ticket), MESSAGES.ticketState(result.ticket.state, result.ticket.assigneeName)));
    return;
  }
  const updated = result.ticket;
  services.logger.info({ event: `ticket.${action}`, ticket: updated.id, version: updated.version }, 'ticket changed');
  await refreshCard(turn, updated);
  await notifyAsker(services, updated);
}

/** Shows the ticket's current state on the card in the experts conversation. */
async function refreshCard(turn: Turn, ticket: Ticket): Promise<void> {
  const id = ticket.expertActivityId ?? turn.context.activity.replyToId;
  if (!id) return;
  try {
    await turn.context.updateActivity({
      id,
      type: 'message',
      attachments: [expertTicketCard(expertTicketView(ticket))],
    });
  } catch (err) {
    // The state is already saved; a card that could not be redrawn is cosmetic.
    turn.services.logger.warn({ event: 'ticket.card_update_failed', ticket: ticket.id, ...errorFields(err) }, 'could not update the ticket card');
  }
}

async function notifyAsker(services: Services, ticket: Ticket): Promise<void> {
  const reference = await services.state.getReference(ticket.askerConversationId);
  if (!reference) {
    services.logger.warn({ event: 'ticket.asker_unknown', ticket: ticket.id }, 'no conversation to notify the asker in');
    return;
  }
  const lead = ticket.assigneeName ?? MESSAGES.someLead;
  const ref = ticketReference(ticket);
  const text = ticket.state === 'closed' ? MESSAGES.ticketClosed(ref, lead) : MESSAGES.ticketAssigned(ref, lead);
  try {
    await services.proactive.send(reference, { text });
  } catch (err) {
    services.logger.error({ event: 'ticket.notify_failed', ticket: ticket.id, ...errorFields(err) }, 'could not notify the asker');
  }
}

const askLead: CommandRoute = {
  name: 'ask a lead',
  aliases: ['ask lead', 'ask a safeguarding lead', 'ask an expert'],
  usage: 'ask a lead <question>',
  description: 'Send a question to the safeguarding leads (you confirm first); I tell you when one picks it up.',
  async run(turn, args) {
    const q = args.replace(/^[:,-]\s*/, '');
    if (!q) {
      await turn.context.sendActivity(MESSAGES.askLeadNeedsQuestion);
      return;
    }
    if (q.length > MAX_QUESTION_CHARS) {
      await turn.context.sendActivity(MESSAGES.questionTooLong(MAX_QUESTION_CHARS));
      return;
    }
    await offerToSend(turn, q);
  },
};

const TicketClick = (verb: string) => z.object({ verb: z.literal(verb), ticketId: z.uuid(), version: z.number().int().positive() });

export const askLeadFeature: Feature = {
  name: 'ask-lead',
  commands: [askLead],
  verbs: [
    verbRoute('lead.ask', z.object({ verb: z.literal('lead.ask'), question: Question }), (turn, d) => offerToSend(turn, d.question)),
    verbRoute('lead.confirm', z.object({ verb: z.literal('lead.confirm'), requestId: z.uuid(), question: Question }), async (turn, d) => {
      if (!turn.services.config.expertsConversationId) return offerToSend(turn, d.question);
      await sendToLeads(turn, d);
    }),
    verbRoute('lead.cancel', z.object({ verb: z.literal('lead.cancel') }), async (turn) => {
      await turn.context.sendActivity(MESSAGES.askLeadCancelled);
    }),
    verbRoute('ticket.assign', TicketClick('ticket.assign'), (turn, d) => changeTicket(turn, 'assign', d)),
    verbRoute('ticket.close', TicketClick('ticket.close'), (turn, d) => changeTicket(turn, 'close', d)),
  ],
};
