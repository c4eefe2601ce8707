/** A file with the given text in a fresh temporary folder, for tests of configuration errors. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempFile(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'config-')), name);
  writeFileSync(file, text);
  return file;
}
