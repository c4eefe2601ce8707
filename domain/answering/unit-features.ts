/**
 * What the ranking reads of every candidate unit, flattened into typed arrays once per knowledge
 * base. Why: the ranking scores about a thousand candidates per question, and reading each unit's
 * record through objects of many shapes was the largest single cost of answering (issue 13).
 */
import type { AnswerUnit } from './units.ts';

export interface UnitFeatures {
  /** Unit -> index of its record in recordIds. */
  recordIndex: Int32Array;
  recordIndexById: ReadonlyMap<string, number>;
  recordCount: number;
  /** Unit -> index into partnerships, or -1 for a national (null) record. */
  partnership: Int8Array;
  partnerships: readonly string[];
  /** Unit -> index into attrs. */
  attr: Uint16Array;
  attrs: readonly string[];
  /** 1 where the unit's record is historical (2009), a glossary entry, or the unit says "not stated". */
  historical: Uint8Array;
  glossary: Uint8Array;
  notStated: Uint8Array;
  /** 1 where the unit is a typed attribute (chair, members...), not a fact or the summary. */
  typedAttr: Uint8Array;
}

export function unitFeatures(units: readonly AnswerUnit[]): UnitFeatures {
  const n = units.length;
  const recordIndexById = new Map<string, number>();
  const partnerships: string[] = [];
  const attrs: string[] = [];
  const indexOf = (list: string[], value: string): number => {
    const i = list.indexOf(value);
    return i >= 0 ? i : list.push(value) - 1;
  };
  const f: UnitFeatures = {
    recordIndex: new Int32Array(n),
    recordIndexById,
    recordCount: 0,
    partnership: new Int8Array(n),
    partnerships,
    attr: new Uint16Array(n),
    attrs,
    historical: new Uint8Array(n),
    glossary: new Uint8Array(n),
    notStated: new Uint8Array(n),
    typedAttr: new Uint8Array(n),
  };
  units.forEach((u, i) => {
    let ri = recordIndexById.get(u.record.id);
    if (ri === undefined) {
      ri = recordIndexById.size;
      recordIndexById.set(u.record.id, ri);
    }
    f.recordIndex[i] = ri;
    f.partnership[i] = u.record.partnership === null ? -1 : indexOf(partnerships, u.record.partnership);
    f.attr[i] = indexOf(attrs, u.attr);
    f.historical[i] = u.record.historical ? 1 : 0;
    f.glossary[i] = u.record.type === 'glossary' ? 1 : 0;
    f.notStated[i] = u.notStated ? 1 : 0;
    f.typedAttr[i] = u.attr !== 'fact' && u.attr !== 'summary' ? 1 : 0;
  });
  f.recordCount = recordIndexById.size;
  return f;
}
