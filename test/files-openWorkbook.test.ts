import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/ingest/files/limits.js';
import { openWorkbook } from '../src/ingest/files/openWorkbook.js';
import { gbk, inputFileAt, tempDir, writeZip, xlsxBytes } from './files-helpers.js';

/** Write `bytes` as `name` in a fresh temp folder and open it as discovery would hand it over. */
async function open(name: string, bytes: Uint8Array | string, limits = DEFAULT_LIMITS) {
  const dir = await tempDir();
  const abs = join(dir, name);
  await writeFile(abs, bytes);
  const path = `杭州市/某公司/${name}`;
  const result = await openWorkbook(inputFileAt(abs, path), limits);
  for (const f of result.findings) expect(f.location?.file).toBe(path);
  return result;
}

const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);

/** An OLE2 container: the signature, a header sector, then a directory sector naming its streams. */
function ole2(...streamNames: string[]): Uint8Array {
  const header = new Uint8Array(512);
  header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const directory = new Uint8Array(512);
  streamNames.forEach((name, i) => directory.set(Buffer.from(name, 'utf16le'), i * 128));
  return Buffer.concat([header, directory]);
}

function patchPart(xlsx: Uint8Array, part: string, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(xlsx);
  files[part] = strToU8(edit(strFromU8(files[part]!)));
  return zipSync(files);
}

describe('openWorkbook: what the bytes are', () => {
  it('reads a real .xlsx without findings', async () => {
    const r = await open('附件1.xlsx', await xlsxBytes([['制造业云上企业申报表'], ['企业名称', '杭州某某科技有限公司']]));
    expect(r.findings).toEqual([]);
    expect(r.workbook!.worksheets[0]!.getCell('B2').value).toBe('杭州某某科技有限公司');
  });

  it('reads an .xls that is really an .xlsx, with a note', async () => {
    const r = await open('附件1.xls', await xlsxBytes());
    expect(codes(r)).toEqual(['XLS_IS_XLSX']);
    expect(r.findings[0]!.severity).toBe('info');
    expect(r.workbook!.worksheets[0]!.getCell('A1').value).toBe('制造业云上企业申报表');
  });

  it('says a password-protected workbook is encrypted', async () => {
    const r = await open('附件1.xlsx', ole2('Root Entry', 'EncryptionInfo', 'EncryptedPackage'));
    expect(r.workbook).toBeNull();
    expect(codes(r)).toEqual(['WORKBOOK_ENCRYPTED']);
    expect(r.findings[0]!.severity).toBe('error');
  });

  it('says an OLE2 .xls whose container cannot be read is unreadable, naming the format seen', async () => {
    const r = await open('附件2.xls', ole2('Root Entry', 'Workbook', 'SummaryInformation'));
    expect(codes(r)).toEqual(['WORKBOOK_FORMAT_UNREADABLE']);
    expect(r.findings[0]!.severity).toBe('error');
    expect(r.findings[0]!.args).toMatchObject({ formatEn: 'Excel 97–2003 (.xls)' });
  });

  it('says an HTML page saved as .xls is HTML', async () => {
    const r = await open('导出.xls', '\uFEFF  <html><head><meta charset="utf-8"></head><body><table><tr><td>企业名称</td></tr></table></body></html>');
    expect(codes(r)).toEqual(['WORKBOOK_IS_HTML']);
  });

  it('says a bare HTML table saved as .xls is HTML', async () => {
    const r = await open('导出.xls', '<table><tr><td>1</td></tr></table>');
    expect(codes(r)).toEqual(['WORKBOOK_IS_HTML']);
  });

  it('says a GBK CSV saved as .xls is CSV text', async () => {
    const r = await open('附件3.xls', gbk('序号,企业名称,主营业务\r\n1,杭州某某科技有限公司,汽车零部件\r\n'));
    expect(codes(r)).toEqual(['WORKBOOK_IS_CSV_TEXT']);
    expect(r.findings[0]!.args).toEqual({ ext: '.xls', encoding: 'GB18030' });
  });

  it('says an empty file is empty', async () => {
    const r = await open('附件1.xlsx', new Uint8Array(0));
    expect(codes(r)).toEqual(['FILE_EMPTY']);
  });

  it('says random bytes are not a workbook', async () => {
    const bytes = new Uint8Array(2048);
    let x = 12345;
    for (let i = 0; i < bytes.length; i++) bytes[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    bytes[0] = 0;
    const r = await open('附件1.xlsx', bytes);
    expect(codes(r)).toEqual(['FILE_NOT_WORKBOOK']);
  });

  it('says a Word document named .xlsx is read as Word tables (exceljs opens no Word file)', async () => {
    const r = await open('附件1.xlsx', zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') }));
    expect(r.workbook).toBeNull();
    expect(codes(r)).toEqual(['WORKBOOK_IS_DOCX']);
    expect(r.findings[0]!.args).toEqual({ tables: 0 });
  });

  it('says a PowerPoint file is not a workbook', async () => {
    const r = await open('附件1.xlsx', zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'ppt/presentation.xml': strToU8('<p:presentation/>') }));
    expect(codes(r)).toEqual(['FILE_NOT_WORKBOOK']);
    expect(r.findings[0]!.args).toEqual({ detected: 'pptx' });
  });
});

