/**
 * What kind of fact a question asks for. Each pattern votes for the record attributes
 * that answer it ("who chairs" -> chair; "how often" -> cadence). Patterns run over the
 * normalised question, so "vice-chair" is "vicechair" and "bi-monthly" is "bimonthly".
 */
import { normalise } from './text.ts';

export type AttrKey =
  | 'summary' | 'role' | 'chair' | 'viceChair' | 'members' | 'cadence' | 'accountableTo' | 'quorum'
  | 'area' | 'statutoryPartners' | 'leads' | 'independentRoles' | 'holder' | 'responsibilities'
  | 'appointedBy' | 'documentName' | 'levels' | 'statutorySections' | 'maintainedBy' | 'reviewCycle'
  | 'policyName' | 'stages' | 'finalStage' | 'involved' | 'timescale' | 'decides' | 'notifies'
  | 'value' | 'expansion' | 'standard' | 'owner' | 'deadline' | 'fact';

export type IntentWeights = Partial<Record<AttrKey, number>>;

const RULES: Array<[RegExp, IntentWeights]> = [
  [/\bvicechair|deputy chair|deputy\b/, { viceChair: 3 }],
  [/\b(who|whom)\b.*\b(chair|chairs|chaired|chairing|chairperson|chairman|chairwoman)\b|\bchair(s|ed|ing|person)? (of|by)\b|\bchaired by\b/, { chair: 3, holder: 1 }],
  [/\bchair\b/, { chair: 1.5 }],
  [/\b(rotate|rotation|rotates)\b/, { viceChair: 2, chair: 1 }],
  [/\b(how often|how frequently|frequency|how regularly|how many times|cadence|meet|meets|meeting|met)\b/, { cadence: 3 }],
  [/\b(each|per|a) year\b|\bannually\b|\bevery year\b/, { cadence: 1.5, value: 1 }],
  [/\b(who (is|are|sits|sit|attend|attends|goes|go)( on| to)?|members?|membership|made up|represented|representation|attendees|composition|who.*\b(on|in) the)\b/, { members: 2.5 }],
  [/\b(accountable(?! officer)|report(s)? to|reporting to|answer(s)? to|oversight of|oversees)\b/, { accountableTo: 3 }],
  [/\b(quorum|quorate)\b/, { quorum: 4 }],
  [/\b(stand for|stands for|mean|meaning|acronym|abbreviation|short for|full form)\b/, { expansion: 4, summary: 1 }],
  [/^(what|whats|what is|what are|what does|tell me about|explain|describe)\b/, { summary: 1.5, role: 1.5, fact: 0.5 }],
  [/\b(role|purpose|responsib|function|functions|job|do|does|for)\b/, { role: 1.5, responsibilities: 1.5, summary: 0.5 }],
  [/\b(who leads|who runs|who is responsible|led by|run by|lead for|who lead)\b/, { chair: 2, holder: 1.5, decides: 1, involved: 1, fact: 1, summary: 1 }],
  [/\b(who (was|is) the|who holds|name of the|who is)\b/, { holder: 2.5, chair: 0.5 }],
  [/\b(name|names|by name|called|named)\b/, { holder: 3.5, leads: 2.5 }],
  [/\b(appoint|appoints|appointed|recruit|recruited|select|selected|commission|commissions|commissioned)\b/, { appointedBy: 3, decides: 1, fact: 1 }],
  [/\b(how many|how much|number of|percentage|proportion|per cent|percent|%|£|budget|cost|total|figure|rate)\b/, { value: 3, fact: 0.5 }],
  [/\b(when|timescale|timeframe|deadline|within|how long|how quickly|how soon|days|working days|by when)\b/, { timescale: 3, deadline: 2, cadence: 0.5, fact: 0.5 }],
  [/\b(who decides|decide|decides|decision|determine)\b/, { decides: 3 }],
  [/\b(notify|notifies|notification|inform|tell|report)\b/, { notifies: 2.5, timescale: 1 }],
  [/\b(stage|stages|steps|process|escalate|escalation|dispute|disagree|disagreement|resolve)\b/, { stages: 2, policyName: 1.5, finalStage: 1 }],
  [/\b(final|last) (stage|step)\b/, { finalStage: 3 }],
  [/\b(level|levels|tier|tiers|continuum|threshold)\b/, { levels: 2, documentName: 1.5 }],
  [/\bthresholds? (document|documents|doc|docs|tool|tools|guidance|guide|framework)\b|\bwhich (document|guidance|tool)\b/, { documentName: 3 }],
  [/\bsection(17|47|20|31)\b|\bstatutory section/, { statutorySections: 3 }],
  [/\b(maintain|maintains|maintained|update|updates|owns|keeps)\b/, { maintainedBy: 2.5, owner: 1.5 }],
  [/\b(review(ed)? (how often|every)|how often.*review)/, { reviewCycle: 3 }],
  [/\b(area|areas|cover|covers|boundary|geograph)\b/, { area: 2 }],
  [/\b(statutory partner|safeguarding partners|partners)\b/, { statutoryPartners: 2.5, leads: 1 }],
  [/\b(lead representatives?|delegated|officer leads?|(police|health|ccg|council|local authority) leads?)\b/, { leads: 3 }],
  [/\b(independent (chair|scrutin|person|commissioner))\b/, { independentRoles: 1.5, holder: 1 }],
  [/\b(who (is|are|gets|should be) involved|who takes part)\b/, { involved: 2.5, members: 1 }],
  [/\b(involved|involve|participat\w*)\b/, { involved: 1, summary: 1, fact: 1 }],
  [/\b(standard|standards|expected|expectation|must)\b/, { standard: 1.5 }],
  [/\b(owner|owned|responsible officer)\b/, { owner: 2 }],
];

