/**
 * "Hi", "thanks", "ok": a polite word back, not an "I don't know". Only whole messages that are
 * nothing but a greeting or thanks; anything with a question in it goes to the engine.
 */
import { normalise } from './text.ts';

export type SmallTalk = 'greeting' | 'thanks';

export function smallTalk(message: string): SmallTalk | null {
  const t = normalise(message)
    .replace(/\b(bot|there|all|everyone|team|safeguarding helper)\b/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (/^(hi|hello|hey|hiya|morning|afternoon|evening|good (morning|afternoon|evening))$/.test(t)) return 'greeting';
  if (/^(thanks|thank you|thank you very much|thanks a lot|cheers|ta|ok thanks|great thanks|that helps|perfect)$/.test(t)) return 'thanks';
  return null;
}
