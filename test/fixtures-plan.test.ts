import { SYSTEM_KEYS as SYSTEM_COUNT_KEYS } from './builders.js';
import { describe, expect, it } from 'vitest';
import { INDICATOR_KEYS } from '../src/model/indicators.js';
import { ZHEJIANG } from '../src/data/zhejiang.js';
import { creditCodeCheckChar, isValidCreditCode } from '../src/util/creditCode.js';
import { makeCreditCode } from '../src/fixtures/creditCode.js';
import { createRandom } from '../src/fixtures/random.js';
import {
  DEFAULT_PLAN_OPTIONS,
  DEFECT_CODES,
  applicantsOf,
  planProvince,
  type ApplicantPlan,
} from '../src/fixtures/province.js';

const plan = planProvince(DEFAULT_PLAN_OPTIONS);
const all = applicantsOf(plan);
const clean = all.filter((a) => a.defects.length === 0);

// The system-count indicators scored on their own N and M (系统协同's M is derived from the others).
const SYSTEM_KEYS = SYSTEM_COUNT_KEYS.filter((k) => k !== 'collaboration.systems');

function sumOfAmounts(a: ApplicantPlan): number {
  return a.products.reduce((s, p) => s + Number(p.amount), 0);
}

describe('seeded random numbers', () => {
  it('repeats the same sequence for the same seed and a different one for another seed', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRandom(seed).next);
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('gives forks their own streams that do not depend on draws made before', () => {
    const a = createRandom(1);
    const b = createRandom(1);
    b.next();
    expect(a.fork('x').next()).toBe(b.fork('x').next());
    expect(a.fork('x').next()).not.toBe(a.fork('y').next());
  });
});

