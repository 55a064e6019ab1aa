import type { ApplicantPack } from './records.js';

/**
 * How two mentions of one enterprise are found to be the same, everywhere (A3 rows, duplicates,
 * expert rows, the city's recommended order): full-width forms folded (（）→ (), Ａ → A), every kind of
 * space removed, bracket kinds unified and Latin letters in one case, so 「杭州某某（集团） 有限公司」
 * matches 「杭州某某(集团)有限公司」.
 */
export function normaliseEnterpriseName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\u3000\u00a0]+/g, '')
    .replace(/[【〔［\[]/g, '(')
    .replace(/[】〕］\]]/g, ')')
    .toLowerCase();
}

/** A 统一社会信用代码 as compared: no spaces, half-width, upper case. */
export function normaliseCreditCode(code: string): string {
  return code.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/**
 * The name an applicant goes by in every report: as typed in its 附件1, else its folder's name.
 * Findings about it (from the checks, the expert sheet) name it the same way.
 */
export function applicantName(pack: Pick<ApplicantPack, 'folderName' | 'a1'>): string {
  const typed = pack.a1?.fields.enterpriseName?.value?.trim();
  return typed ? typed : pack.folderName;
}
