/**
 * Writes docs/findings.md from the catalogue (`npm run docs`). Run from dist/ or src/ alike: the
 * path is resolved from this module, two folders up.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findingsReference } from './findingsDoc.js';

export const FINDINGS_DOC = fileURLToPath(new URL('../../docs/findings.md', import.meta.url));

export async function writeFindingsDoc(path: string = FINDINGS_DOC): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, findingsReference(), 'utf8');
  return path;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFindingsDoc().then(
    (path) => process.stdout.write(`已写入 ${path}\n`),
    (err: unknown) => {
      process.stderr.write(`${(err as Error).message}\n`);
      process.exitCode = 2;
    },
  );
}
