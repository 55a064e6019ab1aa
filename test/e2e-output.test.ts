/**
 * The input tree and the outputs, as a clerk meets them, with real folders and real processes: strays
 * beside the cities, a second run inside the submissions, an output inside the input, places that
 * cannot take files, two runs on one output, a legal long file name, and the commands that write
 * single files.
 */
import { chmod, cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planProvince } from '../src/fixtures/province.js';
import { writeProvince } from '../src/fixtures/write.js';
import { loadRules } from '../src/rules/load.js';
import { OUTPUT_MARKER } from '../src/util/outputFolder.js';
import { EVIDENCE_DIR } from '../src/data/inputTree.js';
import { cli, sameSet, snapshot, startPaused } from './e2e-output-helpers.js';

const STRAYS = join('fixtures', 'strays');
const ERRNO = /\b(ENOENT|EEXIST|EACCES|EPERM|ENOTDIR|EROFS)\b/;
const STACK_LINE = /^\s+at\s.*:\d+:\d+\)?$/m;

let work: string;
let province: string;
/** The first city of the province (in code-point order) with an applicant, its folder name. */
let cityName: string;
/** An applicant folder of that city. */
let applicantName: string;
/** results.json of the province scored with nothing stray in it. */
let clean: { applicants: unknown[] };

async function copyProvince(name: string): Promise<string> {
  const dir = join(work, name);
  await cp(province, dir, { recursive: true });
  return dir;
}

function applicantsOf(resultsJson: string): unknown[] {
  return (JSON.parse(resultsJson) as { applicants: unknown[] }).applicants;
}

