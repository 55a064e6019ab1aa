import { readFile } from 'node:fs/promises';
import type { FileSource } from './tree.js';
import { readZipEntryFromFile } from './zip.js';

/** The bytes of a discovered file, from its plain-data source (usable in a worker thread). */
export function readSource(source: FileSource): Promise<Buffer> {
  return source.kind === 'fs' ? readFile(source.absPath) : readZipEntryFromFile(source.zipPath, source.entry);
}
