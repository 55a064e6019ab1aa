/**
 * Zips read like a careful reader would: two entries of one name and a CRC-32 that does not match
 * the inflated bytes are findings, in a workbook (both readers, the lean one's part cache included)
 * and in a city zip; a form with no or the wrong extension is read by its bytes.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { discover } from '../src/ingest/files/discover.js';
import { DEFAULT_LIMITS } from '../src/ingest/files/limits.js';
import { openWorkbookGrids } from '../src/ingest/files/openWorkbook.js';
import { crc32 } from '../src/ingest/files/zip.js';
import { readApplicant } from '../src/ingest/readApplicant.js';
import { loadRules } from '../src/rules/load.js';
import type { Rules } from '../src/rules/schema.js';
import { templateFiles } from '../src/template/writeTemplates.js';
import { inputFileAt, tempDir, writeTree, writeZip, type RawZipEntry } from './files-helpers.js';

const FILE = '杭州市/某公司/附件1.xlsx';
let rules: Rules;
let a1: Uint8Array;

beforeAll(async () => {
  rules = await loadRules();
  a1 = (await templateFiles(rules))[0]!.data;
});

async function open(bytes: Uint8Array, reader: 'lean' | 'exceljs') {
  const abs = join(await tempDir(), '附件1.xlsx');
  await writeFile(abs, bytes);
  return openWorkbookGrids(inputFileAt(abs, FILE), DEFAULT_LIMITS, reader);
}

/** The workbook zipped again by hand, each part as `entry` says (deflated unless told otherwise). */
function rezip(xlsx: Uint8Array, entry: (name: string, data: Uint8Array) => RawZipEntry | RawZipEntry[] = (name, data) => ({ name, data, deflate: true })): Uint8Array {
  return writeZip(Object.entries(unzipSync(xlsx)).flatMap(([name, data]) => entry(name, data)));
}

const SHEET = 'xl/worksheets/sheet1.xml';

describe('a workbook with two entries of one name', () => {
  it.each(['lean', 'exceljs'] as const)('is refused as corrupt, naming the entry (%s reader)', async (reader) => {
    const twice = rezip(a1, (name, data) =>
      name === SHEET ? [{ name, data, deflate: true }, { name, data: new TextEncoder().encode('<worksheet/>'), deflate: true }] : { name, data, deflate: true },
    );
    const opened = await open(twice, reader);
    expect(opened.grids).toBeNull();
    expect(opened.findings).toEqual([expect.objectContaining({ code: 'WORKBOOK_CORRUPT', location: { file: FILE } })]);
    expect(opened.findings[0]!.args.message).toContain(`two entries named ${SHEET}`);
  });
});

describe('a workbook part whose CRC-32 does not match', () => {
  it('is refused as corrupt by the lean reader, naming the part, deflated or stored', async () => {
    for (const deflate of [true, false]) {
      const damaged = rezip(a1, (name, data) => (name === SHEET ? { name, data, deflate, declaredCrc: (crc32(data) ^ 1) >>> 0 } : { name, data, deflate }));
      const opened = await open(damaged, 'lean');
      expect(opened.grids, `deflate ${deflate}`).toBeNull();
      expect(opened.findings).toEqual([expect.objectContaining({ code: 'WORKBOOK_CORRUPT', location: { file: FILE } })]);
      expect(opened.findings[0]!.args.message).toBe(`${SHEET}: content does not match its CRC-32 checksum`);
    }
  });

  it('is caught in a part the lean reader knows from an earlier workbook (same bytes, another CRC)', async () => {
    const good = rezip(a1);
    expect((await open(good, 'lean')).grids).not.toBeNull();
    for (const part of ['xl/styles.xml', 'xl/workbook.xml']) {
      const damaged = rezip(a1, (name, data) => (name === part ? { name, data, deflate: true, declaredCrc: (crc32(data) ^ 0x80) >>> 0 } : { name, data, deflate: true }));
      const opened = await open(damaged, 'lean');
      expect(opened.findings.map((f) => f.args.message), part).toEqual([`${part}: content does not match its CRC-32 checksum`]);
    }
    // The good one is still read from what was remembered.
    expect((await open(good, 'lean')).grids).not.toBeNull();
  });
});

describe('a city zip entry whose CRC-32 does not match', () => {
  it('gives ZIP_ENTRY_CHECKSUM for a form and for evidence, and the rest of the pack is read', async () => {
    const root = await tempDir();
    const pdf = new TextEncoder().encode('%PDF-1.4 licence');
    await writeFile(
      join(root, '杭州市.zip'),
      writeZip([
        { name: '甲公司/附件1.xlsx', data: a1, flags: 0x800, deflate: true },
        { name: '甲公司/附件2.xlsx', data: a1, flags: 0x800, deflate: true, declaredCrc: (crc32(a1) ^ 1) >>> 0 },
        { name: '甲公司/证明材料/营业执照.pdf', data: pdf, flags: 0x800, declaredCrc: (crc32(pdf) ^ 1) >>> 0 },
      ]),
    );
    const d = await discover(root);
    const pack = await readApplicant(d.cities[0]!.applicants[0]!, rules);
    expect(pack.a1).toBeDefined();
    expect(pack.findings.filter((f) => f.code === 'ZIP_ENTRY_CHECKSUM').map((f) => [f.args.name, f.location?.file, f.severity])).toEqual([
      ['甲公司/证明材料/营业执照.pdf', '杭州市.zip/甲公司/证明材料/营业执照.pdf', 'error'],
      ['甲公司/附件2.xlsx', '杭州市.zip/甲公司/附件2.xlsx', 'error'],
    ]);
    expect(pack.evidence).toEqual([]);
  });
});

describe('a form recognised by its bytes', () => {
  it('reads an A1 saved without an extension, and leaves a PDF without one alone', async () => {
    const root = await tempDir();
    await writeTree(root, { '杭州市/甲公司/附件1-申报表': a1, '杭州市/甲公司/扫描件': '%PDF-1.4 scan', '杭州市/甲公司/证明材料/营业执照.pdf': '%PDF-1.4' });
    const d = await discover(root);
    const pack = await readApplicant(d.cities[0]!.applicants[0]!, rules);
    expect(pack.a1).toBeDefined();
    expect(pack.findings.map((f) => [f.code, f.location?.file])).toEqual([
      ['FILE_NOT_READ', '杭州市/甲公司/扫描件'],
      ['XLS_IS_XLSX', '杭州市/甲公司/附件1-申报表'],
    ]);
  });

  it('reads an A1 renamed to .txt inside a city zip', async () => {
    const root = await tempDir();
    await writeFile(
      join(root, '杭州市.zip'),
      writeZip([
        { name: '甲公司/附件1.xlsx.txt', data: a1, flags: 0x800, deflate: true },
        { name: '甲公司/证明材料/营业执照.pdf', data: '%PDF-1.4', flags: 0x800 },
      ]),
    );
    const d = await discover(root);
    const pack = await readApplicant(d.cities[0]!.applicants[0]!, rules);
    expect(pack.a1).toBeDefined();
  });
});
