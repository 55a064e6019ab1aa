/**
 * The tree's shape is decided by what is in it, never by one stray file: real folders on disk, with
 * the strays clerks really keep (汇总表, last year's results, a draft A3, a CSV, a Word file), our own
 * output folders, cities delivered without an extension, and files that are not files at all.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { discover } from '../src/ingest/files/discover.js';
import type { Discovery } from '../src/ingest/files/tree.js';
import { a3Test } from '../src/ingest/readSubmission.js';
import { readApplicant } from '../src/ingest/readApplicant.js';
import { loadRules } from '../src/rules/load.js';
import type { Rules } from '../src/rules/schema.js';
import { templateFiles } from '../src/template/writeTemplates.js';
import { OUTPUT_MARKER } from '../src/util/outputFolder.js';
import { tempDir, writeTree, writeZip, xlsxBytes } from './files-helpers.js';

let rules: Rules;
/** Blank forms as `yunshang template` writes them, by kind. */
let blank: { a1: Uint8Array; a3: Uint8Array };

beforeAll(async () => {
  rules = await loadRules();
  const files = await templateFiles(rules);
  blank = { a1: files[0]!.data, a3: files[2]!.data };
});

/** A province root: 杭州市 with its A3 and two applicants, 宁波市 with one. */
async function province(): Promise<string> {
  const root = await tempDir();
  await writeTree(root, {
    '杭州市/附件3-推荐排序表.xlsx': blank.a3,
    '杭州市/杭州甲公司/附件1-申报表.xlsx': blank.a1,
    '杭州市/杭州甲公司/证明材料/营业执照.png': 'png',
    '杭州市/杭州乙公司/申报表.xlsx': blank.a1,
    '宁波市/宁波甲公司/附件1.xlsx': blank.a1,
  });
  return root;
}

function shape(d: Discovery) {
  return {
    kind: d.kind,
    cities: d.cities.map((c) => ({ name: c.name, id: c.id, files: c.files.map((f) => f.path), applicants: c.applicants.map((a) => [a.id, a.city, a.files.map((f) => f.relPath)]) })),
  };
}

const found = (d: Discovery, code: string) => d.findings.filter((f) => f.code === code);
const discoverWith = (root: string) => discover(root, { isA3: a3Test(rules) });

describe('discover: a stray file never changes the shape', () => {
  it('stray xlsx, csv and docx in the province root are named in a warning and skipped; the cities stay as they were', async () => {
    const root = await province();
    const before = shape(await discoverWith(root));
    await writeTree(root, {
      '汇总表.xlsx': await xlsxBytes([['2021年云上企业申报汇总']]),
      '评审结果.xlsx': await xlsxBytes([['总排名']]),
      '杭州市-推荐排序表-草稿.xlsx': blank.a3,
      '名单.csv': '企业名称,城市\n甲,杭州市\n',
      '说明.docx': 'PK\u0003\u0004 not much of a docx',
    });
    const d = await discoverWith(root);
    expect(shape(d)).toEqual(before);
    expect(d.kind).toBe('province');
    const skipped = found(d, 'FILE_OUTSIDE_CITY');
    expect(skipped.map((f) => f.location?.file)).toEqual(['名单.csv', '杭州市-推荐排序表-草稿.xlsx', '汇总表.xlsx', '评审结果.xlsx', '说明.docx']);
    expect(skipped.every((f) => f.severity === 'warning')).toBe(true);
    expect(skipped[0]!.args.name).toBe('名单.csv');
  });

  it('a province root holding one workbook and city folders is a province, not one applicant', async () => {
    const root = await province();
    await writeTree(root, { '附件1-申报表.xlsx': blank.a1 });
    const d = await discoverWith(root);
    expect(d.kind).toBe('province');
    expect(d.cities.map((c) => c.name)).toEqual(['杭州市', '宁波市']);
    expect(found(d, 'INPUT_KIND_DETECTED')[0]!.args).toMatchObject({ reasonZh: '含以城市命名的文件夹或压缩包：杭州市、宁波市', applicants: 3 });
  });

  it('a folder in the root that is neither a city nor an applicant is named and skipped', async () => {
    const root = await province();
    await writeTree(root, { '往年资料/说明.txt': 'x' });
    const d = await discoverWith(root);
    expect(found(d, 'FILE_OUTSIDE_CITY').map((f) => f.location?.file)).toEqual(['往年资料']);
  });

  it('a folder named 杭州 (without 市) is the city 杭州市', async () => {
    const root = await tempDir();
    await writeTree(root, { '杭州/杭州甲公司/附件1.xlsx': blank.a1, '温州/温州甲公司/附件1.xlsx': blank.a1 });
    const d = await discoverWith(root);
    expect(d.kind).toBe('province');
    expect(d.cities.map((c) => c.name)).toEqual(['杭州', '温州']);
  });
});

