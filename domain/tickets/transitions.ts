/**
 * The "Ask a safeguarding lead" ticket and its state machine: which actions a ticket accepts
 * in which state, and when a click is stale. Pure decisions, no storage and no botbuilder:
 * storage applies a decision with a version-guarded write, the bot turns the outcome into text.
 *
 *   open ──assign──> assigned ──assign (someone else)──> assigned
 *     │  │              │
 *     │  └────close─────┴──close──> closed (final)
 *     │
 *     └──(the card could not be posted to the leads)──> undelivered (final)
 *
 * Leads move a ticket with card clicks (decideTransition); the bot itself marks a ticket
 * undelivered when posting its card failed (decideUndelivered). Both end states accept nothing.
 */

export type TicketState = 'open' | 'assigned' | 'closed' | 'undelivered';

export type TicketAction = 'assign' | 'close';

export interface Ticket {
  id: string;
  state: TicketState;
  version: number;
  question: string;
  partnership: string | null;
  askerName: string | null;
  askerConversationId: string;
  assigneeId: string | null;
  assigneeName: string | null;
  expertConversationId: string | null;
  expertActivityId: string | null;
  createdAt: string;
  updatedAt: string;
}

export type TransitionResult = { ok: true; ticket: Ticket } | { ok: false; reason: 'not_found' } | { ok: false; reason: 'stale'; ticket: Ticket };

/** Which states each action may start from; "closed" is final. */
export const ALLOWED_FROM: Readonly<Record<TicketAction, readonly TicketState[]>> = {
  assign: ['open', 'assigned'],
  close: ['open', 'assigned'],
};

/** The state each action leads to. */
export const TARGET_STATE: Readonly<Record<TicketAction, TicketState>> = {
  assign: 'assigned',
  close: 'closed',
};

/**
 * Where "undelivered" may be reached from: only a ticket no lead has seen yet. A ticket a lead
 * already picked up or closed keeps its state, whatever a late delivery failure reports.
 */
export const UNDELIVERED_FROM: readonly TicketState[] = ['open'];

/** What to do with a click: apply it (moving the ticket to `to`), or refuse it. */
export type TransitionDecision = { kind: 'apply'; to: TicketState } | { kind: 'not_found' } | { kind: 'stale' };

/**
 * Decides a click on a ticket card, made against the version the card showed.
 * Stale when the ticket moved on since (another version), the action is not allowed from its
 * state, or it is a repeat assign to the person who already holds it.
 */
export function decideTransition(
  current: Pick<Ticket, 'state' | 'version' | 'assigneeId'> | null,
  expectedVersion: number,
  action: TicketAction,
  actorId: string,
): TransitionDecision {
  if (!current) return { kind: 'not_found' };
  const allowed = ALLOWED_FROM[action].includes(current.state);
  // Assigning to the person who already holds it is a repeat click, not a change.
  const repeat = action === 'assign' && current.state === 'assigned' && current.assigneeId === actorId;
  if (current.version !== expectedVersion || !allowed || repeat) return { kind: 'stale' };
  return { kind: 'apply', to: TARGET_STATE[action] };
}

/**
 * Decides marking a ticket undelivered after its card could not be posted to the leads'
 * conversation. Stale when the ticket has left "open" (a lead saw it after all, or it was
 * already marked), so the write never overwrites a lead's action.
 */
export function decideUndelivered(current: Pick<Ticket, 'state'> | null): TransitionDecision {
  if (!current) return { kind: 'not_found' };
  return UNDELIVERED_FROM.includes(current.state) ? { kind: 'apply', to: 'undelivered' } : { kind: 'stale' };
}
