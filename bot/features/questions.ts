/**
 * A question for the answer engine: the emergency card first when the engine says so, then
 * the answer card (with sources, quote, follow-ups and feedback) or the abstain card (with
 * suggestions and the route to a person). Follow-up and suggestion buttons come back here
 * through the `ask` verb.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Activity, Entity } from 'botbuilder';
import { citationEntity, citationText } from '../citations.ts';
import { abstainCard } from '../../cards/abstain-card.ts';
import { smallTalk } from '../../domain/answering/small-talk.ts';
import { answerCard } from '../../cards/answer-card.ts';
import { answerView } from '../answer-view.ts';
import { emergencyCard } from '../../cards/emergency-card.ts';
import type { Answer, ConversationMemory } from '../../domain/answering/types.ts';
import type { PartnershipId } from '../../knowledge/schema.ts';
import { questionHash } from '../hashing.ts';
import { errorFields } from '../logger.ts';
import { partnershipLabel } from '../partnerships.ts';
import { memoryKey } from '../scope.ts';
import { verbRoute, type Feature, type Turn } from '../route-types.ts';
import type { Services } from '../services.ts';
import { MESSAGES } from '../user-messages.ts';
import { turnTelemetry } from '../telemetry.ts';
import { partnershipFor } from './core.ts';
import { buttonTitle } from '../../cards/button-title.ts';

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
    {
      event: 'answer',
      kind: answer.kind,
      answered: answer.answered,
      confidence: answer.confidence,
      records: answer.recordIds.length,
      followUp: memory !== null,
      ms: Math.round(performance.now() - started),
    },
    'question answered',
  );
  return answer;
}

/** Where Teams' own answer furniture (numbered citations, thumbs up / down) is shown. */
export function teamsNative(activity: Partial<Activity>): boolean {
  return activity.channelId === 'msteams';
}

export interface AnswerActivities {
  activities: Array<Partial<Activity>>;
  /** Index of the answer itself among the activities, and what feedback on it is stored against. */
  answer: { index: number; answerId: string; questionHash: string } | null;
}

/** Teams shows suggested actions only in personal chat, at most 3. */
const MAX_SUGGESTED_ACTIONS = 3;

/**
 * The activities for one answer, emergency card first. In Teams the answer carries citations and
 * the feedback loop; in Teams personal chat its follow-ups are suggested actions, not card buttons.
 */
export function answerActivities(
  services: Services,
  question: string,
  answer: Answer,
  scopePartnership: string | null,
  where: { native?: boolean; personal?: boolean } = {},
): AnswerActivities {
  const native = where.native ?? false;
  const suggest = native && (where.personal ?? false) && answer.followUps.length > 0;
  const out: Array<Partial<Activity>> = [];
  let answered: AnswerActivities['answer'] = null;
  const partnership = answer.partnership ?? scopePartnership;
  if (answer.kind === 'emergency') {
    out.push({ attachments: [emergencyCard(services.contacts.emergencyLines(partnership))] });
  }
  if (answer.answered) {
    const answerId = randomUUID();
    const hash = questionHash(question);
    const card = answerCard({
      answer: answerView(answer),
      answerId,
      questionHash: hash,
      questionForFeedback: services.config.feedbackStoreQuestionText ? question : null,
      partnershipLabel: partnershipLabel(answer.partnership),
      nativeFeedback: native,
      followUpsElsewhere: suggest,
      citationsElsewhere: native && answer.sources.length > 0,
    });
    answered = { index: out.length, answerId, questionHash: hash };
    const suggestions = suggest
      ? {
          suggestedActions: {
            to: [],
            actions: answer.followUps.slice(0, MAX_SUGGESTED_ACTIONS).map((q) => ({ type: 'imBack', title: buttonTitle(q), value: q })),
          },
        }
      : {};
    out.push(
      native && answer.sources.length
        ? {
            text: citationText(answer.sources),
            entities: [citationEntity(answer.sources) as unknown as Entity],
            channelData: { feedbackLoopEnabled: true },
            attachments: [card],
            ...suggestions,
          }
        : native
          ? { channelData: { feedbackLoopEnabled: true }, attachments: [card], ...suggestions }
          : { attachments: [card] },
    );
  } else if (answer.kind !== 'emergency' || answer.text) {
    out.push({
      attachments: [
        abstainCard({
          answer: answerView(answer),
          question,
          heading: answer.kind === 'clarify' ? MESSAGES.clarifyHeading : answer.reason === 'unclear-situation' ? MESSAGES.unclearSituationHeading : undefined,
          // Off-topic ("what's the weather?"): no MASH consultation number and no "ask a lead" for it.
          personLine: answer.reason === 'out-of-scope' ? MESSAGES.genericPerson : personLine(services, partnership),
          canAskLead: answer.reason !== 'out-of-scope' && services.config.expertsConversationId !== null,
        }),
      ],
    });
  }
  return { activities: out, answer: answered };
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
  // The memory only serves follow-ups: a storage fault must never cost the person their answer.
  const memory = await state.getMemory(key, config.conversationMemoryMinutes).catch((err: unknown) => {
    turn.services.logger.warn({ event: 'memory.read_failed', ...errorFields(err) }, 'could not read the conversation memory');
    return null;
  });
  const answer = await askEngine(turn.services, q, partnership, memory);
  turnTelemetry(turn.context).answer(answer);
  const native = teamsNative(turn.context.activity);
  const { activities, answer: sent } = answerActivities(turn.services, q, answer, partnership, { native, personal: turn.scope.kind === 'personal' });
  const ids = await turn.context.sendActivities(activities);
  // Teams' thumbs up / down arrive naming the message: remember what that message answered.
  const activityId = sent ? ids[sent.index]?.id : undefined;
  const answerMessage =
    native && sent && activityId
      ? {
          conversationId: turn.context.activity.conversation.id,
          activityId,
          answerId: sent.answerId,
          recordIds: answer.recordIds,
          questionHash: sent.questionHash,
          questionText: config.feedbackStoreQuestionText ? q : null,
          answerKind: answer.kind,
          partnership: answer.partnership,
        }
      : undefined;
  await state
    .saveAnsweredTurn({
      ...(answer.memory ? { memory: { key, memory: answer.memory, maxMinutes: config.conversationMemoryMinutes } } : {}),
      ...(answerMessage ? { answerMessage } : {}),
    })
    .catch((err: unknown) => {
      // The answer has been sent; only a follow-up's context and its later thumbs up/down are lost.
      turn.services.logger.warn({ event: 'answer_turn.save_failed', ...errorFields(err) }, 'could not save the follow-up memory and answer message');
    });
}

export const questionsFeature: Feature = {
  name: 'questions',
  verbs: [
    verbRoute('ask', z.object({ verb: z.literal('ask'), question: z.string().trim().min(1).max(MAX_QUESTION_CHARS) }), (turn, data) =>
      answerQuestion(turn, data.question),
    ),
  ],
};
