/**
 * Which questions ask for a list of bodies of one kind, table-driven from
 * knowledge/language/lists.yaml: each kind's examples read as that list, the `none` questions as
 * no list (they ask something of the bodies, not for them).
 */
import { describe, expect, it } from 'vitest';
import { createListReader } from '../../domain/answering/list.ts';
import { loadLists } from '../../knowledge/language-load.ts';

const data = loadLists();
const listKind = createListReader(data);

describe('a question asking for the bodies of one kind is read as that list', () => {
  it.each(data.kinds.flatMap((k) => k.examples.map((q) => [k.label, q] as const)))('%s: %s', (label, q) => {
    expect(listKind(q)?.label).toBe(label);
  });
});

describe('a question asking something of the bodies is no list', () => {
  it.each(data.none)('%s', (q) => {
    expect(listKind(q)).toBeNull();
  });
});
