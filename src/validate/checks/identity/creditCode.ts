import { defineCheck } from '../../check.js';
import { creditCodeProblem, type CreditCodeProblem } from '../../../util/creditCode.js';

const CODE_OF: Record<CreditCodeProblem, 'CREDIT_CODE_LENGTH' | 'CREDIT_CODE_CHARSET' | 'CREDIT_CODE_CHECK_DIGIT'> = {
  length: 'CREDIT_CODE_LENGTH',
  charset: 'CREDIT_CODE_CHARSET',
  checkDigit: 'CREDIT_CODE_CHECK_DIGIT',
};

const FIX = { fixZh: '对照营业执照重新填写 18 位统一社会信用代码', fixEn: 'Copy the 18-character code from the business licence' };

/** A credit code identifies the enterprise across files, so a mistyped one must be caught. */
export const creditCodeCheck = defineCheck({
  id: 'identity.creditCode',
  description: '统一社会信用代码（如填写）须为 18 位、字符合法、校验码正确（GB 32100-2015）',
  notice: '通知未要求（本工具的补充：统一社会信用代码按 GB 32100-2015 校验，用于识别同一企业）',
  codes: {
    CREDIT_CODE_LENGTH: {
      severity: 'error',
      zh: '统一社会信用代码「{code}」应为 18 位，实为 {length} 位',
      en: 'Unified social credit code 「{code}」 has {length} characters, not 18',
      ...FIX,
    },
    CREDIT_CODE_CHARSET: {
      severity: 'error',
      zh: '统一社会信用代码「{code}」含有不允许的字符（代码不使用 I、O、S、V、Z）',
      en: 'Unified social credit code 「{code}」 has characters outside its set (no I, O, S, V, Z)',
      ...FIX,
    },
    CREDIT_CODE_CHECK_DIGIT: {
      severity: 'error',
      zh: '统一社会信用代码「{code}」校验码不符（GB 32100-2015），可能有录入错误',
      en: 'Unified social credit code 「{code}」 fails its check character (GB 32100-2015): likely a typo',
      ...FIX,
    },
  },
  run({ submission }, report) {
    for (const city of submission.cities)
      for (const applicant of city.applicants) {
        const cell = applicant.a1?.fields.creditCode;
        if (!cell?.value) continue;
        const problem = creditCodeProblem(cell.value);
        if (problem) report(CODE_OF[problem], { code: cell.value, length: cell.value.trim().length }, cell.loc, { applicant });
      }
  },
});
