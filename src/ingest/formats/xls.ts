/**
 * Excel 97–2003 (.xls) and WPS (.et) workbooks: a BIFF8 record stream (BIFF5, Excel 95, too) inside
 * an OLE2/CFB container, read into one Grid per worksheet. `cfb` opens the container; the records
 * are read here (the registry's `xlsx` package, which also reads them, is unmaintained there and has
 * a published prototype-pollution advisory).
 *
 * Read: shared strings (split over CONTINUE records), LABELSST/LABEL/RSTRING, NUMBER, RK/MULRK,
 * FORMULA with its cached number, text, boolean or error (a text result follows in a STRING record),
 * BOOLERR, MERGEDCELLS, BOUNDSHEET (worksheets only, in the workbook's order), DATEMODE, and the
 * number formats (FORMAT/XF) that make a number a date. Byte strings of BIFF5 are decoded with the
 * workbook's CODEPAGE (936 on Chinese Windows). FILEPASS (a password to open) is reported, not read.
 */
import CFB from 'cfb';
import type { Span } from '../forms/grid.js';
import { isDateFormat, type Scalar } from '../forms/cellValue.js';
import { BUILT_IN_FORMATS } from '../lean/stylesPart.js';
import { buildGrid, type FoundCell } from './buildGrid.js';
import type { Grid } from '../forms/grid.js';

import { EncryptedWorkbookError, NotWorkbookError, XlsFormatError } from './errors.js';

const BOF = 0x0809;
const BOF_BIFF5_OLD = [0x0009, 0x0209, 0x0409];
const EOF = 0x000a;
const CONTINUE = 0x003c;
const CODEPAGE = 0x0042;
const DATEMODE = 0x0022;
const FILEPASS = 0x002f;
const BOUNDSHEET = 0x0085;
const SST = 0x00fc;
const FORMAT = 0x041e;
const FORMAT_BIFF4 = 0x001e;
const XF = 0x00e0;
const LABELSST = 0x00fd;
const LABEL = 0x0204;
const RSTRING = 0x00d6;
const NUMBER = 0x0203;
const RK = 0x027e;
const MULRK = 0x00bd;
const FORMULA = 0x0006;
const STRING = 0x0207;
const BOOLERR = 0x0205;
const MERGEDCELLS = 0x00e5;
/** Records that may stand between a FORMULA and the STRING holding its text result. */
const AFTER_FORMULA = new Set([CONTINUE, 0x04bc, 0x0221, 0x0236]);

const ERRORS: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

/**
 * Built-in formats that show a date in the Chinese locale Excel and WPS write .xls in (ids 27–36 and
 * 50–58 are 「yyyy年m月」 and the like there); the others are the international table.
 */
const CHINESE_DATE_IDS = new Set([27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);

/** Code page numbers (CODEPAGE record) to the labels TextDecoder knows. */
const CODE_PAGES: Record<number, string> = {
  936: 'gb18030',
  950: 'big5',
  1252: 'windows-1252',
  1200: 'utf-16le',
  65001: 'utf-8',
  10008: 'gb18030',
  0x8000: 'macintosh',
  367: 'windows-1252',
};

interface Record_ {
  type: number;
  data: Uint8Array;
  /** Byte offset of the record header in the stream (BOUNDSHEET points at a sheet's BOF). */
  at: number;
}

function* records(s: Uint8Array, from: number): Generator<Record_> {
  const dv = new DataView(s.buffer, s.byteOffset, s.byteLength);
  let p = from;
  while (p + 4 <= s.length) {
    const type = dv.getUint16(p, true);
    const len = dv.getUint16(p + 2, true);
    if (p + 4 + len > s.length) throw new XlsFormatError(`record 0x${type.toString(16)} at ${p} runs past the end of the stream`);
    yield { type, data: s.subarray(p + 4, p + 4 + len), at: p };
    p += 4 + len;
  }
}

const u16 = (b: Uint8Array, o: number) => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, o: number) => (u16(b, o) | (u16(b, o + 2) << 16)) >>> 0;
const f64 = (b: Uint8Array, o: number) => new DataView(b.buffer, b.byteOffset + o, 8).getFloat64(0, true);

function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 4096) s += String.fromCharCode(...b.subarray(i, i + 4096));
  return s;
}

