import { defineCheck } from '../../check.js';
import { indicatorValues } from '../../../score/indicatorValues.js';
import { toNumber } from '../../../score/decimal.js';
import type { ApplicantPack } from '../../../model/records.js';
import type { IndicatorKey } from '../../../model/indicators.js';
import { median } from '../../../util/median.js';
import { robustZ } from './robustZ.js';

/** Below this many positive values a province-wide distribution says little. */
const MIN_POPULATION = 8;

/**
 * A hint for reviewers, never a score change: an N far outside the province's distribution (robust
 * z-score of log N above the rules' threshold), and storage or devices per employee far beyond the
 * province median. Each finding says what was compared.
 */
export const valueOutliersCheck = defineCheck({
  id: 'outliers.valueOutliers',
  description: '与全省分布相比异常的数值（供评审参考，不影响得分）',
  notice: '四、（三）「申报企业对填报内容和数据真实性负责」（异常数值供评审核实，不影响得分）',
  codes: {
    OUTLIER_VALUE: {
      severity: 'info',
      zh: '{indicator}的 N（{n}）明显{direction}{scope}同类企业（中位数 {median}，相差约 {times} 倍），请核实',
      en: '{indicatorEn}: N ({n}) is far {directionEn} similar applicants {scopeEn} (median {median}; a factor of about {times}); please check',
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
        if (Math.abs(z) > rules.outliers.robustZ) {
          // The test is on logs (a robust z-score); the words say what it means: how many times the median.
          const med = Math.exp(stats.median);
          const ratio = e.n > med ? e.n / med : med / e.n;
          report(
            'OUTLIER_VALUE',
            {
              indicator: ind.name,
              indicatorEn: ind.nameEn,
              n: e.n,
              median: med,
              // A city checking its own packs compares them with each other, not with the province.
              scope: submission.kind === 'province' ? '全省' : '本市',
              scopeEn: submission.kind === 'province' ? 'in the province' : 'in the city',
              direction: e.n > med ? '高于' : '低于',
              directionEn: e.n > med ? 'above' : 'below',
              // 「约 12 倍」: a whole number reads as the estimate it is; below 2 a decimal still says something.
              times: ratio >= 2 ? Math.round(ratio) : Math.round(ratio * 10) / 10,
              z,
              threshold: rules.outliers.robustZ,
            },
            e.loc,
            { applicant: e.p },
          );
        }
      }
      if (ind.perEmployeeOutlier) perEmployee(ind.key, ind.name, entries);
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