export function detectIntent(question: string): IntentWeights {
  const text = normalise(question);
  const weights: IntentWeights = {};
  for (const [re, w] of RULES) {
    if (!re.test(text)) continue;
    for (const [k, v] of Object.entries(w) as Array<[AttrKey, number]>) weights[k] = Math.max(weights[k] ?? 0, v);
  }
  return weights;
}

/** "Which meetings does the SSPM chair?" asks for bodies by their chair, not for a chair. */
export function reverseRelation(question: string): 'chair' | 'members' | null {
  const text = normalise(question);
  if (/\b(which|what) (meetings|groups|bodies|boards|subgroups|panels|forums|committees)\b.*\b(chair|chairs|lead|leads|run|runs)\b/.test(text)) return 'chair';
  if (/\bwhat does (the )?\w+( \w+)? chair\b/.test(text)) return 'chair';
  if (/\b(which|what) (meetings|groups|bodies|boards|subgroups|panels|forums|committees)\b.*\b(attend|attends|sit on|sits on|member)\b/.test(text)) return 'members';
  return null;
}

export const ATTR_LABELS: Record<AttrKey, string> = {
  summary: 'What it is', role: 'Role', chair: 'Chair', viceChair: 'Vice-chair', members: 'Members',
  cadence: 'How often it meets', accountableTo: 'Accountable to', quorum: 'Quorum', area: 'Area',
  statutoryPartners: 'Statutory partners', leads: 'Lead representatives', independentRoles: 'Independent roles',
  holder: 'Held by', responsibilities: 'Responsibilities', appointedBy: 'Appointed by', documentName: 'Document',
  levels: 'Levels of need', statutorySections: 'Statutory sections', maintainedBy: 'Maintained by',
  reviewCycle: 'Reviewed', policyName: 'Policy', stages: 'Stages', finalStage: 'Final stage', involved: 'Who is involved',
  timescale: 'Timescale', decides: 'Who decides', notifies: 'Who notifies', value: 'Figure', expansion: 'Stands for',
  standard: 'Standard', owner: 'Owner', deadline: 'Deadline', fact: 'Fact',
};
