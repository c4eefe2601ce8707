/**
 * The people the documents name. The documents mostly name roles ("the Independent Chair"), and a
 * question that asks for a person's name ("what's the name of the HSCB's independent chair?") is
 * not answered by a sentence that only names the role: the engine says the documents don't state
 * it. Who counts as a person is read from the knowledge base's own `holder` fields (the records
 * that name a post holder), plus the titles that go before a surname ("Councillor Bull").
 */
import type { KnowledgeRecord } from '../../knowledge/schema.ts';

/** Two capitalised words in a row, the shape of a full name in the holder sentences. */
const FULL_NAME = /\b[A-Z][a-z'-]+ [A-Z][a-z'-]+\b/g;
/** A title before a surname names a person on its own. */
const TITLED = /\b(Councillor|Cllr|Dr|Mr|Mrs|Ms|Miss|Professor|Sir|Dame)\.? [A-Z][a-z'-]+/;

export function createPeopleReader(records: readonly KnowledgeRecord[]): (text: string) => boolean {
  // Words that begin role and body names in the same sentences ("Director of Children's Services",
  // "Young People's Service") are not people: a candidate name must not contain them.
  const roleWords = new Set<string>();
  for (const r of records) for (const w of r.name.split(/\s+/)) if (/^[A-Z]/.test(w)) roleWords.add(w.replace(/[^A-Za-z'-]/g, ''));
  const names = new Set<string>();
  for (const r of records) {
    const holder = 'holder' in r ? r.holder : undefined;
    if (!holder || holder === 'not stated') continue;
    for (const m of holder.text.matchAll(FULL_NAME)) {
      if (!m[0].split(' ').some((w: string) => roleWords.has(w))) names.add(m[0]);
    }
  }
  const list = [...names];
  return (text) => TITLED.test(text) || list.some((n) => text.includes(n));
}