function utf16(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.length & ~1).toString('utf16le');
}

/** RK: a 30-bit integer or the top 30 bits of a double, either possibly divided by 100. */
function rkValue(rk: number): number {
  let v: number;
  if (rk & 0x02) v = rk >> 2;
  else {
    const buf = new DataView(new ArrayBuffer(8));
    buf.setUint32(4, rk & 0xfffffffc, true);
    v = buf.getFloat64(0, true);
  }
  return rk & 0x01 ? v / 100 : v;
}

/**
 * Reads BIFF8 unicode strings from a record and its CONTINUE records. A string's characters may be
 * split at a record boundary; the next record then starts with a new option byte saying whether
 * the rest is stored one or two bytes per character.
 */
class Segments {
  private readonly buf: Uint8Array;
  private readonly ends: number[];
  pos = 0;

  constructor(parts: readonly Uint8Array[]) {
    let total = 0;
    for (const p of parts) total += p.length;
    this.buf = new Uint8Array(total);
    this.ends = [];
    let at = 0;
    for (const p of parts) {
      this.buf.set(p, at);
      at += p.length;
      this.ends.push(at);
    }
  }

  get left(): number {
    return this.buf.length - this.pos;
  }

  private segmentEnd(): number {
    for (const e of this.ends) if (e > this.pos) return e;
    return this.buf.length;
  }

  u8(): number {
    if (this.pos >= this.buf.length) throw new XlsFormatError('string table ends inside a string');
    return this.buf[this.pos++]!;
  }

  u16(): number {
    const v = u16(this.buf, this.pos);
    this.pos += 2;
    return v;
  }

  u32(): number {
    const v = u32(this.buf, this.pos);
    this.pos += 4;
    return v;
  }

  skip(n: number): void {
    this.pos = Math.min(this.buf.length, this.pos + n);
  }

  /** XLUnicodeString: character count (2 bytes, or 1 for a short one), options, characters, rich text runs, phonetics. */
  string(shortCount = false): string {
    const count = shortCount ? this.u8() : this.u16();
    let flags = this.u8();
    const runs = flags & 0x08 ? this.u16() : 0;
    const ext = flags & 0x04 ? this.u32() : 0;
    let out = '';
    let remaining = count;
    while (remaining > 0) {
      const wide = (flags & 0x01) !== 0;
      const room = Math.floor((this.segmentEnd() - this.pos) / (wide ? 2 : 1));
      const n = Math.min(remaining, room);
      if (n > 0) {
        const bytes = this.buf.subarray(this.pos, this.pos + n * (wide ? 2 : 1));
        out += wide ? utf16(bytes) : latin1(bytes);
        this.pos += bytes.length;
        remaining -= n;
      }
      if (remaining > 0) {
        if (this.pos >= this.buf.length) throw new XlsFormatError('string table ends inside a string');
        // The characters go on in the next CONTINUE record, after a fresh option byte.
        flags = this.u8();
      }
    }
    this.skip(runs * 4 + ext);
    return out;
  }
}

interface Globals {
  sheets: { name: string; at: number }[];
  sst: string[];
  /** Per XF index: whether a number in that style shows a date. */
  dateXf: boolean[];
  date1904: boolean;
  biff8: boolean;
}

function decoderFor(codePage: number): InstanceType<typeof TextDecoder> {
  try {
    return new TextDecoder(CODE_PAGES[codePage] ?? 'gb18030');
  } catch {
    return new TextDecoder('gb18030');
  }
}

