/**
 * Start-up cost of the checks added for issue 12, beside a baseline of the same files without
 * them: loading the four checklists (schema only, baseline) against full validation (graph,
 * trigger paths over every partnership, sources, scopes, partnership ownership); the
 * knowledge base's quote check (baseline) against the scope and section-number checks; and
 * building one summary with trigger deadlines. Each figure is the median of several runs.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_CHECKLISTS_DIR, loadChecklists, parseChecklist } from '../domain/checklists/load.ts';
import { loadKnowledge } from '../knowledge/load.ts';
import { findQuoteProblems } from '../knowledge/verify-quotes.ts';
import { scopeProblems } from '../knowledge/primary-sources.ts';
import { findSectionProblems } from '../knowledge/section-check.ts';
import { buildSummary } from '../domain/checklists/summary.ts';
import { createEnglandCalendar } from '../domain/calendar/working-days.ts';
import { loadContacts } from '../domain/contacts/contacts.ts';
import { documentTitles } from '../domain/checklists/service.ts';
import { ms, percentile, timeEach } from './stats.ts';

const RUNS = Array.from({ length: 7 }, (_, i) => i);
const median = (xs: number[]) => percentile(xs, 50);

export function runChecklistsBench(): string[] {
  const files = readdirSync(DEFAULT_CHECKLISTS_DIR).filter((f) => f.endsWith('.yaml'));
  const schemaOnly = median(timeEach(RUNS, () => files.map((f) => parseChecklist(parse(readFileSync(join(DEFAULT_CHECKLISTS_DIR, f), 'utf8')), f))));
  const full = median(timeEach(RUNS, () => loadChecklists()));
  const kb = loadKnowledge();
  const quotes = median(timeEach(RUNS, () => findQuoteProblems(kb)));
  const scopes = median(timeEach(RUNS, () => scopeProblems(kb)));
  const sections = median(timeEach(RUNS, () => findSectionProblems(kb)));
  const lado = loadChecklists().find((c) => c.id === 'lado')!;
  const deps = { calendar: createEnglandCalendar(), contacts: loadContacts(), titles: documentTitles() };
  const run = {
    id: 'bench',
    userId: 'u',
    checklistId: 'lado',
    partnership: 'harrow' as const,
    status: 'completed' as const,
    version: 9,
    startedAt: '2026-12-07T09:00:00Z',
    updatedAt: '2026-12-07T09:05:00Z',
    currentStepId: null,
    outcomeId: 'refer-now',
    answers: [
      ['danger', 'no'],
      ['works-with-children', 'yes'],
      ['when', 'on-date', '2026-12-03'],
      ['harm-test', 'yes'],
      ['told-dsl', 'yes'],
      ['do-not', 'no'],
      ['record', 'yes'],
      ['lado-contacted', 'no'],
    ].map(([stepId, choiceId, date]) => ({ stepId: stepId!, choiceId: choiceId!, ...(date ? { date } : {}) })),
  };
  const summary = median(
    timeEach(
      Array.from({ length: 200 }, (_, i) => i),
      () => buildSummary(lado, run, deps),
    ),
  );
  return [
    'Checklists and knowledge checks (median of 7; summary: median of 200)',
    `  load 4 checklists: schema only (baseline) ${ms(schemaOnly)}  |  full validation incl. trigger paths, scopes, ownership ${ms(full)}`,
    `  knowledge base: quote check (baseline) ${ms(quotes)}  |  scope check ${ms(scopes)}  |  section-number check ${ms(sections)}`,
    `  one LADO summary with trigger deadlines and contact provenance: ${ms(summary)}`,
  ];
}
