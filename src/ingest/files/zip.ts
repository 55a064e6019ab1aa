/**
 * Zip reading without extracting anything to disk: the central directory is parsed here (not by
 * fflate's unzip) because entry names from Windows' built-in zip are GBK bytes with no UTF-8 flag,
 * and fflate would already have decoded them as latin1. Entries are inflated on demand.
 */
import { open } from 'node:fs/promises';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { Inflate, inflateSync } from 'fflate';

export interface ZipEntry {
  /** Name as stored, decoded, with `\` turned into `/`. */
  name: string;
  isDirectory: boolean;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  /** Set only for an entry a Unix tool stored as a symbolic link, pipe, socket or device: never read. */
  special?: string;
}

/** The zip's structure cannot be read (no end record, a header out of place, two entries of one name). */
export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
}

/** An entry inflated to other bytes than its CRC-32 (or its size) says: the entry is damaged. */
export class ZipChecksumError extends ZipFormatError {
  override name = 'ZipChecksumError';
  constructor(readonly entryName: string) {
    super(`${entryName}: content does not match its CRC-32 checksum`);
  }
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;
const FLAG_ENCRYPTED = 0x1;
const FLAG_UTF8 = 0x800;
const EXTRA_ZIP64 = 0x0001;
/** "Version made by" host 3: the external attributes' high half is a Unix st_mode. */
const HOST_UNIX = 3;
const S_IFMT = 0o170000;
const SPECIAL_MODES: ReadonlyMap<number, string> = new Map([
  [0o120000, 'symbolic link'],
  [0o010000, 'named pipe'],
  [0o140000, 'socket'],
  [0o020000, 'device'],
  [0o060000, 'device'],
]);
const EXTRA_UNICODE_PATH = 0x7075;
/** Deflate cannot expand one byte into more than about 1032: an entry can never exceed this. */
export const MAX_DEFLATE_RATIO = 1032;

function view(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

interface EndRecord {
  entries: number;
  cdSize: number;
  cdOffset: number;
}

/**
 * The end-of-central-directory record in the last bytes of a zip. `tail` is the end of the file
 * and `tailStart` its offset in the file (for finding the zip64 record).
 */
function findEnd(tail: Uint8Array, readZip64: (offset: number) => Uint8Array | null): EndRecord | null {
  const dv = view(tail);
  for (let i = tail.length - EOCD_MIN; i >= 0 && i >= tail.length - EOCD_MIN - MAX_COMMENT; i--) {
    if (dv.getUint32(i, true) !== SIG_EOCD) continue;
    const commentLength = dv.getUint16(i + 20, true);
    if (i + EOCD_MIN + commentLength > tail.length) continue;
    const end: EndRecord = {
      entries: dv.getUint16(i + 10, true),
      cdSize: dv.getUint32(i + 12, true),
      cdOffset: dv.getUint32(i + 16, true),
    };
    if (end.entries === 0xffff || end.cdSize === 0xffffffff || end.cdOffset === 0xffffffff) {
      if (i < 20 || dv.getUint32(i - 20, true) !== SIG_ZIP64_LOCATOR) return end;
      const rec = readZip64(Number(dv.getBigUint64(i - 20 + 8, true)));
      if (!rec || rec.length < 56 || view(rec).getUint32(0, true) !== SIG_ZIP64_EOCD) return null;
      const r = view(rec);
      end.entries = Number(r.getBigUint64(32, true));
      end.cdSize = Number(r.getBigUint64(40, true));
      end.cdOffset = Number(r.getBigUint64(48, true));
    }
    return end;
  }
  return null;
}

const UTF8 = new TextDecoder('utf-8');
const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true });
const GB18030 = new TextDecoder('gb18030');

/** The name when every byte is ASCII (nearly always), which every decoding below reads the same; else null. */
function asciiName(raw: Uint8Array): string | null {
  let name = '';
  for (let i = 0; i < raw.length; i++) {
    const b = raw[i]!;
    if (b >= 0x80) return null;
    name += String.fromCharCode(b);
  }
  return name;
}

