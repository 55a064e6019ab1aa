/**
 * `--evidence real`: the benchmark's evidence at the sizes the field sends. The generated province's
 * screenshots are ~150-byte PNGs and ~600-byte JPEGs and its PDFs under a kilobyte; real packs carry
 * 200–400 KB screenshots, 1–5 MB scanned contracts and invoices and a ~1 MB licence. Each evidence
 * file is padded to a size drawn from the seed and its bytes (so the walk order does not matter, and a
 * copy of a file, as a planted shared screenshot, stays a copy) and stays a valid file of its kind:
 * - PNG: a private ancillary chunk (`ysPd`, safe to copy, ignored by viewers) of zeros before IEND;
 * - JPEG: comment segments (COM, at most 65,533 bytes each) of zeros, one of up to 20 KB before the
 *   quantisation tables (where a camera's EXIF block sits) and the rest before the scan;
 * - PDF: one more object, a stream of zeros no page uses, with the cross-reference table rebuilt.
 * The zeros are written as holes (sparse files), so a 2,000-applicant province takes little disk;
 * reading a hole costs what reading a cached page does, which is the warm-cache case measured.
 */
import { closeSync, ftruncateSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { createRandom } from '../fixtures/random.js';
import { EVIDENCE_DIR } from '../data/inputTree.js';

/** A file as its size and the bytes that are not zeros, by offset. */
export interface SparseFile {
  size: number;
  pieces: { offset: number; bytes: Buffer }[];
}

export function sparseToBuffer(f: SparseFile): Buffer {
  const b = Buffer.alloc(f.size);
  for (const p of f.pieces) p.bytes.copy(b, p.offset);
  return b;
}

export function writeSparse(file: string, f: SparseFile): void {
  const fd = openSync(file, 'w');
  try {
    for (const p of f.pieces) writeSync(fd, p.bytes, 0, p.bytes.length, p.offset);
    ftruncateSync(fd, f.size);
  } finally {
    closeSync(fd);
  }
}

const ZEROS = Buffer.alloc(64 * 1024);

/** CRC-32 of `head` followed by `n` zero bytes. */
function crcWithZeros(head: Buffer, n: number): number {
  let crc = crc32(head);
  for (let left = n; left > 0; left -= ZEROS.length) crc = crc32(ZEROS.subarray(0, Math.min(left, ZEROS.length)), crc);
  return crc;
}

/** `png` with a zero-filled private chunk before IEND, `size` bytes in all (at least 12 more). */
export function padPng(png: Buffer, size: number): SparseFile {
  const iend = png.length - 12;
  if (png.toString('latin1', iend + 4, iend + 8) !== 'IEND') throw new Error('padPng: IEND is not the last chunk');
  const n = size - png.length - 12;
  if (n < 0) return { size: png.length, pieces: [{ offset: 0, bytes: png }] };
  const head = Buffer.alloc(8);
  head.writeUInt32BE(n, 0);
  head.write('ysPd', 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crcWithZeros(head.subarray(4), n), 0);
  return {
    size,
    pieces: [
      { offset: 0, bytes: Buffer.concat([png.subarray(0, iend), head]) },
      { offset: iend + 8 + n, bytes: Buffer.concat([crc, png.subarray(iend)]) },
    ],
  };
}

const COM_MAX = 65533;

/** Segments of JPEG markers in `jpeg` before its scan (SOS), as [offset of marker, marker]. */
function jpegMarkers(jpeg: Buffer): [number, number][] {
  const out: [number, number][] = [];
  let pos = 2;
  while (pos + 4 <= jpeg.length && jpeg[pos] === 0xff) {
    const marker = jpeg[pos + 1]!;
    out.push([pos, marker]);
    if (marker === 0xda) break;
    pos += 2 + jpeg.readUInt16BE(pos + 2);
  }
  return out;
}

/** Zero-filled COM segments of `n` bytes in all (headers included) at `offset`: their headers only. */
function comSegments(offset: number, n: number): { pieces: { offset: number; bytes: Buffer }[]; length: number } {
  const pieces: { offset: number; bytes: Buffer }[] = [];
  let at = offset;
  let left = n;
  while (left >= 4) {
    // A remainder of 1–3 bytes cannot be its own segment: the one before it is shortened to leave room.
    let body = Math.min(COM_MAX, left - 4);
    const after = left - 4 - body;
    if (after > 0 && after < 4) body -= 4 - after;
    pieces.push({ offset: at, bytes: Buffer.from([0xff, 0xfe, (body + 2) >> 8, (body + 2) & 0xff]) });
    at += 4 + body;
    left -= 4 + body;
  }
  return { pieces, length: at - offset };
}

/** `jpeg` with zero-filled comment segments, `size` bytes in all (or as near as segments allow). */
export function padJpeg(jpeg: Buffer, size: number): SparseFile {
  const markers = jpegMarkers(jpeg);
  const dqt = markers.find(([, m]) => m === 0xdb)?.[0];
  const sos = markers.find(([, m]) => m === 0xda)?.[0];
  const n = size - jpeg.length;
  if (dqt === undefined || sos === undefined || n < 8) return { size: jpeg.length, pieces: [{ offset: 0, bytes: jpeg }] };
  const early = Math.min(20_000, Math.floor(n / 2));
  const pieces: { offset: number; bytes: Buffer }[] = [{ offset: 0, bytes: jpeg.subarray(0, dqt) }];
  const first = comSegments(dqt, early);
  pieces.push(...first.pieces, { offset: dqt + first.length, bytes: jpeg.subarray(dqt, sos) });
  const second = comSegments(dqt + first.length + (sos - dqt), n - early);
  pieces.push(...second.pieces);
  const rest = dqt + first.length + (sos - dqt) + second.length;
  pieces.push({ offset: rest, bytes: jpeg.subarray(sos) });
  return { size: rest + jpeg.length - sos, pieces };
}

/** `pdf` (one classic xref table, as makePdf writes) with an unused stream of zeros, `size` bytes in all. */
export function padPdf(pdf: Buffer, size: number): SparseFile {
  const text = pdf.toString('latin1');
  const xrefAt = text.lastIndexOf('\nxref\n') + 1;
  const trailerAt = text.indexOf('trailer', xrefAt);
  const m = /^xref\n0 (\d+)\n/.exec(text.slice(xrefAt));
  if (xrefAt < 1 || trailerAt < 0 || !m) throw new Error('padPdf: no classic cross-reference table');
  const count = Number(m[1]);
  const entries = text.slice(xrefAt + m[0].length, trailerAt);
  const trailer = text.slice(trailerAt, text.indexOf('startxref', trailerAt)).replace(/\/Size \d+/, `/Size ${count + 1}`);
  const tail = (_length: number, xref: number) =>
    `\nendstream\nendobj\nxref\n0 ${count + 1}\n${entries}${String(xrefAt).padStart(10, '0')} 00000 n \n${trailer}startxref\n${xref}\n%%EOF\n`;
  const objHead = (length: number) => `${count} 0 obj\n<< /Length ${length} >>\nstream\n`;
  const ENDOBJ = '\nendstream\nendobj\n'.length;
  const total = (length: number) => {
    const xref = xrefAt + objHead(length).length + length + ENDOBJ;
    return xrefAt + objHead(length).length + length + tail(length, xref).length;
  };
  // The stream's length shows in its own header and in the xref offset: a few rounds settle the digits.
  let length = 0;
  for (let i = 0; i < 4; i++) length = Math.max(0, length + size - total(length));
  const head = Buffer.from(text.slice(0, xrefAt) + objHead(length), 'latin1');
  const xref = head.length + length + ENDOBJ;
  const end = Buffer.from(tail(length, xref), 'latin1');
  return { size: head.length + length + end.length, pieces: [{ offset: 0, bytes: head }, { offset: head.length + length, bytes: end }] };
}

const KB = 1024;
const MB = 1024 * KB;

/** The size a real pack's file of this kind has, drawn from `r`. */
function realSize(relPath: string, kind: 'png' | 'jpeg' | 'pdf', next: () => number): number {
  const between = (lo: number, hi: number) => Math.floor(lo + next() * (hi - lo));
  if (kind !== 'pdf') return between(200 * KB, 400 * KB);
  if (relPath.includes('营业执照')) return between(0.9 * MB, 1.1 * MB);
  return between(1 * MB, 5 * MB);
}

function kindOf(b: Buffer): 'png' | 'jpeg' | 'pdf' | null {
  if (b[0] === 0x89 && b.toString('latin1', 1, 4) === 'PNG') return 'png';
  if (b[0] === 0xff && b[1] === 0xd8) return 'jpeg';
  if (b.toString('latin1', 0, 5) === '%PDF-') return 'pdf';
  return null;
}

/**
 * Pads every PNG, JPEG and PDF under the applicants' 证明材料 folders of `root` to a real size.
 * Returns the evidence files' sizes before and after.
 */
export function padProvinceEvidence(root: string, seed: number): { files: number; before: number; after: number } {
  const out = { files: 0, before: 0, after: 0 };
  const walk = (dir: string, inEvidence: boolean): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) {
        walk(abs, inEvidence || e.name === EVIDENCE_DIR);
        continue;
      }
      if (!inEvidence || !e.isFile()) continue;
      const bytes = readFileSync(abs);
      const kind = kindOf(bytes);
      if (!kind) continue;
      const rel = path.relative(root, abs).split(path.sep).join('/');
      const next = createRandom(seed).fork(createHash('sha256').update(bytes).digest('hex')).next;
      const size = realSize(rel, kind, next);
      const padded = kind === 'png' ? padPng(bytes, size) : kind === 'jpeg' ? padJpeg(bytes, size) : padPdf(bytes, size);
      writeSparse(abs, padded);
      out.files++;
      out.before += bytes.length;
      out.after += padded.size;
    }
  };
  walk(root, false);
  return out;
}
