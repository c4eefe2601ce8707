/**
 * The one rendering rule (cards/literal-text.ts) and short button titles (cards/button-title.ts),
 * on their own. That the rule works in real renderers is test/web/card-rendering.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { buttonTitle, MAX_BUTTON_TITLE, questionButton } from '../../cards/button-title.ts';
import { literalText, protectCard, withoutMarks, WORD_JOINER as WJ } from '../../cards/literal-text.ts';
import { helpCard } from '../../cards/help-card.ts';

describe('literal text', () => {
  it.each([
    ['partnership <name>', `partnership <${WJ}name>`],
    ['remind "<meeting>" <YYYY-MM-DD>', `remind "<${WJ}meeting>" <${WJ}YYYY-MM-DD>`],
    ['(a) harmed; (c) behaved; (R) (tm) (P)', `(a) harmed; (${WJ}c) behaved; (${WJ}R) (${WJ}tm) (${WJ}P)`],
    ['12 +- 2, a -- b, wait...', `12 +${WJ}- 2, a -${WJ}- b, wait.${WJ}..`],
    ['**Harrow**: 3 < 4 and [a link](https://example.org)', '**Harrow**: 3 < 4 and [a link](https://example.org)'],
  ])('%s', (input, expected) => {
    expect(literalText(input)).toBe(expected);
    expect(withoutMarks(literalText(input))).toBe(input);
    expect(literalText(literalText(input))).toBe(expected);
  });

  it('is applied to every TextBlock and fact of a rendered card, and never to submit data', () => {
    const card = {
      type: 'AdaptiveCard',
      body: [{ type: 'FactSet', facts: [{ title: '<a>', value: '(c)' }] }],
      actions: [{ type: 'Action.Submit', title: 't', data: { text: '<keep>' } }],
    };
    protectCard(card);
    expect(card.body[0]!.facts[0]).toEqual({ title: `<${WJ}a>`, value: `(${WJ}c)` });
    expect(card.actions[0]!.data.text).toBe('<keep>');
    expect(JSON.stringify(helpCard([{ usage: 'partnership <name>', description: 'x' }], null).content)).toContain(`partnership <${WJ}name>`);
  });
});

describe('button titles', () => {
  it.each([
    ['How often does the Strategic Safeguarding Partnership (SSP) meet?', 'How often does the SSP meet?'],
    ['Who chairs the City & Hackney Safeguarding Children Partnership (CHSCP) Executive?', 'Who chairs the CHSCP Executive?'],
    ['Who chairs the SSP?', 'Who chairs the SSP?'],
    ['Who is the Independent Chair of the Haringey LSCB and HSCP?', 'Who is the Independent Chair of the…'],
  ])('%s', (question, title) => {
    expect(buttonTitle(question)).toBe(title);
    expect(buttonTitle(question).length).toBeLessThanOrEqual(MAX_BUTTON_TITLE);
  });

  it('a question button keeps the whole question as its tooltip and as what it asks', () => {
    const q = 'How often does the Strategic Safeguarding Partnership (SSP) meet?';
    expect(questionButton(q)).toEqual({ title: 'How often does the SSP meet?', tooltip: q, question: q });
  });
});
