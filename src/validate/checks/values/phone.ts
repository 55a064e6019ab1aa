/**
 * Phone numbers a reviewer can dial: a mainland mobile (1[3-9] and nine digits) or a landline with its
 * area code (0571-88888888, extension allowed). People type spaces, full-width digits, +86 and
 * 「0571-8888888/13800000000」 for two numbers; all of that is fine.
 */
import { defineCheck } from '../../check.js';
import type { Cell } from '../../../model/location.js';
import { A1_LABELS } from './a1Fields.js';

const MOBILE = /^(?:\+?86-?)?1[3-9]\d{9}$/;
const LANDLINE = /^(?:\+?86-?)?0\d{2,3}-?\d{7,8}(?:(?:-|转|ext\.?)\d+)?$/i;

function isValidOne(phone: string): boolean {
  const p = phone
    .replace(/[\s\u3000]/g, '')
    .replace(/[－—–]/g, '-')
    // (0571)88888888 is a landline with its area code in brackets.
    .replace(/^\((0\d{2,3})\)-?/, '$1-');
  return MOBILE.test(p) || LANDLINE.test(p);
}

/** True when every number in the text (separated by / 、 , ; or 或) is a valid mainland phone number. */
export function isValidPhone(text: string): boolean {
  const parts = text
    .normalize('NFKC')
    .split(/[/、,;或]|\s{2,}/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return parts.length > 0 && parts.every(isValidOne);
}

export const phoneCheck = defineCheck({
  id: 'values.phone',
  description: '附件1、附件3 中的电话是大陆手机号或固定电话',
  notice: '附件1、附件3「联系电话」（通知未规定格式；本工具核对号码的格式）',
  codes: {
    PHONE_INVALID: {
      severity: 'warning',
      zh: '「{field}」不是有效的电话号码：{value}',
      en: '"{fieldEn}" is not a valid phone number: {value}',
      fixZh: '填写 11 位手机号（如 13812345678）或带区号的固定电话（如 0571-88888888）',
      fixEn: 'Enter an 11-digit mobile number (13812345678) or a landline with its area code (0571-88888888)',
    },
  },
  run({ submission }, report) {
    const check = (cell: Cell<string | null> | undefined, field: string, fieldEn: string, about: Parameters<typeof report>[3]) => {
      const v = cell?.value?.trim();
      if (cell && v && !isValidPhone(v)) report('PHONE_INVALID', { field, fieldEn, value: v }, cell.loc, about);
    };
    for (const city of submission.cities) {
      for (const pack of city.applicants) {
        const f = pack.a1?.fields;
        if (!f) continue;
        check(f.legalPhone, A1_LABELS.legalPhone.zh, A1_LABELS.legalPhone.en, { applicant: pack });
        check(f.itLeadPhone, A1_LABELS.itLeadPhone.zh, A1_LABELS.itLeadPhone.en, { applicant: pack });
      }
      for (const row of city.a3?.rows ?? []) check(row.phone, '推荐排序表 · 联系电话', 'Ranking table phone', { city });
    }
  },
});
