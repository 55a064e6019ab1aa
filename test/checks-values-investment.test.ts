import { describe, expect, it } from 'vitest';
import { runCheck } from '../src/validate/check.js';
import { investmentCheck } from '../src/validate/checks/values/investment.js';
import { a2RowOf, city, contextOf, pack, submission, type PackOptions } from './checks-values-helpers.js';

const run = async (opts: PackOptions) => runCheck(investmentCheck, await contextOf(submission([city('杭州市', [pack(opts)])])));

describe('investment', () => {
  it('finds nothing when A1 and A2 agree', async () => {
    expect(await run({})).toEqual([]);
  });

  it('reports a differing cloud investment at the A2 N cell, as an error on investment.cloud', async () => {
    const findings = await run({ a1: { cloudInvestment3y: 150 } });
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'A1_A2_INVESTMENT_MISMATCH',
        severity: 'error',
        indicator: 'investment.cloud',
        args: expect.objectContaining({ part: 'N', a1: '150', a2: '120', field: '近三年上云投入（万元）' }),
        location: expect.objectContaining({ cell: `D${a2RowOf('investment.cloud')}` }),
      }),
    ]);
    expect(findings[0]!.args.a1Place).toContain('附件1-申报表.xlsx');
  });

  it('reports a differing IT investment at the A2 M cell', async () => {
    const findings = await run({ a2: { nm: { 'investment.cloud': [120, 401] } } });
    expect(findings.map((f) => [f.args.part, f.location?.cell])).toEqual([['M', `E${a2RowOf('investment.cloud')}`]]);
  });

  it('treats a float tail from unit conversion as the same amount', async () => {
    expect(await run({ a1: { cloudInvestment3y: 0.1 + 0.2 }, a2: { nm: { 'investment.cloud': [0.3, 400] } } })).toEqual([]);
  });

  it('skips a side that is missing', async () => {
    expect(await run({ a1: { itInvestment3y: null } })).toEqual([]);
    expect(await run({ noA2: true })).toEqual([]);
  });
});