describe('openWorkbook: damaged workbooks', () => {
  it('reports a truncated .xlsx as corrupt', async () => {
    const bytes = await xlsxBytes();
    const r = await open('附件1.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(codes(r)).toEqual(['WORKBOOK_CORRUPT']);
    expect(r.workbook).toBeNull();
  });

  it('reports broken XML in a sheet as corrupt, with the parser message', async () => {
    const bytes = patchPart(await xlsxBytes(), 'xl/worksheets/sheet1.xml', (xml) =>
      xml.replace('</sheetData>', '<row r="99"><c r="A99"><v>1</c></row></sheetData>'),
    );
    const r = await open('附件1.xlsx', bytes);
    expect(codes(r)).toEqual(['WORKBOOK_CORRUPT']);
    expect(String(r.findings[0]!.args.message)).toMatch(/close tag/);
  });
});

describe('openWorkbook: size limits', () => {
  const small = { ...DEFAULT_LIMITS, maxPartBytes: 10_000, maxTotalBytes: 1_000_000 };

  it('refuses a workbook whose sheet expands beyond the part limit, without parsing it', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => [i + 1, `杭州某某科技有限公司第${i + 1}分公司`, 12345.67]);
    const r = await open('附件1.xlsx', await xlsxBytes(rows), small);
    expect(codes(r)).toEqual(['WORKBOOK_TOO_LARGE']);
    expect(r.findings[0]!.args).toMatchObject({ part: 'xl/worksheets/sheet1.xml', limit: 10_000 });
    expect(Number(r.findings[0]!.args.size)).toBeGreaterThan(10_000);
  });

  it('refuses a workbook whose parts together exceed the total limit', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => [i + 1, `公司${i + 1}`]);
    const r = await open('附件1.xlsx', await xlsxBytes(rows), { ...DEFAULT_LIMITS, maxTotalBytes: 5_000 });
    expect(codes(r)).toEqual(['WORKBOOK_TOO_LARGE']);
    expect(r.findings[0]!.args).toMatchObject({ part: '*', limit: 5_000 });
  });

  it('catches a part that hides more than its header declares (zip bomb)', async () => {
    const bomb = writeZip([
      { name: 'xl/workbook.xml', data: '<workbook/>', flags: 0x800 },
      { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(400_000), deflate: true, declaredSize: 500, flags: 0x800 },
    ]);
    const r = await open('附件1.xlsx', bomb, { ...DEFAULT_LIMITS, maxPartBytes: 100_000 });
    expect(codes(r)).toEqual(['WORKBOOK_CORRUPT']);
    expect(String(r.findings[0]!.args.message)).toMatch(/declared size/);
  });

  it('reads every row of a sheet that declares a wrong dimension (as WPS writes)', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => [i + 1, `第${i + 1}行`]);
    const bytes = patchPart(await xlsxBytes(rows), 'xl/worksheets/sheet1.xml', (xml) => {
      expect(xml).toMatch(/<dimension ref="A1:B20"\/>/);
      return xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:A1"/>');
    });
    const r = await open('附件2.xlsx', bytes);
    expect(r.findings).toEqual([]);
    const ws = r.workbook!.worksheets[0]!;
    expect(ws.rowCount).toBe(20);
    expect(ws.getCell('B20').value).toBe('第20行');
  });
});
