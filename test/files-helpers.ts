/** Small builders for the file-discovery tests: temp folders, hand-written zips, GBK names. */
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { deflateSync } from 'fflate';
import ExcelJS from 'exceljs';
import { crc32 } from '../src/ingest/files/zip.js';
import type { InputFile } from '../src/ingest/files/tree.js';

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'yunshang-files-'));
}

/** Write files given as `relative path → content` under `root`, creating folders. */
export async function writeTree(root: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    const abs = join(root, rel);
    await mkdir(dirname(abs), { recursive: true });
    await writeFile(abs, content);
  }
}

/** A small real .xlsx with one sheet holding `rows`. */
export async function xlsxBytes(rows: (string | number)[][] = [['制造业云上企业申报表']], sheet = '申报表'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** An InputFile for a file on disk, as discovery would hand it over. */
export function inputFileAt(abs: string, path: string): InputFile {
  return { path, relPath: path, size: 0, read: () => readFile(abs) };
}

let gbkTable: Map<string, number[]> | null = null;

/** GBK bytes of `text`, found by decoding every double-byte code (Node has no GBK encoder). */
export function gbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder('gb18030');
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([hi, lo]));
        if (ch.length === 1 && !gbkTable.has(ch)) gbkTable.set(ch, [hi, lo]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = gbkTable.get(ch);
      if (!bytes) throw new Error(`no GBK code for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

export interface RawZipEntry {
  /** Raw name bytes, or a string written as UTF-8. */
  name: Uint8Array | string;
  data?: Uint8Array | string;
  /** General purpose flags; bit 11 (0x800) says the name is UTF-8. */
  flags?: number;
  deflate?: boolean;
  /** Lie about the uncompressed size in both headers. */
  declaredSize?: number;
}

/** A zip written byte by byte, so names can be GBK without the UTF-8 flag, as Windows writes them. */
export function writeZip(entries: RawZipEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const u8 = (v: Uint8Array | string) => (typeof v === 'string' ? new TextEncoder().encode(v) : v);
  for (const e of entries) {
    const name = u8(e.name);
    const data = u8(e.data ?? '');
    const stored = e.deflate ? deflateSync(data) : data;
    const size = e.declaredSize ?? data.length;
    const crc = crc32(data);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, e.flags ?? 0, true);
    local.setUint16(8, e.deflate ? 8 : 0, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, stored.length, true);
    local.setUint32(22, size, true);
    local.setUint16(26, name.length, true);
    const cd = new DataView(new ArrayBuffer(46));
    cd.setUint32(0, 0x02014b50, true);
    cd.setUint16(4, 20, true);
    cd.setUint16(6, 20, true);
    cd.setUint16(8, e.flags ?? 0, true);
    cd.setUint16(10, e.deflate ? 8 : 0, true);
    cd.setUint32(16, crc, true);
    cd.setUint32(20, stored.length, true);
    cd.setUint32(24, size, true);
    cd.setUint16(28, name.length, true);
    cd.setUint32(42, offset, true);
    chunks.push(new Uint8Array(local.buffer), name, stored);
    central.push(new Uint8Array(cd.buffer), name);
    offset += 30 + name.length + stored.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, cdSize, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let p = 0;
  for (const c of all) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}