describe('discover: a city by its name or by its 推荐排序表', () => {
  it('reads a folder with another name as a city when it holds a 推荐排序表, and says so', async () => {
    const root = await tempDir();
    const city = join(root, '第一批');
    await writeTree(city, { '推荐表.xlsx': blank.a3, '甲公司/附件1.xlsx': blank.a1, '乙公司/附件1.xlsx': blank.a1 });
    const d = await discoverWith(city);
    expect(d.kind).toBe('city');
    expect(d.kindReason.zh).toBe('含推荐排序表「推荐表.xlsx」');
    expect(d.cities[0]!.applicants.map((a) => a.id)).toEqual(['乙公司', '甲公司']);
  });

  it('in a province root, reads a folder with another name as a city by its 推荐排序表; one without keeps its applicants under no city', async () => {
    const root = await province();
    await writeTree(root, {
      '补报材料/推荐表.xlsx': blank.a3,
      '补报材料/补报公司/附件1.xlsx': blank.a1,
      '散件/散件公司/附件1.xlsx': blank.a1,
    });
    const d = await discoverWith(root);
    expect(d.cities.map((c) => c.id)).toEqual(['杭州市', '宁波市', '补报材料', '']);
    expect(d.cities[3]!.applicants.map((a) => a.id)).toEqual(['散件/散件公司']);
    expect(found(d, 'FOLDER_NOT_CITY')[0]!.args).toEqual({ name: '散件', applicants: 1 });
  });

  it('an applicant folder holding a misplaced 推荐排序表 stays an applicant', async () => {
    const root = await tempDir();
    const app = join(root, '甲公司');
    await writeTree(app, { '附件1.xlsx': blank.a1, '附件3.xlsx': blank.a3 });
    const d = await discoverWith(app);
    expect(d.kind).toBe('applicant');
    expect(d.kindReason.zh).toBe('含申报表，没有企业文件夹');
  });
});

describe('discover: our own outputs are never read', () => {
  it('skips a marked output folder in the root, in a city and in an applicant folder, with a note', async () => {
    const root = await province();
    await writeTree(root, {
      [`out/${OUTPUT_MARKER}`]: 'x',
      'out/results.json': '{}',
      'out/评审结果.xlsx': blank.a1,
      [`杭州市/标注/${OUTPUT_MARKER}`]: 'x',
      '杭州市/标注/杭州甲公司/附件1-申报表.xlsx': blank.a1,
      [`杭州市/杭州甲公司/旧输出/${OUTPUT_MARKER}`]: 'x',
      '杭州市/杭州甲公司/旧输出/附件1.xlsx': blank.a1,
    });
    const d = await discoverWith(root);
    expect(found(d, 'OUTPUT_FOLDER_SKIPPED').map((f) => [f.location?.file, f.severity])).toEqual([
      ['out', 'info'],
      ['杭州市/杭州甲公司/旧输出', 'info'],
      ['杭州市/标注', 'info'],
    ]);
    expect(shape(d)).toEqual(shape(await discoverWith(await province())));
  });

  it('skips the lock and staging entries the writer leaves beside an output', async () => {
    const root = await province();
    await writeTree(root, { '.yunshang-0123456789.lock': '{}', [`.yunshang-0123456789.new/${OUTPUT_MARKER}`]: 'x' });
    const d = await discoverWith(root);
    expect(found(d, 'NOISE_SKIPPED').map((f) => f.location?.file)).toEqual(['.yunshang-0123456789.lock', '.yunshang-0123456789.new']);
    expect(found(d, 'FILE_OUTSIDE_CITY')).toEqual([]);
  });
});

