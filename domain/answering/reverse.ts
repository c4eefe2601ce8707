/**
 * Reverse questions: "which meetings does the SSPM chair?" Find the post the question names,
 * then every body whose chair (or membership) names that post, by any of its names.
 */
import type { PartnershipId } from '../../knowledge/schema.ts';
import type { Composer } from './compose.ts';
import type { Matcher, ScoredUnit } from './matcher.ts';
import { normalise } from './text.ts';
import type { Answer } from './types.ts';

export function reverseAnswer(
  matcher: Matcher,
  composer: Composer,
  relation: 'chair' | 'members',
  question: string,
  ranked: ScoredUnit[],
  entity: Map<string, number>,
  scope: readonly PartnershipId[] | null,
): Answer | null {
  // The post asked about: the best-matching role (or glossary) record, judged on the question
  // without the relation words, so "chair" in "which meetings does the SSPM chair" is not a post.
  void entity;
  const postEntity = matcher.entityScores(
    question.replace(
      /\b(chairs?|chaired|chairing|leads?|runs?|attends?|sits? on|members?|meetings?|groups?|bodies|boards?|subgroups?|panels?|forums?|committees?)\b/gi,
      ' ',
    ),
  );
  const post = [...postEntity.entries()]
    .map(([id, score]) => ({ rec: matcher.record(id), score }))
    .filter((x) => x.rec && (x.rec.type === 'role' || x.rec.type === 'glossary') && x.score >= 0.5)
    .filter((x) => !scope || x.rec!.partnership === null || scope.includes(x.rec!.partnership))
    .sort((a, b) => b.score - a.score)[0]?.rec;
  if (!post) return null;
  const names = [post.name, ...post.aliases, ...(post.type === 'glossary' ? [post.acronym, post.expansion] : [])]
    .map((n) => normalise(n))
    .filter((n) => n.length >= 3);
  const hits = matcher.units.filter(
    (u) =>
      u.attr === relation &&
      !u.notStated &&
      u.record.type === 'body' &&
      (post.partnership === null || u.record.partnership === post.partnership) &&
      names.some((n) => new RegExp(`\\b${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(normalise(u.text))),
  );
  if (!hits.length) return null;
  const verb = relation === 'chair' ? 'chairs' : 'sits on';
  const a = composer.list(`The ${post.name} ${verb}:`, hits, Math.min(1, (ranked[0]?.score ?? 0.5) / 0.7), 'reverse', false);
  return a;
}
