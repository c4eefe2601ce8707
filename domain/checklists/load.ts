/**
 * Loads the checklist definitions (YAML) and refuses to start on any defect: schema errors
 * name the file and field; graph problems name the step; every seed quote must be a verbatim
 * span of its seed document (same normalisation as the knowledge base's quote verifier); and
 * a national fact marked VERIFY may only appear in "check your local procedure" guidance.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { KnowledgeError } from '../../shared/errors.ts';
import { makeSeedReader, normaliseForQuote } from '../../knowledge/verify-quotes.ts';
import { DEFAULT_SEEDS_DIR, loadDocuments } from '../../knowledge/load.ts';
import { Checklist, type Action, type Note } from './schema.ts';
import type { PartnershipId } from '../../knowledge/schema.ts';
import { checkGraph } from './graph.ts';
import { checkTriggers } from './trigger.ts';
import { scopeProblem } from '../../knowledge/primary-sources.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_CHECKLISTS_DIR = join(here, '..', '..', 'knowledge', 'checklists');

const CHECK_LOCAL_WORDING = /check (?:your|the) local procedure/i;

/**
 * Every note of a checklist with a label saying where it is, for error messages, and the
 * partnerships it is shown to (undefined: everyone).
 */
export function notesOf(c: Checklist): Array<{ at: string; note: Note; shownTo?: readonly PartnershipId[] }> {
  const out: Array<{ at: string; note: Note; shownTo?: readonly PartnershipId[] }> = [];
  const action = (at: string, a: Action) => out.push({ at, note: a, ...(a.only ? { shownTo: a.only } : {}) });
  for (const s of c.steps) {
    s.why.forEach((note, i) => out.push({ at: `step "${s.id}" why[${i}]`, note }));
    for (const [p, notes] of Object.entries(s.local ?? {})) {
      (notes ?? []).forEach((note, i) => out.push({ at: `step "${s.id}" local.${p}[${i}]`, note, shownTo: [p as PartnershipId] }));
    }
    for (const ch of s.choices) ch.actions.forEach((a) => action(`step "${s.id}" choice "${ch.id}" action "${a.id}"`, a));
  }
  for (const o of c.outcomes) o.actions.forEach((a) => action(`outcome "${o.id}" action "${a.id}"`, a));
  return out;
}

/** Source problems: quotes not found in their seed, VERIFY facts used as rules. */
export function checkSources(c: Checklist, seedsDir = DEFAULT_SEEDS_DIR): string[] {
  const read = makeSeedReader(seedsDir);
  const owner = new Map(loadDocuments().map((d) => [d.file, d.partnership]));
  const problems: string[] = [];
  for (const { at, note, shownTo } of notesOf(c)) {
    const where = `checklist "${c.id}": ${at}`;
    for (const src of note.sources) {
      if ('document' in src) {
        const text = read(src.document);
        if (text === undefined) problems.push(`${where}: seed document ${src.document} not found`);
        else if (!text.includes(normaliseForQuote(src.quote))) {
          problems.push(`${where}: quote not found in ${src.document} (${src.section}): "${src.quote.slice(0, 60)}"`);
        }
        // One partnership's arrangements are never shown as another's route.
        const p = owner.get(src.document);
        if (p && !(shownTo && shownTo.every((x) => x === p))) {
          problems.push(`${where}: cites ${p}'s document ${src.document} where ${shownTo ? shownTo.join(', ') : 'every partnership'} would see it`);
        }
      } else {
        if (src.verify && !note.checkLocal) {
          problems.push(`${where}: cites an unverified fact (${src.title}) as a rule; mark it checkLocal and word it as "check your local procedure"`);
        }
        const scope = scopeProblem(src);
        if (scope) problems.push(`${where}: ${scope}`);
        // A partnership's own page is shown only to that partnership (a Harrow run never cites Haringey).
        if (src.scope === 'local' && src.partnership && !(shownTo && shownTo.every((p) => p === src.partnership))) {
          problems.push(`${where}: cites ${src.partnership}'s page "${src.title}" where ${shownTo ? shownTo.join(', ') : 'every partnership'} would see it`);
        }
      }
    }
    if (note.checkLocal && !CHECK_LOCAL_WORDING.test(note.text)) {
      problems.push(`${where}: checkLocal guidance must tell the lead to "check your local procedure"`);
    }
  }
  return problems;
}

export function parseChecklist(raw: unknown, file: string): Checklist {
  const parsed = Checklist.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `field "${i.path.length ? i.path.join('.') : '(checklist)'}": ${i.message}`).join('; ');
    throw new KnowledgeError('KB_INVALID', `${file}: ${detail}`);
  }
  return parsed.data;
}

/** Validates already-parsed definitions as a set; throws one error listing every problem. */
export function validateChecklists(list: Checklist[], seedsDir = DEFAULT_SEEDS_DIR): Checklist[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const c of list) {
    for (const key of [`id ${c.id}`, `command ${c.command}`]) {
      if (seen.has(key)) problems.push(`two checklists share the ${key}`);
      seen.set(key, c.id);
    }
    const graph = checkGraph(c);
    // Trigger checks walk every path, which needs a sound graph first.
    problems.push(...graph, ...(graph.length ? [] : checkTriggers(c)), ...checkSources(c, seedsDir));
  }
  if (problems.length) throw new KnowledgeError('KB_INVALID', `Checklist definitions are invalid:\n- ${problems.join('\n- ')}`, { problems });
  return list;
}

export function loadChecklists(dir = DEFAULT_CHECKLISTS_DIR, seedsDir = DEFAULT_SEEDS_DIR): Checklist[] {
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f) && !f.startsWith('_'))
    .sort();
  const list = files.map((f) => {
    const path = join(dir, f);
    let raw: unknown;
    try {
      raw = parse(readFileSync(path, 'utf8'));
    } catch (err) {
      throw new KnowledgeError('KB_YAML', `${basename(path)}: not valid YAML: ${(err as Error).message}`);
    }
    return parseChecklist(raw, basename(path));
  });
  return validateChecklists(list, seedsDir);
}
