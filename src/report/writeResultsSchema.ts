/**
 * Writes docs/results.schema.json from the zod definition of results.json (`npm run docs`). Run from
 * dist/ or src/ alike: the path is resolved from this module, two folders up.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resultsJsonSchema } from './resultsSchema.js';

export const RESULTS_SCHEMA_FILE = fileURLToPath(new URL('../../docs/results.schema.json', import.meta.url));

export async function writeResultsSchema(path: string = RESULTS_SCHEMA_FILE): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, resultsJsonSchema(), 'utf8');
  return path;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeResultsSchema().then(
    (path) => process.stdout.write(`已写入 ${path}\n`),
    (err: unknown) => {
      process.stderr.write(`${(err as Error).message}\n`);
      process.exitCode = 2;
    },
  );
}
