import { describe, expect, it, beforeAll } from 'vitest';
import { loadRules } from '../src/rules/load.js';
import type { Rules } from '../src/rules/schema.js';
import type { ApplicantPack, Submission } from '../src/model/records.js';
import { runCheck } from '../src/validate/check.js';
import { valueOutliersCheck } from '../src/validate/checks/outliers/valueOutliers.js';
import { median } from '../src/util/median.js';
import { robustZ } from '../src/validate/checks/outliers/robustZ.js';
import { renderMessage } from '../src/report/catalogue.js';

let rules: Rules;
beforeAll(async () => {
  rules = await loadRules();
});

function pack(i: number, storageN: number, employees: number): ApplicantPack {
  const file = `杭州市/企业${i}/附件2.xlsx`;
  return {
    id: `杭州市/企业${i}`,
    city: '杭州市',
    folderName: `企业${i}`,
    evidence: [],
    files: [],
    findings: [],
    a1: { file, sheet: '申报表', fields: { employees: { value: employees, loc: { file, sheet: '申报表', cell: 'B5' } } } },
    a2: {
      file,
      sheet: '评估表',
      indicators: {
        'infra.storage': {
          key: 'infra.storage',
          n: { value: storageN, loc: { file, sheet: '评估表', cell: 'D4' } },
          m: { value: storageN * 2, loc: { file, sheet: '评估表', cell: 'E4' } },
        },
      },
    },
  };
}

const province = (packs: ApplicantPack[]): Submission => ({
  root: 'x',
  kind: 'province',
  findings: [],
  cities: [{ name: '杭州市', id: '杭州市', applicants: packs, findings: [] }],
});

describe('outlier flags', () => {
  it('computes a robust z-score by hand: values 1..9, median 5, MAD 2, z(20) = 0.6745 × 15 / 2 = 5.05875', () => {
    const s = robustZ([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(s.median).toBe(5);
    expect(s.mad).toBe(2); // |x − 5| = 4 3 2 1 0 1 2 3 4 → median 2
    expect(s.z(20)).toBeCloseTo(5.05875, 10);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('flags a storage N far outside the province (log scale) at its cell, as info only', () => {
    // Nine applicants store 8–12 TB; one claims 50,000 TB.
    const packs = [8, 9, 10, 10, 11, 12, 9, 10, 11].map((n, i) => pack(i, n, 100));
    packs.push(pack(99, 50_000, 100));
    const findings = runCheck(valueOutliersCheck, { submission: province(packs), rules });
    const values = findings.filter((f) => f.code === 'OUTLIER_VALUE');
    expect(values.map((f) => f.applicant)).toEqual(['杭州市/企业99']);
    expect(values[0]!.severity).toBe('info');
    expect(values[0]!.location).toMatchObject({ cell: 'D4' });
    expect(values[0]!.indicator).toBeUndefined(); // never a score change
    // The words say what the log-scale test means: how far from the median, in times.
    expect(renderMessage(values[0]!, 'zh')).toBe('云存储的 N（50000）明显高于全省同类企业（中位数 10，相差约 5000 倍），请核实');
    expect(renderMessage(values[0]!, 'en')).toBe('Cloud storage: N (50000) is far above similar applicants in the province (median 10; a factor of about 5000); please check');
    expect(values[0]!.args).toMatchObject({ n: 50_000, times: 5000 });
    expect(values[0]!.args.median).toBeCloseTo(10, 9); // exp of the median log: exact in the data, 「10」 in the words
    expect(values[0]!.args.z).toBeGreaterThan(rules.outliers.robustZ);
  });

  it('says 本市 when a city checks its own packs, and 低于 for a value far below', () => {
    const packs = [8, 9, 10, 10, 11, 12, 9, 10, 11].map((n, i) => pack(i, n, 100));
    packs.push(pack(99, 0.01, 100));
    const f = runCheck(valueOutliersCheck, { submission: { ...province(packs), kind: 'city' }, rules }).find((x) => x.code === 'OUTLIER_VALUE')!;
    expect(renderMessage(f, 'zh')).toBe('云存储的 N（0.01）明显低于本市同类企业（中位数 10，相差约 1000 倍），请核实');
  });

  it('warns when storage per employee is over 20 times the province median', () => {
    // 10 TB for 100 staff = 0.1 TB each; 300 TB for 10 staff = 30 TB each (300 × the median).
    const packs = [10, 10, 10, 10, 10, 10, 10, 10].map((n, i) => pack(i, n, 100));
    packs.push(pack(50, 300, 10));
    const findings = runCheck(valueOutliersCheck, { submission: province(packs), rules });
    const per = findings.filter((f) => f.code === 'OUTLIER_PER_EMPLOYEE');
    expect(per).toHaveLength(1);
    expect(per[0]!.args).toMatchObject({ perEmployee: '30', employees: 10, median: '0.1' });
  });

  it('compares per employee only the indicators the rules file marks perEmployeeOutlier', () => {
    const packs = [10, 10, 10, 10, 10, 10, 10, 10].map((n, i) => pack(i, n, 100));
    packs.push(pack(50, 300, 10));
    const unmarked = { ...rules, indicators: rules.indicators.map(({ perEmployeeOutlier: _, ...i }) => i) };
    const findings = runCheck(valueOutliersCheck, { submission: province(packs), rules: unmarked });
    expect(findings.filter((f) => f.code === 'OUTLIER_PER_EMPLOYEE')).toEqual([]);
  });

  it('says nothing about a small province where a distribution means little', () => {
    const packs = [1, 1000].map((n, i) => pack(i, n, 100));
    expect(runCheck(valueOutliersCheck, { submission: province(packs), rules })).toEqual([]);
  });
});
