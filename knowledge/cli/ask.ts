/**
 * `npm run --silent ask -- "question"`            a readable answer with its sources
 * `npm run --silent ask -- --partnership ID "q"`   with the user's partnership as context
 * `npm run --silent ask -- --json "q"`             one JSON object with the Answer fields
 * `npm run --silent ask -- --json --batch FILE`    JSON lines in ({"q", "partnership"?}), one JSON line out per input
 * `npm run --silent ask -- --explain "q"`          the answer and what each stage of the pipeline saw and decided
 * With no question on a terminal, it prompts for questions until an empty line.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { loadKnowledge } from '../load.ts';
import { createAnswerEngine } from '../../domain/answering/engine.ts';
import type { Answer, AnswerContext } from '../../domain/answering/types.ts';
import { PartnershipId } from '../schema.ts';

function parseArgs(argv: string[]) {
  const opts = { json: false, explain: false, batch: undefined as string | undefined, partnership: undefined as string | undefined, question: [] as string[] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') opts.json = true;
    else if (a === '--explain') opts.explain = true;
    else if (a === '--batch') opts.batch = argv[++i];
    else if (a === '--partnership') opts.partnership = argv[++i];
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
    for (const s of a.sources) lines.push(`- ${s.title}${s.published ? ` (${s.published})` : ''}, section ${s.section}${s.national ? ` [national] ${s.url ?? ''}` : ''}${s.quote ? `\n  "${s.quote}"` : ''}`);
  }
  if (a.suggestions.length) lines.push('', 'Did you mean:', ...a.suggestions.map((s) => `- ${s}`));
  if (a.followUps.length) lines.push('', 'You could also ask:', ...a.followUps.map((s) => `- ${s}`));
  return lines.join('\n');
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const engine = createAnswerEngine(loadKnowledge());
  const ctx = toContext(opts.partnership);
  if (opts.batch) {
    const lines = readFileSync(opts.batch, 'utf8').split('\n').filter((l) => l.trim());
    for (const line of lines) {
      const item = JSON.parse(line) as { q?: unknown; partnership?: unknown };
      const q = typeof item.q === 'string' ? item.q : '';
      process.stdout.write(`${jsonOf(engine.answer(q, { ...ctx, ...toContext(item.partnership) }))}\n`);
    }
    return;
  }
  const question = opts.question.join(' ').trim();
  if (question && opts.explain) {
    const { answer, trace } = engine.explain(question, ctx);
    const steps = trace.map((t) => `${t.stage.padEnd(9)} ${t.detail}`).join('\n');
    process.stdout.write(opts.json ? `${JSON.stringify({ answer: JSON.parse(jsonOf(answer)), trace })}\n` : `${steps}\n\n${readable(answer)}\n`);
    return;
  }
  if (question) {
    const a = engine.answer(question, ctx);
    process.stdout.write(`${opts.json ? jsonOf(a) : readable(a)}\n`);
    return;
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  for (;;) {
    const q = (await rl.question('\nAsk a safeguarding question (empty line to quit): ')).trim();
    if (!q) break;
    process.stdout.write(`\n${readable(engine.answer(q, ctx))}\n`);
  }
  rl.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
