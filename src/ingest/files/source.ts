import { closeSync, openSync, readSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { findingsOf, type Finding } from '../../findings/finding.js';
import { fileCodes } from './codes.js';
import type { FileSource, InputFile } from './tree.js';
import { readZipEntryFromFile, ZipChecksumError } from './zip.js';

const finding = findingsOf(fileCodes);

/** The bytes of a discovered file, from its plain-data source (usable in a worker thread). */
export function readSource(source: FileSource): Promise<Buffer> {
  return source.kind === 'fs' ? readFile(source.absPath) : readZipEntryFromFile(source.zipPath, source.entry);
}

/**
 * Up to `length` bytes of a file from `offset` (fewer at its end). A file on disk is read there
 * alone, synchronously (a few reads of one folder's files: the thread has nothing else to do); any
 * other file is read whole and cut.
 */
export async function readRange(file: InputFile, offset: number, length: number): Promise<Uint8Array> {
  if (file.source?.kind !== 'fs') return (await file.read()).subarray(offset, offset + length);
  const fd = openSync(file.source.absPath, 'r');
  try {
    const b = Buffer.allocUnsafe(length);
    return b.subarray(0, readSync(fd, b, 0, length, offset));
  } finally {
    closeSync(fd);
  }
}

/** The finding for a file whose bytes could not be had: a damaged zip entry says so by its own code. */
export function unreadableFinding(e: unknown, file: string): Finding {
  if (e instanceof ZipChecksumError) return finding('ZIP_ENTRY_CHECKSUM', { name: e.entryName }, { file });
  return finding('FILE_UNREADABLE', { message: (e as Error)?.message ?? String(e) }, { file });
}