describe('discover: cities recognised by their bytes', () => {
  it('reads 舟山市 delivered as a zip without extension as the city, with a note', async () => {
    const root = await province();
    await writeFile(join(root, '舟山市'), writeZip([{ name: '舟山甲公司/附件1.xlsx', data: blank.a1, flags: 0x800 }]));
    const d = await discoverWith(root);
    expect(d.cities.map((c) => c.id)).toEqual(['杭州市', '宁波市', '舟山市']);
    expect(d.cities[2]!.applicants.map((a) => a.id)).toEqual(['舟山市/舟山甲公司']);
    expect(found(d, 'ZIP_WITHOUT_EXTENSION').map((f) => f.args.name)).toEqual(['舟山市']);
  });

  it('keeps a city delivered as a RAR as an empty city with an error naming the format', async () => {
    const root = await province();
    await writeFile(join(root, '舟山市.rar'), Buffer.from('Rar!\u001a\u0007\u0000 rest of a rar'));
    const d = await discoverWith(root);
    expect(d.cities.map((c) => [c.name, c.id, c.applicants.length])).toEqual([
      ['杭州市', '杭州市', 2],
      ['宁波市', '宁波市', 1],
      ['舟山市', '舟山市.rar', 0],
    ]);
    expect(found(d, 'CITY_ARCHIVE_UNREADABLE')[0]!.args).toEqual({ name: '舟山市.rar', detected: 'RAR' });
  });

  it('leaves a workbook named after a city (a summary) in the root as a stray file', async () => {
    const root = await province();
    await writeFile(join(root, '舟山市.xlsx'), blank.a3);
    const d = await discoverWith(root);
    expect(d.cities.map((c) => c.id)).toEqual(['杭州市', '宁波市']);
    expect(found(d, 'FILE_OUTSIDE_CITY').map((f) => f.location?.file)).toEqual(['舟山市.xlsx']);
  });

  it('reads a zip without extension given as the input itself', async () => {
    const root = await tempDir();
    const zip = join(root, '舟山市');
    await writeFile(zip, writeZip([{ name: '舟山甲公司/附件1.xlsx', data: blank.a1, flags: 0x800 }]));
    const d = await discoverWith(zip);
    expect(d.kind).toBe('city');
    expect(d.cities[0]!.applicants.map((a) => a.id)).toEqual(['舟山甲公司']);
  });
});

describe.skipIf(process.platform === 'win32')('discover: pipes, sockets and devices', () => {
  it('names a FIFO in a finding and never opens it, even one named as a form or linked to', async () => {
    const root = await province();
    const app = join(root, '杭州市', '杭州甲公司');
    execFileSync('mkfifo', [join(app, '附件2-用云水平评估表.xlsx')]);
    execFileSync('mkfifo', [join(root, '管道')]);
    await symlink(join(app, '附件2-用云水平评估表.xlsx'), join(app, '证明材料', '链接.png'));
    // Opening a FIFO for reading waits for a writer forever: finishing at all shows it was not opened.
    const d = await discoverWith(root);
    const special = found(d, 'SPECIAL_FILE_SKIPPED');
    expect(special.map((f) => f.location?.file)).toEqual([
      '杭州市/杭州甲公司/证明材料/链接.png',
      '杭州市/杭州甲公司/附件2-用云水平评估表.xlsx',
      '管道',
    ]);
    expect(special[0]!.args).toMatchObject({ kindZh: '命名管道（FIFO）' });
    const applicant = d.cities[0]!.applicants.find((a) => a.id === '杭州市/杭州甲公司')!;
    expect(applicant.files.map((f) => f.relPath)).toEqual(['证明材料/营业执照.png', '附件1-申报表.xlsx']);
    const pack = await readApplicant(applicant, rules);
    expect(pack.a1).toBeDefined();
  });
});

