/** Small builders for the file-discovery tests: temp folders, real workbooks; zips and GBK names re-exported. */
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
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

// The byte-level makers live with the fixture generators, which build the bad-input tree from them.
export { gbk, writeZip, type RawZipEntry } from '../src/fixtures/zipWriter.js';