beforeAll(async () => {
  expect(existsSync('dist/cli/main.js'), 'run `npx tsc -p .` (npm test does) before these tests').toBe(true);
  work = await mkdtemp(join(tmpdir(), 'yunshang-e2e-output-'));
  // Readable by the unprivileged user the read-only test runs as.
  await chmod(work, 0o755);
  province = join(work, 'province');
  await writeProvince(planProvince({ applicants: 3, seed: 7, defects: false }), province, await loadRules());
  for (const city of (await readdir(province)).sort()) {
    const inside = await readdir(join(province, city), { withFileTypes: true });
    const applicant = inside.find((e) => e.isDirectory());
    if (applicant) {
      [cityName, applicantName] = [city, applicant.name];
      break;
    }
  }
  const r = cli(['score', province, '--out', join(work, 'clean'), '--no-pdf', '--quiet']);
  expect(r.status, r.stderr).toBe(0);
  clean = { applicants: applicantsOf(await readFile(join(work, 'clean', 'results.json'), 'utf8')) };
}, 120_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('a stray file never changes a score', () => {
  it('stray xlsx, csv and docx in the province root and in a city folder leave every applicant scored exactly as without them', async () => {
    const dir = await copyProvince('with-strays');
    for (const name of await readdir(STRAYS)) {
      if (name === 'README.md') continue;
      await cp(join(STRAYS, name), join(dir, name));
      await cp(join(STRAYS, name), join(dir, cityName, name));
    }
    // Last year's reports of ours, unmarked, in the root too.
    await cp(join(work, 'clean', '评审结果.xlsx'), join(dir, '评审结果.xlsx'));
    const r = cli(['score', dir, '--out', join(work, 'strays-out'), '--no-pdf', '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { applicants: unknown[]; findings: { code: string; severity: string; location?: { file: string } }[] };
    expect(json.applicants).toEqual(clean.applicants);
    expect(json.findings.filter((f) => f.code === 'FILE_OUTSIDE_CITY').map((f) => [f.location?.file, f.severity])).toEqual([
      ['名单.csv', 'warning'],
      ['汇总表.xlsx', 'warning'],
      ['评审结果.xlsx', 'warning'],
      ['说明.docx', 'warning'],
    ]);
  });
});

describe('the tool never reads its own outputs and never writes into its input', () => {
  it('two score runs with the default --out inside the input give identical results, written beside the input', async () => {
    const dir = await copyProvince('run-inside');
    const first = cli(['score', '.', '--no-pdf'], { cwd: dir });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toContain('默认输出位置 out 在输入目录之内，改为写出到 ../run-inside-评审结果');
    const beside = join(work, 'run-inside-评审结果');
    const once = await snapshot(beside);
    const second = cli(['score', '.', '--no-pdf'], { cwd: dir });
    expect(second.status, second.stderr).toBe(0);
    expect(sameSet(await snapshot(beside), once)).toBe(true);
    expect(applicantsOf(await readFile(join(beside, 'results.json'), 'utf8'))).toEqual(clean.applicants);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('refuses an --out inside the input with exit 2, proposing a folder beside it', () => {
    const r = cli(['score', province, '--out', join(province, 'out'), '--no-pdf']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/在输入目录「.*province」之内，会被下次运行当作申报材料读取；请改用输入目录之外的位置，例如 --out .*province-评审结果/);
    expect(existsSync(join(province, 'out'))).toBe(false);
  });

  it('refuses an --out that holds the input', () => {
    const r = cli(['score', province, '--out', work, '--no-pdf']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/输入目录「.*province」在输出位置「.*」之内，写出时会被替换/);
  });

  it('skips an output folder of ours put into the input, with a note, and scores as without it', async () => {
    const dir = await copyProvince('with-old-out');
    await cp(join(work, 'clean'), join(dir, '上次结果'), { recursive: true });
    await cp(join(work, 'clean'), join(dir, cityName, '上次结果'), { recursive: true });
    const r = cli(['score', dir, '--out', join(work, 'old-out-out'), '--no-pdf', '--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { applicants: unknown[]; findings: { code: string; location?: { file: string } }[] };
    expect(json.applicants).toEqual(clean.applicants);
    expect(json.findings.filter((f) => f.code === 'OUTPUT_FOLDER_SKIPPED').map((f) => f.location?.file)).toEqual(['上次结果', `${cityName}/上次结果`]);
  });

  it('refuses an --annotate folder inside the input', () => {
    const r = cli(['validate', province, '--annotate', join(province, cityName, '标注')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('province-标注');
  });
});

describe('places that cannot take files fail at once with a clear message', () => {
  it.skipIf(process.platform !== 'linux')('--out /proc/nope exits 2', { timeout: 60_000 }, () => {
    for (const args of [
      ['score', province, '--out', '/proc/nope', '--no-pdf'],
      ['validate', province, '--annotate', '/proc/nope'],
      ['template', '--out', '/proc/nope'],
      ['draft-a3', join(province, cityName), '--out', '/proc/nope/草稿.xlsx'],
    ]) {
      const r = cli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/「\/proc(\/nope)?」.*该位置不存在或不能存放文件/);
      expect(r.stderr).not.toMatch(ERRNO);
    }
  });

  it('an --out naming an existing file exits 2', async () => {
    await writeFile(join(work, 'a-file'), 'x');
    const r = cli(['score', province, '--out', join(work, 'a-file'), '--no-pdf']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('已存在同名文件，不是文件夹');
    expect(r.stderr).not.toMatch(ERRNO);
    expect(await readFile(join(work, 'a-file'), 'utf8')).toBe('x');
  });

  it.skipIf(process.platform === 'win32')('an --out in a read-only folder exits 2', async () => {
    const ro = join(work, 'read-only');
    await mkdir(ro, { mode: 0o555 });
    // root may write anywhere: the run is made as nobody then.
    const asUser = process.getuid?.() === 0 ? { uid: 65534 } : {};
    const r = cli(['score', province, '--out', join(ro, 'out'), '--no-pdf'], asUser);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/无法在「.*read-only」中写入：没有写入权限/);
    expect(r.stderr).not.toMatch(ERRNO);
    expect(await readdir(ro)).toEqual([]);
  });
});

describe('one run at a time writes to one --out', () => {
  it('a second run exits 2 naming the holder; once the holder is killed, the next run takes its lock over', async () => {
    const out = join(work, 'locked-out');
    const holder = startPaused(['score', province, '--out', out, '--no-pdf', '--quiet'], 'locked');
    await holder.paused;
    const second = cli(['score', province, '--out', out, '--no-pdf', '--quiet']);
    expect(second.status).toBe(2);
    expect(second.stderr).toContain(`另一个 yunshang 进程（pid ${holder.pid}）正在写出`);
    await holder.kill();
    const third = cli(['score', province, '--out', out, '--no-pdf', '--quiet']);
    expect(third.status, third.stderr).toBe(0);
    expect(applicantsOf(await readFile(join(out, 'results.json'), 'utf8'))).toEqual(clean.applicants);
  });

  it('of two runs started together, exactly one succeeds and the other exits 2 with its pid', async () => {
    const out = join(work, 'race-out');
    const resume = join(work, 'race-resume');
    const runs = [0, 1].map(() => startPaused(['score', province, '--out', out, '--no-pdf', '--quiet'], 'locked', { resume }));
    // The one without the lock ends at once; the one with it waits at 'locked' for the resume file.
    const loserAt = await Promise.race(runs.map((r, i) => r.ended.then(() => i)));
    const [loser, winner] = [runs[loserAt]!, runs[1 - loserAt]!];
    await winner.paused;
    await writeFile(resume, '');
    const [l, w] = [await loser.ended, await winner.ended];
    expect(l.status).toBe(2);
    expect(l.stderr).toContain(`pid ${winner.pid}`);
    expect(w.status, w.stderr).toBe(0);
    expect((await readdir(work)).filter((n) => n.startsWith('.yunshang-'))).toEqual([]);
  });
});

describe('validate --annotate', () => {
  it('annotates a workbook whose legal file name is 250 bytes long', async () => {
    const dir = await copyProvince('long-name');
    const applicant = applicantName;
    const folder = join(dir, cityName, applicant);
    const a1 = (await readdir(folder)).find((n) => n.includes('附件1') && n.endsWith('.xlsx'))!;
    const long = `${'附件一申报表'.repeat(13)}${'x'.repeat(250 - 234 - 5)}.xlsx`;
    expect(Buffer.byteLength(long)).toBe(250);
    await rename(join(folder, a1), join(folder, long));
    // Only enterprises with something to fix are written back: without its licence this one is, and
    // its 附件1 copy (under the long name) carries the 问题汇总 sheet.
    const evidence = join(folder, EVIDENCE_DIR);
    for (const name of (await readdir(evidence)).filter((n) => n.includes('营业执照'))) await rm(join(evidence, name));
    const out = join(work, 'long-name-标注');
    const r = cli(['validate', dir, '--annotate', out, '--quiet']);
    expect(r.stderr).not.toContain('内部错误');
    expect([0, 1]).toContain(r.status);
    expect(await readdir(join(out, cityName, applicant))).toContain(long);
    expect(await readdir(out)).toContain(OUTPUT_MARKER);
  });
});

describe('template and draft-a3 write single files', () => {
  it('template writes into the current folder and refuses to overwrite a filled-in form unless --force', async () => {
    const here = join(work, 'forms-here');
    await mkdir(here);
    const first = cli(['template'], { cwd: here });
    expect(first.status, first.stderr).toBe(0);
    const names = (await readdir(here)).sort();
    // 附件1–3, 系统清单, 云计算产品和服务清单, 专家评分表, 人工复核记录表.
    expect(names).toHaveLength(7);
    await writeFile(join(here, names[0]!), 'filled in by a clerk');
    const again = cli(['template'], { cwd: here });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('已存在；如需覆盖，请加 --force');
    expect(await readFile(join(here, names[0]!), 'utf8')).toBe('filled in by a clerk');
    const forced = cli(['template', '--force'], { cwd: here });
    expect(forced.status, forced.stderr).toBe(0);
    expect(await readFile(join(here, names[0]!), 'utf8')).not.toBe('filled in by a clerk');
    expect((await readdir(here)).sort()).toEqual(names);
  });

  it('draft-a3 writes into the current folder, and beside the city when run from inside it', async () => {
    const dir = await copyProvince('draft');
    const here = join(work, 'draft-here');
    await mkdir(here);
    const r = cli(['draft-a3', join(dir, cityName), '--quiet'], { cwd: here });
    expect(r.status, r.stderr).toBe(0);
    expect(await readdir(here)).toEqual([`${cityName}-推荐排序表-草稿.xlsx`]);
    const inside = cli(['draft-a3', '.'], { cwd: join(dir, cityName) });
    expect(inside.status, inside.stderr).toBe(0);
    expect(inside.stderr).toContain('当前目录在输入目录之内');
    expect(existsSync(join(dir, `${cityName}-推荐排序表-草稿.xlsx`))).toBe(true);
    const twice = cli(['draft-a3', join(dir, cityName), '--quiet'], { cwd: here });
    expect(twice.status).toBe(2);
    expect(twice.stderr).toContain('已存在；如需覆盖，请加 --force');
    const refused = cli(['draft-a3', join(dir, cityName), '--out', join(dir, cityName, '草稿.xlsx')]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).not.toMatch(STACK_LINE);
  });
});
