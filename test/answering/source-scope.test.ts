/**
 * Whose rule a public source is, as answers show it. Only statute and DfE guidance are
 * national: a London procedure is London-wide and a partnership's page is local. Before this,
 * every source that was not a seed was labelled "National" in answer cards and Teams citations.
 */
import { describe, expect, it } from 'vitest';
import { citationClaims } from '../../bot/citations.ts';
import { answerCard } from '../../cards/answer-card.ts';
import { sourceLine, sourceLink } from '../../bot/source-line.ts';
import { Composer, scopeLabel } from '../../domain/answering/compose.ts';
import type { AnswerSource } from '../../domain/answering/types.ts';
import { allSources, loadKnowledge } from '../../knowledge/load.ts';
import { SCOPE_LABELS, type NationalSource } from '../../knowledge/schema.ts';
import { createAnswerEngine } from '../../domain/answering/engine.ts';
import { answerView } from '../../bot/answer-view.ts';

const kb = loadKnowledge();
const composer = new Composer(kb.documents);

const london: NationalSource = {
  national: true,
  scope: 'london',
  title: 'London Safeguarding Children Procedures, PA4 Resolving Professional Differences (revised September 2021)',
  section: '1.4',
  url: 'https://www.londonsafeguardingchildrenprocedures.co.uk/res_prof_diff.html',
  quote: 'Professionals should attempt to resolve differences through discussion and/or meeting within a working week',
};
const local: NationalSource = {
  national: true,
  scope: 'local',
  partnership: 'haringey',
  title: 'Haringey Council: Child protection (MASH)',
  section: 'Report a concern',
  url: 'https://www.haringey.gov.uk/children-and-families/childrens-social-care/child-protection',
};
const wt: NationalSource = {
  national: true,
  scope: 'national',
  title: 'Working Together to Safeguard Children (DfE statutory guidance)',
  section: 'Chapter 3, para 153',
  url: 'https://www.gov.uk/government/publications/working-together-to-safeguard-children--2',
  edition: 'Working Together 2023',
};
const keywordsOf = (s: AnswerSource) => citationClaims([s])[0]!.appearance.keywords ?? [];

describe('an answer labels each public source by its scope', () => {
  it.each([
    ['a London procedure is London-wide', london, 'london', 'London-wide'],
    ["a partnership's page is local", local, 'local', 'Local page'],
    ['Working Together is national', wt, 'national', 'National'],
  ] as const)('%s', (_name, src, scope, label) => {
    const a = composer.source(src);
    expect(a.scope).toBe(scope);
    expect(scopeLabel(a)).toBe(label);
    expect(sourceLine(a).startsWith(`${label}: ${src.title}`)).toBe(true);
    expect(sourceLink(a).startsWith(`${label}: [${src.title}](${src.url})`)).toBe(true);
    expect(keywordsOf(a)).toContain(label);
    if (scope !== 'national') {
      expect(sourceLine(a)).not.toMatch(/^National/);
      expect(keywordsOf(a)).not.toContain('National');
    }
  });

  it('a local page carries its partnership; a seed carries no scope and no label', () => {
    expect(composer.source(local).partnership).toBe('haringey');
    const seed = composer.source({ document: kb.documents[0]!.file, section: '1', quote: 'a quote long enough to prove something' });
    expect(seed.scope).toBeUndefined();
    expect(scopeLabel(seed)).toBeUndefined();
    expect(sourceLine(seed)).not.toMatch(/^(National|London-wide|Local page|Secondary source):/);
  });

  it('every public source in the knowledge base is shown with the scope it declares', () => {
    const wrong = kb.records.flatMap((r) =>
      allSources(r)
        .filter((s): s is NationalSource => 'national' in s)
        .flatMap((s) => {
          const line = sourceLine(composer.source(s));
          return line.startsWith(`${SCOPE_LABELS[s.scope]}: `) ? [] : [`${r.id}: "${line}" (declared ${s.scope})`];
        }),
    );
    expect(wrong).toEqual([]);
    // The knowledge base does hold London and local sources, so the check above has teeth.
    const scopes = new Set(kb.records.flatMap((r) => allSources(r).flatMap((s) => ('national' in s ? [s.scope] : []))));
    expect([...scopes]).toEqual(expect.arrayContaining(['national', 'london', 'local']));
  });

  it('the PA4 answer labels PA4 London-wide on the card and in the Teams citations', () => {
    const answer = createAnswerEngine(kb).answer('What does the London procedure PA4 say about resolving professional differences?', {});
    const pa4 = answer.sources.find((s) => s.title.includes('PA4'));
    expect(pa4, answer.sources.map((s) => s.title).join('; ')).toBeDefined();
    expect(pa4!.scope).toBe('london');
    expect(keywordsOf(pa4!)).toContain('London-wide');
    const card = JSON.stringify(
      answerCard({ answer: answerView(answer), answerId: 'a1', questionHash: 'h', questionForFeedback: null, partnershipLabel: null }).content,
    );
    expect(card).toContain('London-wide: [London Safeguarding Children Procedures, PA4');
    expect(card).not.toContain('National: [London');
    expect(card).not.toContain('National: London');
  });
});
