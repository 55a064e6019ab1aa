/**
 * Which evidence files hold the same bytes, found the way file de-duplicators find copies: files are
 * grouped by size; only files whose size another file shares have their first 64 KB hashed, and only
 * files whose size and first 64 KB both match another's are hashed whole. A file whose size is its
 * own is never read for this, nor a scanned contract beyond 64 KB unless its size and first 64 KB
 * match another file's (then it is most likely a copy, and only reading it whole can say).
 *
 * The outcome is `EvidenceFile.content`: a key equal for two files of the set exactly when their bytes
 * are equal (`size`, `size:prefixHash` or `size:prefixHash:wholeHash`, SHA-256 in hex).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { EvidenceFile } from '../../model/records.js';

/** How much of a file is hashed before the whole of it is. */
export const PREFIX = 64 * 1024;

export function digest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** `prefix` hashes the first PREFIX bytes (the whole file when it is no larger), `whole` the whole file. */
export function contentKey(size: number, prefix?: string, whole?: string): string {
  if (prefix === undefined) return String(size);
  return whole === undefined || size <= PREFIX ? `${size}:${prefix}` : `${size}:${prefix}:${whole}`;
}

/** A key part no other file can have (unique across threads and passes). */
const unreadKey = () => `unread-${randomUUID()}`;

/** An evidence file and a way to read its bytes: up to `length` from `offset`, fewer at the end. */
export interface Comparable {
  file: EvidenceFile;
  read(offset: number, length: number): Uint8Array | Promise<Uint8Array>;
}

/**
 * Sets `content` of every file so that equal keys mean equal bytes within `files` (one applicant's,
 * or the province's: hashes already in a key are reused, not read again). Adds what it reads to each
 * file's `bytesRead`. A file that cannot be read again gets a key of its own: it is compared with
 * nothing rather than taken for a copy.
 */
export async function settleSameContent(files: readonly Comparable[]): Promise<void> {
  const bySize = new Map<number, Comparable[]>();
  for (const c of files) {
    if (c.file.size === 0) continue; // all empty files are alike, and reported as empty, never as copies
    const group = bySize.get(c.file.size);
    if (group) group.push(c);
    else bySize.set(c.file.size, [c]);
  }
  for (const [size, group] of bySize) {
    if (group.length < 2) continue;
    const byPrefix = new Map<string, Comparable[]>();
    for (const c of group) {
      const [, known] = c.file.content.split(':');
      let prefix = known;
      if (prefix === undefined) {
        try {
          const bytes = await c.read(0, Math.min(size, PREFIX));
          c.file.bytesRead += bytes.length;
          prefix = bytes.length === Math.min(size, PREFIX) ? digest(bytes) : unreadKey();
        } catch {
          prefix = unreadKey();
        }
        c.file.content = contentKey(size, prefix);
      }
      const same = byPrefix.get(prefix);
      if (same) same.push(c);
      else byPrefix.set(prefix, [c]);
    }
    if (size <= PREFIX) continue; // the prefix was the whole file
    for (const [prefix, same] of byPrefix) {
      if (same.length < 2) continue;
      for (const c of same) {
        if (c.file.content.split(':')[2] !== undefined) continue;
        let whole: string;
        try {
          const bytes = await c.read(0, size);
          c.file.bytesRead += bytes.length;
          whole = bytes.length === size ? digest(bytes) : unreadKey();
        } catch {
          whole = unreadKey();
        }
        c.file.content = contentKey(size, prefix, whole);
      }
    }
  }
}
