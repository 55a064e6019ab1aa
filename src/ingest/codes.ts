import type { CodeTable } from '../findings/finding.js';

/** Codes reported while assembling packs from the files discovery found. */
export const packCodes = {
  FORM_NOT_RECOGNISED: {
    severity: 'warning',
    zh: '工作簿中没有可识别的表格（未找到「制造业云上企业申报表」等标题），未读取',
    en: 'No known form in this workbook (no title such as 制造业云上企业申报表); not read',
    fixZh: '请使用 yunshang template 生成的表格，保留表头标题行',
    fixEn: 'Use the forms written by `yunshang template` and keep their title rows',
  },
  FORM_DUPLICATE: {
    severity: 'error',
    zh: '同一申报材料中出现两份{form}：已使用 {used}，忽略本文件中的这一份',
    en: 'Two copies of {form} in one pack: {used} is used, this one is ignored',
    fixZh: '每家企业只保留一份{form}，删除多余或旧版本的文件',
    fixEn: 'Keep exactly one {form} per enterprise; delete the extra or outdated file',
  },
  FORM_MISPLACED: {
    severity: 'warning',
    zh: '{form}不应放在此处（{where}），未读取',
    en: '{form} does not belong here ({where}); not read',
    fixZh: '推荐排序表放在市级文件夹，申报表和评估表放在企业文件夹',
    fixEn: 'Put the ranking table in the city folder and the applicant forms in the applicant folder',
  },
  FILE_NOT_READ: {
    severity: 'info',
    zh: '非表格文件，放在证明材料之外，未读取',
    en: 'Not a workbook and not under 证明材料; not read',
    fixZh: '证明材料请放在「证明材料」文件夹内',
    fixEn: 'Put evidence files in the 证明材料 folder',
  },
} as const satisfies CodeTable;
