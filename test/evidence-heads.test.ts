/**
 * Evidence read only as far as needed: type and image size from the first bytes of the file on disk,
 * the same answers as reading the whole file, and copies found by size, then the first 64 KB, then
 * the whole file. Files are written to a temporary folder and read back as discovery finds them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeEvidence, describeEvidenceFile, HEAD } from '../src/ingest/files/evidence.js';
import { PREFIX, settleSameContent, type Comparable } from '../src/ingest/files/sameContent.js';
import { readRange } from '../src/ingest/files/source.js';
import type { InputFile } from '../src/ingest/files/tree.js';
import type { EvidenceFile } from '../src/model/records.js';
import { padJpeg, padPdf, padPng, sparseToBuffer, writeSparse } from '../src/bench/realEvidence.js';
import { makeJpeg, makePdf, makePng } from '../src/util/images.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'yunshang-heads-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A file on disk as discovery gives it (its bytes readable from its source). */
function onDisk(name: string, bytes: Uint8Array): InputFile {
  const absPath = path.join(dir, name);
  writeFileSync(absPath, bytes);
  return { path: name, relPath: `证明材料/${name}`, size: bytes.length, source: { kind: 'fs', absPath }, read: async () => Buffer.from(bytes) };
}

/** A file already written to the folder. */
function fromDisk(name: string): InputFile {
  const absPath = path.join(dir, name);
  return { path: name, relPath: `证明材料/${name}`, size: 0, source: { kind: 'fs', absPath }, read: () => Promise.reject(new Error('read by range only')) };
}

/** Described from its head, and checked against describing the whole bytes. */
async function described(name: string, bytes: Buffer): Promise<EvidenceFile> {
  const d = await describeEvidenceFile(onDisk(name, bytes));
  const whole = describeEvidence(`证明材料/${name}`, bytes);
  expect({ ...d, content: '', bytesRead: 0 }).toEqual({ ...whole, content: '', bytesRead: 0 });
  return d;
}

/** The head of a progressive JPEG: APP0, a restart interval, a fill byte before a DHT, then SOF2. */
const progressiveJpegHeader = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x48, 0x00, 0x48, 0x00,
  0x00, 0xff, 0xdd, 0x00, 0x04, 0x00, 0x00, 0xff, 0xff, 0xc4, 0x00, 0x07, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xc2,
  0x00, 0x0b, 0x08, 0x02, 0x58, 0x03, 0x20, 0x01, 0x01, 0x11, 0x00,
]);