function readGlobals(s: Uint8Array): Globals & { decode: (b: Uint8Array) => string } {
  const out: Globals = { sheets: [], sst: [], dateXf: [], date1904: false, biff8: true };
  let decoder = decoderFor(936);
  const formats = new Map<number, string>();
  const xfFormats: number[] = [];
  let sstParts: Uint8Array[] | null = null;
  let first = true;
  const finishSst = () => {
    if (!sstParts) return;
    const seg = new Segments(sstParts);
    seg.skip(4);
    const unique = seg.u32();
    for (let i = 0; i < unique && seg.left > 0; i++) out.sst.push(seg.string());
    sstParts = null;
  };
  for (const rec of records(s, 0)) {
    if (first) {
      first = false;
      if (rec.type === BOF) out.biff8 = u16(rec.data, 0) === 0x0600;
      else if (BOF_BIFF5_OLD.includes(rec.type)) throw new XlsFormatError('an Excel 2–4 worksheet, older than BIFF5');
      else throw new XlsFormatError(`the stream does not start with a BOF record (0x${rec.type.toString(16)})`);
      continue;
    }
    if (rec.type === CONTINUE) {
      sstParts?.push(rec.data);
      continue;
    }
    finishSst();
    const d = rec.data;
    switch (rec.type) {
      case FILEPASS:
        throw new EncryptedWorkbookError('FILEPASS');
      case CODEPAGE:
        decoder = decoderFor(u16(d, 0));
        break;
      case DATEMODE:
        out.date1904 = u16(d, 0) === 1;
        break;
      case SST:
        sstParts = [d];
        break;
      case FORMAT:
      case FORMAT_BIFF4: {
        const id = u16(d, 0);
        if (out.biff8) formats.set(id, new Segments([d.subarray(2)]).string());
        else formats.set(id, decoder.decode(d.subarray(3, 3 + (d[2] ?? 0))));
        break;
      }
      case XF:
        xfFormats.push(u16(d, 2));
        break;
      case BOUNDSHEET: {
        const at = u32(d, 0);
        const kind = d[5] ?? 0;
        // 0: worksheet (charts, macro sheets and VB modules hold no forms).
        if (kind !== 0) break;
        const name = out.biff8 ? new Segments([d.subarray(6)]).string(true) : decoder.decode(d.subarray(7, 7 + (d[6] ?? 0)));
        out.sheets.push({ name, at });
        break;
      }
    }
    if (rec.type === EOF) break;
  }
  finishSst();
  out.dateXf = xfFormats.map((id) => {
    if (CHINESE_DATE_IDS.has(id)) return true;
    return isDateFormat(formats.get(id) ?? BUILT_IN_FORMATS[id]);
  });
  return { ...out, decode: (b) => decoder.decode(b) };
}

const MAX_ROW = 20000;
const MAX_COL = 64;

function readSheet(s: Uint8Array, at: number, g: ReturnType<typeof readGlobals>, file: string, name: string): Grid {
  const cells: FoundCell[] = [];
  const merges: Span[] = [];
  const dateShift = g.date1904 ? 1462 : 0;
  /** A FORMULA whose text result follows in the next STRING record. */
  let pendingText: FoundCell | null = null;
  const put = (row0: number, col0: number, value: Scalar, error?: string): FoundCell | null => {
    if (row0 >= MAX_ROW || col0 >= MAX_COL) return null;
    const c: FoundCell = { row: row0 + 1, col: col0 + 1, value };
    if (error) c.error = error;
    cells.push(c);
    return c;
  };
  const num = (row0: number, col0: number, xf: number, v: number) => {
    // A date-formatted number is a date; serialToDate's 1900 system, shifted for 1904 workbooks.
    if (g.dateXf[xf]) put(row0, col0, new Date(Math.round((v + dateShift - 25569) * 86400000)));
    else put(row0, col0, v);
  };
  const text = (d: Uint8Array, from: number): string => {
    if (g.biff8) return new Segments([d.subarray(from)]).string();
    return g.decode(d.subarray(from + 2, from + 2 + u16(d, from)));
  };
  let first = true;
  let nested = 0;
  for (const rec of records(s, at)) {
    const d = rec.data;
    if (first) {
      if (rec.type !== BOF) throw new XlsFormatError(`sheet "${name}" does not start with a BOF record`);
      first = false;
      continue;
    }
    // An embedded chart is a substream of its own, BOF to EOF, inside the sheet's: skipped.
    if (rec.type === BOF) {
      nested++;
      continue;
    }
    if (rec.type === EOF) {
      if (nested === 0) break;
      nested--;
      continue;
    }
    if (nested > 0) continue;
    switch (rec.type) {
      case LABELSST: {
        const i = u32(d, 6);
        put(u16(d, 0), u16(d, 2), g.sst[i] ?? '');
        break;
      }
      case LABEL:
      case RSTRING:
        put(u16(d, 0), u16(d, 2), text(d, 6));
        break;
      case NUMBER:
        num(u16(d, 0), u16(d, 2), u16(d, 4), f64(d, 6));
        break;
      case RK:
        num(u16(d, 0), u16(d, 2), u16(d, 4), rkValue(u32(d, 6)));
        break;
      case MULRK: {
        const row = u16(d, 0);
        const firstCol = u16(d, 2);
        const n = Math.floor((d.length - 6) / 6);
        for (let i = 0; i < n; i++) num(row, firstCol + i, u16(d, 4 + i * 6), rkValue(u32(d, 6 + i * 6)));
        break;
      }
      case BOOLERR: {
        const v = d[6] ?? 0;
        if (d[7]) put(u16(d, 0), u16(d, 2), null, ERRORS[v] ?? '#ERROR!');
        else put(u16(d, 0), u16(d, 2), v !== 0);
        break;
      }
      case FORMULA: {
        const row = u16(d, 0);
        const col = u16(d, 2);
        if (u16(d, 12) !== 0xffff) {
          num(row, col, u16(d, 4), f64(d, 6));
          break;
        }
        switch (d[6]) {
          case 0:
            pendingText = put(row, col, '');
            break;
          case 1:
            put(row, col, (d[8] ?? 0) !== 0);
            break;
          case 2:
            put(row, col, null, ERRORS[d[8] ?? 0] ?? '#ERROR!');
            break;
          default:
            // 3: an empty text result.
            break;
        }
        continue;
      }
      case STRING:
        if (pendingText) pendingText.value = g.biff8 ? new Segments([d]).string() : g.decode(d.subarray(2, 2 + u16(d, 0)));
        break;
      case MERGEDCELLS: {
        const n = u16(d, 0);
        for (let i = 0; i < n && 2 + i * 8 + 8 <= d.length; i++) {
          const o = 2 + i * 8;
          merges.push({ top: u16(d, o) + 1, bottom: u16(d, o + 2) + 1, left: u16(d, o + 4) + 1, right: u16(d, o + 6) + 1 });
        }
        break;
      }
    }
    // A shared or array formula's record may come between a FORMULA and its STRING.
    if (!AFTER_FORMULA.has(rec.type)) pendingText = null;
  }
  return buildGrid(file, name, cells, merges);
}

