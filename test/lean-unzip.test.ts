import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/ingest/files/limits.js';
import { openWorkbookGrids } from '../src/ingest/files/openWorkbook.js';
import { inputFileAt, tempDir, writeZip, xlsxBytes, type RawZipEntry } from './files-helpers.js';

const FILE = '杭州市/某公司/附件1.xlsx';

async function openLean(bytes: Uint8Array) {
  const abs = join(await tempDir(), '附件1.xlsx');
  await writeFile(abs, bytes);
  return openWorkbookGrids(inputFileAt(abs, FILE), DEFAULT_LIMITS, 'lean');
}

/** The same workbook zipped again by hand, each part as `entry` says. */
function rezip(xlsx: Uint8Array, entry: (name: string, data: Uint8Array) => RawZipEntry): Uint8Array {
  return writeZip(Object.entries(unzipSync(xlsx)).map(([name, data]) => entry(name, data)));
}

describe('lean reader: unzipping the parts', () => {
  it('reads a workbook whose parts are stored without compression', async () => {
    const stored = rezip(await xlsxBytes([['制造业云上企业申报表'], ['企业名称', '杭州某某科技有限公司']]), (name, data) => ({ name, data }));
    const opened = await openLean(stored);
    expect(opened.findings).toEqual([]);
    expect(opened.grids![0]!.at(2, 2).text).toBe('杭州某某科技有限公司');
  });

  it('refuses as corrupt a sheet that inflates to more than its header declares', async () => {
    const lying = rezip(await xlsxBytes([['制造业云上企业申报表'], ['企业名称', '杭州某某科技有限公司']]), (name, data) =>
      name === 'xl/worksheets/sheet1.xml' ? { name, data, deflate: true, declaredSize: data.length - 10 } : { name, data, deflate: true },
    );
    const opened = await openLean(lying);
    expect(opened.grids).toBeNull();
    expect(opened.findings).toEqual([expect.objectContaining({ code: 'WORKBOOK_CORRUPT', location: { file: FILE } })]);
  });
});
