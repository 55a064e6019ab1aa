/**
 * Tiny but genuine PNG, JPEG and PDF files, for tests and sample submissions: evidence checks read
 * magic bytes and image headers, so fixtures must be real files, not placeholders. A `seed` varies the
 * pixels so that two screenshots of the same colour still have different content hashes.
 */
import { deflateSync } from 'node:zlib';
import { mulberry32 } from './mulberry32.js';

export type Rgb = readonly [number, number, number];

const random = mulberry32;

const byte = (v: number) => Math.max(0, Math.min(255, Math.round(v)));

function checkSize(width: number, height: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width > 65535 || height > 65535)
    throw new RangeError(`image size must be whole numbers in 1..65535, got ${width}×${height}`);
}

// ---------------------------------------------------------------- PNG

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const v of data) c = CRC_TABLE[(c ^ v) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit RGB PNG filled with `rgb`; with a seed, each pixel is nudged a little. */
export function makePng(width: number, height: number, rgb: Rgb, seed?: number): Buffer {
  checkSize(width, height);
  const next = seed === undefined ? null : random(seed);
  const stride = 1 + width * 3;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    raw[y * stride] = 0; // filter type None
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) {
        const jitter = next ? Math.floor(next() * 17) - 8 : 0;
        raw[y * stride + 1 + x * 3 + c] = byte(rgb[c]! + jitter);
      }
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type RGB
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}

// ---------------------------------------------------------------- JPEG

/** Canonical Huffman codes from a DHT's code-length counts (ITU T.81 Annex C). */
function huffmanCodes(counts: readonly number[], symbols: readonly number[]): Map<number, { code: number; length: number }> {
  const codes = new Map<number, { code: number; length: number }>();
  let code = 0;
  let k = 0;
  for (let length = 1; length <= 16; length++) {
    for (let i = 0; i < counts[length - 1]!; i++) codes.set(symbols[k++]!, { code: code++, length });
    code <<= 1;
  }
  return codes;
}

// The standard luminance DC table (T.81 Table K.3), used for all three components.
const DC_COUNTS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const DC_SYMBOLS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
// Every block is flat, so its AC part is only ever end-of-block: a one-symbol table, as libjpeg's
// optimiser writes for flat images.
const AC_COUNTS = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const AC_SYMBOLS = [0x00];
const DC_CODES = huffmanCodes(DC_COUNTS, DC_SYMBOLS);
const EOB = huffmanCodes(AC_COUNTS, AC_SYMBOLS).get(0x00)!;
// With every quantiser at 8, a flat block's quantised DC equals its sample value minus 128.
const QUANT = 8;

class BitWriter {
  private readonly out: number[] = [];
  private acc = 0;
  private n = 0;

  write(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((value >>> i) & 1);
      if (++this.n === 8) this.flushByte();
    }
  }

  private flushByte(): void {
    this.out.push(this.acc);
    if (this.acc === 0xff) this.out.push(0x00); // byte stuffing inside entropy-coded data
    this.acc = 0;
    this.n = 0;
  }

  /** Pads the last byte with 1-bits, as T.81 F.1.2.3 asks. */
  finish(): Buffer {
    if (this.n > 0) this.write((1 << (8 - this.n)) - 1, 8 - this.n);
    return Buffer.from(this.out);
  }
}

function segment(marker: number, body: readonly number[]): Buffer {
  const len = body.length + 2;
  return Buffer.from([0xff, marker, len >> 8, len & 0xff, ...body]);
}

/**
 * A baseline (SOF0) YCbCr JPEG filled with `rgb`, any size; with a seed, each 8×8 block's brightness is
 * nudged a little. Only DC coefficients are coded, which keeps the encoder small and the file valid.
 */
export function makeJpeg(width: number, height: number, rgb: Rgb, seed?: number): Buffer {
  checkSize(width, height);
  const [r, g, b] = rgb;
  const ycc = [
    0.299 * r + 0.587 * g + 0.114 * b,
    128 - 0.168736 * r - 0.331264 * g + 0.5 * b,
    128 + 0.5 * r - 0.418688 * g - 0.081312 * b,
  ].map((v) => byte(v) - 128);
  const next = seed === undefined ? null : random(seed);

  const bits = new BitWriter();
  const predictors = [0, 0, 0];
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  for (let i = 0; i < blocks; i++) {
    const nudge = next ? Math.floor(next() * 13) - 6 : 0;
    for (let c = 0; c < 3; c++) {
      const dc = Math.max(-128, Math.min(127, ycc[c]! + (c === 0 ? nudge : 0)));
      const diff = dc - predictors[c]!;
      predictors[c] = dc;
      const magnitude = Math.abs(diff);
      const category = magnitude === 0 ? 0 : 32 - Math.clz32(magnitude);
      const huff = DC_CODES.get(category)!;
      bits.write(huff.code, huff.length);
      if (category > 0) bits.write(diff > 0 ? diff : diff + (1 << category) - 1, category);
      bits.write(EOB.code, EOB.length);
    }
  }

  const jfif = [0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  const dqt = [0x00, ...new Array<number>(64).fill(QUANT)];
  const sof = [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0];
  const dht = [0x00, ...DC_COUNTS, ...DC_SYMBOLS, 0x10, ...AC_COUNTS, ...AC_SYMBOLS];
  const sos = [3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0];
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, jfif),
    segment(0xdb, dqt),
    segment(0xc0, sof),
    segment(0xc4, dht),
    segment(0xda, sos),
    bits.finish(),
    Buffer.from([0xff, 0xd9]),
  ]);
}

// ---------------------------------------------------------------- PDF

function utf16beHex(s: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return hex;
}

/**
 * A one-page A4 PDF 1.4. The standard fonts have no Chinese glyphs, so the page prints the text's
 * Latin characters inside a frame, and the whole text (Chinese included) is the document title.
 */
export function makePdf(text: string): Buffer {
  const latin = text.replace(/[^\x20-\x7e]/g, '').replace(/([\\()])/g, '\\$1').trim() || 'Document';
  const content = `q 0.5 w 56 56 483 730 re S Q\nBT /F1 18 Tf 72 760 Td (${latin}) Tj ET\n`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`,
    `<< /Title <${utf16beHex(text)}> /Producer (yunshang) >>`,
  ];
  // The binary comment marks the file as binary for transfer tools (PDF 1.7 §7.5.2).
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) pdf += `${String(off).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
