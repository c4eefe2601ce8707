/**
 * Feedback on answers (card buttons and Teams' own thumbs up / down): one vote per person per
 * answer, kept by a hash of the voter's id. A second press of the same button changes nothing.
 */
import type { Database } from './database.ts';

export interface FeedbackInput {
  answerId: string;
  /** A hash of the voter's id: one vote per person per answer, without storing who. */
  voterHash: string;
  helpful: boolean;
  recordIds: readonly string[];
  questionHash: string;
  /** Only when the admin enabled FEEDBACK_STORE_QUESTION_TEXT. */
  questionText: string | null;
  answerKind: string;
  partnership: string | null;
  /** Free text from Teams' feedback dialog, only when the admin enabled FEEDBACK_STORE_COMMENTS. */
  comment?: string | null;
}

export interface FeedbackRow {
  answerId: string;
  helpful: boolean;
  recordIds: string[];
  questionHash: string;
  questionText: string | null;
  answerKind: string;
  partnership: string | null;
  comment?: string;
}

export interface FeedbackStore {
  /** Upsert: a second click by the same person on the same answer replaces their vote. */
  /** 'same' when this person already gave this answer the same vote (a second press of the same button). */
  recordFeedback(input: FeedbackInput): Promise<'recorded' | 'changed' | 'same'>;
  listFeedback(): Promise<FeedbackRow[]>;
}

export function createFeedbackStore(db: Database, now: () => Date): FeedbackStore {
  const stamp = () => now().toISOString();

  return {
    async recordFeedback(f) {
      return db.transaction(async (tx) => {
        const existing = await tx.all<{ helpful: number | string }>('SELECT helpful FROM feedback WHERE answer_id = $1 AND voter_hash = $2', [
          f.answerId,
          f.voterHash,
        ]);
        const before = existing[0];
        if (before && (Number(before.helpful) === 1) === f.helpful) return 'same';
        const at = stamp();
        await tx.run(
          `INSERT INTO feedback (answer_id, voter_hash, helpful, record_ids, question_hash, question_text, answer_kind, partnership, created_at, updated_at, comment)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10)
           ON CONFLICT (answer_id, voter_hash) DO UPDATE SET helpful = excluded.helpful, updated_at = excluded.updated_at, comment = COALESCE(excluded.comment, feedback.comment)`,
          [
            f.answerId,
            f.voterHash,
            f.helpful ? 1 : 0,
            JSON.stringify(f.recordIds),
            f.questionHash,
            f.questionText,
            f.answerKind,
            f.partnership,
            at,
            f.comment ?? null,
          ],
        );
        return existing.length ? 'changed' : 'recorded';
      });
    },

    async listFeedback() {
      const rows = await db.all<{
        answer_id: string;
        helpful: number | string;
        record_ids: string;
        question_hash: string;
        question_text: string | null;
        answer_kind: string;
        partnership: string | null;
        comment: string | null;
      }>('SELECT answer_id, helpful, record_ids, question_hash, question_text, answer_kind, partnership, comment FROM feedback ORDER BY created_at');
      return rows.map((r) => ({
        answerId: r.answer_id,
        helpful: Number(r.helpful) === 1,
        recordIds: JSON.parse(r.record_ids) as string[],
        questionHash: r.question_hash,
        questionText: r.question_text,
        answerKind: r.answer_kind,
        partnership: r.partnership,
        ...(r.comment ? { comment: r.comment } : {}),
      }));
    },
  };
}
