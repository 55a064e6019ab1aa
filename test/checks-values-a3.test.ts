import { describe, expect, it } from 'vitest';
import { runCheck } from '../src/validate/check.js';
import { a3ConsistencyCheck } from '../src/validate/checks/values/a3Consistency.js';
import { A3_SHEET, a3Record, a3RowFor, city, contextOf, pack, submission } from './checks-values-helpers.js';
import type { ApplicantPack, A3Row } from '../src/model/records.js';

const A = () => pack({ a1: { enterpriseName: '杭州甲科技有限公司' } });
const B = () => pack({ a1: { enterpriseName: '杭州乙（集团）股份有限公司', itLead: '王五', itLeadPhone: '13900001111' } });

async function run(packs: ApplicantPack[], rows: (packs: ApplicantPack[]) => A3Row[]) {
  const c = city('杭州市', packs, a3Record('杭州市', rows(packs)));
  return runCheck(a3ConsistencyCheck, await contextOf(submission([c])));
}

describe('a3Consistency', () => {
  it('finds nothing when the table copies the packs in order', async () => {
    expect(await run([A(), B()], ([a, b]) => [a3RowFor('杭州市', a!, 1, 0), a3RowFor('杭州市', b!, 2, 1)])).toEqual([]);
  });

  it('matches names across spaces, bracket styles and full-width letters', async () => {
    const findings = await run([B()], ([b]) => [a3RowFor('杭州市', b!, 1, 0, { enterpriseName: '杭州乙 (集团) 股份有限公司' })]);
    expect(findings).toEqual([]);
  });

  it('warns about each figure that differs from A1, at the A3 cell', async () => {
    const findings = await run([A()], ([a]) => [
      a3RowFor('杭州市', a!, 1, 0, { salesLastYear: 5100, cloudInvestment3y: 12, itLead: '赵六', phone: '13700000000' }),
    ]);
    expect(findings.map((f) => [f.code, f.severity, f.args.field, f.args.a3, f.args.a1, f.location?.cell])).toEqual([
      ['A3_FIELD_MISMATCH', 'warning', '上年度销售收入（万元）', '5100', '5000', 'E4'],
      ['A3_FIELD_MISMATCH', 'warning', '近三年上云投入（万元）', '12', '120', 'H4'],
      ['A3_FIELD_MISMATCH', 'warning', '信息化负责人', '赵六', '李四', 'I4'],
      ['A3_FIELD_MISMATCH', 'warning', '联系电话（信息化负责人）', '13700000000', '0571-88886666', 'J4'],
    ]);
    expect(findings[0]).toMatchObject({ applicant: '杭州市/杭州甲科技有限公司', city: '杭州市' });
    expect(findings[0]!.args.a1Place).toContain('附件1-申报表.xlsx');
  });

  it("accepts the legal representative's phone and phones written differently", async () => {
    const findings = await run([A()], ([a]) => [a3RowFor('杭州市', a!, 1, 0, { phone: '138 1234 5678' })]);
    expect(findings).toEqual([]);
    expect(await run([A()], ([a]) => [a3RowFor('杭州市', a!, 1, 0, { phone: '057188886666' })])).toEqual([]);
  });

  it('reports a row without a pack at its name cell, and a pack without a row', async () => {
    const findings = await run([A(), B()], ([a]) => [
      a3RowFor('杭州市', a!, 1, 0),
      a3RowFor('杭州市', null, 2, 1, { enterpriseName: '杭州丙有限公司' }),
    ]);
    expect(findings.map((f) => [f.code, f.args.name, f.location?.cell, f.applicant])).toEqual([
      ['A3_ROW_WITHOUT_PACK', '杭州丙有限公司', 'C5', undefined],
      ['PACK_WITHOUT_A3_ROW', '杭州乙（集团）股份有限公司', undefined, '杭州市/杭州乙（集团）股份有限公司'],
    ]);
    expect(findings[1]!.location).toEqual({ file: '杭州市/附件3-推荐排序表.xlsx', sheet: A3_SHEET });
  });

  it('matches a pack without A1 by its folder name', async () => {
    const p = pack({ folder: '杭州丁有限公司', noA1: true });
    expect(await run([p], () => [a3RowFor('杭州市', null, 1, 0, { enterpriseName: '杭州丁有限公司' })])).toEqual([]);
  });

  it('reports an enterprise listed twice at the second row', async () => {
    const findings = await run([A()], ([a]) => [a3RowFor('杭州市', a!, 1, 0), a3RowFor('杭州市', a!, 2, 1)]);
    expect(findings.map((f) => [f.code, f.args.otherRow, f.location?.cell])).toEqual([['A3_ROW_DUPLICATE', 4, 'C5']]);
  });

  it('reports duplicate and missing numbers of the order, at the first bad 序号', async () => {
    const findings = await run([A(), B(), pack({ a1: { enterpriseName: '杭州戊有限公司' } })], ([a, b, c]) => [
      a3RowFor('杭州市', a!, 1, 0),
      a3RowFor('杭州市', b!, 1, 1),
      a3RowFor('杭州市', c!, 4, 2),
    ]);
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'A3_SEQ_INVALID',
        severity: 'error',
        city: '杭州市',
        args: { count: 3, duplicates: '1', missing: '2、3', invalid: '4' },
        location: expect.objectContaining({ cell: 'A5' }),
      }),
    ]);
  });

  it('reports an empty 序号 as invalid', async () => {
    const findings = await run([A()], ([a]) => [a3RowFor('杭州市', a!, null, 0)]);
    expect(findings.map((f) => [f.code, f.args.invalid, f.args.missing, f.location?.cell])).toEqual([['A3_SEQ_INVALID', '第4行空', '1', 'A4']]);
  });
});
