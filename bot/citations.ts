/**
 * Teams' own citations: a schema.org Message entity whose `citation` claims Teams shows as
 * numbered references with a pop-up (document, section, date, the quote). Limits are Teams':
 * at most 10 claims, name up to 80 characters, abstract up to 160, up to 3 keywords of 28.
 * No `additionalType: ["AIGeneratedContent"]`: these answers are quoted from documents, not generated.
 */
import type { AnswerSource } from '../domain/answering/types.ts';
import { scopeLabel } from '../domain/answering/compose.ts';

export const MAX_CITATIONS = 10;

export interface CitationClaim {
  '@type': 'Claim';
  position: number;
  appearance: {
    '@type': 'DigitalDocument';
    name: string;
    abstract: string;
    keywords?: string[];
    url?: string;
  };
}

export interface MessageEntity {
  type: 'https://schema.org/Message';
  '@type': 'Message';
  '@context': 'https://schema.org';
  '@id': '';
  citation: CitationClaim[];
}

function cut(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

export function citationClaims(sources: readonly AnswerSource[]): CitationClaim[] {
  return sources.slice(0, MAX_CITATIONS).map((s, i) => {
    const keywords = [`Section ${s.section}`, s.published, scopeLabel(s) ?? (s.historical ? 'Historical' : '')]
      .filter(Boolean)
      .map((k) => cut(k, 28))
      .slice(0, 3);
    return {
      '@type': 'Claim',
      position: i + 1,
      appearance: {
        '@type': 'DigitalDocument',
        name: cut(s.title, 80),
        abstract: cut(s.quote ? `§${s.section}: "${s.quote}"` : `Section ${s.section}`, 160),
        keywords,
        ...(s.url ? { url: s.url } : {}),
      },
    };
  });
}

export function citationEntity(sources: readonly AnswerSource[]): MessageEntity {
  return { type: 'https://schema.org/Message', '@type': 'Message', '@context': 'https://schema.org', '@id': '', citation: citationClaims(sources) };
}

/** The message text the numbers sit in: "Sources: [1] [2]". */
export function citationText(sources: readonly AnswerSource[]): string {
  return `Sources: ${sources
    .slice(0, MAX_CITATIONS)
    .map((_, i) => `[${i + 1}]`)
    .join(' ')}`;
}
