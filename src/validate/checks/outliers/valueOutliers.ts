import { defineCheck } from '../../check.js';
import { indicatorValues } from '../../../score/indicatorValues.js';
import { toNumber } from '../../../score/decimal.js';
import type { ApplicantPack } from '../../../model/records.js';
import type { IndicatorKey } from '../../../model/indicators.js';
import { median, robustZ } from './robustZ.js';

/** Below this many positive values a province-wide distribution says little. */
const MIN_POPULATION = 8;

/**
 * A hint for reviewers, never a score change: an N far outside the province's distribution (robust
 * z-score of log N above the rules' threshold), and storage or devices per employee far beyond the
 * province median. Each finding says what was compared.
 */
export const valueOutlierCheck = defineCheck({
  id: 'value-outliers',
  description: '与全省分布相比异常的数值（供评审参考，不影响得分）',
  codes: {
    OUTLIER_VALUE: {
      severity: 'info',
      zh: '{indicator} 的 N（{n}）远离全省分布：对数稳健 z 值 {z}（全省中位数 {median}，阈值 {threshold}）',
      en: '{indicator} N ({n}) is far from the province’s distribution: robust z of log N {z} (median {median}, threshold {threshold})',
      fixZh: '请评审时核实该数值及单位是否填写正确',
      fixEn: 'Reviewers should check the value and its unit',
    },
    OUTLIER_PER_EMPLOYEE: {
      severity: 'warning',
      zh: '{indicator} 人均 {perEmployee}（N {n} ÷ 员工 {employees} 人），为全省中位数 {median} 的 {factor} 倍以上',
      en: '{indicator} per employee is {perEmployee} (N {n} ÷ {employees} employees), over {factor}× the province median {median}',
      fixZh: '请核实该数值、单位和员工数量',
      fixEn: 'Check the value, its unit and the number of employees',
    },
  },
  run({ submission, rules }, report) {
    const packs: ApplicantPack[] = submission.cities.flatMap((c) => c.applicants);
    const values = new Map(packs.map((p) => [p.id, indicatorValues(p.a2, rules)]));
    const fmt = (x: number) => String(Math.round(x * 100) / 100);
    for (const ind of rules.indicators) {
      if (ind.input === 'ticks') continue; // six categories cannot be an outlier
      const entries = packs.flatMap((p) => {
        const v = values.get(p.id)?.[ind.key];
        const n = v?.n ? toNumber(v.n) : 0;
        return n > 0 ? [{ p, n, loc: v?.nLoc }] : [];
      });
      if (entries.length < MIN_POPULATION) continue;
      const stats = robustZ(entries.map((e) => Math.log(e.n)));
      for (const e of entries) {
        const z = stats.z(Math.log(e.n));
        if (Math.abs(z) > rules.outliers.robustZ)
          report(
            'OUTLIER_VALUE',
            { indicator: ind.name, n: fmt(e.n), z: fmt(z), median: fmt(Math.exp(stats.median)), threshold: rules.outliers.robustZ },
            e.loc,
            { applicant: e.p },
          );
      }
      if (ind.key === 'infra.storage' || ind.key === 'management.devices') perEmployee(ind.key, ind.name, entries);
    }

    function perEmployee(key: IndicatorKey, name: string, entries: { p: ApplicantPack; n: number; loc?: object }[]) {
      const withStaff = entries.flatMap((e) => {
        const employees = e.p.a1?.fields.employees?.value;
        return typeof employees === 'number' && employees > 0 ? [{ ...e, employees, ratio: e.n / employees }] : [];
      });
      if (withStaff.length < MIN_POPULATION) return;
      const med = median(withStaff.map((e) => e.ratio));
      for (const e of withStaff)
        if (med > 0 && e.ratio > rules.outliers.perEmployeeFactor * med)
          report(
            'OUTLIER_PER_EMPLOYEE',
            { indicator: name, perEmployee: fmt(e.ratio), n: fmt(e.n), employees: e.employees, median: fmt(med), factor: rules.outliers.perEmployeeFactor },
            values.get(e.p.id)?.[key]?.nLoc,
            { applicant: e.p },
          );
    }
  },
});
