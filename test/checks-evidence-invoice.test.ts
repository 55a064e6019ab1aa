import { describe, expect, it } from 'vitest';
import { invoiceLastYearCheck } from '../src/validate/checks/evidence/invoiceLastYear.js';
import { runCheck } from '../src/validate/check.js';
import { makePdf } from '../src/util/images.js';
import { a2Cell, codesOf, defaultRules, pack, run, submission } from './checks-evidence-helpers.js';

const pdf = (s: string) => makePdf(s);

describe('evidence.invoiceLastYear', () => {
  it('accepts a file named with the year, the kind and 发票', async () => {
    const p = pack({ declared: { 'infra.security': [10, 20] }, files: { '发票/2020年云安全发票.pdf': pdf('invoice') } });
    expect(await run(invoiceLastYearCheck, p)).toEqual([]);
  });

  it('accepts a dated name such as 20200315 and the kind in the folder name', async () => {
    const p = pack({ declared: { 'infra.database': [5, 5] }, files: { '云数据库/收据20200315.pdf': pdf('receipt') } });
    expect(await run(invoiceLastYearCheck, p)).toEqual([]);
  });

  it('accepts a product-list row of the kind whose period overlaps last year and whose contract is there', async () => {
    const p = pack({
      declared: { 'infra.database': [5, 5] },
      files: { '合同/RDS.pdf': pdf('contract') },
      products: [{ name: '云数据库RDS', category: '数据库', start: '2019-07-01', end: '2021-06-30', contract: '合同/RDS.pdf' }],
    });
    expect(await run(invoiceLastYearCheck, p)).toEqual([]);
  });

  it('marks infra.security unverified when no paper of last year is there, at its N cell', async () => {
    const p = pack({
      declared: { 'infra.security': [10, 20], 'infra.database': [0, 3] },
      files: { '发票/2021年云安全发票.pdf': pdf('this year'), '发票/2020年云服务器发票.pdf': pdf('not security') },
    });
    expect(await run(invoiceLastYearCheck, p)).toEqual([
      expect.objectContaining({
        code: 'INVOICE_LAST_YEAR_MISSING',
        severity: 'error',
        indicator: 'infra.security',
        args: { indicator: '云安全', indicatorEn: 'Cloud security', declared: 10, year: 2020, kind: '安全' },
        location: expect.objectContaining({ cell: a2Cell('infra.security', 'n') }),
      }),
    ]);
  });

  it('does not take a product row outside the year, of another kind, or whose file is missing or empty', async () => {
    const p = pack({
      declared: { 'infra.security': [10, 20] },
      files: { '合同/WAF.pdf': pdf('waf'), '合同/空.pdf': new Uint8Array(0) },
      products: [
        { name: 'Web应用防火墙', category: '安全', start: '2021-01-01', end: '2021-12-31', contract: '合同/WAF.pdf' },
        { name: '云服务器', category: 'IaaS', start: '2020-01-01', end: '2020-12-31', contract: '合同/WAF.pdf' },
        { name: '云安全中心', category: '安全', start: '2020-01-01', end: '2020-12-31', contract: '合同/不存在.pdf' },
        { name: '云防火墙', category: '安全', start: '2020-01-01', end: '2020-12-31', invoice: '合同/空.pdf' },
      ],
    });
    expect(codesOf(await run(invoiceLastYearCheck, p))).toEqual(['INVOICE_LAST_YEAR_MISSING']);
  });

  it('does not read a year inside a longer number such as a contract number', async () => {
    const p = pack({ declared: { 'infra.security': [1, 1] }, files: { '合同/安全合同HT120201.pdf': pdf('x') } });
    expect(codesOf(await run(invoiceLastYearCheck, p))).toEqual(['INVOICE_LAST_YEAR_MISSING']);
  });

  it('takes the year from the rules file', async () => {
    const rules = await defaultRules();
    const p = pack({ declared: { 'infra.security': [1, 1] }, files: { '2021年安全发票.pdf': pdf('x') } });
    const later = { ...rules, periods: { ...rules.periods, lastYear: 2021 } };
    expect(codesOf(runCheck(invoiceLastYearCheck, { submission: submission(p), rules }))).toEqual(['INVOICE_LAST_YEAR_MISSING']);
    expect(runCheck(invoiceLastYearCheck, { submission: submission(p), rules: later })).toEqual([]);
  });
});
