/**
 * Practitioners describe situations, the documents name procedures. A few situation
 * patterns add the procedure's words to the question ("a colleague hurt a child" -> LADO,
 * allegation), so the question meets the record that answers it.
 */
import { normalise } from './text.ts';

const WORKER =
  '(colleague|member of staff|staff member|staff|teacher|coworker|co worker|volunteer|employee|foster carer|childminder|coach|nurse|doctor|social worker|youth worker|worker|professional|someone (who|that) works with children|person in a position of trust)';
const HARM = '(harm|harmed|hurt|hurting|abus|abused|abusing|hit|hitting|assault|inappropriate|allegation|alleged|grooming|touched)';

const CONCEPTS: Array<[RegExp, string]> = [
  [new RegExp(`\\b${WORKER}\\b.*\\b${HARM}|\\b${HARM}\\w*\\b.*\\b${WORKER}\\b`), 'lado allegation work with children'],
  [
    /\b(when|should|do i need to|have to|must)\b.*\b(go to|refer|contact|tell|involve|call|inform|report to)\b.*\blado\b/,
    'harm threshold allegation inform within working day',
  ],
  [
    /\b(disagree|disagreement|dispute|conflict|challenge (a|the|their) decision|not happy with (a|the) decision|unhappy with)\b/,
    'escalation dispute resolution',
  ],
  [
    /\b(worried|concerned|concern|worry|worries|concerns) (about|for) (a|the|this|my) (child|young person|pupil|baby|student|kid)\b|\bmake a referral\b|\brefer (a|the) child\b/,
    'worried referral mash',
  ],
  [
    /\b(child|baby|young person|pupil|teenager)\b.{0,40}\b(died|dies|death|dead|killed)\b|\bdeath of a (child|baby)\b/,
    'child death notify panel serious incident',
  ],
  [
    /\blooked after\b.{0,40}\b(died|dies|death|dead)\b|\b(died|dies|death)\b.{0,40}\blooked after\b/,
    'looked after child death notify secretary of state ofsted',
  ],
  [
    /\b(social worker|social care|children s services|mash|agency|the council|partner)\b.{0,60}\b(not acting|isn t acting|isnt acting|not doing|not responding|hasn t responded|no response|ignor\w*|won t act|refus\w*|not listening|not taking)\b/,
    'escalation dispute resolution professional disagreement',
  ],
  [
    /\b(not happy|unhappy|not satisfied|dissatisfied|disagree)\b.{0,40}\b(decision|response|outcome|social worker|social care|mash)\b/,
    'escalation dispute resolution professional disagreement',
  ],
  [/\b(seriously (harmed|hurt|injured))\b/, 'serious incident notify panel'],
  [/\b(front door|duty team|first response)\b/, 'mash'],
  [/\b(level of need|levels of need)\b/, 'threshold continuum'],
];

/** Only the procedure words a situation adds ("" when none applies). */
export function conceptWords(question: string): string {
  const text = normalise(question);
  return CONCEPTS.filter(([re]) => re.test(text))
    .map(([, words]) => words)
    .join(' ');
}
