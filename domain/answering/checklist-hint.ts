/**
 * Which guided checklist fits an answer: an answer about the LADO offers the LADO checklist,
 * about escalation the escalation one, and so on, so a lead can go from reading to doing.
 */
import type { KnowledgeRecord } from '../../knowledge/schema.ts';
import type { ChecklistHint } from './types.ts';

const BY_TOPIC: Partial<Record<string, ChecklistHint>> = {
  lado: 'lado',
  escalation: 'escalation',
  'serious-incident': 'serious-incident',
  'rapid-review': 'serious-incident',
  'practice-review': 'serious-incident',
  'child-death': 'serious-incident',
  mash: 'referral',
  thresholds: 'referral',
};

export function checklistFor(records: readonly KnowledgeRecord[]): ChecklistHint | undefined {
  for (const r of records) {
    if (r.type === 'escalation') return 'escalation';
    if (r.type === 'threshold') return 'referral';
    if (r.type === 'topic' && BY_TOPIC[r.topic]) return BY_TOPIC[r.topic];
    if (/\blado\b/i.test(`${r.id} ${r.name}`)) return 'lado';
  }
  return undefined;
}
