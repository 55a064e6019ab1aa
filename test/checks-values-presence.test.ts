import { describe, expect, it } from 'vitest';
import { runCheck } from '../src/validate/check.js';
import { presenceCheck } from '../src/validate/checks/values/presence.js';
import { A1_FILE, A1_SHEET, a1CellOf, city, contextOf, pack, submission } from './checks-values-helpers.js';

const run = async (sub: Parameters<typeof contextOf>[0]) => runCheck(presenceCheck, await contextOf(sub));

describe('presence', () => {
  it('finds nothing in a complete city', async () => {
    expect(await run(submission([city('杭州市', [pack()])]))).toEqual([]);
  });

  it('reports a missing A1 and A2 at the applicant folder', async () => {
    const p = pack({ noA1: true, noA2: true, folder: '某某公司' });
    const findings = await run(submission([city('杭州市', [p], null)], 'city'));
    expect(findings.filter((f) => f.applicant).map((f) => [f.code, f.location?.file, f.applicant, f.city])).toEqual([
      ['A1_MISSING', '杭州市/某某公司', '杭州市/某某公司', '杭州市'],
      ['A2_MISSING', '杭州市/某某公司', '杭州市/某某公司', '杭州市'],
    ]);
  });

  it('reports a city without its ranking table', async () => {
    const findings = await run(submission([city('宁波市', [pack({ city: '宁波市' })], null)]));
    expect(findings).toEqual([
      expect.objectContaining({ code: 'A3_MISSING', severity: 'error', city: '宁波市', location: { file: '宁波市' } }),
    ]);
  });

  it('does not ask a lone applicant folder for a ranking table', async () => {
    const lone = city('', [pack({ city: '' })], null);
    expect(await run(submission([lone], 'applicant'))).toEqual([]);
  });

  it('reports each extra ranking table at its file', async () => {
    const c = city('杭州市', [pack()]);
    c.extraA3Files = ['杭州市/推荐排序表(旧).xlsx'];
    expect(await run(submission([c]))).toEqual([
      expect.objectContaining({
        code: 'A3_MULTIPLE',
        args: { used: '杭州市/附件3-推荐排序表.xlsx' },
        location: { file: '杭州市/推荐排序表(旧).xlsx' },
      }),
    ]);
  });

  it('reports an empty required field at its value cell', async () => {
    const p = pack({ a1: { mainBusiness: '  ', salesLastYear: null } });
    const findings = await run(submission([city('杭州市', [p])]));
    expect(findings.map((f) => [f.code, f.args.field, f.location?.cell])).toEqual([
      ['REQUIRED_FIELD_EMPTY', '主营业务', a1CellOf('mainBusiness')],
      ['REQUIRED_FIELD_EMPTY', '上年度销售收入（万元）', a1CellOf('salesLastYear')],
    ]);
    expect(findings[0]).toMatchObject({ applicant: p.id, location: { file: `${p.id}/${A1_FILE}`, sheet: A1_SHEET } });
  });

  it('points at the form when a required label is missing altogether', async () => {
    const p = pack({ a1Omit: ['itLead'] });
    expect(await run(submission([city('杭州市', [p])]))).toEqual([
      expect.objectContaining({
        code: 'REQUIRED_FIELD_EMPTY',
        args: { field: '信息化负责人', fieldEn: 'IT lead' },
        location: { file: `${p.id}/${A1_FILE}`, sheet: A1_SHEET },
      }),
    ]);
  });

  it('leaves the optional suggestions and credit code alone', async () => {
    const p = pack({ a1: { suggestions: null, creditCode: null }, a1Omit: ['creditCode'] });
    expect(await run(submission([city('杭州市', [p])]))).toEqual([]);
  });

  it('does not call a typed but unreadable number empty', async () => {
    const p = pack({ a1: { employees: null }, a1Raw: { employees: '约三百人' } });
    expect(await run(submission([city('杭州市', [p])]))).toEqual([]);
  });
});
