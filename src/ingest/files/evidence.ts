/**
 * Describes one evidence file from its first bytes, so that checks can judge screenshots, licences
 * and invoices without touching the disk. Type and image size are in the first bytes (PNG's IHDR, a
 * JPEG's frame header found by skipping segments, `%PDF-`); a scanned contract is never read whole
 * for them. Whether two files hold the same bytes is settled later, across the province, by
 * sameContent.ts, which reads only files whose sizes collide.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { EvidenceFile } from '../../model/records.js';
import { sniff } from './sniff.js';
import { imageSize, type FetchBytes } from './imageSize.js';
import type { InputFile } from './tree.js';
import { HEAD, headKey } from './sameContent.js';

/**
 * HEAD is the first bytes read of each file: `sniff` looks at no more (its text test reads 4,096
 * bytes), and a file this small is read whole, its size known from the short read.
 */
export { HEAD };

/** `relPath` is relative to the applicant folder (`证明材料/截图/erp-login.png`); `bytes` the whole file. */
export function describeEvidence(relPath: string, bytes: Uint8Array): EvidenceFile {
  return describe(relPath, bytes, bytes.length, bytes.length, undefined);
}

/**
 * `head` is the file's first bytes (all of them when `size` is no larger); `fetch` reads further.
 * Content is keyed by the size and a hash of the head (bytes at hand: no read) until sameContent.ts
 * compares files whose size and head agree.
 */
function describe(relPath: string, head: Uint8Array, size: number, bytesRead: number, fetch: FetchBytes | undefined): EvidenceFile {
  const file: EvidenceFile = {
    path: relPath.replace(/\\/g, '/'),
    size,
    content: headKey(size, head),
    type: sniff(head),
    bytesRead,
  };
  const dims = imageSize(head, fetch);
  if (dims) {
    file.width = dims.width;
    file.height = dims.height;
  }
  file.bytesRead = bytesRead + fetched;
  fetched = 0;
  return file;
}

/** Bytes read by `fetch` for the file being described (one at a time: describing is synchronous). */
let fetched = 0;
let scratch: Buffer | undefined;

/**
 * Describes a discovered file. A file on disk has its first HEAD bytes read (into a reused buffer:
 * nothing of it is kept) and, for a JPEG, the few bytes at each segment start up to the frame header;
 * a file inside a zip is inflated whole (its entry cannot be read from the middle).
 */
export async function describeEvidenceFile(file: InputFile): Promise<EvidenceFile> {
  const source = file.source;
  if (source?.kind !== 'fs') {
    const bytes = await file.read();
    return describeEvidence(file.relPath, bytes);
  }
  const fd = openSync(source.absPath, 'r');
  try {
    scratch ??= Buffer.allocUnsafeSlow(HEAD);
    const n = readSync(fd, scratch, 0, HEAD, 0);
    // A regular file is read short only at its end.
    if (n < HEAD) return describe(file.relPath, scratch.subarray(0, n), n, n, undefined);
    const size = fstatSync(fd).size;
    fetched = 0;
    const fetch: FetchBytes = (offset, length) => {
      const b = Buffer.allocUnsafe(length);
      const got = readSync(fd, b, 0, length, offset);
      fetched += got;
      return b.subarray(0, got);
    };
    return describe(file.relPath, scratch, size, n, fetch);
  } finally {
    closeSync(fd);
  }
}
