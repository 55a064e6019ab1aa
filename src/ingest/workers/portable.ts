/**
 * An applicant folder as plain data that can cross to a worker thread: each file by its source (where
 * its bytes are), and back to files that read themselves from that source.
 */
import { readFileSync } from 'node:fs';
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
  files: PortableFile[];
}

/** Null when a file has no source (made up in memory): such an applicant is read in-process. */
export function toPortable(app: DiscoveredApplicant): PortableApplicant | null {
  const files: PortableFile[] = [];
  for (const f of app.files) {
    if (!f.source) return null;
    files.push({ path: f.path, relPath: f.relPath, source: f.source });
  }
  return { id: app.id, city: app.city, folderName: app.folderName, files };
}

export function fromPortable(p: PortableApplicant): DiscoveredApplicant {
  const files: InputFile[] = p.files.map((f) => {
    let size: number | undefined;
    return {
      ...f,
      get size() {
        return (size ??= sizeOnDisk(f.source));
      },
      read: () => readQuickly(f.source),
    };
  });
  return { id: p.id, city: p.city, folderName: p.folderName, files };
}

/**
 * A pack is ~50 small files (forms, screenshots, scans). Read one by one through fs/promises each
 * costs four thread-pool round trips and the reader sits idle: measured 20× slower than reading them
 * synchronously, which is harmless here because reading a pack blocks on parsing it anyway.
 */
function readQuickly(source: FileSource): Promise<Buffer> {
  if (source.kind !== 'fs') return readSource(source);
  try {
    return Promise.resolve(readFileSync(source.absPath));
  } catch (e) {
    return Promise.reject(e as Error);
  }
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