/** Decode an entry name the way the tool that wrote it meant it. */
export function decodeEntryName(raw: Uint8Array, flags: number, extra: Uint8Array = new Uint8Array(0)): string {
  // Decoders are shared (creating one per entry cost more than the rest of reading the directory).
  if (flags & FLAG_UTF8) return asciiName(raw) ?? UTF8.decode(raw);
  const unicodePath = extraField(extra, EXTRA_UNICODE_PATH);
  // Info-ZIP Unicode Path (7-Zip, WinRAR): version, CRC of the raw name, then the UTF-8 name.
  if (unicodePath && unicodePath.length > 5 && unicodePath[0] === 1 && view(unicodePath).getUint32(1, true) === crc32(raw)) {
    return UTF8.decode(unicodePath.subarray(5));
  }
  const ascii = asciiName(raw);
  if (ascii !== null) return ascii;
  try {
    return UTF8_STRICT.decode(raw);
  } catch {
    // Windows' built-in zip writes names in the ANSI code page, GBK on Chinese Windows.
    return GB18030.decode(raw);
  }
}

function extraField(extra: Uint8Array, id: number): Uint8Array | null {
  // Bytes read directly: a DataView per entry cost more than the search.
  for (let p = 0; p + 4 <= extra.length; ) {
    const fieldId = extra[p]! | (extra[p + 1]! << 8);
    const size = extra[p + 2]! | (extra[p + 3]! << 8);
    if (fieldId === id) return extra.subarray(p + 4, Math.min(extra.length, p + 4 + size));
    p += 4 + size;
  }
  return null;
}

/** Parse the central directory bytes into entries. */
export function parseCentralDirectory(cd: Uint8Array, count: number): ZipEntry[] {
  const dv = view(cd);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || dv.getUint32(p, true) !== SIG_CENTRAL) {
      throw new ZipFormatError(`central directory header ${i + 1} of ${count} not found`);
    }
    const madeBy = dv.getUint16(p + 4, true);
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const crc = dv.getUint32(p + 16, true);
    let compressedSize = dv.getUint32(p + 20, true);
    let uncompressedSize = dv.getUint32(p + 24, true);
    const nameLength = dv.getUint16(p + 28, true);
    const extraLength = dv.getUint16(p + 30, true);
    const commentLength = dv.getUint16(p + 32, true);
    const externalAttributes = dv.getUint32(p + 38, true);
    let localHeaderOffset = dv.getUint32(p + 42, true);
    const end = p + 46 + nameLength + extraLength + commentLength;
    if (end > cd.length) throw new ZipFormatError(`central directory header ${i + 1} runs past the end`);
    const raw = cd.subarray(p + 46, p + 46 + nameLength);
    const extra = cd.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength);
    const z64 = extraField(extra, EXTRA_ZIP64);
    if (z64) {
      // Only the fields whose 32-bit value is saturated are present, in this order.
      const zv = view(z64);
      let q = 0;
      const next = () => {
        const v = q + 8 <= z64.length ? Number(zv.getBigUint64(q, true)) : NaN;
        q += 8;
        return v;
      };
      if (uncompressedSize === 0xffffffff) uncompressedSize = next();
      if (compressedSize === 0xffffffff) compressedSize = next();
      if (localHeaderOffset === 0xffffffff) localHeaderOffset = next();
      if ([uncompressedSize, compressedSize, localHeaderOffset].some(Number.isNaN)) {
        throw new ZipFormatError(`zip64 field of entry ${i + 1} is too short`);
      }
    }
    const decoded = decodeEntryName(raw, flags, extra);
    const name = decoded.includes('\\') ? decoded.replace(/\\/g, '/') : decoded;
    const entry: ZipEntry = {
      name,
      isDirectory: name.endsWith('/'),
      flags,
      method,
      crc32: crc,
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
    };
    if (madeBy >> 8 === HOST_UNIX) {
      const special = SPECIAL_MODES.get((externalAttributes >>> 16) & S_IFMT);
      if (special) entry.special = special;
    }
    entries.push(entry);
    p = end;
  }
  return entries;
}

/**
 * The entries of a zip held in memory (a workbook); throws ZipFormatError when its structure is broken
 * or two entries share a name (which one a reader takes is up to the reader, so the file says two
 * things at once: Excel refuses such a file).
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const end = findEnd(bytes, (offset) => (offset + 56 <= bytes.length ? bytes.subarray(offset, offset + 56) : null));
  if (!end) throw new ZipFormatError('end of central directory not found (file truncated or not a zip)');
  if (end.cdOffset + end.cdSize > bytes.length) throw new ZipFormatError('central directory lies past the end of the file');
  const entries = parseCentralDirectory(bytes.subarray(end.cdOffset, end.cdOffset + end.cdSize), end.entries);
  const dup = duplicateName(entries);
  if (dup !== null) throw new ZipFormatError(`two entries named ${dup}`);
  return entries;
}

/** The first name two entries share, or null. */
export function duplicateName(entries: readonly ZipEntry[]): string | null {
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.name)) return e.name;
    seen.add(e.name);
  }
  return null;
}

