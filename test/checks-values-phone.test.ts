import { describe, expect, it } from 'vitest';
import { runCheck } from '../src/validate/check.js';
import { isValidPhone, phoneCheck } from '../src/validate/checks/values/phone.js';
import { a1CellOf, a3Record, a3RowFor, city, contextOf, pack, submission } from './checks-values-helpers.js';

describe('isValidPhone', () => {
  it.each([
    '13812345678',
    '138 1234 5678',
    '１３８１２３４５６７８',
    '+86 13812345678',
    '0571-88886666',
    '057188886666',
    '0571-8888666',
    '010-12345678',
    '0571-88886666-8001',
    '(0571)88886666',
    '0571-88886666/13812345678',
  ])('accepts %s', (p) => {
    expect(isValidPhone(p)).toBe(true);
  });

  it.each(['12345678', '1381234567', '12812345678', '88886666', '0571-123', 'abc', '138123456789'])('rejects %s', (p) => {
    expect(isValidPhone(p)).toBe(false);
  });
});

describe('phone', () => {
  it('finds nothing for valid numbers', async () => {
    expect(runCheck(phoneCheck, await contextOf(submission([city('杭州市', [pack()])])))).toEqual([]);
  });

  it('warns about an invalid A1 phone at its cell', async () => {
    const p = pack({ a1: { itLeadPhone: '8888666' } });
    const findings = runCheck(phoneCheck, await contextOf(submission([city('杭州市', [p], null)])));
    expect(findings).toEqual([
      {
        code: 'PHONE_INVALID',
        severity: 'warning',
        args: { field: '联系电话（信息化负责人）', fieldEn: 'Phone (IT lead)', value: '8888666' },
        location: expect.objectContaining({ cell: a1CellOf('itLeadPhone') }),
        applicant: p.id,
        city: '杭州市',
      },
    ]);
  });

  it('warns about an invalid phone in the ranking table at its cell', async () => {
    const p = pack();
    const c = city('杭州市', [p], a3Record('杭州市', [a3RowFor('杭州市', p, 1, 0, { phone: '0571-888' })]));
    expect(runCheck(phoneCheck, await contextOf(submission([c])))).toEqual([
      expect.objectContaining({ code: 'PHONE_INVALID', city: '杭州市', location: expect.objectContaining({ cell: 'J4' }) }),
    ]);
  });

  it('leaves an empty phone to the presence check', async () => {
    const p = pack({ a1: { legalPhone: null } });
    expect(runCheck(phoneCheck, await contextOf(submission([city('杭州市', [p])])))).toEqual([]);
  });
});
