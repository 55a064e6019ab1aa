import { symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover } from '../src/ingest/files/discover.js';
import type { Discovery } from '../src/ingest/files/tree.js';
import { gbk, tempDir, writeTree, writeZip } from './files-helpers.js';

const COMPANY = '杭州某某科技有限公司';

/** A province root: 杭州市 with two applicants and its A3, 宁波市 with one applicant. */
async function province(): Promise<string> {
  const root = await tempDir();
  await writeTree(root, {
    '杭州市/附件3-推荐排序表.xlsx': 'a3',
    [`杭州市/${COMPANY}/附件1-申报表.xlsx`]: 'a1',
    [`杭州市/${COMPANY}/附件2-用云水平评估表.xlsx`]: 'a2',
    [`杭州市/${COMPANY}/证明材料/营业执照.png`]: 'png',
    [`杭州市/${COMPANY}/证明材料/截图/登录页.png`]: 'png',
    '杭州市/杭州乙公司/申报表.xlsx': 'a1a2',
    '宁波市/宁波甲公司/附件1.xlsx': 'a1',
    '宁波市/宁波甲公司/证明材料/合同.pdf': 'pdf',
  });
  return root;
}

function summary(d: Discovery) {
  return d.cities.map((c) => ({
    name: c.name,
    id: c.id,
    files: c.files.map((f) => f.path),
    applicants: c.applicants.map((a) => ({ id: a.id, city: a.city, files: a.files.map((f) => f.relPath) })),
  }));
}

const codes = (d: Discovery) => d.findings.map((f) => f.code);

describe('discover: which layout it is', () => {
  it('reads a province root as cities of applicants, cities in the official order (杭州 before 宁波)', async () => {
    const d = await discover(await province());
    expect(d.kind).toBe('province');
    expect(summary(d)).toEqual([
      {
        name: '杭州市',
        id: '杭州市',
        files: ['杭州市/附件3-推荐排序表.xlsx'],
        applicants: [
          { id: '杭州市/杭州乙公司', city: '杭州市', files: ['申报表.xlsx'] },
          {
            id: `杭州市/${COMPANY}`,
            city: '杭州市',
            files: ['证明材料/截图/登录页.png', '证明材料/营业执照.png', '附件1-申报表.xlsx', '附件2-用云水平评估表.xlsx'],
          },
        ],
      },
      {
        name: '宁波市',
        id: '宁波市',
        files: [],
        applicants: [{ id: '宁波市/宁波甲公司', city: '宁波市', files: ['证明材料/合同.pdf', '附件1.xlsx'] }],
      },
    ]);
    expect(d.findings.find((f) => f.code === 'INPUT_KIND_DETECTED')?.args).toMatchObject({ cities: 2, applicants: 3 });
  });

  it('reads one city folder as a city named after the folder, applicant ids relative to it', async () => {
    const root = await province();
    const d = await discover(join(root, '杭州市'));
    expect(d.kind).toBe('city');
    expect(d.cities).toHaveLength(1);
    expect(d.cities[0]!.name).toBe('杭州市');
    expect(d.cities[0]!.id).toBe('');
    expect(d.cities[0]!.files.map((f) => f.relPath)).toEqual(['附件3-推荐排序表.xlsx']);
    expect(d.cities[0]!.applicants.map((a) => a.id)).toEqual(['杭州乙公司', COMPANY]);
  });

  it('reads one applicant folder as an applicant, its city taken from the parent folder', async () => {
    const root = await province();
    const d = await discover(join(root, '杭州市', COMPANY));
    expect(d.kind).toBe('applicant');
    expect(d.cities).toHaveLength(1);
    expect(d.cities[0]!.name).toBe('杭州市');
    const [applicant] = d.cities[0]!.applicants;
    expect(applicant!.id).toBe('');
    expect(applicant!.folderName).toBe(COMPANY);
    expect(applicant!.files.map((f) => f.path)).toContain('证明材料/营业执照.png');
  });

  it('keeps an applicant whose own subfolders hold workbooks an applicant, not a city', async () => {
    const root = await tempDir();
    await writeTree(root, {
      [`${COMPANY}/申报表/附件1.xlsx`]: 'a1',
      [`${COMPANY}/证明材料/附件清单.xlsx`]: 'list',
    });
    const d = await discover(join(root, COMPANY));
    expect(d.kind).toBe('applicant');
    expect(d.cities[0]!.applicants[0]!.files.map((f) => f.relPath)).toEqual(['申报表/附件1.xlsx', '证明材料/附件清单.xlsx']);
  });

  it('reads file contents on demand', async () => {
    const d = await discover(await province());
    const a3 = d.cities[0]!.files[0]!;
    expect((await a3.read()).toString()).toBe('a3');
    expect(a3.size).toBe(2);
  });

  it('reports an input with no applicant folder', async () => {
    const root = await tempDir();
    await writeTree(root, { '说明.txt': 'hello' });
    const d = await discover(root);
    expect(codes(d)).toContain('INPUT_NO_APPLICANTS');
  });

  it('keeps an applicant put directly in the province root, under no city, with a warning', async () => {
    const root = await province();
    await writeTree(root, { '温州某公司/附件1.xlsx': 'a1' });
    const d = await discover(root);
    expect(d.kind).toBe('province');
    expect(codes(d)).toContain('APPLICANT_WITHOUT_CITY');
    expect(d.cities.find((c) => c.name === '')!.applicants.map((a) => a.id)).toEqual(['温州某公司']);
  });
});

