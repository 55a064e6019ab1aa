import { describe, expect, it } from 'vitest';
import { runCheck } from '../src/validate/check.js';
import { numbersCheck } from '../src/validate/checks/values/numbers.js';
import { a1CellOf, a2RowOf, city, contextOf, pack, submission, type PackOptions } from './checks-values-helpers.js';

const run = async (opts: PackOptions) => runCheck(numbersCheck, await contextOf(submission([city('杭州市', [pack(opts)])])));

describe('numbers', () => {
  it('finds nothing in valid forms', async () => {
    expect(await run({})).toEqual([]);
  });

  it('reports N greater than M at the N cell with the indicator', async () => {
    const [f, ...rest] = await run({ a2: { nm: { 'business.rnd': [5, 3] } } });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      code: 'N_GREATER_THAN_M',
      severity: 'error',
      indicator: 'business.rnd',
      args: { n: '5', m: '3', indicator: '研发', indicatorEn: 'R&D systems' },
      location: { cell: `D${a2RowOf('business.rnd')}` },
      applicant: '杭州市/杭州云上科技有限公司',
    });
  });

  it('reports M = 0 with N > 0 at the M cell, once', async () => {
    const findings = await run({ a2: { nm: { 'infra.storage': [2.5, 0] } } });
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'M_ZERO_WITH_N',
        indicator: 'infra.storage',
        args: expect.objectContaining({ n: '2.5', m: '0' }),
        location: expect.objectContaining({ cell: `E${a2RowOf('infra.storage')}` }),
      }),
    ]);
  });

  it('accepts N = M = 0', async () => {
    expect(await run({ a2: { nm: { 'business.other': [0, 0] } } })).toEqual([]);
  });

  it('rejects a fractional number of systems or devices', async () => {
    const findings = await run({ a2: { nm: { 'business.production': [2.5, 4], 'management.devices': [10, 20.5] } } });
    expect(findings.map((f) => [f.code, f.indicator, f.location?.cell])).toEqual([
      ['NOT_INTEGER', 'business.production', `D${a2RowOf('business.production')}`],
      ['NOT_INTEGER', 'management.devices', `E${a2RowOf('management.devices')}`],
    ]);
  });

  it('accepts fractional storage and amounts', async () => {
    expect(await run({ a2: { nm: { 'infra.storage': [1.5, 2.25], 'infra.security': [0.5, 1.2] } } })).toEqual([]);
  });

  it('rejects a fractional employee count at its A1 cell', async () => {
    expect(await run({ a1: { employees: 120.5 } })).toEqual([
      expect.objectContaining({ code: 'NOT_INTEGER', args: expect.objectContaining({ field: '员工数量', value: '120.5' }), location: expect.objectContaining({ cell: a1CellOf('employees') }) }),
    ]);
  });

  it('rejects negative amounts but accepts a negative profit', async () => {
    const findings = await run({ a1: { profitLastYear: -50, taxLastYear: -1 }, a2: { nm: { 'infra.database': [-1, 6] } } });
    expect(findings.map((f) => [f.code, f.args.field, f.indicator])).toEqual([
      ['NEGATIVE_VALUE', '上年度纳税总额（万元）', undefined],
      ['NEGATIVE_VALUE', '云数据库 N（云数据库采购费用支出）', 'infra.database'],
    ]);
  });

  it('shows the value as typed when it was converted', async () => {
    const p = pack({ a1: { taxLastYear: -1.2 } });
    p.a1!.fields.taxLastYear!.raw = '-12000元';
    const [f] = runCheck(numbersCheck, await contextOf(submission([city('杭州市', [p])])));
    expect(f?.args.value).toBe('-12000元');
  });

  it('compares server units computed from cores and memory', async () => {
    // cloud (64/4 + 64/16)/2 = 10, all (32/4 + 128/16)/2 = 8
    const findings = await run({ a2: { server: [64, 64, 32, 128] } });
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'N_GREATER_THAN_M',
        indicator: 'infra.server',
        args: expect.objectContaining({ n: '10', m: '8' }),
        location: expect.objectContaining({ cell: `D${a2RowOf('infra.server')}` }),
      }),
    ]);
  });

  it('rejects fractional CPU cores', async () => {
    const findings = await run({ a2: { server: [3.5, 16, 64, 256] } });
    expect(findings.map((f) => [f.code, f.indicator])).toEqual([['NOT_INTEGER', 'infra.server']]);
  });

  it('reports collaborating systems beyond the sum of business systems on cloud', async () => {
    // business N: 2 + 3 + 1 + 1 + 0 = 7
    const findings = await run({ a2: { collaborationN: 8 } });
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'N_GREATER_THAN_M',
        indicator: 'collaboration.systems',
        args: expect.objectContaining({ n: '8', m: '7', indicator: '系统协同' }),
        location: expect.objectContaining({ cell: `D${a2RowOf('collaboration.systems')}` }),
      }),
    ]);
    expect(await run({ a2: { collaborationN: 7 } })).toEqual([]);
  });

  it('skips comparisons when a number is missing', async () => {
    expect(await run({ a2: { nm: { 'infra.storage': [null, 3], 'business.rnd': [null, 2] } } })).toEqual([]);
  });
});
