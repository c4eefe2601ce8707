/**
 * Which public addresses may be cited for which scope. A national fact cites statute or DfE
 * guidance (gov.uk, legislation.gov.uk); a London fact cites the London Safeguarding Children
 * Procedures; a partnership's own page is `local` and names its partnership. Anything else
 * (another borough's page, a school's copy, a law firm's summary) is `secondary` and is shown
 * as such: the audit found such pages quoted as if they were national, so this is checked
 * for every source in every record and checklist.
 */
import type { NationalSource, PartnershipId } from './schema.ts';
import { allSources, type KnowledgeBase } from './load.ts';

const NATIONAL_HOSTS = ['gov.uk', 'www.gov.uk', 'assets.publishing.service.gov.uk', 'legislation.gov.uk', 'www.legislation.gov.uk'];
const LONDON_HOSTS = ['londonsafeguardingchildrenprocedures.co.uk', 'www.londonsafeguardingchildrenprocedures.co.uk'];
const LOCAL_HOSTS: Record<PartnershipId, string[]> = {
  haringey: ['haringey.gov.uk', 'www.haringey.gov.uk', 'haringeyscp.org.uk', 'www.haringeyscp.org.uk', 'www.haringeylscb.org'],
  harrow: ['harrowscb.co.uk', 'www.harrowscb.co.uk', 'www.harrow.gov.uk'],
  'city-hackney': [
    'chscp.org.uk',
    'www.chscp.org.uk',
    'www.chscb.org.uk',
    'hackney.gov.uk',
    'www.hackney.gov.uk',
    'education.hackney.gov.uk',
    'democracy.cityoflondon.gov.uk',
    'www.cityoflondon.gov.uk',
  ],
};

const hostOf = (url: string) => new URL(url).hostname.toLowerCase();

/** Why a public source is cited under the wrong scope, or undefined when it is right. */
export function scopeProblem(src: NationalSource): string | undefined {
  const host = hostOf(src.url);
  switch (src.scope) {
    case 'national':
      return NATIONAL_HOSTS.includes(host) ? undefined : `"${src.title}" (${host}) is cited as national but is not a primary national document`;
    case 'london':
      return LONDON_HOSTS.includes(host) ? undefined : `"${src.title}" (${host}) is cited as London but is not the London procedures`;
    case 'local': {
      if (!src.partnership) return `"${src.title}" is a local page but names no partnership`;
      return LOCAL_HOSTS[src.partnership].includes(host) ? undefined : `"${src.title}" (${host}) is not a ${src.partnership} page`;
    }
    case 'secondary':
      return undefined;
  }
}

export { SCOPE_LABELS } from './schema.ts';

/** Every scope problem in the knowledge base, each naming its record. */
export function scopeProblems(kb: KnowledgeBase): string[] {
  return kb.records.flatMap((r) =>
    allSources(r).flatMap((s) => {
      if (!('national' in s)) return [];
      const p = scopeProblem(s);
      return p ? [`${r.id}: ${p}`] : [];
    }),
  );
}
