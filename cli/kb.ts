/**
 * `npm run --silent kb -- export`  prints the whole knowledge base as one JSON object.
 * `npm run kb:check`               validates everything and prints a coverage summary.
 * Exit code 1 (with the problems listed) when anything is invalid or a quote is not verbatim.
 */
import { loadKnowledge } from '../knowledge/load.ts';
import { findQuoteProblems } from '../knowledge/verify-quotes.ts';
import { coverageReport, formatCoverage } from '../knowledge/coverage.ts';
import { scopeProblems } from '../knowledge/primary-sources.ts';
import { findSectionProblems } from '../knowledge/section-check.ts';
import { contactWarnings, DEFAULT_CONTACTS_MAX_AGE_DAYS, loadContacts } from '../domain/contacts/contacts.ts';
import { AppError } from '../shared/errors.ts';

function main(argv: string[]): number {
  const [command = 'check'] = argv;
  // `--only PREFIX` checks just the data files whose names start with PREFIX (e.g. while editing one file).
  const onlyAt = argv.indexOf('--only');
  const kb = loadKnowledge(undefined, onlyAt >= 0 ? argv[onlyAt + 1] : undefined);
  if (command === 'export') {
    process.stdout.write(
      `${JSON.stringify({ documents: kb.documents.map(({ file, title, published }) => ({ file, title, published })), records: kb.records }, null, 2)}\n`,
    );
    return 0;
  }
  if (command === 'check') {
    const quoteProblems = findQuoteProblems(kb);
    process.stdout.write(formatCoverage(coverageReport(kb)));
    // Contacts are configuration, not knowledge, but an unchecked number is worth saying here too.
    const maxAge = Number(process.env.CONTACTS_MAX_AGE_DAYS) || DEFAULT_CONTACTS_MAX_AGE_DAYS;
    const contacts = loadContacts(process.env.CONTACTS_FILE || undefined);
    for (const w of contactWarnings(contacts, new Date(), maxAge)) process.stdout.write(`\nContacts warning: ${w}\n`);
    // A national or London fact must cite a primary document; a local page names its partnership.
    const scoped = scopeProblems(kb);
    if (scoped.length) {
      process.stdout.write(`\n${scoped.length} source(s) cited under the wrong scope:\n${scoped.map((p) => `- ${p}`).join('\n')}\n`);
      return 1;
    }
    // The section a seed citation names must be the numbered paragraph holding the quote (or a heading above it).
    const sections = findSectionProblems(kb);
    if (sections.length) {
      process.stdout.write(`\n${sections.length} citation(s) name a section that does not contain the quote:\n`);
      for (const p of sections)
        process.stdout.write(
          `- record ${p.recordId}: ${p.document} cites "${p.cited}", the quote is in ${p.found || 'no numbered section'}: "${p.quote.slice(0, 80)}"\n`,
        );
      return 1;
    }
    if (quoteProblems.length) {
      process.stdout.write(`\n${quoteProblems.length} quote(s) not found verbatim in their document:\n`);
      for (const p of quoteProblems) {
        process.stdout.write(`- record ${p.recordId}: ${p.document} §${p.section}: "${p.quote.slice(0, 100)}"\n`);
      }
      return 1;
    }
    process.stdout.write(`\nOK: ${kb.records.length} records valid; every quote found verbatim in its document.\n`);
    return 0;
  }
  process.stderr.write(`Unknown command "${command}". Use: kb export | kb check\n`);
  return 2;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  if (err instanceof AppError) {
    process.stderr.write(`${err.message}\n`);
    process.exitCode = 1;
  } else {
    throw err;
  }
}
