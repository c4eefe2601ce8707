/** Row <-> model mapping for the reminders table, shared by the store and the scheduler queue. */
import type { Recurrence, Reminder, ReminderState } from '../domain/reminders/model.ts';

export interface ReminderRow {
  id: string;
  conversation_id: string;
  reference: string;
  scope_kind: string;
  body_id: string | null;
  meeting: string;
  first_date: string;
  time: string;
  recurrence: string;
  lead_minutes: string;
  agenda_url: string | null;
  note: string | null;
  created_by_id: string;
  created_by_name: string | null;
  state: string;
  version: number | string;
  created_at: string;
  updated_at: string;
  materialised_until: string;
}

export function rowToReminder(r: ReminderRow): Reminder {
  return {
    id: r.id,
    conversationId: r.conversation_id,
    bodyId: r.body_id,
    meeting: r.meeting,
    firstDate: r.first_date,
    time: r.time,
    recurrence: JSON.parse(r.recurrence) as Recurrence,
    leadMinutes: JSON.parse(r.lead_minutes) as number[],
    agendaUrl: r.agenda_url,
    note: r.note,
    createdBy: { id: r.created_by_id, name: r.created_by_name },
    state: r.state as ReminderState,
    version: Number(r.version),
    createdAt: r.created_at,
  };
}
