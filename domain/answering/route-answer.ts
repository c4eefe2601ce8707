/**
 * The answer to a described situation: each route the triage found, in order, as a short block
 * (the first step in one sentence, then the partnership's own procedure with its citation, or
 * an honest "the arrangements don't set this out" and the national rule). Plain data: the bot
 * adds the deployment contacts and the button that starts the matching checklist.
 */
import type { KnowledgeRecord, PartnershipId, Source } from '../../knowledge/schema.ts';
import type { Composer } from './compose.ts';
import { PARTNERSHIP_LABELS } from './partnerships.ts';
import type { TriageResult } from '../triage/triage.ts';
import type { Answer } from './types.ts';

export interface RouteAnswerDeps {
  byId: ReadonlyMap<string, KnowledgeRecord>;
  composer: Composer;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

export function routeAnswer(result: TriageResult, partnership: PartnershipId | null, deps: RouteAnswerDeps): Answer {
  const lines: string[] = [];
  const md: string[] = [];
  const records: KnowledgeRecord[] = [];
  const sources: Source[] = [];
  const use = (id: string): KnowledgeRecord | undefined => {
    const r = deps.byId.get(id);
    if (r && !records.includes(r)) {
      records.push(r);
      sources.push(...r.summary.sources);
    }
    return r;
  };
  const label = partnership ? PARTNERSHIP_LABELS[partnership] : null;

  result.definitions.forEach((route, i) => {
    route.basis.forEach(use);
    const step = i === 0 ? route.first : `${i === 1 ? 'Then' : 'Also'}: ${lowerFirst(route.first)}`;
    lines.push(step);
    md.push(route.id === 'emergency' ? `**${route.first}**` : `**${route.title}.** ${step}`);
    if (route.then && result.definitions.length === 1) {
      lines.push(route.then);
      md.push(route.then);
    }
    // Local detail for the leading route only: one answer, not a dump of every procedure.
    if (route.id === 'emergency' || result.definitions.some((d, j) => j < i && d.id !== 'emergency')) return;
    const local = partnership ? (route.local[partnership] ?? []).map(use).filter((r): r is KnowledgeRecord => !!r) : [];
    if (partnership && local.length) {
      const text = `In ${label}: ${local[0]!.summary.text}`;
      lines.push(text);
      md.push(text);
    } else if (partnership) {
      const text = `The ${label} arrangements I hold don't set out their own procedure for this, so the national rule above applies.`;
      lines.push(text);
      md.push(text);
    }
  });
  for (const id of result.extraRecords) {
    const r = use(id);
    if (r) {
      lines.push(r.summary.text);
      md.push(r.summary.text);
    }
  }
  if (!partnership && result.routes.some((r) => r !== 'emergency')) {
    const text = 'Tell me your partnership ("partnership Haringey", "Harrow" or "City and Hackney") for its own procedure.';
    lines.push(text);
    md.push(text);
  }
  const checklist = result.definitions.find((d) => d.id !== 'emergency' && d.checklist)?.checklist ?? result.definitions[0]?.checklist;
  return {
    answered: true,
    text: lines.join('\n'),
    markdown: md.join('\n\n'),
    partnership,
    // Every route's basis and the partnership's procedure are cited: no cap at a fact's six.
    sources: deps.composer.sourcesOf(sources, Infinity),
    confidence: 1,
    suggestions: [],
    followUps: [],
    kind: result.routes[0] === 'emergency' ? 'emergency' : 'route',
    recordIds: records.map((r) => r.id),
    routes: result.routes,
    ...(checklist ? { checklist } : {}),
  };
}
