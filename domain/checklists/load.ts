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
import { KnowledgeError } from '../shared/errors.ts';
import { makeSeedReader, normaliseForQuote } from '../../knowledge/verify-quotes.ts';
import { DEFAULT_SEEDS_DIR } from '../../knowledge/load.ts';
import { Checklist, type Note } from './schema.ts';
import { checkGraph } from './graph.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_CHECKLISTS_DIR = join(here, '..', '..', 'knowledge', 'checklists');

const CHECK_LOCAL_WORDING = /check (?:your|the) local procedure/i;

/** Every note of a checklist with a label saying where it is, for error messages. */
function notesOf(c: Checklist): Array<{ at: string; note: Note }> {
  const out: Array<{ at: string; note: Note }> = [];
  for (const s of c.steps) {
    s.why.forEach((note, i) => out.push({ at: `step "${s.id}" why[${i}]`, note }));
    for (const [p, notes] of Object.entries(s.local ?? {})) {
      (notes ?? []).forEach((note, i) => out.push({ at: `step "${s.id}" local.${p}[${i}]`, note }));
    }
    for (const ch of s.choices) ch.actions.forEach((note) => out.push({ at: `step "${s.id}" choice "${ch.id}" action "${note.id}"`, note }));
  }
  for (const o of c.outcomes) o.actions.forEach((note) => out.push({ at: `outcome "${o.id}" action "${note.id}"`, note }));
  return out;
}

/** Source problems: quotes not found in their seed, VERIFY facts used as rules. */
export function checkSources(c: Checklist, seedsDir = DEFAULT_SEEDS_DIR): string[] {
  const read = makeSeedReader(seedsDir);
  const problems: string[] = [];
  for (const { at, note } of notesOf(c)) {
    const where = `checklist "${c.id}": ${at}`;
    for (const src of note.sources) {
      if ('document' in src) {
        const text = read(src.document);
        if (text === undefined) problems.push(`${where}: seed document ${src.document} not found`);
        else if (!text.includes(normaliseForQuote(src.quote))) {
          problems.push(`${where}: quote not found in ${src.document} (${src.section}): "${src.quote.slice(0, 60)}"`);
        }
      } else if (src.verify && !note.checkLocal) {
        problems.push(`${where}: cites an unverified fact (${src.title}) as a rule; mark it checkLocal and word it as "check your local procedure"`);
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
    const detail = parsed.error.issues
      .map((i) => `field "${i.path.length ? i.path.join('.') : '(checklist)'}": ${i.message}`)
      .join('; ');
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
    problems.push(...checkGraph(c), ...checkSources(c, seedsDir));
  }
  if (problems.length) throw new KnowledgeError('KB_INVALID', `Checklist definitions are invalid:\n- ${problems.join('\n- ')}`, { problems });
  return list;
}

export function loadChecklists(dir = DEFAULT_CHECKLISTS_DIR, seedsDir = DEFAULT_SEEDS_DIR): Checklist[] {
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f) && !f.startsWith('_')).sort();
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