/** The entries of a zip file on disk, reading only its tail and central directory. */
export async function readZipDirectoryFromFile(path: string): Promise<ZipEntry[]> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const tailLength = Math.min(size, EOCD_MIN + MAX_COMMENT + 20);
    const tailStart = size - tailLength;
    const tail = await readAt(fh, tailStart, tailLength);
    // The zip64 end record can lie outside the tail we read; remember where to fetch it.
    let zip64Offset = -1;
    const end = findEnd(tail, (offset) => {
      zip64Offset = offset;
      return offset >= tailStart && offset + 56 <= size ? tail.subarray(offset - tailStart, offset - tailStart + 56) : null;
    });
    let record = end;
    if (!record && zip64Offset >= 0 && zip64Offset + 56 <= size) {
      const rec = await readAt(fh, zip64Offset, 56);
      record = findEnd(tail, () => rec);
    }
    if (!record) throw new ZipFormatError('end of central directory not found (file truncated or not a zip)');
    if (record.cdOffset + record.cdSize > size) throw new ZipFormatError('central directory lies past the end of the file');
    const cd = await readAt(fh, record.cdOffset, record.cdSize);
    return parseCentralDirectory(cd, record.entries);
  } finally {
    await fh.close();
  }
}

type FileHandle = Awaited<ReturnType<typeof open>>;

async function readAt(fh: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const buf = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await fh.read(buf, done, length - done, position + done);
    if (bytesRead === 0) throw new ZipFormatError(`unexpected end of file at byte ${position + done}`);
    done += bytesRead;
  }
  return buf;
}

/** Why an entry name must not be used as a path: `..` segments, absolute or drive paths. Null when safe. */
export function unsafeEntryName(name: string): string | null {
  const n = name.replace(/\\/g, '/');
  if (n.includes('\0')) return 'NUL in name';
  if (n.startsWith('/')) return 'absolute path';
  if (/^[A-Za-z]:/.test(n)) return 'drive path';
  if (n.split('/').some((seg) => seg === '..')) return '.. segment';
  return null;
}

/** The entry's path segments without empty or `.` segments. */
export function entrySegments(name: string): string[] {
  return name.split('/').filter((s) => s !== '' && s !== '.');
}

/** Why an entry cannot be inflated by us (encrypted, unknown method). Null when it can. */
export function unsupportedEntry(entry: ZipEntry): string | null {
  if (entry.special) return entry.special;
  if (entry.flags & FLAG_ENCRYPTED) return 'encrypted';
  if (entry.method !== 0 && entry.method !== 8) return `compression method ${entry.method}`;
  return null;
}

/** The part sizes of a zip in memory (for the zip-bomb check of .xlsx files); null when not a readable zip. */
export function zipPartSizes(bytes: Uint8Array): { name: string; compressed: number; uncompressed: number }[] | null {
  try {
    return readZipDirectory(bytes)
      .filter((e) => !e.isDirectory)
      .map((e) => ({ name: e.name, compressed: e.compressedSize, uncompressed: e.uncompressedSize }));
  } catch {
    return null;
  }
}

/** Offset of an entry's data, from its local header (whose name and extra lengths may differ from the central ones). */
function dataOffset(localHeader: Uint8Array, entry: ZipEntry): number {
  const dv = view(localHeader);
  if (localHeader.length < 30 || dv.getUint32(0, true) !== SIG_LOCAL) {
    throw new ZipFormatError(`local header of ${entry.name} not found`);
  }
  return entry.localHeaderOffset + 30 + dv.getUint16(26, true) + dv.getUint16(28, true);
}

/**
 * Inflate into a buffer of the declared size, in small steps, giving up as soon as the output passes
 * it. A header that understates the size (the classic zip bomb) then costs neither memory nor the
 * time of inflating gigabytes only to find the checksum wrong.
 */
