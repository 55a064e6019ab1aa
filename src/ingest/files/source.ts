import { readFile } from 'node:fs/promises';
import { findingsOf, type Finding } from '../../findings/finding.js';
import { fileCodes } from './codes.js';
import type { FileSource } from './tree.js';
import { readZipEntryFromFile, ZipChecksumError } from './zip.js';

const finding = findingsOf(fileCodes);

/** The bytes of a discovered file, from its plain-data source (usable in a worker thread). */
export function readSource(source: FileSource): Promise<Buffer> {
  return source.kind === 'fs' ? readFile(source.absPath) : readZipEntryFromFile(source.zipPath, source.entry);
}

/** The finding for a file whose bytes could not be had: a damaged zip entry says so by its own code. */
export function unreadableFinding(e: unknown, file: string): Finding {
  if (e instanceof ZipChecksumError) return finding('ZIP_ENTRY_CHECKSUM', { name: e.entryName }, { file });
  return finding('FILE_UNREADABLE', { message: (e as Error)?.message ?? String(e) }, { file });
}
