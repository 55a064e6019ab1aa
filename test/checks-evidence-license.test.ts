import { describe, expect, it } from 'vitest';
import { licenseCheck } from '../src/validate/checks/evidence/license.js';
import { makeJpeg, makePdf } from '../src/util/images.js';
import { codesOf, pack, run } from './checks-evidence-helpers.js';

describe('evidence.license', () => {
  it('accepts a real PDF licence under 证明材料/', async () => {
    expect(await run(licenseCheck, pack({ files: { '营业执照.pdf': makePdf('licence') } }))).toEqual([]);
  });

  it('accepts a photographed licence in a subfolder, named with 营业执照 among other words', async () => {
    const p = pack({ files: { '基本资料/企业营业执照副本.JPG': makeJpeg(40, 30, [200, 200, 200]) } });
    expect(await run(licenseCheck, p)).toEqual([]);
  });

  it('reports a missing licence at the 证明材料 folder, for the applicant and no indicator', async () => {
    const p = pack({ files: { '合同/2020年合同.pdf': makePdf('contract'), '营业执照.docx': Buffer.from('PK\u0003\u0004') } });
    const [f, ...rest] = await run(licenseCheck, p);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      code: 'LICENSE_MISSING',
      severity: 'error',
      applicant: p.id,
      city: '杭州市',
      location: { file: `${p.id}/证明材料` },
    });
    expect(f!.indicator).toBeUndefined();
  });

  it('rejects a text file named 营业执照.pdf, naming the file and what it really is', async () => {
    const p = pack({ files: { '营业执照.pdf': Buffer.from('扫描件稍后补交') } });
    expect(await run(licenseCheck, p)).toEqual([
      expect.objectContaining({
        code: 'LICENSE_NOT_REAL',
        args: { path: '证明材料/营业执照.pdf', ext: 'pdf', actual: '文本', actualEn: 'text' },
        location: { file: `${p.id}/证明材料/营业执照.pdf` },
      }),
    ]);
  });

  it('rejects an empty 营业执照.png and an image named .pdf', async () => {
    const p = pack({ files: { '营业执照.png': new Uint8Array(0), '营业执照副本.pdf': makeJpeg(8, 8, [0, 0, 0]) } });
    expect(codesOf(await run(licenseCheck, p))).toEqual(['LICENSE_NOT_REAL', 'LICENSE_NOT_REAL']);
  });

  it('does not take a licence from outside 证明材料/', async () => {
    const p = pack({});
    p.evidence.push({ path: '营业执照.pdf', size: 10, content: 'x', type: 'pdf', bytesRead: 10 });
    expect(codesOf(await run(licenseCheck, p))).toEqual(['LICENSE_MISSING']);
  });
});
