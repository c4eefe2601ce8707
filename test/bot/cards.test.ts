/**
 * Every card the bot can send, in each of its shapes, validated with the adaptivecards SDK
 * at 1.5 (no errors, no warnings) and checked for a plain-text fallback. The cases are built
 * from real engine answers over the real knowledge base; the list of templates on disk must
 * match the cases, so a new template without a test fails here.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { abstainCard } from '../../cards/abstain-card.ts';
import { answerCard } from '../../cards/answer-card.ts';
import { askLeadConfirmCard } from '../../cards/ask-lead-card.ts';
import { emergencyCard } from '../../cards/emergency-card.ts';
import { expertTicketCard } from '../../cards/expert-ticket-card.ts';
import { feedbackThanksCard } from '../../cards/feedback-card.ts';
import { helpCard } from '../../cards/help-card.ts';
import { partnershipChoiceCard } from '../../cards/partnership-card.ts';
import type { CardAttachment } from '../../cards/render.ts';
import { searchResultCard } from '../../cards/search-result-card.ts';
import { welcomeCard } from '../../cards/welcome-card.ts';
import { EXAMPLE_QUESTIONS } from '../../bot/features/core.ts';
import { PARTNERSHIP_OPTIONS } from '../../bot/partnerships.ts';
import { createRouter } from '../../bot/routes.ts';
import { expertTicketView } from '../../bot/ticket-view.ts';
import type { Ticket } from '../../domain/tickets/transitions.ts';
import { adaptiveCardProblems } from '../support/adaptive-card.ts';
import { realEngine } from '../support/bot-server.ts';
import { answerView } from '../../bot/answer-view.ts';

const engine = realEngine();
const answered = engine.answer('Who chairs the Harrow Strategic Safeguarding Partnership?', { partnership: 'harrow' });
const comparison = engine.answer('Who chairs the safeguarding partnership?', {});
const emergency = engine.answer('A child is being hurt right now', {});
const vague = engine.answer('who chairs it', {});
const outOfScope = engine.answer('what is the capital of france', {});
const lado = engine.answer('When do I go to the LADO?', { partnership: 'haringey' });

const ticket: Ticket = {
  id: '5a3c1e0e-8f7b-4b7e-9a61-0d2f3c4b5a69',
  state: 'open',
  version: 1,
  question: 'Does the threshold document cover pre-birth?',
  partnership: 'harrow',
  askerName: 'Sam Practitioner',
  askerConversationId: 'a:1',
  assigneeId: null,
  assigneeName: null,
  expertConversationId: '19:experts',
  expertActivityId: 'activity-1',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};
const commands = createRouter().commands.map((c) => ({ usage: c.usage, description: c.description }));
const answerInput = { answerId: '0d5f6c1e-1111-4222-8333-444455556666', questionHash: 'a'.repeat(64), questionForFeedback: null, partnershipLabel: 'Harrow' };

const CASES: Array<[template: string, variant: string, card: () => CardAttachment]> = [
  [
    'welcome',
    'personal, nothing chosen',
    () => welcomeCard({ partnerships: PARTNERSHIP_OPTIONS, current: null, examples: EXAMPLE_QUESTIONS, scopeNoun: 'for you' }),
  ],
  [
    'welcome',
    'team, partnership chosen',
    () => welcomeCard({ partnerships: PARTNERSHIP_OPTIONS, current: 'harrow', examples: EXAMPLE_QUESTIONS, scopeNoun: 'in this team' }),
  ],
  ['help', 'no partnership', () => helpCard(commands, null)],
  ['help', 'with partnership', () => helpCard(commands, 'Harrow')],
  ['partnership-choice', 'nothing chosen', () => partnershipChoiceCard(PARTNERSHIP_OPTIONS, null, 'for you')],
  ['partnership-choice', 'chosen', () => partnershipChoiceCard(PARTNERSHIP_OPTIONS, 'city-hackney', 'in this chat')],
  ['answer', 'fact with follow-ups', () => answerCard({ answer: answerView(answered), ...answerInput })],
  ['answer', 'comparison across partnerships', () => answerCard({ answer: answerView(comparison), ...answerInput, partnershipLabel: null })],
  [
    'answer',
    'emergency answer, question text opted in',
    () => answerCard({ answer: answerView(emergency), ...answerInput, questionForFeedback: 'A child is being hurt right now' }),
  ],
  [
    'answer',
    'no follow-ups, historical source',
    () =>
      answerCard({
        answer: answerView({ ...answered, followUps: [], sources: answered.sources.map((s) => ({ ...s, historical: true })) }),
        ...answerInput,
      }),
  ],
  ['answer', 'with a checklist button', () => answerCard({ answer: answerView(lado), ...answerInput })],
  ['answer', 'no sources (no source block, no quote toggle)', () => answerCard({ answer: answerView({ ...answered, sources: [] }), ...answerInput })],
  [
    'abstain',
    'with suggestions and ask-a-lead',
    () => abstainCard({ answer: answerView(vague), question: 'who chairs it', personLine: 'Talk to your DSL.', canAskLead: true }),
  ],
  [
    'abstain',
    'out of scope, no lead route',
    () => abstainCard({ answer: answerView(outOfScope), question: 'x', personLine: 'Talk to your DSL.', canAskLead: false }),
  ],
  [
    'abstain',
    'clarify heading',
    () => abstainCard({ answer: answerView(vague), question: 'x', heading: 'Could you tell me a bit more?', personLine: 'p', canAskLead: false }),
  ],
  ['emergency', 'with contacts', () => emergencyCard(['Harrow MASH: 020 8901 2690 (9am-5pm)', 'Harrow emergency duty team: 020 8424 0999'])],
  ['emergency', 'without contacts', () => emergencyCard([])],
  ['feedback-thanks', 'helpful', () => feedbackThanksCard(true, 'recorded', null)],
  ['feedback-thanks', 'same button twice', () => feedbackThanksCard(true, 'same', null)],
  ['feedback-thanks', 'not helpful, offers a lead', () => feedbackThanksCard(false, 'changed', { question: 'q?' })],
  ['ask-lead-confirm', 'confirm', () => askLeadConfirmCard('Does the threshold document cover pre-birth?', ticket.id, 'Leads reply in working hours.')],
  ['expert-ticket', 'open', () => expertTicketCard(expertTicketView(ticket))],
  ['expert-ticket', 'assigned', () => expertTicketCard(expertTicketView({ ...ticket, state: 'assigned', version: 2, assigneeName: 'Alex Lead' }))],
  [
    'expert-ticket',
    'closed (no buttons)',
    () => expertTicketCard(expertTicketView({ ...ticket, state: 'closed', version: 3, assigneeName: 'Alex Lead', partnership: null })),
  ],
  ['expert-ticket', 'undelivered', () => expertTicketCard(expertTicketView({ ...ticket, state: 'undelivered', partnership: null }))],
  ['search-result', 'cited answer', () => searchResultCard('Who chairs it?', answerView(answered), 'Harrow').card],
];

describe('every card validates as Adaptive Cards 1.5 with a text fallback', () => {
  it.each(CASES)('%s (%s)', (_template, _variant, build) => {
    const card = build();
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(adaptiveCardProblems(card.content)).toEqual([]);
    expect(card.content.fallbackText.length).toBeGreaterThan(10);
    // No template expression left unexpanded.
    expect(JSON.stringify(card.content)).not.toMatch(/\$\{|"\$data"|"\$when"/);
  });

  it('covers every conversation template in cards/templates (checklist and reminder cards are tested with their features)', () => {
    const onDisk = readdirSync(new URL('../../cards/templates/', import.meta.url))
      .map((f) => f.replace(/\.json$/, ''))
      .filter((name) => !/^(checklist|reminder)/.test(name))
      .sort();
    expect([...new Set(CASES.map((c) => c[0]))].sort()).toEqual(onDisk);
  });

  it('the engine answers used above are what they claim to be', () => {
    expect([answered.answered, answered.sources.length > 0, answered.followUps.length > 0]).toEqual([true, true, true]);
    expect(emergency.kind).toBe('emergency');
    expect([vague.answered, vague.suggestions.length > 0]).toEqual([false, true]);
    expect(outOfScope.answered).toBe(false);
  });
});

describe('the validator itself', () => {
  it.each([
    ['an unknown element', { type: 'AdaptiveCard', version: '1.5', fallbackText: 'x', body: [{ type: 'Carousel', pages: [] }] }],
    ['a card declaring another version', { type: 'AdaptiveCard', version: '1.6', fallbackText: 'x', body: [] }],
    ['an unknown action', { type: 'AdaptiveCard', version: '1.5', fallbackText: 'x', actions: [{ type: 'Action.Teleport', title: 'Go' }] }],
    ['a missing fallback', { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'x' }] }],
    ['an input without an id', { type: 'AdaptiveCard', version: '1.5', fallbackText: 'x', body: [{ type: 'Input.Text' }] }],
    [
      'a duplicate id',
      {
        type: 'AdaptiveCard',
        version: '1.5',
        fallbackText: 'x',
        body: [
          { type: 'TextBlock', id: 'a', text: 'x' },
          { type: 'TextBlock', id: 'a', text: 'y' },
        ],
      },
    ],
  ])('rejects %s', (_name, card) => {
    expect(adaptiveCardProblems(card).length).toBeGreaterThan(0);
  });
});

describe('the quote on an answer card', () => {
  it('is offered only where a quote is held, with no placeholder lines', () => {
    const noQuotes = answerCard({ answer: answerView({ ...answered, sources: answered.sources.map((s) => ({ ...s, quote: '' })) }), ...answerInput });
    const json = JSON.stringify(noQuotes.content);
    expect(json).not.toContain('no quote recorded');
    expect(json).not.toContain('Action.ToggleVisibility');
    const withQuote = JSON.stringify(answerCard({ answer: answerView(answered), ...answerInput }).content);
    expect(withQuote).toContain('Show or hide the quote');
    expect(withQuote).toContain(answered.sources[0]!.quote.slice(0, 30));
  });
});

describe('answers lead to the checklist that fits', () => {
  it('a LADO answer offers the LADO checklist as a card button with a checklist.start verb', () => {
    expect(lado.checklist).toBe('lado');
    const card = JSON.stringify(answerCard({ answer: answerView(lado), ...answerInput }).content);
    expect(card).toContain('"verb":"checklist.start"');
    expect(card).toContain('"checklistId":"lado"');
  });

  it('an answer about a chair offers no checklist', () => {
    expect(answered.checklist).toBeUndefined();
    expect(JSON.stringify(answerCard({ answer: answerView(answered), ...answerInput }).content)).not.toContain('checklist.start');
  });
});
