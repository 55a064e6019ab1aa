import { describe, expect, it } from 'vitest';
import { systemListCheck } from '../src/validate/checks/evidence/systemList.js';
import { screenshotsCheck } from '../src/validate/checks/evidence/screenshots.js';
import { evidenceChecks } from '../src/validate/checks/evidence/index.js';
import { evaluate } from '../src/evaluate.js';
import { makePng } from '../src/util/images.js';
import {
  a2Cell,
  A2_FILE,
  A2_SHEET,
  codesOf,
  defaultRules,
  pack,
  run,
  submission,
  system,
  systemCell,
  systemFiles,
  SYSTEMS_FILE,
  SYSTEMS_SHEET,
} from './checks-evidence-helpers.js';

const ID = '杭州市/杭州云上科技有限公司';
const sysCell = (i: number, c: 'description' | 'login' | 'main') => ({
  file: `${ID}/${SYSTEMS_FILE}`,
  sheet: SYSTEMS_SHEET,
  cell: systemCell(i, c),
});

/** Two cloud production systems (ERP, MES) of three, all with their pictures. */
function production(overrides: Partial<Parameters<typeof pack>[0]> = {}) {
  return pack({
    declared: { 'business.production': [2, 3] },
    files: { ...systemFiles('ERP', 1), ...systemFiles('MES', 2) },
    systems: [
      system('business.production', 'ERP'),
      system('business.production', 'MES'),
      system('business.production', '老仓库系统', { onCloud: false, login: null, main: null, description: null }),
    ],
    ...overrides,
  });
}

describe('evidence.systemList', () => {
  it('accepts N cloud systems and M in all, each described', async () => {
    expect(await run(systemListCheck, production())).toEqual([]);
  });

  it('asks nothing of an indicator with N = 0', async () => {
    expect(await run(systemListCheck, pack({ declared: { 'business.rnd': [0, 4] } }))).toEqual([]);
  });

  it('reports a missing system list once per claimed indicator, at its N cell', async () => {
    const p = pack({ declared: { 'business.production': [2, 3], 'management.office': [1, 1], 'infra.storage': [5, 10] } });
    const found = await run(systemListCheck, p);
    expect(found.map((f) => [f.code, f.indicator, f.location?.cell])).toEqual([
      ['SYSTEM_LIST_MISSING', 'business.production', a2Cell('business.production', 'n')],
      ['SYSTEM_LIST_MISSING', 'management.office', a2Cell('management.office', 'n')],
    ]);
  });

  it('reports a cloud count different from N at the N cell, with both numbers', async () => {
    const p = production({ declared: { 'business.production': [3, 3] } });
    expect(await run(systemListCheck, p)).toEqual([
      expect.objectContaining({
        code: 'SYSTEM_COUNT_MISMATCH',
        severity: 'error',
        indicator: 'business.production',
        args: { indicator: '生产', indicatorEn: 'Production systems', listed: 2, declared: 3 },
        location: { file: `${ID}/${A2_FILE}`, sheet: A2_SHEET, cell: a2Cell('business.production', 'n') },
      }),
    ]);
  });

  it('reports a total different from M at the M cell', async () => {
    const p = production({ declared: { 'business.production': [2, 5] } });
    expect(await run(systemListCheck, p)).toEqual([
      expect.objectContaining({
        code: 'SYSTEM_TOTAL_MISMATCH',
        indicator: 'business.production',
        args: expect.objectContaining({ listed: 3, declared: 5 }),
        location: expect.objectContaining({ cell: a2Cell('business.production', 'm') }),
      }),
    ]);
  });

  it('counts for 系统协同 only the cloud systems marked 系统协同, and has no M to compare', async () => {
    const p = pack({
      declared: { 'collaboration.systems': [1] },
      files: systemFiles('SRM', 3),
      systems: [system('business.supplyChain', 'SRM'), system('collaboration.systems', 'SRM')],
    });
    expect(await run(systemListCheck, p)).toEqual([]);
    const two = pack({ declared: { 'collaboration.systems': [2] }, files: systemFiles('SRM', 3), systems: [system('collaboration.systems', 'SRM')] });
    expect(codesOf(await run(systemListCheck, two))).toEqual(['SYSTEM_COUNT_MISMATCH']);
  });

  it('reports a cloud system without a description at its 功能简介 cell', async () => {
    const p = production();
    p.systems!.rows[1]!.description.value = '  ';
    expect(await run(systemListCheck, p)).toEqual([
      expect.objectContaining({
        code: 'SYSTEM_DESCRIPTION_MISSING',
        indicator: 'business.production',
        args: expect.objectContaining({ system: 'MES' }),
        location: sysCell(1, 'description'),
      }),
    ]);
  });
});