function inflateWithin(entry: ZipEntry, data: Uint8Array): Uint8Array {
  if (data.length <= INFLATE_STEP) {
    // Small entries (nearly all): one call; the fixed output buffer still bounds the memory.
    try {
      return inflateSync(data, { out: new Uint8Array(entry.uncompressedSize) });
    } catch (e) {
      throw new ZipFormatError(`${entry.name}: ${(e as Error).message}`);
    }
  }
  const buf = new Uint8Array(entry.uncompressedSize);
  let at = 0;
  const over = new ZipFormatError(`${entry.name}: content larger than its declared size ${entry.uncompressedSize}`);
  const inflater = new Inflate((chunk) => {
    if (at + chunk.length > buf.length) throw over;
    buf.set(chunk, at);
    at += chunk.length;
  });
  try {
    for (let p = 0; p < data.length; p += INFLATE_STEP) inflater.push(data.subarray(p, p + INFLATE_STEP), p + INFLATE_STEP >= data.length);
  } catch (e) {
    if (e === over) throw over;
    throw new ZipFormatError(`${entry.name}: ${(e as Error).message}`);
  }
  return buf.subarray(0, at);
}

/** Compressed bytes inflated at a time: at most about 16 MB of output per step, whatever the data. */
const INFLATE_STEP = 16 * 1024;

function inflateEntry(entry: ZipEntry, data: Uint8Array): Buffer {
  const why = unsupportedEntry(entry);
  if (why) throw new ZipFormatError(`${entry.name}: ${why}`);
  let out: Uint8Array;
  if (entry.method === 0) {
    out = data;
  } else {
    out = inflateWithin(entry, data);
  }
  checkInflated(entry, out);
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}

/** An entry's stored bytes (compressed as they are) in a zip held in memory. */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const start = dataOffset(bytes.subarray(entry.localHeaderOffset, entry.localHeaderOffset + 30), entry);
  if (start + entry.compressedSize > bytes.length) throw new ZipFormatError(`${entry.name}: data runs past the end`);
  return bytes.subarray(start, start + entry.compressedSize);
}

/** An entry's content from a zip held in memory. */
export function extractEntry(bytes: Uint8Array, entry: ZipEntry): Buffer {
  const start = dataOffset(bytes.subarray(entry.localHeaderOffset, entry.localHeaderOffset + 30), entry);
  if (start + entry.compressedSize > bytes.length) throw new ZipFormatError(`${entry.name}: data runs past the end`);
  return inflateEntry(entry, bytes.subarray(start, start + entry.compressedSize));
}

/** An entry's content from a zip file on disk, reading only that entry's bytes. */
export async function readZipEntryFromFile(path: string, entry: ZipEntry): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const header = await readAt(fh, entry.localHeaderOffset, 30);
    const start = dataOffset(header, entry);
    const data = await readAt(fh, start, entry.compressedSize);
    return inflateEntry(entry, data);
  } finally {
    await fh.close();
  }
}

/**
 * Whether an entry of a zip in memory really inflates to more than `bound` bytes, whatever its
 * header says. Inflates in small steps and stops as soon as the bound is passed, keeping nothing.
 */
export function inflatesBeyond(bytes: Uint8Array, entry: ZipEntry, bound: number): boolean {
  const start = dataOffset(bytes.subarray(entry.localHeaderOffset, entry.localHeaderOffset + 30), entry);
  const data = bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize));
  if (entry.method === 0) return data.length > bound;
  let total = 0;
  const over = new Error('over');
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > bound) throw over;
  });
  const step = 16 * 1024;
  try {
    for (let p = 0; p < data.length; p += step) inflater.push(data.subarray(p, p + step), p + step >= data.length);
  } catch (e) {
    if (e === over) return true;
    // Broken deflate data is for the parser to report; the size question is answered.
    return false;
  }
  return total > bound;
}

/** CRC-32 (zlib's polynomial, as zip uses it), by zlib itself: a table loop in JavaScript was ~20× slower. */
export function crc32(data: Uint8Array): number {
  return zlibCrc32(data) >>> 0;
}

/** An inflated entry must be as long as declared and match its CRC-32: else it is damaged. */
export function checkInflated(entry: ZipEntry, data: Uint8Array): void {
  if (data.length !== entry.uncompressedSize || crc32(data) !== entry.crc32) throw new ZipChecksumError(entry.name);
}
