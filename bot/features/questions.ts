/**
 * A question for the answer engine: the emergency card first when the engine says so, then
 * the answer card (with sources, quote, follow-ups and feedback) or the abstain card (with
 * suggestions and the route to a person). Follow-up and suggestion buttons come back here
 * through the `ask` verb.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Activity } from 'botbuilder';
import { abstainCard } from '../../cards/abstain-card.ts';
import { smallTalk } from '../../domain/answering/small-talk.ts';
import { answerCard } from '../../cards/answer-card.ts';
import { emergencyCard } from '../../cards/emergency-card.ts';
import type { Answer, ConversationMemory } from '../../domain/answering/types.ts';
import type { PartnershipId } from '../../knowledge/schema.ts';
import { questionHash } from '../hashing.ts';
import { partnershipLabel } from '../partnerships.ts';
import { memoryKey } from '../scope.ts';
import { verbRoute, type Feature, type Turn } from '../route-types.ts';
import type { Services } from '../services.ts';
import { MESSAGES } from '../user-messages.ts';
import { partnershipFor } from './core.ts';

export const MAX_QUESTION_CHARS = 1000;

export function personLine(services: Services, partnership: string | null): string {
  return services.contacts.personLine(partnership) ?? MESSAGES.genericPerson;
}

export async function askEngine(services: Services, question: string, partnership: string | null, memory: ConversationMemory | null = null): Promise<Answer> {
  const started = performance.now();
  const answer = await services.engine.answer(question, {
    partnership: partnership as PartnershipId | null,
    mashConsultationLine: services.contacts.mashConsultationLine(partnership),
    memory,
  });
  // Outcome only: kind, confidence and record ids say how the engine did without the question.
  services.logger.info(
    { event: 'answer', kind: answer.kind, answered: answer.answered, confidence: answer.confidence, records: answer.recordIds.length, followUp: memory !== null, ms: Math.round(performance.now() - started) },
    'question answered',
  );
  return answer;
}

/** The activities for one answer, emergency card first. */
export function answerActivities(services: Services, question: string, answer: Answer, scopePartnership: string | null): Array<Partial<Activity>> {
  const out: Array<Partial<Activity>> = [];
  const partnership = answer.partnership ?? scopePartnership;
  if (answer.kind === 'emergency') {
    out.push({ attachments: [emergencyCard(services.contacts.emergencyLines(partnership))] });
  }
  if (answer.answered) {
    out.push({
      attachments: [
        answerCard({
          answer,
          answerId: randomUUID(),
          questionHash: questionHash(question),
          questionForFeedback: services.config.feedbackStoreQuestionText ? question : null,
          partnershipLabel: partnershipLabel(answer.partnership),
        }),
      ],
    });
  } else if (answer.kind !== 'emergency' || answer.text) {
    out.push({
      attachments: [
        abstainCard({
          answer,
          question,
          heading: answer.kind === 'clarify' ? 'Could you tell me a bit more?' : undefined,
          personLine: personLine(services, partnership),
          canAskLead: services.config.expertsConversationId !== null,
        }),
      ],
    });
  }
  return out;
}

export async function answerQuestion(turn: Turn, question: string): Promise<void> {
  const q = question.trim();
  if (!q) {
    await turn.context.sendActivity(MESSAGES.emptyQuestion);
    return;
  }
  if (q.length > MAX_QUESTION_CHARS) {
    await turn.context.sendActivity(MESSAGES.questionTooLong(MAX_QUESTION_CHARS));
    return;
  }
  const chat = smallTalk(q);
  if (chat) {
    await turn.context.sendActivity(chat === 'greeting' ? MESSAGES.greeting : MESSAGES.thanks);
    return;
  }
  const partnership = await partnershipFor(turn.services, turn.scope);
  const { state, config } = turn.services;
  const key = memoryKey(turn.context.activity, turn.scope);
  const memory = await state.getMemory(key, config.conversationMemoryMinutes);
  const answer = await askEngine(turn.services, q, partnership, memory);
  if (answer.memory) await state.saveMemory(key, answer.memory, config.conversationMemoryMinutes);
  await turn.context.sendActivities(answerActivities(turn.services, q, answer, partnership));
}

export const questionsFeature: Feature = {
  name: 'questions',
  verbs: [
    verbRoute('ask', z.object({ verb: z.literal('ask'), question: z.string().trim().min(1).max(MAX_QUESTION_CHARS) }), (turn, data) =>
      answerQuestion(turn, data.question),
    ),
  ],
};