describe('evidence.screenshots', () => {
  it('accepts a PNG login page and a JPEG main page for every cloud system', async () => {
    expect(await run(screenshotsCheck, production())).toEqual([]);
  });

  it('marks business.production unverified when a listed cloud system\'s login screenshot is missing', async () => {
    const p = production({ files: { '截图/ERP-主页.jpg': systemFiles('ERP', 1)['截图/ERP-主页.jpg']!, ...systemFiles('MES', 2) } });
    expect(await run(screenshotsCheck, p)).toEqual([
      expect.objectContaining({
        code: 'SCREENSHOT_MISSING',
        severity: 'error',
        applicant: ID,
        indicator: 'business.production',
        args: expect.objectContaining({ system: 'ERP', column: '登录页截图', path: '截图/ERP-登录页.png' }),
        location: sysCell(0, 'login'),
      }),
    ]);
    const result = evaluate(submission(p), await defaultRules(), { checks: evidenceChecks });
    const production_ = result.applicants[0]!.indicators['business.production']!;
    expect(production_.verified).toBe(false);
    expect(production_.score).toBe(0);
  });

  it('reports an empty screenshot cell', async () => {
    const p = production();
    p.systems!.rows[0]!.mainScreenshot.value = null;
    expect(await run(screenshotsCheck, p)).toEqual([
      expect.objectContaining({ code: 'SCREENSHOT_NOT_LISTED', args: expect.objectContaining({ column: '功能主页截图' }), location: sysCell(0, 'main') }),
    ]);
  });

  it('rejects a text file renamed .png, an empty file and a truncated PNG as screenshots', async () => {
    const p = production({
      files: {
        ...systemFiles('ERP', 1),
        ...systemFiles('MES', 2),
        '截图/ERP-登录页.png': Buffer.from('<html>登录页</html>'),
        '截图/ERP-主页.jpg': new Uint8Array(0),
        '截图/MES-登录页.png': makePng(20, 20, [1, 2, 3]).subarray(0, 18),
      },
    });
    const found = await run(screenshotsCheck, p);
    expect(found.map((f) => [f.code, f.indicator, f.args.actual, f.location?.cell])).toEqual([
      ['SCREENSHOT_NOT_IMAGE', 'business.production', '文本', systemCell(0, 'login')],
      ['SCREENSHOT_NOT_IMAGE', 'business.production', '空文件', systemCell(0, 'main')],
      ['SCREENSHOT_NOT_IMAGE', 'business.production', '损坏或不完整的图片', systemCell(1, 'login')],
    ]);
  });

  it('rejects one picture used for both pages, by path or by content', async () => {
    const p = production();
    p.systems!.rows[0]!.mainScreenshot.value = '截图/ERP-登录页.png';
    p.evidence.push({ ...p.evidence.find((f) => f.path === '证明材料/截图/MES-登录页.png')!, path: '证明材料/截图/MES-副本.png' });
    p.systems!.rows[1]!.mainScreenshot.value = '截图/MES-副本.png';
    expect((await run(screenshotsCheck, p)).map((f) => [f.code, f.args.system, f.location?.cell])).toEqual([
      ['SCREENSHOT_SAME_FOR_BOTH', 'ERP', systemCell(0, 'main')],
      ['SCREENSHOT_SAME_FOR_BOTH', 'MES', systemCell(1, 'main')],
    ]);
  });

  it('finds screenshots typed with backslashes, a 证明材料 prefix, other letter case or a bare unique name', async () => {
    const p = production();
    p.systems!.rows[0]!.loginScreenshot.value = '证明材料\\截图\\ERP-登录页.png';
    p.systems!.rows[0]!.mainScreenshot.value = ' 截图/erp-主页.JPG ';
    p.systems!.rows[1]!.loginScreenshot.value = 'MES-登录页.png';
    expect(await run(screenshotsCheck, p)).toEqual([]);
  });

  it('does not ask screenshots of systems not on cloud or of indicators with N = 0', async () => {
    const p = pack({
      declared: { 'business.rnd': [0, 1], 'business.production': [1, 2] },
      files: systemFiles('MES', 2),
      systems: [
        system('business.rnd', 'PLM', { login: null, main: null }),
        system('business.production', 'MES'),
        system('business.production', '旧MES', { onCloud: false, login: null, main: null }),
      ],
    });
    expect(await run(screenshotsCheck, p)).toEqual([]);
  });

  it('takes which indicators need systems from the rules file', async () => {
    const rules = await defaultRules();
    const p = pack({ declared: { 'management.devices': [10, 20] }, systems: [] });
    const custom = { ...rules, indicators: rules.indicators.map((r) => (r.key === 'management.devices' ? { ...r, evidence: 'systems' as const } : r)) };
    const { runCheck } = await import('../src/validate/check.js');
    expect(codesOf(runCheck(systemListCheck, { submission: submission(p), rules }))).toEqual([]);
    expect(codesOf(runCheck(systemListCheck, { submission: submission(p), rules: custom }))).toEqual(['SYSTEM_COUNT_MISMATCH', 'SYSTEM_TOTAL_MISMATCH']);
  });
});
