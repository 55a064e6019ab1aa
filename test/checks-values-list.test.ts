import { describe, expect, it } from 'vitest';
import { runCheck, type Check } from '../src/validate/check.js';
import { valueChecks } from '../src/validate/checks/values/index.js';
import { city, contextOf, pack, submission } from './checks-values-helpers.js';

describe('valueChecks', () => {
  it('defines every code once, with both languages and a fix', () => {
    const codes = valueChecks.flatMap((c) => Object.entries(c.codes));
    expect(new Set(codes.map(([code]) => code)).size).toBe(codes.length);
    for (const [code, meta] of codes) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      for (const text of [meta.zh, meta.en, meta.fixZh, meta.fixEn]) expect(text.length).toBeGreaterThan(0);
    }
  });

  it('uses the same placeholders in the Chinese and English messages', () => {
    // {fieldEn} in English stands where {field} stands in Chinese.
    const names = (t: string) => [...new Set([...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!.replace(/En$/, '')))].sort();
    for (const check of valueChecks)
      for (const [code, meta] of Object.entries(check.codes))
        expect([code, names(meta.en)]).toEqual([code, names(meta.zh)]);
  });

  it('finds nothing in a clean province of two cities', async () => {
    const sub = submission([
      city('杭州市', [pack()]),
      city('宁波市', [pack({ city: '宁波市', a1: { enterpriseName: '宁波某某有限公司', registeredAddress: '浙江省宁波市鄞州区' } })]),
    ]);
    const ctx = await contextOf(sub);
    expect(valueChecks.flatMap((c: Check<any>) => runCheck(c, ctx))).toEqual([]);
  });
});
