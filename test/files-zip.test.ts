import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  decodeEntryName,
  extractEntry,
  inflatesBeyond,
  readZipDirectory,
  readZipDirectoryFromFile,
  readZipEntryFromFile,
  unsafeEntryName,
  zipPartSizes,
} from '../src/ingest/files/zip.js';
import { gbk, tempDir, writeZip } from './files-helpers.js';

const COMPANY = '杭州某某科技有限公司';

describe('zip entry names', () => {
  it('decodes GBK names without the UTF-8 flag, as Windows writes them', () => {
    const zip = writeZip([{ name: gbk(`${COMPANY}/附件1-申报表.xlsx`), data: 'x' }]);
    expect(readZipDirectory(zip).map((e) => e.name)).toEqual([`${COMPANY}/附件1-申报表.xlsx`]);
  });

  it('decodes names as UTF-8 when the UTF-8 flag is set', () => {
    const zip = writeZip([{ name: `${COMPANY}/证明材料/营业执照.png`, data: 'x', flags: 0x800 }]);
    expect(readZipDirectory(zip)[0]!.name).toBe(`${COMPANY}/证明材料/营业执照.png`);
  });

  it('reads UTF-8 names without the flag (macOS) as UTF-8', () => {
    expect(decodeEntryName(new TextEncoder().encode(COMPANY), 0)).toBe(COMPANY);
  });

  it('turns backslash separators into slashes', () => {
    const zip = writeZip([{ name: gbk(`${COMPANY}\\附件1.xlsx`), data: 'x' }]);
    expect(readZipDirectory(zip)[0]!.name).toBe(`${COMPANY}/附件1.xlsx`);
  });

  it.each([
    ['../evil.txt', '.. segment'],
    ['杭州市/../../evil.txt', '.. segment'],
    ['..\\evil.txt', '.. segment'],
    ['/etc/passwd', 'absolute path'],
    ['C:\\Windows\\evil.txt', 'drive path'],
    ['C:/evil.txt', 'drive path'],
  ])('calls %s unsafe (%s)', (name, reason) => {
    expect(unsafeEntryName(name)).toBe(reason);
  });

  it('calls ordinary nested names safe, dots inside names included', () => {
    expect(unsafeEntryName(`${COMPANY}/证明材料/合同..v2.pdf`)).toBeNull();
  });
});

describe('zip contents', () => {
  it('inflates stored and deflated entries on demand from a file on disk', async () => {
    const dir = await tempDir();
    const path = join(dir, '杭州市.zip');
    await writeFile(
      path,
      writeZip([
        { name: 'a.txt', data: '第一个文件' },
        { name: 'b.txt', data: '第二个文件'.repeat(100), deflate: true },
      ]),
    );
    const entries = await readZipDirectoryFromFile(path);
    expect((await readZipEntryFromFile(path, entries[0]!)).toString('utf8')).toBe('第一个文件');
    expect((await readZipEntryFromFile(path, entries[1]!)).toString('utf8')).toBe('第二个文件'.repeat(100));
  });

  it('refuses an entry whose content does not match its checksum', () => {
    const zip = writeZip([{ name: 'a.txt', data: 'hello' }]);
    zip[30 + 'a.txt'.length] = 'j'.charCodeAt(0);
    const [entry] = readZipDirectory(zip);
    expect(() => extractEntry(zip, entry!)).toThrow(/checksum/);
  });

  it('reports the part sizes of an xlsx-like zip from its central directory', () => {
    const zip = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(5000), 'xl/workbook.xml': new Uint8Array(10) });
    const sizes = zipPartSizes(zip)!;
    expect(sizes.map((s) => [s.name, s.uncompressed])).toEqual([
      ['xl/worksheets/sheet1.xml', 5000],
      ['xl/workbook.xml', 10],
    ]);
    expect(sizes[0]!.compressed).toBeLessThan(5000);
  });

  it('gives null part sizes for a truncated zip', () => {
    const zip = zipSync({ 'xl/workbook.xml': new Uint8Array(100) });
    expect(zipPartSizes(zip.subarray(0, zip.length - 10))).toBeNull();
  });

  it('finds an entry that inflates to more than its header declares', () => {
    const zip = writeZip([{ name: 'bomb.xml', data: new Uint8Array(200_000), deflate: true, declaredSize: 100 }]);
    const [entry] = readZipDirectory(zip);
    expect(inflatesBeyond(zip, entry!, 100)).toBe(true);
    expect(inflatesBeyond(zip, entry!, 200_000)).toBe(false);
  });
});
