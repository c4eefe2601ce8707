/**
 * A message that says a child is in danger now gets the 999 instruction before anything
 * else. Deliberately broad: a false alarm costs one extra line; a miss could cost a life.
 */
import { normalise } from './text.ts';

const NOW = /\b(now|right now|currently|at the moment|immediate|immediately|urgent|urgently|emergency|tonight|today)\b/;
const DANGER =
  /\b(hurting|hitting|beating|attacking|abusing|assaulting|raping|strangling|choking|stabb|kill|killing|threatening|harming|injured|bleeding|unconscious|not breathing|overdose|missing|kidnap|abducted|in danger|at risk|unsafe|not safe|weapon|knife|gun)\b/;
const ALWAYS =
  /\b(immediate danger|immediate risk|danger right now|in danger now|life threatening|life at risk|call 999|going to die|going to kill|about to be hurt|being hurt|being abused|being attacked|being hit)\b/;

export function isEmergency(question: string): boolean {
  const text = normalise(question);
  if (ALWAYS.test(text)) return true;
  return DANGER.test(text) && NOW.test(text) && /\b(child|children|kid|kids|baby|boy|girl|young person|pupil|student|someone|somebody|he|she|they)\b/.test(text);
}
