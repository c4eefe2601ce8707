/** Answers sent in Teams, kept for a while so Teams' native feedback buttons can be stored like card feedback. */
import type { Database } from './database.ts';
import { pruneAtMostEvery, PRUNE_EVERY_MS } from './prune-throttle.ts';

/** How long an answer stays open to Teams' thumbs up / down. */
const ANSWER_MESSAGE_DAYS = 30;

/** What the bot needs, when a thumbs-up arrives, to store it like card feedback. */
export interface AnswerMessage {
  conversationId: string;
  activityId: string;
  answerId: string;
  recordIds: readonly string[];
  questionHash: string;
  /** Only when the admin enabled FEEDBACK_STORE_QUESTION_TEXT. */
  questionText: string | null;
  answerKind: string;
  partnership: string | null;
}

export interface AnswerMessageStore {
  saveAnswerMessage(m: AnswerMessage): Promise<void>;
  getAnswerMessage(conversationId: string, activityId: string): Promise<AnswerMessage | null>;
}

/** The store, and the same store writing through a transaction's handle (state-store.ts). */
export type AnswerMessageStoreWithin = AnswerMessageStore & { within(tx: Database): AnswerMessageStore };

export function createAnswerMessageStore(db: Database, now: () => Date): AnswerMessageStoreWithin {
  const stamp = () => now().toISOString();
  const pruneGate = pruneAtMostEvery(PRUNE_EVERY_MS, now);

  const bound = (handle: Database): AnswerMessageStore => ({
    async saveAnswerMessage(m) {
      const at = stamp();
      await pruneGate((t) => handle.run('DELETE FROM answer_messages WHERE created_at < $1', [new Date(t - ANSWER_MESSAGE_DAYS * 86_400_000).toISOString()]));
      await handle.run(
        `INSERT INTO answer_messages (conversation_id, activity_id, answer_id, record_ids, question_hash, question_text, answer_kind, partnership, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (conversation_id, activity_id) DO NOTHING`,
        [m.conversationId, m.activityId, m.answerId, JSON.stringify(m.recordIds), m.questionHash, m.questionText, m.answerKind, m.partnership, at],
      );
    },

    async getAnswerMessage(conversationId, activityId) {
      const rows = await handle.all<{
        answer_id: string;
        record_ids: string;
        question_hash: string;
        question_text: string | null;
        answer_kind: string;
        partnership: string | null;
      }>(
        'SELECT answer_id, record_ids, question_hash, question_text, answer_kind, partnership FROM answer_messages WHERE conversation_id = $1 AND activity_id = $2',
        [conversationId, activityId],
      );
      const r = rows[0];
      return r
        ? {
            conversationId,
            activityId,
            answerId: r.answer_id,
            recordIds: JSON.parse(r.record_ids) as string[],
            questionHash: r.question_hash,
            questionText: r.question_text,
            answerKind: r.answer_kind,
            partnership: r.partnership,
          }
        : null;
    },
  });
  return { ...bound(db), within: bound };
}
