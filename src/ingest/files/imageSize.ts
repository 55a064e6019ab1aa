/**
 * Width and height from an image's header bytes, without decoding pixels. Screenshots sent as evidence
 * are often broken (truncated uploads, a text file renamed `.png`), so every read is bounds-checked and
 * an unreadable header gives null, never an exception.
 */
export interface ImageSize {
  type: 'png' | 'jpeg' | 'gif' | 'bmp' | 'webp';
  width: number;
  height: number;
}

/**
 * Reads more of a file than its first bytes: up to `length` bytes from `offset` (fewer at the end).
 * A JPEG's frame header may sit behind tens of kilobytes of EXIF data; the segments before it are
 * skipped by their lengths, so only the few bytes at each segment start are read.
 */
export type FetchBytes = (offset: number, length: number) => Uint8Array;

/**
 * `bytes` is the whole file, or its first bytes with `fetch` to read further: either way the answer
 * is the same, as every read is by offset in the file.
 */
export function imageSize(bytes: Uint8Array, fetch?: FetchBytes): ImageSize | null {
  const r = new Reader(bytes, fetch);
  if (r.startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return pngSize(r);
  if (r.startsWith([0xff, 0xd8])) return jpegSize(r);
  if (r.startsWith([0x47, 0x49, 0x46, 0x38])) return sized('gif', r.u16le(6), r.u16le(8));
  if (r.startsWith([0x42, 0x4d])) return bmpSize(r);
  if (r.startsWith([0x52, 0x49, 0x46, 0x46]) && r.ascii(8, 4) === 'WEBP') return webpSize(r);
  return null;
}

function sized(type: ImageSize['type'], width: number | null, height: number | null): ImageSize | null {
  // A zero side is no readable size: JPEG's "height defined later by DNL" is too rare to honour here.
  if (width === null || height === null || width <= 0 || height <= 0) return null;
  return { type, width, height };
}

function pngSize(r: Reader): ImageSize | null {
  // The first chunk must be IHDR (PNG spec 5.6); its data starts with width and height.
  if (r.ascii(12, 4) !== 'IHDR') return null;
  return sized('png', r.u32be(16), r.u32be(20));
}

/** SOF markers C0..CF carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function jpegSize(r: Reader): ImageSize | null {
  let pos = 2;
  for (;;) {
    if (r.u8(pos) !== 0xff) return null;
    // Any number of 0xFF fill bytes may precede a marker (ITU T.81 B.1.1.2).
    while (r.u8(pos) === 0xff) pos++;
    const marker = r.u8(pos);
    if (marker === null) return null;
    pos++;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue; // standalone: TEM, RSTn
    if (marker === 0xd9 || marker === 0xda) return null; // EOI or scan data before any frame header
    const length = r.u16be(pos);
    if (length === null || length < 2) return null;
    if (isStartOfFrame(marker)) return sized('jpeg', r.u16be(pos + 5), r.u16be(pos + 3));
    pos += length;
  }
}

function bmpSize(r: Reader): ImageSize | null {
  const headerSize = r.u32le(14);
  if (headerSize === null) return null;
  // OS/2 BITMAPCOREHEADER has 16-bit sides; the Windows headers have signed 32-bit ones, height
  // negative for top-down bitmaps.
  if (headerSize === 12) return sized('bmp', r.u16le(18), r.u16le(20));
  const w = r.i32le(18);
  const h = r.i32le(22);
  return sized('bmp', w, h === null ? null : Math.abs(h));
}

function webpSize(r: Reader): ImageSize | null {
  const chunk = r.ascii(12, 4);
  if (chunk === 'VP8 ') {
    // Lossy: a 3-byte frame tag, the start code 9D 01 2A, then 14-bit width and height.
    if (r.u8(23) !== 0x9d || r.u8(24) !== 0x01 || r.u8(25) !== 0x2a) return null;
    const w = r.u16le(26);
    const h = r.u16le(28);
    return sized('webp', w === null ? null : w & 0x3fff, h === null ? null : h & 0x3fff);
  }
  if (chunk === 'VP8L') {
    // Lossless: signature 0x2F, then width-1 and height-1 as 14-bit fields packed little-endian.
    const bits = r.u32le(21);
    if (r.u8(20) !== 0x2f || bits === null) return null;
    return sized('webp', (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (chunk === 'VP8X') {
    const w = r.u24le(24);
    const h = r.u24le(27);
    return sized('webp', w === null ? null : w + 1, h === null ? null : h + 1);
  }
  return null;
}

/** How much is fetched past the first bytes at once: a segment start and a frame header fit easily. */
const WINDOW = 512;

/**
 * Bounds-checked reads by offset in the file: null past the end instead of undefined arithmetic. The
 * bytes at hand are a window of the file starting at `base`; with `fetch`, a read outside it moves the
 * window there (a window shorter than asked for ends at the end of the file).
 */
class Reader {
  private b: Uint8Array;
  private base = 0;

  constructor(
    bytes: Uint8Array,
    private readonly fetch?: FetchBytes,
  ) {
    this.b = bytes;
  }

  u8(at: number): number | null {
    return this.has(at, 1) ? this.b[at - this.base]! : null;
  }

  /** Whether bytes at..at+n are in the file, made the window if they are not in it yet. */
  private has(at: number, n: number): boolean {
    if (at < 0) return false;
    if (at >= this.base && at + n <= this.base + this.b.length) return true;
    if (!this.fetch) return false;
    this.b = this.fetch(at, Math.max(n, WINDOW));
    this.base = at;
    return n <= this.b.length;
  }

  startsWith(sig: readonly number[]): boolean {
    return this.has(0, sig.length) && sig.every((v, i) => this.b[i - this.base] === v);
  }

  ascii(at: number, n: number): string | null {
    if (!this.has(at, n)) return null;
    return String.fromCharCode(...this.b.subarray(at - this.base, at - this.base + n));
  }

  u16be(at: number): number | null {
    return this.has(at, 2) ? (this.b[at - this.base]! << 8) | this.b[at - this.base + 1]! : null;
  }

  u16le(at: number): number | null {
    return this.has(at, 2) ? this.b[at - this.base]! | (this.b[at - this.base + 1]! << 8) : null;
  }

  u24le(at: number): number | null {
    return this.has(at, 3) ? this.b[at - this.base]! | (this.b[at - this.base + 1]! << 8) | (this.b[at - this.base + 2]! << 16) : null;
  }

  u32be(at: number): number | null {
    return this.has(at, 4) ? ((this.b[at - this.base]! << 24) | (this.b[at - this.base + 1]! << 16) | (this.b[at - this.base + 2]! << 8) | this.b[at - this.base + 3]!) >>> 0 : null;
  }

  u32le(at: number): number | null {
    const v = this.i32le(at);
    return v === null ? null : v >>> 0;
  }

  i32le(at: number): number | null {
    return this.has(at, 4) ? this.b[at - this.base]! | (this.b[at - this.base + 1]! << 8) | (this.b[at - this.base + 2]! << 16) | (this.b[at - this.base + 3]! << 24) : null;
  }
}
