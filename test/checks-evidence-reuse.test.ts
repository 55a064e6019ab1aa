import { describe, expect, it } from 'vitest';
import { screenshotReuseCheck } from '../src/validate/checks/evidence/screenshotReuse.js';
import { codesOf, pack, run, screenshot, system, systemCell, systemFiles, SYSTEMS_FILE, SYSTEMS_SHEET } from './checks-evidence-helpers.js';

const A = '杭州市/杭州云上科技有限公司';
const B = '宁波市/宁波智造有限公司';

function twoSystems(id: string, files: Record<string, Uint8Array>) {
  return pack({
    id,
    declared: { 'business.production': [2, 2] },
    files,
    systems: [system('business.production', 'ERP'), system('business.production', 'MES')],
  });
}

describe('evidence.screenshotReuse', () => {
  it('accepts different pictures for different systems and applicants', async () => {
    const a = twoSystems(A, { ...systemFiles('ERP', 1), ...systemFiles('MES', 2) });
    const b = twoSystems(B, { ...systemFiles('ERP', 3), ...systemFiles('MES', 4) });
    expect(await run(screenshotReuseCheck, a, b)).toEqual([]);
  });

  it('warns when two systems of one applicant show the same picture under different names', async () => {
    const a = twoSystems(A, { ...systemFiles('ERP', 1), ...systemFiles('MES', 2), '截图/MES-登录页.png': screenshot(1) });
    expect(await run(screenshotReuseCheck, a)).toEqual([
      expect.objectContaining({
        code: 'SCREENSHOT_REUSED',
        severity: 'warning',
        applicant: A,
        args: {
          system: 'MES',
          column: '登录页截图',
          otherSystem: 'ERP',
          otherPlace: `${A}/${SYSTEMS_FILE} · ${SYSTEMS_SHEET}!${systemCell(0, 'login')}`,
        },
        location: { file: `${A}/${SYSTEMS_FILE}`, sheet: SYSTEMS_SHEET, cell: systemCell(1, 'login') },
      }),
    ]);
  });

  it('does not count one system listed under two indicators as reuse', async () => {
    const a = pack({
      id: A,
      files: systemFiles('SRM', 5),
      systems: [system('business.supplyChain', 'SRM'), system('collaboration.systems', 'SRM')],
    });
    expect(await run(screenshotReuseCheck, a)).toEqual([]);
  });

  it('warns both applicants when they sent the same screenshot, each naming the other', async () => {
    const a = twoSystems(A, { ...systemFiles('ERP', 1), ...systemFiles('MES', 2) });
    const b = twoSystems(B, { ...systemFiles('ERP', 3), ...systemFiles('MES', 4), '截图/MES-主页.jpg': systemFiles('ERP', 1)['截图/ERP-主页.jpg']! });
    const found = await run(screenshotReuseCheck, a, b);
    expect(found.map((f) => [f.code, f.applicant, f.city, f.args.system, f.args.otherApplicant, f.args.otherPlace])).toEqual([
      ['SCREENSHOT_SHARED_ACROSS_APPLICANTS', A, '杭州市', 'ERP', B, `${B}/${SYSTEMS_FILE} · ${SYSTEMS_SHEET}!${systemCell(1, 'main')}`],
      ['SCREENSHOT_SHARED_ACROSS_APPLICANTS', B, '宁波市', 'MES', A, `${A}/${SYSTEMS_FILE} · ${SYSTEMS_SHEET}!${systemCell(0, 'main')}`],
    ]);
  });

  it('leaves empty files to the image check rather than calling them copies', async () => {
    const empty = new Uint8Array(0);
    const a = twoSystems(A, { '截图/ERP-登录页.png': empty, '截图/ERP-主页.jpg': screenshot(1), '截图/MES-登录页.png': empty, '截图/MES-主页.jpg': screenshot(2) });
    const b = twoSystems(B, { '截图/ERP-登录页.png': empty, ...systemFiles('MES', 9), '截图/ERP-主页.jpg': screenshot(3) });
    expect(codesOf(await run(screenshotReuseCheck, a, b))).toEqual([]);
  });
});
