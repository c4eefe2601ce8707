/**
 * Questions outside what this bot is for (travel, IT help, writing requests, small talk).
 * These are refused outright rather than matched to the nearest safeguarding fact.
 */
import { normalise } from './text.ts';
import { smallTalk } from './small-talk.ts';

const OUT_OF_SCOPE = [
  /\b(bus|buses|train|trains|tube|timetable|parking|traffic|taxi)\b/,
  /\b(weather|forecast|rain|sunny)\b/,
  /\b(poem|poetry|song|joke|story|limerick|haiku|essay|recipe)\b/,
  /\b(out of office|password|laptop|printer|wifi|wi fi|vpn|outlook|email signature|log ?in|login|reset my|install|software|it help|helpdesk|service desk|my computer|screen)\b/,
  /\b(payslip|salary|annual leave|holiday booking|expenses|pension|canteen|lunch|football (match|score|results|fixtures)|league table)\b/,
  /\b(write|draft|compose|rewrite|translate|summari[sz]e)\b.*\b(message|email|e mail|letter|card|poem|post|essay|speech|tweet|note|reply|text)\b/,
];

export function isOutOfScope(question: string): boolean {
  const text = normalise(question);
  return smallTalk(question) !== null || OUT_OF_SCOPE.some((re) => re.test(text));
}
