/**
 * "Ask a safeguarding lead" tickets. Which actions a ticket accepts is decided in the domain
 * (domain/tickets/transitions.ts); this applies a decision with a write guarded by the version
 * the card showed, so a double click or a stale card changes nothing.
 */
import { randomUUID } from 'node:crypto';
import { decideTransition, decideUndelivered, type Ticket, type TicketAction, type TicketState, type TransitionResult } from '../domain/tickets/transitions.ts';
import type { Database } from './database.ts';

export interface TicketStore {
  /** Idempotent on id: a double-clicked "Send" creates one ticket. `created` is false for the repeat. */
  createTicket(input: {
    id?: string;
    question: string;
    partnership: string | null;
    askerName: string | null;
    askerConversationId: string;
  }): Promise<{ ticket: Ticket; created: boolean }>;
  getTicket(id: string): Promise<Ticket | null>;
  markTicketPosted(id: string, expertConversationId: string, expertActivityId: string | null): Promise<void>;
  /** Posting the card failed: moves an open ticket to "undelivered" if the domain allows it (stale otherwise). */
  markTicketUndelivered(id: string): Promise<TransitionResult>;
  /** Applies the action only if the ticket is still at `expectedVersion` and the action is allowed. */
  transitionTicket(id: string, expectedVersion: number, action: TicketAction, actor: { id: string; name: string }): Promise<TransitionResult>;
}

export function createTicketStore(db: Database, now: () => Date): TicketStore {
  const stamp = () => now().toISOString();
  const getTicket = (id: string) => getTicketIn(db, id);

  return {
    async createTicket(input) {
      const id = input.id ?? randomUUID();
      const at = stamp();
      const inserted = await db.run(
        `INSERT INTO expert_tickets (id, state, version, question, partnership, asker_name, asker_conversation_id, created_at, updated_at)
         VALUES ($1, 'open', 1, $2, $3, $4, $5, $6, $6) ON CONFLICT (id) DO NOTHING`,
        [id, input.question, input.partnership, input.askerName, input.askerConversationId, at],
      );
      const ticket = await getTicket(id);
      if (!ticket) throw new Error(`ticket ${id} vanished after insert`);
      return { ticket, created: inserted === 1 };
    },

    getTicket,

    async markTicketPosted(id, expertConversationId, expertActivityId) {
      await db.run('UPDATE expert_tickets SET expert_conversation_id = $2, expert_activity_id = $3, updated_at = $4 WHERE id = $1', [
        id,
        expertConversationId,
        expertActivityId,
        stamp(),
      ]);
    },

    async markTicketUndelivered(id) {
      return db.transaction(async (tx) => {
        const current = await getTicketIn(tx, id);
        const decision = decideUndelivered(current);
        if (decision.kind === 'not_found' || !current) return { ok: false, reason: 'not_found' } as const;
        if (decision.kind === 'stale') return { ok: false, reason: 'stale', ticket: current } as const;
        const changed = await tx.run('UPDATE expert_tickets SET state = $3, version = version + 1, updated_at = $4 WHERE id = $1 AND version = $2', [
          id,
          current.version,
          decision.to,
          stamp(),
        ]);
        const after = (await getTicketIn(tx, id))!;
        return changed === 1 ? ({ ok: true, ticket: after } as const) : ({ ok: false, reason: 'stale', ticket: after } as const);
      });
    },

    async transitionTicket(id, expectedVersion, action, actor) {
      return db.transaction(async (tx) => {
        const current = await getTicketIn(tx, id);
        const decision = decideTransition(current, expectedVersion, action, actor.id);
        if (decision.kind === 'not_found' || !current) return { ok: false, reason: 'not_found' } as const;
        if (decision.kind === 'stale') return { ok: false, reason: 'stale', ticket: current } as const;
        const changed = await tx.run(
          // The state written is the one the domain decided; only who holds the ticket differs by action.
          action === 'assign'
            ? `UPDATE expert_tickets SET state = $6, assignee_id = $3, assignee_name = $4, version = version + 1, updated_at = $5
               WHERE id = $1 AND version = $2`
            : `UPDATE expert_tickets SET state = $6, assignee_id = COALESCE(assignee_id, $3), assignee_name = COALESCE(assignee_name, $4),
               version = version + 1, updated_at = $5 WHERE id = $1 AND version = $2`,
          [id, expectedVersion, actor.id, actor.name, stamp(), decision.to],
        );
        const after = (await getTicketIn(tx, id))!;
        return changed === 1 ? ({ ok: true, ticket: after } as const) : ({ ok: false, reason: 'stale', ticket: after } as const);
      });
    },
  };
}

const TICKET_COLUMNS = `id, state, version, question, partnership, asker_name, asker_conversation_id, assignee_id,
  assignee_name, expert_conversation_id, expert_activity_id, created_at, updated_at`;

interface TicketRow {
  id: string;
  state: TicketState;
  version: number | string;
  question: string;
  partnership: string | null;
  asker_name: string | null;
  asker_conversation_id: string;
  assignee_id: string | null;
  assignee_name: string | null;
  expert_conversation_id: string | null;
  expert_activity_id: string | null;
  created_at: string;
  updated_at: string;
}

function toTicket(r: TicketRow): Ticket {
  return {
    id: r.id,
    state: r.state,
    version: Number(r.version),
    question: r.question,
    partnership: r.partnership,
    askerName: r.asker_name,
    askerConversationId: r.asker_conversation_id,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    expertConversationId: r.expert_conversation_id,
    expertActivityId: r.expert_activity_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

async function getTicketIn(db: Database, id: string): Promise<Ticket | null> {
  const rows = await db.all<TicketRow>(`SELECT ${TICKET_COLUMNS} FROM expert_tickets WHERE id = $1`, [id]);
  return rows[0] ? toTicket(rows[0]) : null;
}