describe('describing evidence from its first bytes', () => {
  it('reads a 300 KB PNG screenshot no further than its head', async () => {
    const png = sparseToBuffer(padPng(makePng(1280, 2, [10, 20, 30], 1), 300_000));
    const d = await described('big.png', png);
    expect(d).toMatchObject({ type: 'png', size: 300_000, width: 1280, height: 2 });
    expect(d.bytesRead).toBe(HEAD);
  });

  it('gives a truncated PNG (cut inside IHDR) its type, no size, and reads it whole', async () => {
    const cut = makePng(8, 8, [1, 1, 1]).subarray(0, 20);
    const d = await described('cut.png', cut);
    expect(d).toMatchObject({ type: 'png', size: 20, bytesRead: 20 });
    expect(d.width).toBeUndefined();
  });

  it('finds a JPEG frame header behind 60 KB of segments, skipping them by their lengths', async () => {
    const jpeg = sparseToBuffer(padJpeg(makeJpeg(640, 480, [200, 100, 50], 3), 350_000));
    const d = await described('scan.jpg', jpeg);
    expect(d).toMatchObject({ type: 'jpeg', width: 640, height: 480, size: jpeg.length });
    expect(d.bytesRead).toBeLessThan(HEAD + 10 * 512);
  });

  it('reads a progressive JPEG (SOF2) size, also when its header sits past the first bytes', async () => {
    expect(await described('prog.jpg', progressiveJpegHeader)).toMatchObject({ type: 'jpeg', width: 800, height: 600 });
    // An APP1 of 9,000 bytes (an EXIF block) between APP0 and the rest of the header.
    const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0x23, 0x2a]), Buffer.alloc(9000)]);
    const late = Buffer.concat([progressiveJpegHeader.subarray(0, 20), app1, progressiveJpegHeader.subarray(20), Buffer.alloc(50_000)]);
    const d = await described('prog-exif.jpg', late);
    expect(d).toMatchObject({ type: 'jpeg', width: 800, height: 600 });
    expect(d.bytesRead).toBeLessThan(HEAD + 1024);
  });

  it('gives a JPEG cut before its frame header, or past the head inside a segment, no size', async () => {
    expect((await described('cut1.jpg', progressiveJpegHeader.subarray(0, 30))).width).toBeUndefined();
    const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0xff, 0xff]), Buffer.alloc(6000)]);
    const cut = Buffer.concat([progressiveJpegHeader.subarray(0, 20), app1]);
    expect((await described('cut2.jpg', cut)).width).toBeUndefined();
  });

  it('types a PDF with a long header (10 KB of comments before its first object) from its first bytes', async () => {
    const pdf = makePdf('Contract');
    const long = Buffer.concat([pdf.subarray(0, 9), Buffer.from('%'.padEnd(10_000, 'x') + '\n', 'latin1'), pdf.subarray(9)]);
    const d = await described('long-header.pdf', long);
    expect(d).toMatchObject({ type: 'pdf', size: long.length, bytesRead: HEAD });
  });

  it('never reads a 4 MB PDF whole, nor a truncated one', async () => {
    const big = await described('contract.pdf', sparseToBuffer(padPdf(makePdf('Contract 1'), 4_000_000)));
    expect(big).toMatchObject({ type: 'pdf', size: 4_000_000, bytesRead: HEAD });
    const cut = sparseToBuffer(padPdf(makePdf('Contract 2'), 2_000_000)).subarray(0, 1_000_000);
    expect(await described('cut.pdf', cut)).toMatchObject({ type: 'pdf', size: 1_000_000, bytesRead: HEAD });
  });

  it('keeps what the whole-file reading said of text, empty and odd files', async () => {
    expect((await described('fake.png', Buffer.from('这不是图片\n'.repeat(1000), 'utf8'))).type).toBe('text');
    expect(await described('empty.png', Buffer.alloc(0))).toMatchObject({ type: 'empty', size: 0, bytesRead: 0 });
    expect((await described('zeros.bin', Buffer.alloc(10_000))).type).toBe('other');
  });
});

/** Describes `files` (name → bytes) from disk and settles their content keys together. */
async function settled(files: Record<string, Buffer>): Promise<Record<string, EvidenceFile>> {
  const out: Record<string, EvidenceFile> = {};
  const all: Comparable[] = [];
  for (const [name, bytes] of Object.entries(files)) {
    const input = onDisk(name, bytes);
    const file = await describeEvidenceFile(input);
    out[name] = file;
    all.push({ file, read: (offset, length) => readRange(input, offset, length) });
  }
  await settleSameContent(all);
  return out;
}