describe('discover: noise and links', () => {
  it('skips lock files, .DS_Store, Thumbs.db, desktop.ini, __MACOSX and ._ files with a note', async () => {
    const root = await province();
    await writeTree(root, {
      [`杭州市/${COMPANY}/~$附件1-申报表.xlsx`]: 'lock',
      '杭州市/.DS_Store': 'x',
      [`杭州市/${COMPANY}/证明材料/Thumbs.db`]: 'x',
      '宁波市/desktop.ini': 'x',
      '__MACOSX/杭州市/._附件3.xlsx': 'x',
      [`杭州市/${COMPANY}/._附件1-申报表.xlsx`]: 'x',
    });
    const d = await discover(root);
    const noise = d.findings.filter((f) => f.code === 'NOISE_SKIPPED').map((f) => f.location?.file);
    expect(noise).toEqual([
      '__MACOSX',
      '宁波市/desktop.ini',
      '杭州市/.DS_Store',
      `杭州市/${COMPANY}/._附件1-申报表.xlsx`,
      `杭州市/${COMPANY}/~$附件1-申报表.xlsx`,
      `杭州市/${COMPANY}/证明材料/Thumbs.db`,
    ]);
    expect(summary(d)).toEqual(summary(await discover(await province())));
  });

  it('does not follow a symbolic link that leads outside the input root', async () => {
    const root = await province();
    const outside = await tempDir();
    await writeFile(join(outside, 'secret.png'), 'secret');
    await symlink(join(outside, 'secret.png'), join(root, '杭州市', COMPANY, '证明材料', '外部.png'));
    await symlink(outside, join(root, '杭州市', COMPANY, '证明材料', '外部文件夹'));
    const d = await discover(root);
    const refused = d.findings.filter((f) => f.code === 'SYMLINK_OUTSIDE_ROOT').map((f) => f.location?.file);
    expect(refused).toEqual([`杭州市/${COMPANY}/证明材料/外部.png`, `杭州市/${COMPANY}/证明材料/外部文件夹`]);
    const files = d.cities[0]!.applicants[1]!.files.map((f) => f.relPath);
    expect(files.some((f) => f.includes('外部'))).toBe(false);
  });

  it('follows a link inside the root and stops at a link that loops', async () => {
    const root = await province();
    const evidence = join(root, '杭州市', COMPANY, '证明材料');
    await symlink(join(evidence, '营业执照.png'), join(evidence, '执照副本.png'));
    await symlink(join(root, '杭州市'), join(evidence, '回到城市'));
    const d = await discover(root);
    const files = d.cities[0]!.applicants[1]!.files.map((f) => f.relPath);
    expect(files).toContain('证明材料/执照副本.png');
    expect(files.some((f) => f.includes('回到城市'))).toBe(false);
    expect(codes(d)).toContain('SYMLINK_LOOP');
  });
});

