/**
 * `npm run --silent ask -- "question"`            a readable answer with its sources
 * `npm run --silent ask -- --partnership ID "q"`   with the user's partnership as context
 * `npm run --silent ask -- --json "q"`             one JSON object with the Answer fields
 * `npm run --silent ask -- --json --batch FILE`    JSON lines in ({"q", "partnership"?}), one JSON line out per input;
 *     a line with "turn" > 1 continues the previous line's conversation (follow-ups use its memory),
 *     and a line with "turns": [{"q"}, ...] is a whole conversation, one JSON line out per turn
 * `npm run --silent ask -- --session FILE "q"`     carries the conversation's memory in FILE between runs
 *     (record ids and the attribute, as the bot keeps them), so "and how often does it meet?" follows on
 * `npm run --silent ask -- --explain "q"`          the answer and what each stage of the pipeline saw and decided
 * With no question on a terminal, it prompts for questions until an empty line, remembering as the bot does.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { loadKnowledge } from '../knowledge/load.ts';
import { fileTrainingCache } from '../knowledge/training-cache.ts';
import { createAnswerEngine } from '../domain/answering/engine.ts';
import { isFresh } from '../domain/answering/follow-up.ts';
import type { Answer, AnswerContext, ConversationMemory } from '../domain/answering/types.ts';
import { PartnershipId, SCOPE_LABELS } from '../knowledge/schema.ts';
import { z } from 'zod';

/** As long as the bot's default CONVERSATION_MEMORY_MINUTES. */
const SESSION_MINUTES = 30;

const Memory = z
  .object({
    recordIds: z.array(z.string()).max(20),
    attr: z.string().optional(),
    partnership: PartnershipId.nullable().optional(),
    at: z.string(),
  })
  .strict();

function readSession(file: string): ConversationMemory | null {
  if (!existsSync(file)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new Error(`The session file ${file} is not JSON; delete it to start a new conversation.`);
  }
  const parsed = Memory.safeParse(raw);
  if (!parsed.success) throw new Error(`The session file ${file} is not a conversation memory; delete it to start a new conversation.`);
  return isFresh(parsed.data, new Date(), SESSION_MINUTES) ? parsed.data : null;
}

function parseArgs(argv: string[]) {
  const opts = {
    json: false,
    explain: false,
    batch: undefined as string | undefined,
    session: undefined as string | undefined,
    partnership: undefined as string | undefined,
    question: [] as string[],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') opts.json = true;
    else if (a === '--explain') opts.explain = true;
    else if (a === '--batch') opts.batch = argv[++i];
    else if (a === '--partnership') opts.partnership = argv[++i];
    else if (a === '--session') opts.session = argv[++i];
    else opts.question.push(a);
  }
  return opts;
}

function toContext(p: unknown): AnswerContext {
  if (p === undefined || p === null || p === '') return {};
  const parsed = PartnershipId.safeParse(p);
  if (!parsed.success) throw new Error(`Unknown partnership "${String(p)}". Use one of: ${PartnershipId.options.join(', ')}`);
  return { partnership: parsed.data };
}

function jsonOf(a: Answer): string {
  const { answered, text, markdown, partnership, sources, confidence, suggestions, followUps, kind } = a;
  return JSON.stringify({ answered, text, markdown, partnership, sources, confidence: Number(confidence.toFixed(3)), suggestions, followUps, kind });
}

function readable(a: Answer): string {
  const lines = [a.text];
  if (a.sources.length) {
    lines.push('', 'Sources:');
    for (const s of a.sources)
      lines.push(
        `- ${s.title}${s.published ? ` (${s.published})` : ''}, section ${s.section}${s.scope ? ` [${SCOPE_LABELS[s.scope]}] ${s.url ?? ''}` : ''}${s.quote ? `\n  "${s.quote}"` : ''}`,
      );
  }
  if (a.suggestions.length) lines.push('', 'Did you mean:', ...a.suggestions.map((s) => `- ${s}`));
  if (a.followUps.length) lines.push('', 'You could also ask:', ...a.followUps.map((s) => `- ${s}`));
  return lines.join('\n');
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const kb = loadKnowledge();
  const engine = createAnswerEngine(kb, kb.triage, { trainingCache: fileTrainingCache() });
  const ctx = toContext(opts.partnership);
  if (opts.batch) {
    const lines = readFileSync(opts.batch, 'utf8')
      .split('\n')
      .filter((l) => l.trim());
    let memory: ConversationMemory | null = null;
    const turn = (q: unknown, c: AnswerContext): string => {
      const a = engine.answer(typeof q === 'string' ? q : '', { ...c, memory });
      if (a.memory) memory = a.memory;
      return jsonOf(a);
    };
    for (const line of lines) {
      const item = JSON.parse(line) as { q?: unknown; partnership?: unknown; turn?: unknown; turns?: unknown };
      const c = { ...ctx, ...toContext(item.partnership) };
      // A new conversation unless this line says it is a later turn of the one before.
      if (!(typeof item.turn === 'number' && item.turn > 1)) memory = null;
      if (Array.isArray(item.turns)) {
        for (const t of item.turns as Array<{ q?: unknown }>) process.stdout.write(`${turn(t?.q, c)}\n`);
      } else {
        process.stdout.write(`${turn(item.q, c)}\n`);
      }
    }
    return;
  }
  const question = opts.question.join(' ').trim();
  if (question && opts.explain) {
    const { answer, trace } = engine.explain(question, { ...ctx, memory: opts.session ? readSession(opts.session) : null });
    const steps = trace.map((t) => `${t.stage.padEnd(9)} ${t.detail}`).join('\n');
    process.stdout.write(opts.json ? `${JSON.stringify({ answer: JSON.parse(jsonOf(answer)) as unknown, trace })}\n` : `${steps}\n\n${readable(answer)}\n`);
    return;
  }
  if (question) {
    const a = engine.answer(question, { ...ctx, memory: opts.session ? readSession(opts.session) : null });
    if (opts.session && a.memory) writeFileSync(opts.session, `${JSON.stringify(a.memory)}\n`);
    process.stdout.write(`${opts.json ? jsonOf(a) : readable(a)}\n`);
    return;
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  let memory = opts.session ? readSession(opts.session) : null;
  for (;;) {
    const q = (await rl.question('\nAsk a safeguarding question (empty line to quit): ')).trim();
    if (!q) break;
    const a = engine.answer(q, { ...ctx, memory: isFresh(memory, new Date(), SESSION_MINUTES) ? memory : null });
    if (a.memory) memory = a.memory;
    if (opts.session && a.memory) writeFileSync(opts.session, `${JSON.stringify(a.memory)}\n`);
    process.stdout.write(`\n${readable(a)}\n`);
  }
  rl.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
