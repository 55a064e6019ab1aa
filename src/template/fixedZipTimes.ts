/**
 * exceljs zips with JSZip, which stamps every entry with the current time: two writes of the same
 * workbook differ in those bytes. Setting every entry's DOS date/time to one fixed value makes the
 * output depend on its content only.
 */

// 2021-11-25 00:00:00 in MS-DOS format.
const DOS_TIME = 0;
const DOS_DATE = ((2021 - 1980) << 9) | (11 << 5) | 25;

export function withFixedZipTimes(zip: Uint8Array): Uint8Array {
  const out = new Uint8Array(zip);
  const dv = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const eocd = findEndOfCentralDirectory(dv);
  if (eocd < 0) return out;
  const entries = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  for (let i = 0; i < entries && p + 46 <= out.length; i++) {
    if (dv.getUint32(p, true) !== 0x02014b50) break;
    dv.setUint16(p + 12, DOS_TIME, true);
    dv.setUint16(p + 14, DOS_DATE, true);
    const local = dv.getUint32(p + 42, true);
    if (local + 30 <= out.length && dv.getUint32(local, true) === 0x04034b50) {
      dv.setUint16(local + 10, DOS_TIME, true);
      dv.setUint16(local + 12, DOS_DATE, true);
    }
    p += 46 + dv.getUint16(p + 28, true) + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
  }
  return out;
}

function findEndOfCentralDirectory(dv: DataView): number {
  for (let p = dv.byteLength - 22; p >= Math.max(0, dv.byteLength - 22 - 0xffff); p--)
    if (dv.getUint32(p, true) === 0x06054b50) return p;
  return -1;
}
