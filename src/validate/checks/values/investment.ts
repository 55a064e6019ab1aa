/**
 * 附件1 and 附件2 state the same two amounts: 近三年上云投入 is 上云投入's N and 近三年信息化建设和运维投入
 * its M (the rules file's `a1` on that indicator says which fields). When they differ one of them is
 * wrong and the indicator cannot be trusted, so this is an error on the indicator (scored 0,
 * unverified) rather than a warning.
 */
import { defineCheck } from '../../check.js';
import { formatLocation } from '../../../model/location.js';
import { A1_LABELS } from './a1Fields.js';
import { sameAmount, showNumber } from './compare.js';

export const investmentCheck = defineCheck({
  id: 'values.investment',
  description: '附件1 的近三年上云投入、信息化投入与附件2「上云投入」的 N、M 相同',
  notice: '附件2 上云投入「N: 近三年上云总投入」「M: 近三年信息化总投入」，即附件1「近三年上云投入」「近三年信息化建设和运维投入」',
  codes: {
    A1_A2_INVESTMENT_MISMATCH: {
      severity: 'error',
      zh: '附件2 {part}（{a2}）与附件1「{field}」（{a1}，{a1Place}）不一致',
      en: 'Attachment 2 {part} ({a2}) differs from Attachment 1 "{fieldEn}" ({a1}, {a1Place})',
      fixZh: '两表应填写同一金额（万元）：核对后更正其中填错的一处',
      fixEn: 'Both forms must give the same amount (10k CNY): correct the wrong one',
    },
  },
  run({ submission, rules }, report) {
    for (const rule of rules.indicators) {
      const twin = rule.a1;
      if (!twin) continue;
      for (const city of submission.cities)
      for (const pack of city.applicants) {
        const a1 = pack.a1?.fields;
        const a2 = pack.a2?.indicators[rule.key];
        if (!a1 || !a2) continue;
        const pairs = [
          { part: 'N', key: twin.n, a2Cell: a2.n },
          { part: 'M', key: twin.m, a2Cell: a2.m },
        ] as const;
        for (const { part, key, a2Cell } of pairs) {
          const a1Cell = a1[key];
          const x = a1Cell?.value;
          const y = a2Cell?.value;
          if (!a1Cell || !a2Cell || x === null || x === undefined || y === null || y === undefined) continue;
          if (sameAmount(x, y)) continue;
          report(
            'A1_A2_INVESTMENT_MISMATCH',
            {
              part,
              field: A1_LABELS[key].zh,
              fieldEn: A1_LABELS[key].en,
              a1: showNumber(x),
              a2: showNumber(y),
              a1Place: formatLocation(a1Cell.loc),
            },
            a2Cell.loc,
            { applicant: pack, indicator: rule.key },
          );
        }
      }
    }
  },
});
