/**
 * Which evidence files hold the same bytes, found the way file de-duplicators find copies: files are
 * grouped by size, and only files whose size another file shares are compared, by hashes of ever
 * longer beginnings: the first 4 KB (read anyway to type the file, so hashing them costs no read),
 * then the first 64 KB, then the whole file, each taken only while another file still matches. A
 * file whose size is its own is never read for this, nor a scanned contract beyond its first 64 KB
 * unless its size and first 64 KB match another file's (then it is most likely a copy, and only
 * reading it whole can say).
 *
 * The outcome is `EvidenceFile.content`: a key equal for two files of the set exactly when their bytes
 * are equal: the size and the hashes taken (SHA-256 in hex), `:`-separated.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { EvidenceFile } from '../../model/records.js';

/** The first bytes read of each evidence file (see evidence.ts), hashed when the file is described. */
export const HEAD = 4096;
/** How much of a file is hashed before the whole of it is. */
export const PREFIX = 64 * 1024;
/** The beginnings compared in turn; the last is the whole file. */
const LEVELS = [HEAD, PREFIX, Number.POSITIVE_INFINITY] as const;

export function digest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The key of a file described from its first bytes: its size and the hash of its first HEAD bytes. */
export function headKey(size: number, head: Uint8Array): string {
  return `${size}:${digest(head.subarray(0, Math.min(size, HEAD)))}`;
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
  for (const [size, group] of bySize) if (group.length > 1) await split(group, size, 0);
}

/** `group` (two or more files of `size`) agree on every level below `level`: split it by this one. */
async function split(group: Comparable[], size: number, level: number): Promise<void> {
  if (level >= LEVELS.length || (level > 0 && LEVELS[level - 1]! >= size)) return; // the last hash covered the whole file
  const byHash = new Map<string, Comparable[]>();
  for (const c of group) {
    const parts = c.file.content.split(':');
    let hash = parts[level + 1];
    if (hash === undefined) {
      const length = Math.min(size, LEVELS[level]!);
      try {
        const bytes = await c.read(0, length);
        c.file.bytesRead += bytes.length;
        hash = bytes.length === length ? digest(bytes) : unreadKey();
      } catch {
        hash = unreadKey();
      }
      c.file.content = [...parts.slice(0, level + 1), hash].join(':');
    }
    const same = byHash.get(hash);
    if (same) same.push(c);
    else byHash.set(hash, [c]);
  }
  for (const same of byHash.values()) if (same.length > 1) await split(same, size, level + 1);
}
