/**
 * An applicant folder as plain data that can cross to a worker thread: each file by its source (where
 * its bytes are), and back to files that read themselves from that source.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { sep } from 'node:path';
import type { DiscoveredApplicant, FileSource, InputFile } from '../files/tree.js';
import { sizeOnDisk } from '../files/discover.js';
import { readSource } from '../files/source.js';

/** No size: discovery stats a file only when asked (sizeOnDisk), and nothing on the reading side asks. */
export interface PortableFile {
  path: string;
  relPath: string;
  source: FileSource;
}

export interface PortableApplicant {
  id: string;
  city: string;
  folderName: string;
  /**
   * The folder on disk, when there is one: a file given as a bare string is its relPath, on disk at
   * `dir/relPath` with the path `id/relPath` (nearly every file: a message a third the size).
   */
  dir: string | null;
  files: (PortableFile | string)[];
}

/** Whether every file of the applicant says where its bytes are (files made up in memory do not). */
export function isPortable(app: DiscoveredApplicant): boolean {
  return app.files.every((f) => f.source !== undefined);
}

const onDisk = (relPath: string) => (sep === '/' ? relPath : relPath.replaceAll('/', sep));

/** The folder `file` sits in when it is on disk at `folder/relPath` (null otherwise). */
function folderOf(file: InputFile): string | null {
  if (file.source?.kind !== 'fs') return null;
  const tail = sep + onDisk(file.relPath);
  return file.source.absPath.endsWith(tail) ? file.source.absPath.slice(0, -tail.length) : null;
}

/** Throws on a file without a source: check isPortable first (such an applicant is read in-process). */
export function toPortable(app: DiscoveredApplicant): PortableApplicant {
  let dir: string | null = null;
  for (const f of app.files) if ((dir = folderOf(f)) !== null) break;
  const prefix = `${app.id}/`;
  const files = app.files.map((f): PortableFile | string => {
    if (!f.source) throw new Error(`${f.path}: no source to read it from in a worker`);
    const plain = dir !== null && f.source.kind === 'fs' && f.path === prefix + f.relPath && f.source.absPath === dir + sep + onDisk(f.relPath);
    return plain ? f.relPath : { path: f.path, relPath: f.relPath, source: f.source };
  });
  return { id: app.id, city: app.city, folderName: app.folderName, dir, files };
}

/** The path (relative to the input root) of the applicant's file number `at`. */
export function portablePath(p: PortableApplicant, at: number): string | undefined {
  const entry = p.files[at];
  return typeof entry === 'string' ? `${p.id}/${entry}` : entry?.path;
}

export function fromPortable(p: PortableApplicant): DiscoveredApplicant {
  const files = p.files.map((entry): InputFile =>
    typeof entry === 'string'
      ? new ThreadFile(`${p.id}/${entry}`, entry, { kind: 'fs', absPath: p.dir + sep + onDisk(entry) })
      : new ThreadFile(entry.path, entry.relPath, entry.source),
  );
  return { id: p.id, city: p.city, folderName: p.folderName, files };
}

/** A file as a reading thread sees it: read quickly, its size stat'ed only if asked (a prototype getter). */
class ThreadFile implements InputFile {
  private knownSize: number | undefined;

  constructor(
    readonly path: string,
    readonly relPath: string,
    readonly source: FileSource,
  ) {}

  get size(): number {
    return (this.knownSize ??= sizeOnDisk(this.source));
  }

  read(): Promise<Buffer> {
    return readQuickly(this.source);
  }
}

/**
 * A pack is ~50 small files (forms, screenshots, scans). Read one by one through fs/promises each
 * costs four thread-pool round trips and the reader sits idle: measured 20× slower than reading them
 * synchronously, which is harmless here because reading a pack blocks on parsing it anyway.
 */
function readQuickly(source: FileSource): Promise<Buffer> {
  if (source.kind !== 'fs') return readSource(source);
  try {
    return Promise.resolve(readSmallFile(source.absPath));
  } catch (e) {
    return Promise.reject(e as Error);
  }
}

/** Files up to this size are read into `scratch` with one read call; larger ones by readFileSync. */
const SMALL = 64 * 1024;
let scratch: Buffer | undefined;

/**
 * readFileSync asks the file's size first (fstat) to size its buffer. Nearly every file here is
 * small: one read into a reused buffer gets it whole, and a read that comes back short of the
 * buffer has reached the end (a regular file is never read short otherwise). Saves a system call
 * and an allocation per file; the bytes returned are a copy, never the reused buffer.
 */
export function readSmallFile(absPath: string): Buffer {
  const fd = openSync(absPath, 'r');
  try {
    scratch ??= Buffer.allocUnsafeSlow(SMALL);
    const n = readSync(fd, scratch, 0, SMALL, 0);
    if (n < SMALL) return Buffer.from(scratch.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return readFileSync(absPath);
}

/** The same applicant with files that read themselves quickly (see readQuickly); in-memory files kept. */
export function withQuickReads(app: DiscoveredApplicant): DiscoveredApplicant {
  // Not spread: that would call discovery's lazy `size` getter, a stat per file for nothing.
  const files = app.files.map((f): InputFile => {
    const source = f.source;
    if (!source) return f;
    return {
      path: f.path,
      relPath: f.relPath,
      get size() {
        return f.size;
      },
      source,
      read: () => readQuickly(source),
    };
  });
  return { ...app, files };
}
