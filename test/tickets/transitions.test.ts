/** The ticket state machine as a table: state x action x who clicks -> apply / stale / not found. */
import { describe, expect, it } from 'vitest';
import { decideTransition, decideUndelivered, type TicketAction, type TicketState, type TransitionDecision } from '../../domain/tickets/transitions.ts';

const ticket = (state: TicketState, assigneeId: string | null = null) => ({ state, version: 3, assigneeId });

describe('decideTransition', () => {
  const cases: [string, ReturnType<typeof ticket> | null, number, TicketAction, string, TransitionDecision][] = [
    ['open -> assigned', ticket('open'), 3, 'assign', 'lead-a', { kind: 'apply', to: 'assigned' }],
    ['open -> closed', ticket('open'), 3, 'close', 'lead-a', { kind: 'apply', to: 'closed' }],
    ['assigned -> reassigned to someone else', ticket('assigned', 'lead-a'), 3, 'assign', 'lead-b', { kind: 'apply', to: 'assigned' }],
    ['assigned -> closed by the holder', ticket('assigned', 'lead-a'), 3, 'close', 'lead-a', { kind: 'apply', to: 'closed' }],
    ['assigned -> closed by someone else', ticket('assigned', 'lead-a'), 3, 'close', 'lead-b', { kind: 'apply', to: 'closed' }],
    ['repeat assign by the holder is stale', ticket('assigned', 'lead-a'), 3, 'assign', 'lead-a', { kind: 'stale' }],
    ['closed is final (assign)', ticket('closed', 'lead-a'), 3, 'assign', 'lead-b', { kind: 'stale' }],
    ['closed is final (close)', ticket('closed', 'lead-a'), 3, 'close', 'lead-a', { kind: 'stale' }],
    ['undelivered accepts no assign', ticket('undelivered'), 3, 'assign', 'lead-a', { kind: 'stale' }],
    ['undelivered accepts no close', ticket('undelivered'), 3, 'close', 'lead-a', { kind: 'stale' }],
    ['an older card version is stale', ticket('open'), 2, 'assign', 'lead-a', { kind: 'stale' }],
    ['a newer card version is stale', ticket('open'), 4, 'close', 'lead-a', { kind: 'stale' }],
    ['a missing ticket is not found', null, 3, 'assign', 'lead-a', { kind: 'not_found' }],
  ];

  it.each(cases)('%s', (_name, current, version, action, actor, expected) => {
    expect(decideTransition(current, version, action, actor)).toEqual(expected);
  });
});

describe('decideUndelivered', () => {
  const cases: [TicketState | null, TransitionDecision][] = [
    ['open', { kind: 'apply', to: 'undelivered' }],
    // A lead already acted on it: a late delivery failure must not overwrite their state.
    ['assigned', { kind: 'stale' }],
    ['closed', { kind: 'stale' }],
    ['undelivered', { kind: 'stale' }],
    [null, { kind: 'not_found' }],
  ];

  it.each(cases)('from %s', (state, expected) => {
    expect(decideUndelivered(state ? ticket(state) : null)).toEqual(expected);
  });
});