/** The BIFF stream of an OLE2 container: "Workbook" (BIFF8), or "Book" (BIFF5, Excel 95). */
function workbookStream(bytes: Uint8Array): Uint8Array {
  // Checked here: cfb, given a header it cannot use, falls back to other guesses and says something else.
  const major = u16(bytes, 0x1a);
  const shift = u16(bytes, 0x1e);
  if (bytes.length < 1024 || u16(bytes, 0x1c) !== 0xfffe || !((major === 3 && shift === 9) || (major === 4 && shift === 12))) {
    throw new XlsFormatError(`the OLE2 header is damaged or the file is cut short (${bytes.length} bytes)`);
  }
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: 'buffer' });
  } catch (e) {
    throw new XlsFormatError(`OLE2 container: ${(e as Error).message}`);
  }
  const names = container.FileIndex.map((f) => f.name);
  if (names.includes('EncryptionInfo') || names.includes('EncryptedPackage')) throw new EncryptedWorkbookError('EncryptionInfo');
  const entry = container.FileIndex.find((f) => f.type === 2 && (f.name === 'Workbook' || f.name === 'WORKBOOK' || f.name === 'Book'));
  // A .wps or .doc saved where a form should be (WPS Writer's and Word's documents are OLE2 files too).
  if (!entry && names.includes('WordDocument')) throw new NotWorkbookError('doc/wps');
  if (!entry?.content) throw new XlsFormatError(`no Workbook stream in the OLE2 container (streams: ${names.filter(Boolean).slice(0, 8).join(', ')})`);
  const c = entry.content as Uint8Array | number[];
  return c instanceof Uint8Array ? c : Uint8Array.from(c);
}

/** The worksheets of an .xls/.et, as Grids. Throws EncryptedWorkbookError or XlsFormatError. */
export function gridsFromXls(bytes: Uint8Array, file: string): Grid[] {
  const stream = workbookStream(bytes);
  const globals = readGlobals(stream);
  return globals.sheets.map((sh) => {
    if (sh.at >= stream.length) throw new XlsFormatError(`sheet "${sh.name}" starts past the end of the stream`);
    return readSheet(stream, sh.at, globals, file, sh.name);
  });
}
