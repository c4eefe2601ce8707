/**
 * Every canonical question the knowledge base can answer, each able to stand alone: a question
 * that does not name its record's partnership gets " in <partnership>" (the messaging extension's
 * suggestions and the benchmarks ask them as they are).
 */
import { PARTNERSHIP_LABELS } from './partnerships.ts';
import type { AnswerUnit } from './units.ts';

export function sampleQuestions(units: readonly AnswerUnit[]): string[] {
  return units
    .filter((u) => !u.notStated)
    .map((u) => {
      const p = u.record.partnership;
      return p && !u.question.toLowerCase().includes(PARTNERSHIP_LABELS[p].toLowerCase())
        ? `${u.question.replace(/\?$/, '')} in ${PARTNERSHIP_LABELS[p]}?`
        : u.question;
    });
}