describe('credit codes', () => {
  it('computes the GB 32100-2015 check character of the standard example', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('makes codes the validator accepts, in the given division', () => {
    const rng = createRandom(3);
    for (let i = 0; i < 500; i++) {
      const code = makeCreditCode(rng, '330110');
      expect(code.slice(0, 8)).toBe('91330110');
      expect(isValidCreditCode(code)).toBe(true);
    }
  });
});

describe('planProvince', () => {
  it('gives the same plan for the same options and another for another seed', () => {
    expect(JSON.stringify(planProvince(DEFAULT_PLAN_OPTIONS))).toBe(JSON.stringify(plan));
    expect(JSON.stringify(planProvince({ ...DEFAULT_PLAN_OPTIONS, seed: 1 }))).not.toBe(JSON.stringify(plan));
  });

  it('has the 11 cities and 44 applicants, four per city, by default', () => {
    expect(plan.cities.map((c) => c.city).sort()).toEqual(ZHEJIANG.map((c) => c.city).sort());
    expect(all.length).toBe(44);
    expect(all.length).toBeGreaterThanOrEqual(40);
    for (const c of plan.cities) expect(c.applicants.length).toBe(4);
  });

  it('spreads any number of applicants over the cities', () => {
    const big = planProvince({ applicants: 500, seed: 5, defects: false });
    const counts = big.cities.map((c) => c.applicants.length);
    expect(counts.reduce((s, n) => s + n, 0)).toBe(500);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(new Set(applicantsOf(big).map((a) => a.name)).size).toBe(500);
  });

  it('gives every applicant a credit code with a valid check character', () => {
    for (const a of all) {
      expect(isValidCreditCode(a.creditCode), a.creditCode).toBe(true);
      expect(a.a1.creditCode).toBe(a.creditCode);
    }
  });

  it('names enterprises after their city and includes the rare characters 喆 堃 昇', () => {
    const names = all.map((a) => a.name).join('');
    for (const ch of ['喆', '堃', '昇']) expect(names).toContain(ch);
    for (const a of clean) {
      expect(a.name.startsWith(a.city.replace(/市$/, ''))).toBe(true);
      expect(a.name).toMatch(/(股份)?有限公司$/);
    }
  });

  it('registers clean applicants at an address inside their own city and district', () => {
    for (const a of clean) {
      const districts = ZHEJIANG.find((c) => c.city === a.city)!.districts;
      expect(districts).toContain(a.district);
      expect(String(a.a1.registeredAddress).startsWith(`浙江省${a.city}${a.district}`)).toBe(true);
    }
  });

  it('keeps at least 30 applicants clean', () => {
    expect(clean.length).toBeGreaterThanOrEqual(30);
  });

  it('has N ≤ M on every indicator of a clean applicant', () => {
    for (const a of clean)
      for (const key of INDICATOR_KEYS) {
        const { n, m } = a.truth.indicators[key];
        expect(n, `${a.id} ${key}`).toBeLessThanOrEqual(m);
        expect(n).toBeGreaterThanOrEqual(0);
      }
  });

  it('lists exactly N cloud systems and M systems per system-count indicator of a clean applicant', () => {
    for (const a of clean) {
      for (const key of SYSTEM_KEYS) {
        const rows = a.systems.filter((s) => s.indicator === key);
        const { n, m } = a.truth.indicators[key];
        expect(rows.filter((s) => s.onCloud === '是').length, `${a.id} ${key}`).toBe(n);
        expect(rows.length, `${a.id} ${key}`).toBe(m);
      }
      const collab = a.systems.filter((s) => s.indicator === 'collaboration.systems');
      expect(collab.length).toBe(a.truth.indicators['collaboration.systems'].n);
    }
  });

  it('gives every cloud system a provider, a description and two distinct screenshot files that exist', () => {
    for (const a of clean) {
      const files = new Set(a.evidence.map((e) => e.path));
      for (const s of a.systems.filter((x) => x.onCloud === '是')) {
        expect(s.provider).toBeTruthy();
        expect(s.description).toBeTruthy();
        expect(s.loginScreenshot).not.toBe(s.mainScreenshot);
        expect(files.has(`证明材料/${s.loginScreenshot}`)).toBe(true);
        expect(files.has(`证明材料/${s.mainScreenshot}`)).toBe(true);
      }
    }
  });

  it('keeps collaborating systems within the cloud business systems', () => {
    for (const a of clean) {
      const t = a.truth.indicators;
      const sum = t['business.rnd'].n + t['business.production'].n + t['business.supplyChain'].n + t['business.marketing'].n + t['business.other'].n;
      expect(t['collaboration.systems'].m).toBe(sum);
      expect(a.a2!.indicators['collaboration.systems']).toEqual({ n: t['collaboration.systems'].n });
    }
  });

  it('keeps products within the cloud investment, with a 2020 security and database row when those N > 0', () => {
    for (const a of clean) {
      const inv = a.truth.indicators['investment.cloud'];
      expect(sumOfAmounts(a)).toBeLessThanOrEqual(inv.n);
      for (const [key, category] of [['infra.security', '安全'], ['infra.database', '数据库']] as const) {
        const rows = a.products.filter((p) => p.category === category);
        if (a.truth.indicators[key].n > 0) {
          expect(rows.length, `${a.id} ${category}`).toBe(1);
          expect(String(rows[0]!.period).startsWith('2020-')).toBe(true);
        } else expect(rows.length).toBe(0);
      }
      const files = new Set(a.evidence.map((e) => e.path));
      for (const p of a.products) {
        expect(files.has(`证明材料/${p.contractFile}`)).toBe(true);
        expect(files.has(`证明材料/${p.invoiceFile}`)).toBe(true);
      }
    }
  });

  it('copies A1 investments into A2 investment.cloud and into the city A3 row', () => {
    for (const city of plan.cities)
      for (const a of city.applicants.filter((x) => x.defects.length === 0)) {
        const inv = a.truth.indicators['investment.cloud'];
        expect(a.a2!.indicators['investment.cloud']).toEqual({ n: inv.n, m: inv.m });
        const row = city.a3.find((r) => r.enterpriseName === a.name)!;
        expect(row).toBeDefined();
        expect(row).toMatchObject({ cloudInvestment3y: inv.n, itInvestment3y: inv.m, itLead: a.itLead, phone: a.itLeadPhone });
      }
  });

  it('numbers each city A3 from 1 without gaps', () => {
    for (const city of plan.cities) expect(city.a3.map((r) => r.seq)).toEqual(city.a3.map((_, i) => i + 1));
  });

  it('places each listed defect exactly once, each on its own applicant', () => {
    const codes = plan.defects.map((d) => d.code).sort();
    expect(codes).toEqual([...DEFECT_CODES].sort());
    expect(new Set(plan.defects.map((d) => d.applicant)).size).toBe(plan.defects.length);
    for (const d of plan.defects) {
      if (d.code === 'A3_ROW_WITHOUT_PACK') {
        expect(all.some((a) => a.id === d.applicant)).toBe(false);
        expect(plan.cities.find((c) => c.city === d.city)!.a3.some((r) => `${d.city}/${r.enterpriseName}` === d.applicant)).toBe(true);
      } else expect(all.find((a) => a.id === d.applicant)!.defects).toContain(d.code);
    }
  });

  it('makes each defect what it claims to be', () => {
    const on = (code: string) => all.find((a) => a.id === plan.defects.find((d) => d.code === code)!.applicant)!;
    const nm = on('N_GREATER_THAN_M').truth.indicators['management.devices'];
    expect(nm.n).toBeGreaterThan(nm.m);
    expect(on('VALUE_NOT_NUMBER').a2!.indicators['business.production']!.m).toBe('约二十');
    expect(on('A2_MISSING').a2).toBeNull();
    expect(String(on('ADDRESS_OUTSIDE_ZJ').a1.registeredAddress)).toMatch(/^上海市/);
    expect(on('PACK_WITHOUT_A3_ROW').inA3).toBe(false);
    const dup = on('DUPLICATE_ENTERPRISE');
    const original = all.filter((a) => a.creditCode === dup.creditCode);
    expect(original.length).toBe(2);
    expect(new Set(original.map((a) => a.city)).size).toBe(2);
    expect(new Set(original.map((a) => a.name)).size).toBe(1);

    const missing = plan.defects.find((d) => d.code === 'SCREENSHOT_MISSING')!;
    expect(on('SCREENSHOT_MISSING').evidence.some((e) => e.path === missing.path)).toBe(false);
    const notImage = plan.defects.find((d) => d.code === 'SCREENSHOT_NOT_IMAGE')!;
    expect(on('SCREENSHOT_NOT_IMAGE').evidence.find((e) => e.path === notImage.path)!.kind).toBe('textAsPng');

    const mismatch = plan.defects.find((d) => d.code === 'SYSTEM_COUNT_MISMATCH')!;
    const m = on('SYSTEM_COUNT_MISMATCH');
    const cloudRows = m.systems.filter((s) => s.indicator === mismatch.indicator && s.onCloud === '是').length;
    expect(cloudRows).toBe(m.truth.indicators[mismatch.indicator!].n - 1);

    const shared = plan.defects.find((d) => d.code === 'SCREENSHOT_SHARED_ACROSS_APPLICANTS')!;
    const mine = on('SCREENSHOT_SHARED_ACROSS_APPLICANTS').evidence.find((e) => e.path === shared.path)!;
    const theirs = all.find((a) => a.id === shared.related![0])!.evidence;
    expect(theirs.some((e) => e.seed === mine.seed && e.kind === mine.kind)).toBe(true);
  });

  it('gives every other evidence file its own seed, so no two files share bytes by accident', () => {
    const shared = plan.defects.find((d) => d.code === 'SCREENSHOT_SHARED_ACROSS_APPLICANTS')!;
    const seeds = all.flatMap((a) => a.evidence.filter((e) => !(a.id === shared.applicant && e.path === shared.path)).map((e) => e.seed));
    expect(new Set(seeds).size).toBe(seeds.length);
  });

  it('types some clean values with units, separators and full-width digits, and one combined workbook', () => {
    const typed = clean.flatMap((a) => a.formats).join('\n');
    for (const text of ['12.5TB', '500GB', '万元', '「无」', '全角']) expect(typed).toContain(text);
    expect(clean.filter((a) => a.layout === 'combined').length).toBe(1);
  });

  it('places no defects when asked for none', () => {
    const p = planProvince({ ...DEFAULT_PLAN_OPTIONS, defects: false });
    expect(p.defects).toEqual([]);
    expect(applicantsOf(p).every((a) => a.defects.length === 0 && a.inA3 && a.a2 !== null)).toBe(true);
  });

  it('refuses too few applicants to give every defect its own', () => {
    expect(() => planProvince({ applicants: 10, seed: 1, defects: true })).toThrow(/at least/);
  });
});
