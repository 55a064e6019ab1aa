/**
 * Whether a file whose name does not say "workbook" is one all the same, by its bytes: a form saved
 * without an extension (附件1-申报表), or renamed (.xlsx.txt, .bak). Only its first bytes are read,
 * and a zip's listing: the files in an applicant folder that are no forms (a PDF put beside the forms)
 * cost next to nothing.
 */
import { open } from 'node:fs/promises';
import type { InputFile } from './tree.js';
import { readZipDirectory, readZipDirectoryFromFile, type ZipEntry } from './zip.js';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** The stream an .xls/.et keeps its sheets in ("Book" in Excel 5), as the OLE2 directory names it. */
const BIFF_STREAMS = [Buffer.from('Workbook', 'utf16le'), Buffer.from('Book\0', 'utf16le')];

function startsWith(b: Uint8Array, sig: number[]): boolean {
  return b.length >= sig.length && sig.every((v, i) => b[i] === v);
}

/** A zip is a workbook when it has the workbook part; an OLE2 file when it has a workbook stream. */
function zipIsWorkbook(entries: readonly ZipEntry[]): boolean {
  return entries.some((e) => /^xl\/workbook\.xml$/i.test(e.name));
}

async function headOf(path: string, n: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Whether `file` is an .xlsx, .xls or .et by its content. False when it cannot be read (its reader will not be asked). */
export async function isWorkbookByBytes(file: InputFile): Promise<boolean> {
  try {
    if (file.source?.kind === 'fs') {
      const head = await headOf(file.source.absPath, OLE2.length);
      if (startsWith(head, ZIP)) return zipIsWorkbook(await readZipDirectoryFromFile(file.source.absPath));
      if (!startsWith(head, OLE2)) return false;
    }
    const bytes = await file.read();
    if (startsWith(bytes, ZIP)) return zipIsWorkbook(readZipDirectory(bytes));
    if (startsWith(bytes, OLE2)) return BIFF_STREAMS.some((s) => bytes.includes(s));
    return false;
  } catch {
    return false;
  }
}