describe('finding copies by size, first 64 KB, then whole file', () => {
  const big = (seed: number, tail: number, at = 200_000) => {
    // 300 KB: a PNG (its pixels, in the first 4 KB, differ by seed), then bytes that differ at `at` when `tail` differs.
    const b = sparseToBuffer(padPng(makePng(64, 40, [seed, 0, 0]), 300_000));
    b.writeUInt32BE(tail, at);
    return b;
  };

  it('finds identical files of different names the same, and reads each whole only once', async () => {
    const f = await settled({ 'a-login.png': big(1, 0), 'b-copy.png': big(1, 0), 'c-other.png': sparseToBuffer(padPng(makePng(64, 40, [9, 9, 9]), 310_000)) });
    expect(f['a-login.png']!.content).toBe(f['b-copy.png']!.content);
    expect(f['a-login.png']!.content).not.toBe(f['c-other.png']!.content);
    expect(f['a-login.png']!.bytesRead).toBe(HEAD + PREFIX + 300_000);
    // A size of its own: never read past its head.
    expect(f['c-other.png']!.bytesRead).toBe(HEAD);
  });

  it('tells apart same-size files that differ in the first 4 KB by the head already read', async () => {
    const f = await settled({ 'x.png': big(1, 0), 'y.png': big(2, 0) });
    expect(f['x.png']!.content).not.toBe(f['y.png']!.content);
    expect(f['x.png']!.bytesRead).toBe(HEAD);
    expect(f['y.png']!.bytesRead).toBe(HEAD);
  });

  it('tells apart same-size files that differ between 4 KB and 64 KB without reading them whole', async () => {
    const f = await settled({ 'x2.png': big(1, 1, 10_000), 'y2.png': big(1, 2, 10_000) });
    expect(f['x2.png']!.content).not.toBe(f['y2.png']!.content);
    expect(f['x2.png']!.bytesRead).toBe(HEAD + PREFIX);
    expect(f['y2.png']!.bytesRead).toBe(HEAD + PREFIX);
  });

  it('tells apart same-size files that differ only after the first 64 KB by reading them whole', async () => {
    const f = await settled({ 'p.png': big(3, 1), 'q.png': big(3, 2) });
    expect(f['p.png']!.content).not.toBe(f['q.png']!.content);
    expect(f['p.png']!.bytesRead).toBe(HEAD + PREFIX + 300_000);
  });

  it('compares small files read whole by their hashes, and never calls empty files copies', async () => {
    const png = makePng(8, 8, [5, 5, 5]);
    const other = makePng(8, 8, [6, 6, 6]);
    expect(other.length).toBe(png.length);
    const f = await settled({ 's1.png': png, 's2.png': Buffer.from(png), 's3.png': other, 'e1.png': Buffer.alloc(0), 'e2.png': Buffer.alloc(0) });
    expect(f['s1.png']!.content).toBe(f['s2.png']!.content);
    expect(f['s1.png']!.content).not.toBe(f['s3.png']!.content);
    // Nothing read again: the whole file was at hand when it was described.
    expect(f['s1.png']!.bytesRead).toBe(png.length);
    expect(f['e1.png']!.size).toBe(0);
  });

  it('settles again across folders, reusing the hashes already in the keys', async () => {
    const first = await settled({ 'm1.png': big(4, 0), 'm2.png': big(5, 0) });
    const second = await settled({ 'n1.png': big(4, 0) });
    const input = { ...first, ...second };
    const m2Read = input['m2.png']!.bytesRead;
    const again: Comparable[] = Object.entries(input).map(([name, file]) => ({
      file,
      read: (offset: number, length: number) => readRange(fromDisk(name), offset, length),
    }));
    await settleSameContent(again);
    expect(input['m1.png']!.content).toBe(input['n1.png']!.content);
    expect(input['m1.png']!.content).not.toBe(input['m2.png']!.content);
    // m2's first 4 KB match no other file's: nothing read again.
    expect(input['m2.png']!.bytesRead).toBe(m2Read);
  });

  it('writes sparse padded files that read back as their bytes', async () => {
    const padded = padPdf(makePdf('Invoice'), 1_500_000);
    const file = path.join(dir, 'sparse.pdf');
    writeSparse(file, padded);
    const back = await readRange(fromDisk('sparse.pdf'), 0, padded.size);
    expect(Buffer.from(back).equals(sparseToBuffer(padded))).toBe(true);
  });
});

