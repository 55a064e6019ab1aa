/**
 * Identical content must give identical files (docs/notice.md § 本工具的保证). exceljs zips with JSZip, which stamps every
 * entry with the current time (DOS date and time, 2-second steps), so the stamps are overwritten in
 * place with one fixed moment. The stamps are not covered by the CRC, so nothing else changes.
 */
import type ExcelJS from 'exceljs';

/** The moment written into every workbook we make: the notice's date, 2021-11-25. */
export const FIXED_DATE = new Date(Date.UTC(2021, 10, 25));

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function dosStamp(d: Date): { time: number; date: number } {
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/**
 * Returns a copy of the zip with every entry's modification stamp set to `at`. A buffer that is not a
 * zip this function understands (no end record, Zip64) is returned unchanged.
 */
export function fixZipDates(zip: Uint8Array, at: Date = FIXED_DATE): Buffer {
  const out = Buffer.from(zip);
  // The end record sits in the last 22 bytes plus a comment of at most 65535.
  let eocd = -1;
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 0xffff); i--) {
    if (out.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return out;
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  if (p === 0xffffffff) return out;
  const { time, date } = dosStamp(at);
  for (let e = 0; e < entries; e++) {
    if (p + 46 > out.length || out.readUInt32LE(p) !== CENTRAL) return Buffer.from(zip);
    out.writeUInt16LE(time, p + 12);
    out.writeUInt16LE(date, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (local + 30 <= out.length && out.readUInt32LE(local) === LOCAL) {
      out.writeUInt16LE(time, local + 10);
      out.writeUInt16LE(date, local + 12);
    }
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

/** The bytes of a workbook, identical for identical content. */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return fixZipDates(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}
