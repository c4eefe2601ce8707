/** How a cited section is matched against the sections a question lists (../shared/eval/README.md). */
import { describe, expect, it } from 'vitest';
import { partnershipOf, sectionMatches } from '../../domain/answering/evaluate.ts';

describe('sectionMatches', () => {
  it.each([
    ['13.4', '13.4', true],
    ['13.4(b)', '13.4', true],
    ['13.40', '13.4', false],
    ['13.4', '13', true], // a listed section covers its subsections
    ['Appendix 1', 'Appendix 1', true],
    ["Children's Social Care in Numbers 2018/19", "Children's social care in numbers 2018/19", true],
    ["Children's Social Care in Numbers 2018/19", "CHILDREN'S SOCIAL CARE IN NUMBERS 2018/19", true],
    ['Children’s services', 'Early help', false],
  ])('cited %j, listed %j: %s', (cited, listed, expected) => {
    expect(sectionMatches(cited, listed)).toBe(expected);
  });
});

// A set's writer may place a message in the City or in Hackney; the bot's user there has set the
// one partnership they share, so the message is answered as it would be for them.
describe('partnershipOf', () => {
  it.each([
    ['haringey', 'haringey'],
    ['city-hackney', 'city-hackney'],
    ['city', 'city-hackney'],
    ['hackney', 'city-hackney'],
    ['camden', null],
    [undefined, null],
  ])('%j is answered as %j', (given, expected) => {
    expect(partnershipOf(given === undefined ? {} : { partnership: given })).toBe(expected);
  });
});
