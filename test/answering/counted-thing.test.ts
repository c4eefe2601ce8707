import { describe, expect, it } from 'vitest';
import { countedThing, countsThing } from '../../domain/answering/counted-thing.ts';

describe('"how many X" is answered with a number of X, not of something else', () => {
  it.each([
    ['How many schools are there in Harrow?', 'schools'],
    ['how many big deep dive audits a year are expected?', 'audits'],
    ['How many other boroughs is Harrow configured with?', 'boroughs'],
    ['How many times a year does the board meet?', null],
    ['Of all the LADO contacts, how many went to a meeting?', null],
  ])('%s counts %s', (q, thing) => {
    expect(countedThing(q)?.norm ?? null).toBe(thing);
  });

  it.each([
    ['configured with those of seven other North West London boroughs', 'How many other boroughs?', true],
    ['Twelve agencies took part in the practice week', 'How many practitioners took part?', false],
    ['The largest groups of pupils are Asian Other (21%) and Indian (19%)', 'How many schools are there?', false],
    ['187 children were subject to a child protection plan', 'How many children were on a plan?', true],
  ])('"%s" answers "%s": %s', (text, q, ok) => {
    expect(countsThing(text, countedThing(q)!)).toBe(ok);
  });
});
