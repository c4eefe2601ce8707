/**
 * Turns chosen answer units into an Answer: plain text, markdown, and sources with the
 * document's title and publication date so a practitioner can see where it comes from.
 */
import { isSeedSource, SCOPE_LABELS, type DocumentMeta, type Source } from '../../knowledge/schema.ts';
import type { Answer, AnswerKind, AnswerSource } from './types.ts';
import type { AnswerUnit } from './units.ts';
import { PARTNERSHIP_LABELS } from './partnerships.ts';
import { contentTerms } from './text.ts';
import type { AcronymExpander } from './acronyms.ts';

/** Whether a sentence already carries a qualifier's words ("for the first year, review September 2020"). */
function saysAlready(text: string, qualifier: string): boolean {
  const have = new Set(contentTerms(text));
  const want = contentTerms(qualifier);
  return want.length > 0 && want.filter((t) => have.has(t)).length / want.length >= 0.7;
}

/** "National", "London-wide", "Local page"...: shown before a public source; undefined for a seed. */
export function scopeLabel(s: Pick<AnswerSource, 'scope'>): string | undefined {
  return s.scope ? SCOPE_LABELS[s.scope] : undefined;
}

export class Composer {
  private readonly docs: Map<string, DocumentMeta>;

  constructor(
    documents: readonly DocumentMeta[],
    private readonly acronyms?: AcronymExpander,
  ) {
    this.docs = new Map(documents.map((d) => [d.file, d]));
  }

  source(s: Source): AnswerSource {
    if (isSeedSource(s)) {
      const d = this.docs.get(s.document);
      return {
        document: s.document,
        section: s.section,
        quote: s.quote,
        title: d?.title ?? s.document,
        published: d?.publishedLabel ?? '',
        ...(d?.historical ? { historical: true } : {}),
      };
    }
    return {
      document: s.title,
      section: s.section,
      quote: s.quote ?? '',
      title: s.title,
      published: s.edition ?? '',
      url: s.url,
      // Whose rule it is, as the source says: not every public document is national.
      scope: s.scope,
      ...(s.partnership ? { partnership: s.partnership } : {}),
    };
  }

  /** Sources of the units, de-duplicated, the most specific (attribute) sources first. */
  sources(units: readonly AnswerUnit[]): AnswerSource[] {
    return this.sourcesOf([...units.flatMap((u) => u.sources), ...units.flatMap((u) => (u.record.conflicts ?? []).flatMap((c) => c.sources))]);
  }

  /** Knowledge sources as answer sources, de-duplicated, at most `limit` (six for a fact). */
  sourcesOf(sources: readonly Source[], limit = 6): AnswerSource[] {
    const seen = new Set<string>();
    const out: AnswerSource[] = [];
    for (const s of sources) {
      const a = this.source(s);
      const key = `${a.document}|${a.section}|${a.quote}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(a);
      }
    }
    return out.slice(0, limit);
  }

  unitText(u: AnswerUnit): { text: string; markdown: string } {
    let text = u.text.trim();
    if (this.acronyms) text = this.acronyms.expand(text, u.record.partnership, u.record.name);
    if (u.qualifier && !saysAlready(text, u.qualifier)) text = `${text.replace(/\.$/, '')} (${u.qualifier}).`;
    const historical = this.historicalNote(u, text);
    const items = u.items?.length && !u.items.every((i) => text.includes(i)) ? u.items : [];
    // Where two documents disagree, both are given (with their dates, in the sources), never one silently.
    const differ = (u.record.conflicts ?? [])
      .filter((c) => !saysAlready(text, c.text))
      .map((c) => ` The documents differ: ${c.text}`)
      .join('');
    const plain = `${text}${historical}${differ}${items.length ? `\n${items.map((i) => `- ${i}`).join('\n')}` : ''}`;
    const md = `${text}${historical}${differ}${items.length ? `\n\n${items.map((i) => `- ${i}`).join('\n')}` : ''}`;
    return { text: plain, markdown: md };
  }

  /**
   * Why a historical record's answer is history, said after it: the record's own note where it has
   * one ("a group of the former LSCB, which ceased to exist on 29 September 2019"), the action
   * plan it comes from, or the date it describes; for a body that no longer meets, why. Nothing
   * when the answer already says so.
   */
  private historicalNote(u: AnswerUnit, text: string): string {
    const h = u.record.historical;
    const former = u.record.type === 'body' ? u.record.former : undefined;
    if (!h) return former && !saysAlready(text, former.reason) ? ` (No longer in place: ${former.reason}.)` : '';
    if (h.note) return saysAlready(text, h.note) ? '' : ` (History: ${h.note}.)`;
    const plan = u.sources.map((x) => ('document' in x ? this.docs.get(x.document) : undefined)).find((d) => d?.kind === 'action-plan');
    const year = (plan?.published ?? h.asOf).slice(0, 4);
    if (new RegExp(`\\b${year}\\b`).test(text)) return '';
    return plan ? ` (This is from the ${year} action plan, a historical document.)` : ` (This describes ${h.asOf}; check the current arrangements.)`;
  }

  single(u: AnswerUnit, confidence: number, kind: AnswerKind, extra: Partial<Answer> = {}): Answer {
    const { text, markdown } = this.unitText(u);
    return {
      answered: true,
      text,
      markdown,
      partnership: u.record.partnership,
      sources: this.sources([u]),
      confidence,
      suggestions: [],
      followUps: [],
      kind,
      recordIds: [u.record.id],
      ...extra,
    };
  }

  /** Two facts of one record, read as one answer. */
  combined(units: readonly AnswerUnit[], confidence: number): Answer {
    const parts = units.map((u) => this.unitText(u));
    return {
      answered: true,
      text: parts.map((p) => p.text).join('\n'),
      markdown: parts.map((p) => p.markdown).join('\n\n'),
      partnership: units[0]!.record.partnership,
      sources: this.sources(units),
      confidence,
      suggestions: [],
      followUps: [],
      kind: 'fact',
      recordIds: [...new Set(units.map((u) => u.record.id))],
    };
  }

  /** One short line per partnership (or per item), each with its own source. */
  list(intro: string, units: readonly AnswerUnit[], confidence: number, kind: AnswerKind, byPartnership: boolean): Answer {
    const lines = units.map((u) => {
      const label = byPartnership ? (u.record.partnership ? PARTNERSHIP_LABELS[u.record.partnership] : 'National') : u.record.name;
      return { label, body: this.unitText(u).text.split('\n')[0]! };
    });
    const text = `${intro}\n${lines.map((l) => `- ${l.label}: ${l.body}`).join('\n')}`;
    const markdown = `${intro}\n\n${lines.map((l) => `- **${l.label}**: ${l.body}`).join('\n')}`;
    const partnerships = new Set(units.map((u) => u.record.partnership));
    return {
      answered: true,
      text,
      markdown,
      partnership: partnerships.size === 1 ? (units[0]?.record.partnership ?? null) : null,
      sources: this.sources(units),
      confidence,
      suggestions: [],
      followUps: [],
      kind,
      recordIds: [...new Set(units.map((u) => u.record.id))],
    };
  }
}