describe('the benchmark’s real-size evidence', () => {
  it('stays files a viewer opens: PDF by pdf.js, JPEG by its decoder, PNG chunks with right CRCs', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const pdf = sparseToBuffer(padPdf(makePdf('营业执照 Test'), 1_000_000));
    const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
    expect(doc.numPages).toBe(1);
    await doc.destroy();

    const { JpegImage } = (await import('pdfjs-dist/image_decoders/pdf.image_decoders.mjs' as string)) as {
      JpegImage: new () => { width: number; height: number; parse(d: Uint8Array): void };
    };
    const j = new JpegImage();
    j.parse(new Uint8Array(sparseToBuffer(padJpeg(makeJpeg(64, 40, [1, 2, 3], 9), 250_000))));
    expect([j.width, j.height]).toEqual([64, 40]);

    const png = sparseToBuffer(padPng(makePng(64, 40, [1, 2, 3]), 200_000));
    const { crc32 } = await import('node:zlib');
    const types: string[] = [];
    for (let pos = 8; pos < png.length; ) {
      const len = png.readUInt32BE(pos);
      types.push(png.toString('latin1', pos + 4, pos + 8));
      expect(png.readUInt32BE(pos + 8 + len)).toBe(crc32(png.subarray(pos + 4, pos + 8 + len)));
      pos += 12 + len;
    }
    expect(types).toEqual(['IHDR', 'IDAT', 'ysPd', 'IEND']);
  });
});

describe('copies across the province, at real sizes', () => {
  it('finds a screenshot one enterprise copied from another under a new name, reading little', async () => {
    const { cpSync, copyFileSync, readdirSync } = await import('node:fs');
    const { readSubmission } = await import('../src/ingest/readSubmission.js');
    const { loadRules } = await import('../src/rules/load.js');
    const { padProvinceEvidence } = await import('../src/bench/realEvidence.js');
    const root = path.join(dir, 'province');
    const city = path.join(root, '丽水市');
    const [a, b] = readdirSync('fixtures/submissions/丽水市').filter((n) => !n.includes('.'));
    cpSync(path.join('fixtures/submissions/丽水市', a!), path.join(city, a!), { recursive: true });
    cpSync(path.join('fixtures/submissions/丽水市', b!), path.join(city, b!), { recursive: true });
    padProvinceEvidence(root, 7);
    const shots = (app: string) => path.join(city, app, '证明材料', '截图');
    const original = readdirSync(shots(a!)).sort()[0]!;
    copyFileSync(path.join(shots(a!), original), path.join(shots(b!), '副本.png'));
    // Same size, other bytes: one differs in its first 64 KB, one only near its end.
    const { readFileSync: readBack } = await import('node:fs');
    const bytes = readBack(path.join(shots(a!), original));
    const early = Buffer.from(bytes);
    early[40] = early[40]! ^ 0xff;
    const late = Buffer.from(bytes);
    late[late.length - 20] = late[late.length - 20]! ^ 0xff;
    writeFileSync(path.join(shots(b!), '改-前.png'), early);
    writeFileSync(path.join(shots(b!), '改-后.png'), late);
    const sub = await readSubmission(root, await loadRules(), { workers: 'never' });
    const [packA, packB] = sub.cities[0]!.applicants;
    const fileA = packA!.evidence.find((f) => f.path === `证明材料/截图/${original}`)!;
    const copy = packB!.evidence.find((f) => f.path === '证明材料/截图/副本.png')!;
    expect(copy.size).toBeGreaterThan(PREFIX);
    expect(copy.content).toBe(fileA.content);
    const changed = packB!.evidence.filter((f) => f.path.startsWith('证明材料/截图/改-'));
    expect(changed.map((f) => f.size)).toEqual([copy.size, copy.size]);
    expect(new Set([copy.content, ...changed.map((f) => f.content)]).size).toBe(3);
    // The original's size is its own in its folder: only the province-wide pass can have hashed it.
    expect(fileA.content.split(':')).toHaveLength(4);
    const all = [...packA!.evidence, ...packB!.evidence];
    expect(all.filter((f) => f.content === copy.content)).toHaveLength(2);
    const onDiskBytes = all.reduce((n, f) => n + f.size, 0);
    const readBytes = all.reduce((n, f) => n + f.bytesRead, 0);
    expect(readBytes).toBeLessThan(onDiskBytes / 10);
  });
});