describe('discover: city zips', () => {
  it('reads a city zip with a top-level city folder in place, GBK names decoded, the folder stripped from ids', async () => {
    const root = await tempDir();
    await writeFile(
      join(root, '杭州市.zip'),
      writeZip([
        { name: gbk('杭州市/') },
        { name: gbk('杭州市/附件3-推荐排序表.xlsx'), data: 'a3' },
        { name: gbk(`杭州市/${COMPANY}/附件1-申报表.xlsx`), data: 'a1' },
        { name: gbk(`杭州市/${COMPANY}/证明材料/营业执照.png`), data: 'png', deflate: true },
      ]),
    );
    const d = await discover(root);
    expect(d.kind).toBe('province');
    expect(summary(d)).toEqual([
      {
        name: '杭州市',
        id: '杭州市.zip',
        files: ['杭州市.zip/附件3-推荐排序表.xlsx'],
        applicants: [{ id: `杭州市.zip/${COMPANY}`, city: '杭州市', files: ['证明材料/营业执照.png', '附件1-申报表.xlsx'] }],
      },
    ]);
    const png = d.cities[0]!.applicants[0]!.files[0]!;
    expect(png.path).toBe(`杭州市.zip/${COMPANY}/证明材料/营业执照.png`);
    expect((await png.read()).toString()).toBe('png');
  });

  it('reads a city zip without a top-level folder', async () => {
    const root = await tempDir();
    await writeFile(
      join(root, '宁波市.zip'),
      writeZip([
        { name: '附件3.xlsx', data: 'a3', flags: 0x800 },
        { name: '宁波甲公司/附件1.xlsx', data: 'a1', flags: 0x800 },
      ]),
    );
    const d = await discover(root);
    expect(summary(d)).toEqual([
      { name: '宁波市', id: '宁波市.zip', files: ['宁波市.zip/附件3.xlsx'], applicants: [{ id: '宁波市.zip/宁波甲公司', city: '宁波市', files: ['附件1.xlsx'] }] },
    ]);
  });

  it('refuses entries with .. segments or absolute paths and writes nothing to disk', async () => {
    const root = await tempDir();
    await writeFile(
      join(root, '杭州市.zip'),
      writeZip([
        { name: `${COMPANY}/附件1.xlsx`, data: 'a1' },
        { name: '../evil.txt', data: 'evil' },
        { name: `${COMPANY}/../../evil2.txt`, data: 'evil' },
        { name: '/tmp/evil3.txt', data: 'evil' },
        { name: 'C:\\evil4.txt', data: 'evil' },
      ]),
    );
    const d = await discover(root);
    const unsafe = d.findings.filter((f) => f.code === 'ZIP_ENTRY_UNSAFE');
    expect(unsafe.map((f) => f.args.name).sort()).toEqual(['../evil.txt', '/tmp/evil3.txt', 'C:/evil4.txt', `${COMPANY}/../../evil2.txt`].sort());
    expect(unsafe.every((f) => f.severity === 'error')).toBe(true);
    expect(d.cities[0]!.applicants.map((a) => a.files.map((f) => f.relPath))).toEqual([['附件1.xlsx']]);
  });

  it('refuses an entry larger than the limit before inflating it', async () => {
    const root = await tempDir();
    await writeFile(
      join(root, '杭州市.zip'),
      writeZip([
        { name: `${COMPANY}/附件1.xlsx`, data: 'a1' },
        { name: `${COMPANY}/证明材料/大文件.pdf`, data: new Uint8Array(5000), deflate: true },
      ]),
    );
    const d = await discover(root, { maxEntryBytes: 1000 });
    expect(d.findings.find((f) => f.code === 'ZIP_ENTRY_TOO_LARGE')?.args).toMatchObject({ size: 5000, limit: 1000 });
    expect(d.cities[0]!.applicants[0]!.files.map((f) => f.relPath)).toEqual(['附件1.xlsx']);
  });

  it('reads a city zip given as the root itself as one city', async () => {
    const root = await tempDir();
    const zip = join(root, '温州市.zip');
    await writeFile(zip, writeZip([{ name: gbk(`温州市/温州某公司/附件1.xlsx`), data: 'a1' }]));
    const d = await discover(zip);
    expect(d.kind).toBe('city');
    expect(summary(d)).toEqual([{ name: '温州市', id: '', files: [], applicants: [{ id: '温州某公司', city: '温州市', files: ['附件1.xlsx'] }] }]);
  });

  it('keeps a damaged city zip as an empty city with an error', async () => {
    const root = await province();
    await writeFile(join(root, '温州市.zip'), 'PK\u0003\u0004 not really a zip');
    const d = await discover(root);
    expect(codes(d)).toContain('ZIP_CORRUPT');
    expect(d.cities.map((c) => c.id)).toEqual(['杭州市', '宁波市', '温州市.zip']);
  });

  it('skips __MACOSX inside a zip once, with a note', async () => {
    const root = await tempDir();
    await writeFile(
      join(root, '杭州市.zip'),
      writeZip([
        { name: `${COMPANY}/附件1.xlsx`, data: 'a1' },
        { name: `__MACOSX/${COMPANY}/._附件1.xlsx`, data: 'x' },
        { name: `__MACOSX/._${COMPANY}`, data: 'x' },
      ]),
    );
    const d = await discover(root);
    expect(d.findings.filter((f) => f.code === 'NOISE_SKIPPED').map((f) => f.location?.file)).toEqual(['杭州市.zip/__MACOSX']);
  });
});

describe('discover: zips that are not cities', () => {
  it('leaves a zip inside a city folder alone as a city file', async () => {
    const root = await province();
    await writeFile(join(root, '杭州市', '材料.zip'), writeZip([{ name: '../evil.txt', data: 'x' }]));
    const d = await discover(join(root, '杭州市'));
    expect(d.kind).toBe('city');
    expect(d.cities[0]!.files.map((f) => f.relPath)).toEqual(['材料.zip', '附件3-推荐排序表.xlsx']);
    expect(codes(d)).not.toContain('ZIP_ENTRY_UNSAFE');
  });
});
