/** Developer aid: shows how the engine ranks units for a question (`npx tsx scripts/debug-ask.ts "q" [partnership]`). */
import { loadKnowledge } from '../knowledge/load.ts';
import { Matcher } from '../domain/answering/matcher.ts';
import { detectIntent } from '../domain/answering/intents.ts';
import { allTerms, contentTerms, cueTerms } from '../domain/answering/text.ts';
import { conceptWords } from '../domain/answering/concepts.ts';
import { mentionedPartnerships, PLACE_TERMS } from '../domain/answering/partnerships.ts';
import { createAnswerEngine } from '../domain/answering/engine.ts';
import type { PartnershipId } from '../knowledge/schema.ts';

const [q = '', p] = process.argv.slice(2);
const kb = loadKnowledge();
const m = new Matcher(kb.records);
const corrected = m.correct(q);
const intent = detectIntent(corrected);
const terms = [...new Set(contentTerms(corrected))].filter((t) => !PLACE_TERMS.has(t) && !/^\d{1,4}$/.test(t));
const hints = [...new Set(contentTerms(conceptWords(corrected)))];
const places = [...new Set(allTerms(corrected))].filter((t) => t === 'city' || t === 'hackney' || t === 'london');
console.log({ corrected, intent, terms, unknown: m.unknownShare(corrected) });
const entity = m.entityScores(corrected);
console.log('entity', [...entity.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5));
for (const pp of mentionedPartnerships(corrected)) entity.set(pp, Math.max(entity.get(pp) ?? 0, 0.5));
for (const r of m.rank({ terms, hints, intent, cues: cueTerms(corrected), partnerships: p ? [p as PartnershipId] : null, places, namedPartnership: mentionedPartnerships(corrected).length > 0 }, entity).slice(0, 8)) {
  console.log(r.score.toFixed(3), `e=${r.entity.toFixed(2)} l=${r.lexical.toFixed(2)} i=${r.intent.toFixed(2)}`, r.unit.key, '|', r.unit.text.slice(0, 90));
}
const a = createAnswerEngine(kb).answer(q, p ? { partnership: p as PartnershipId } : {});
console.log('\n=>', a.kind, a.answered, a.confidence.toFixed(2), a.text.slice(0, 300), a.sources.map((s) => `${s.document.slice(0, 3)} §${s.section}`));
