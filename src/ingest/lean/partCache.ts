/**
 * Workbooks made from one template carry byte-identical styles, workbook and workbook-rels parts, so
 * those are recognised by their stored (still compressed) bytes, and what they say is worked out once.
 * Recognition is by exact byte equality of the stored data (with the same name, method, declared
 * size and CRC-32, which makes the inflated text the same and checked), never by a hash or the CRC
 * alone, which could collide.
 * A recognised part need not even be inflated: identical bytes inflated without error before.
 */
import { Buffer } from 'node:buffer';
import type { ZipEntry } from '../files/zip.js';

interface KnownPart {
  id: number;
  name: string;
  method: number;
  uncompressedSize: number;
  crc32: number;
  stored: Uint8Array;
}

/** Parts seen before, each with an id that is never reused. Bounded in count and in bytes held. */
export class KnownParts {
  private readonly parts: KnownPart[] = [];
  private nextId = 1;

  constructor(
    private readonly maxParts = 32,
    private readonly maxStoredBytes = 256 * 1024,
  ) {}

  /** The id of an identical part seen before, or 0. */
  find(entry: ZipEntry, stored: Uint8Array): number {
    for (let i = this.parts.length - 1; i >= 0; i--) {
      const p = this.parts[i]!;
      // The declared CRC-32 too: identical data under another checksum is a damaged entry, to be inflated and caught.
      if (p.stored.length !== stored.length || p.name !== entry.name || p.method !== entry.method || p.uncompressedSize !== entry.uncompressedSize || p.crc32 !== entry.crc32) continue;
      if (Buffer.compare(p.stored, stored) !== 0) continue;
      // Most recently used last, so the oldest are the ones dropped.
      this.parts.splice(i, 1);
      this.parts.push(p);
      return p.id;
    }
    return 0;
  }

  /** Remembers a part that inflated without error; its id, or 0 when it is too large to keep. */
  remember(entry: ZipEntry, stored: Uint8Array): number {
    if (stored.length > this.maxStoredBytes) return 0;
    if (this.parts.length >= this.maxParts) this.parts.shift();
    // A copy: a view would keep the whole workbook's buffer alive.
    const part: KnownPart = { id: this.nextId++, name: entry.name, method: entry.method, uncompressedSize: entry.uncompressedSize, crc32: entry.crc32, stored: stored.slice() };
    this.parts.push(part);
    return part.id;
  }
}

/** A small most-recently-used map for what known parts say, keyed by their ids. */
export class ResultCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly maxEntries = 32) {}

  /** The value for `key`, computed on a miss; shared by every later caller, so it must be frozen. */
  get(key: string, compute: () => T): T {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = compute();
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
    return value;
  }
}
