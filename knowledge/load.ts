/**
 * Loads and validates the knowledge base from YAML files. Validation happens once at
 * load; a bad file throws a KnowledgeError naming the file, the record and the field,
 * because an admin editing YAML needs to know exactly what to fix.
 */
import { loadTriage } from './triage-load.ts';
import { loadFollowUps } from './follow-up-load.ts';
import { loadIntents, loadLists, loadOffTopic, loadShorthand } from './language-load.ts';
import type { IntentRule } from '../domain/answering/intents.ts';
import type { ListData } from '../domain/answering/list.ts';
import type { ShorthandData } from '../domain/answering/shorthand.ts';
import type { ScopeData } from '../domain/answering/scope.ts';
import type { FollowUpData } from '../domain/answering/follow-up-types.ts';
import type { TriageData } from '../domain/triage/types.ts';
import { readFileSync, readdirSync } from 'node:fs';
import { join, basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { z } from 'zod';
import { DataFile, DocumentsFile, KnowledgeRecord, type DocumentMeta, type KnowledgeRecord as Rec } from './schema.ts';
import { KnowledgeError } from '../shared/errors.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_DATA_DIR = join(here, 'data');
export const DEFAULT_SEEDS_DIR = join(here, 'seeds');

export interface KnowledgeBase {
  documents: readonly DocumentMeta[];
  records: readonly Rec[];
  /** Which file each record came from, for error messages and the coverage report. */
  fileOf: ReadonlyMap<string, string>;
  /** The triage vocabulary and routes (knowledge/triage/). */
  triage: TriageData;
  /** Follow-up cues and equivalent records (knowledge/follow-up/). */
  followUps?: FollowUpData;
  /** Chat shorthand and what it stands for (knowledge/language/shorthand.yaml). */
  shorthand?: ShorthandData;
  /** What is not this bot's business (knowledge/language/off-topic.yaml). */
  offTopic?: ScopeData;
  /** What kind of fact a question asks for (knowledge/language/intents.yaml). */
  intents?: IntentRule[];
  /** Which questions ask for a list of bodies of one kind (knowledge/language/lists.yaml). */
  lists?: ListData;
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `field "${i.path.length ? i.path.join('.') : '(record)'}": ${i.message}`).join('; ');
}

function readYaml(path: string): unknown {
  try {
    return parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new KnowledgeError('KB_YAML', `${basename(path)}: not valid YAML: ${(err as Error).message}`);
  }
}

/**
 * Data files are every *.yaml under the data folder except documents.yaml, in name order.
 * A file whose name starts with "_" is a draft and is skipped, so an editor can work on
 * a file without breaking the running knowledge base. `only` restricts to a name prefix.
 */
export function listDataFiles(dataDir = DEFAULT_DATA_DIR, only?: string): string[] {
  return readdirSync(dataDir)
    .filter((f) => (f.endsWith('.yaml') || f.endsWith('.yml')) && f !== 'documents.yaml' && !f.startsWith('_'))
    .filter((f) => !only || f.startsWith(only))
    .sort();
}

export function loadDocuments(dataDir = DEFAULT_DATA_DIR): DocumentMeta[] {
  const path = join(dataDir, 'documents.yaml');
  const parsed = DocumentsFile.safeParse(readYaml(path));
  if (!parsed.success) {
    throw new KnowledgeError('KB_INVALID', `documents.yaml: ${describeIssues(parsed.error)}`);
  }
  return parsed.data.documents;
}

export function loadKnowledge(dataDir = DEFAULT_DATA_DIR, only?: string): KnowledgeBase {
  const documents = loadDocuments(dataDir);
  const knownFiles = new Set(documents.map((d) => d.file));
  const records: Rec[] = [];
  const fileOf = new Map<string, string>();
  const problems: string[] = [];

  for (const file of listDataFiles(dataDir, only)) {
    const shell = DataFile.safeParse(readYaml(join(dataDir, file)));
    if (!shell.success) {
      problems.push(`${file}: ${describeIssues(shell.error)}`);
      continue;
    }
    shell.data.records.forEach((raw, index) => {
      const label = typeof raw === 'object' && raw && 'id' in raw ? String((raw as { id: unknown }).id) : `#${index + 1}`;
      const parsed = KnowledgeRecord.safeParse(raw);
      if (!parsed.success) {
        problems.push(`${file}: record ${label}: ${describeIssues(parsed.error)}`);
        return;
      }
      const rec = parsed.data;
      const previous = fileOf.get(rec.id);
      if (previous) {
        problems.push(`${file}: record ${rec.id}: field "id": duplicate of a record in ${previous}`);
        return;
      }
      for (const src of allSources(rec)) {
        if ('document' in src && !knownFiles.has(src.document)) {
          problems.push(`${file}: record ${rec.id}: field "sources": unknown document ${src.document} (add it to documents.yaml)`);
        }
      }
      fileOf.set(rec.id, file);
      records.push(rec);
    });
  }
  if (problems.length) {
    throw new KnowledgeError('KB_INVALID', `The knowledge base has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
  }
  return {
    documents,
    records,
    fileOf,
    triage: loadTriage(),
    followUps: loadFollowUps(new Set(fileOf.keys()), dataDir === DEFAULT_DATA_DIR && !only),
    shorthand: loadShorthand(),
    offTopic: loadOffTopic(),
    intents: loadIntents(),
    lists: loadLists(),
  };
}

/** Every source anywhere in a record (record level and each attribute), for verification. */
export function allSources(rec: Rec): Array<z.infer<typeof import('./schema.ts').Source>> {
  const out: Array<z.infer<typeof import('./schema.ts').Source>> = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value && typeof value === 'object') {
      const obj = value as Record<string, unknown>;
      if (Array.isArray(obj.sources)) out.push(...(obj.sources as typeof out));
      for (const [k, v] of Object.entries(obj)) if (k !== 'sources') visit(v);
    }
  };
  visit(rec);
  return out;
}
