import { describe, expect, it } from 'vitest';
import { crc32, decodeEntryName, readZipDirectory } from '../src/ingest/files/zip.js';
import { gbk, writeZip } from './files-helpers.js';

/** An Info-ZIP Unicode Path extra field (0x7075) naming `name` for the raw name `raw`. */
function unicodePathExtra(raw: Uint8Array, name: string): Uint8Array {
  const utf8 = new TextEncoder().encode(name);
  const out = new Uint8Array(4 + 5 + utf8.length);
  const dv = new DataView(out.buffer);
  dv.setUint16(0, 0x7075, true);
  dv.setUint16(2, 5 + utf8.length, true);
  out[4] = 1;
  dv.setUint32(5, crc32(raw), true);
  out.set(utf8, 9);
  return out;
}

describe('zip entry names read with shared decoders and an ASCII shortcut', () => {
  it('decodes GBK, UTF-8 and ASCII names in one directory, each as written', () => {
    const zip = writeZip([
      { name: gbk('杭州某某科技有限公司/附件1-申报表.xlsx'), data: 'x' },
      { name: 'xl/worksheets/sheet1.xml', data: 'x' },
      { name: '证明材料/营业执照.png', data: 'x', flags: 0x800 },
      { name: 'docs\\readme.txt', data: 'x' },
      { name: gbk('宁波市/附件2.xlsx'), data: 'x' },
      { name: 'plain.txt', data: 'x', flags: 0x800 },
    ]);
    expect(readZipDirectory(zip).map((e) => e.name)).toEqual([
      '杭州某某科技有限公司/附件1-申报表.xlsx',
      'xl/worksheets/sheet1.xml',
      '证明材料/营业执照.png',
      'docs/readme.txt',
      '宁波市/附件2.xlsx',
      'plain.txt',
    ]);
  });

  it('prefers a matching Unicode Path field even over an ASCII raw name', () => {
    const raw = new TextEncoder().encode('____.xlsx');
    expect(decodeEntryName(raw, 0, unicodePathExtra(raw, '申报.xlsx'))).toBe('申报.xlsx');
    // A field whose CRC is for other bytes is ignored.
    expect(decodeEntryName(raw, 0, unicodePathExtra(new TextEncoder().encode('other'), '申报.xlsx'))).toBe('____.xlsx');
  });

  it('falls back to GB18030 for a name that is not UTF-8 without spoiling the next UTF-8 name', () => {
    const invalid = new Uint8Array([0xc3, 0x28, 0x41]); // not UTF-8: the GB18030 reading
    expect(decodeEntryName(invalid, 0)).toBe(new TextDecoder('gb18030').decode(invalid));
    expect(decodeEntryName(new TextEncoder().encode('企业.xlsx'), 0)).toBe('企业.xlsx');
  });
});
