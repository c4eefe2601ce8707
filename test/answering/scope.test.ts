/**
 * What is not this bot's business: off-topic words and the off-topic reader (both data in
 * knowledge/language/off-topic.yaml). A refusal needs positive evidence; a described situation
 * and a strong match are never refused.
 */
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../knowledge/load.ts';
import { loadOffTopic } from '../../knowledge/language-load.ts';
import { createAnswerEngine } from '../../domain/answering/engine.ts';
import { tempFile } from '../support/temp-file.ts';

const engine = createAnswerEngine(loadKnowledge());

describe('off-topic requests are refused as such, not answered with the nearest fact', () => {
  it.each([
    'how do I reset my outlook password',
    "what's the weather like on friday",
    'how do I share my screen in teams',
    // Workplace requests that name children's services (off-topic.yaml words).
    'can I ask for flexible working now I manage a children in need team?',
    'please draft a job description for a safeguarding administrator',
    // No listed word: the reader, against a weak match.
    'Is there a discount at the leisure centre gym for council employees?',
    'Can I book the big meeting room for our team away day next week?',
  ])('%s', (q) => {
    const a = engine.answer(q);
    expect(a.answered).toBe(false);
    expect(a.reason).toBe('out-of-scope');
  });
});

describe('never refused as off-topic', () => {
  it.each([
    ['a strong match in terse wording', 'who chairs the CHSCP Executive?'],
    // Disclosures with everyday words (screen, lunch, train) are in test/triage/triage.test.ts,
    // which also requires their route.
    [
      "a worker's conduct with no sign word the vocabulary knows",
      'a volunteer at our club keeps messaging two of our 13 year olds asking them round to his flat',
    ],
  ])('%s', (_why, q) => {
    expect(engine.answer(q).reason).not.toBe('out-of-scope');
  });

  it('a terse message in a conversation (it continues the conversation)', () => {
    const first = engine.answer('How often does the Haringey CDOP meet?');
    const next = engine.answer('was the eCDOP system up and running?', { memory: first.memory ?? null });
    expect(next.reason).not.toBe('out-of-scope');
  });
});

describe('the off-topic file as configuration', () => {
  it('needs examples, and names the file when they are missing', () => {
    const file = tempFile('off-topic.yaml', 'words: [weather]\n');
    expect(() => loadOffTopic(file)).toThrow(/off-topic\.yaml: offTopic/);
  });
});