describe('discover: zips read like a careful reader would', () => {
  it('reads neither of two entries of one name in a city zip, and says so once', async () => {
    const root = await tempDir();
    await writeFile(
      join(root, '杭州市.zip'),
      writeZip([
        { name: '甲公司/附件1.xlsx', data: blank.a1, flags: 0x800 },
        { name: '甲公司/证明材料/营业执照.pdf', data: '%PDF-1 first', flags: 0x800 },
        { name: '甲公司/证明材料/营业执照.pdf', data: '%PDF-1 second', flags: 0x800 },
      ]),
    );
    const d = await discoverWith(root);
    expect(found(d, 'ZIP_ENTRY_DUPLICATE').map((f) => [f.args, f.severity, f.location?.file])).toEqual([
      [{ name: '甲公司/证明材料/营业执照.pdf', count: 2 }, 'error', '杭州市.zip/甲公司/证明材料/营业执照.pdf'],
    ]);
    expect(d.cities[0]!.applicants[0]!.files.map((f) => f.relPath)).toEqual(['附件1.xlsx']);
  });

  it('does not read an entry a Unix zip stored as a symbolic link', async () => {
    const root = await tempDir();
    await writeFile(
      join(root, '杭州市.zip'),
      writeZip([
        { name: '甲公司/附件1.xlsx', data: blank.a1, flags: 0x800 },
        { name: '甲公司/证明材料/合同.pdf', data: '/etc/passwd', flags: 0x800, unixMode: 0o120777 },
      ]),
    );
    const d = await discoverWith(root);
    expect(found(d, 'ZIP_ENTRY_UNSUPPORTED').map((f) => f.args)).toEqual([{ name: '甲公司/证明材料/合同.pdf', reason: 'symbolic link' }]);
    expect(d.cities[0]!.applicants[0]!.files.map((f) => f.relPath)).toEqual(['附件1.xlsx']);
  });
});

describe('discover: the input line says why', () => {
  it.each([
    ['the province root', { '杭州市/甲公司/附件1.xlsx': 'a1' }, '.', 'province', '含以城市命名的文件夹或压缩包：杭州市'],
    ['a city by its name', { '杭州市/甲公司/附件1.xlsx': 'a1' }, '杭州市', 'city', '文件夹名「杭州市」是城市名'],
    ['an applicant with evidence', { '甲公司/证明材料/a.pdf': 'a' }, '甲公司', 'applicant', '含「证明材料」文件夹'],
    ['a folder of applicants', { '一批/甲公司/附件1.xlsx': 'a1', '一批/乙公司/附件1.xlsx': 'a1' }, '一批', 'city', '含 2 个企业文件夹'],
  ])('%s', async (_what, tree, at, kind, reason) => {
    const root = await tempDir();
    await writeTree(root, tree as Record<string, string>);
    await mkdir(join(root, at), { recursive: true });
    const d = await discover(join(root, at));
    expect([d.kind, d.kindReason.zh]).toEqual([kind, reason]);
  });
});

describe('discover: a city holding a copy of itself', () => {
  it('reads 杭州市/杭州市/ as the one city, not a province', async () => {
    const root = await tempDir();
    await writeTree(root, { '杭州市/杭州市/附件3.xlsx': 'a3', '杭州市/杭州市/甲公司/附件1.xlsx': 'a1' });
    const d = await discover(join(root, '杭州市'));
    expect(d.kind).toBe('city');
    expect(d.cities.map((c) => [c.name, c.applicants.map((a) => a.id)])).toEqual([['杭州市', ['杭州市/甲公司']]]);
  });
});
