/**
 * 「需提供……清单中每个系统的登录页和功能主页截图」: each cloud system of an indicator with N > 0 has
 * two screenshots that exist, are real PNG or JPEG images, and are not one picture sent twice.
 */
import { defineCheck } from '../../check.js';
import type { EvidenceFile, SystemRow } from '../../../model/records.js';
import {
  actualTypeArgs,
  applicantsOf,
  cellPlace,
  claimedIndicators,
  EvidenceIndex,
  hasText,
  indicatorArgs,
  isCloudRow,
  rowsOf,
} from './evidencePaths.js';

export const SCREENSHOT_COLUMNS = [
  { column: '登录页截图', cell: (r: SystemRow) => r.loginScreenshot },
  { column: '功能主页截图', cell: (r: SystemRow) => r.mainScreenshot },
] as const;

/** A screenshot a reviewer can open: PNG or JPEG by its bytes, with a header giving its size. */
export function isReadableScreenshot(f: EvidenceFile): boolean {
  return f.size > 0 && (f.type === 'png' || f.type === 'jpeg') && (f.width ?? 0) > 0 && (f.height ?? 0) > 0;
}

export const screenshotsCheck = defineCheck({
  id: 'evidence.screenshots',
  description: '每个云上系统有登录页和功能主页截图，文件存在、是真实的 PNG/JPEG 图片且两张不同',
  notice: '四、（二）、附件2 填表说明 2（2）「清单中每个系统的登录页和功能主页截图」',
  codes: {
    SCREENSHOT_NOT_LISTED: {
      severity: 'error',
      zh: '云上系统「{system}」（指标「{indicator}」）没有填写{column}',
      en: 'Cloud system "{system}" ({indicatorEn}) has no {column} entered',
      fixZh: '把截图放入「证明材料」文件夹，并在该列填写其路径（相对于「证明材料」文件夹，如 截图/ERP登录页.png）',
      fixEn: 'Put the screenshot in the 证明材料 folder and enter its path in this column (e.g. 截图/erp-login.png)',
    },
    SCREENSHOT_MISSING: {
      severity: 'error',
      zh: '云上系统「{system}」（指标「{indicator}」）的{column}「{path}」在证明材料中找不到',
      en: 'The {column} "{path}" of cloud system "{system}" ({indicatorEn}) is not among the evidence files',
      fixZh: '把截图放入「证明材料」文件夹并在清单中填写其路径（相对于「证明材料」文件夹，如 截图/ERP登录页.png）',
      fixEn: 'Put the screenshot in the 证明材料 folder and enter its path relative to it (e.g. 截图/erp-login.png)',
    },
    SCREENSHOT_NOT_IMAGE: {
      severity: 'error',
      zh: '云上系统「{system}」（指标「{indicator}」）的{column}「{path}」不是可读的 PNG/JPEG 图片（实际为{actual}）',
      en: 'The {column} "{path}" of cloud system "{system}" ({indicatorEn}) is not a readable PNG or JPEG image (it is {actualEn})',
      fixZh: '重新截图并保存为 PNG 或 JPEG 格式，不要只修改扩展名',
      fixEn: 'Take the screenshot again and save it as PNG or JPEG; renaming the file is not enough',
    },
    SCREENSHOT_SAME_FOR_BOTH: {
      severity: 'error',
      zh: '云上系统「{system}」（指标「{indicator}」）的登录页截图与功能主页截图是同一张图片',
      en: 'Cloud system "{system}" ({indicatorEn}) uses the same picture for its login page and its main page',
      fixZh: '分别提供系统登录页和功能主页的截图',
      fixEn: 'Provide one screenshot of the login page and another of the main function page',
    },
  },
  run(ctx, report) {
    for (const pack of applicantsOf(ctx.submission)) {
      const list = pack.systems;
      if (!list) continue; // reported as SYSTEM_LIST_MISSING
      const index = new EvidenceIndex(pack.evidence);
      for (const { rule } of claimedIndicators(pack, ctx.rules, 'systems')) {
        const about = { applicant: pack, indicator: rule.key };
        for (const row of rowsOf(list.rows, rule.key).filter(isCloudRow)) {
          const args = { ...indicatorArgs(rule), system: row.name.value ?? `第${row.row}行` };
          const pictures: EvidenceFile[] = [];
          for (const { column, cell } of SCREENSHOT_COLUMNS) {
            const typed = cell(row);
            const where = cellPlace(typed, list, row.row);
            if (!hasText(typed.value)) {
              report('SCREENSHOT_NOT_LISTED', { ...args, column }, where, about);
              continue;
            }
            const path = typed.value.trim();
            const file = index.find(path);
            if (!file) {
              report('SCREENSHOT_MISSING', { ...args, column, path }, where, about);
            } else if (!isReadableScreenshot(file)) {
              const actual =
                file.type === 'png' || file.type === 'jpeg'
                  ? { actual: '损坏或不完整的图片', actualEn: 'a damaged or truncated image' }
                  : actualTypeArgs(file.type);
              report('SCREENSHOT_NOT_IMAGE', { ...args, column, path, ...actual }, where, about);
            } else {
              pictures.push(file);
            }
          }
          const [login, main] = pictures;
          if (pictures.length === 2 && (login!.path === main!.path || login!.content === main!.content))
            report('SCREENSHOT_SAME_FOR_BOTH', args, cellPlace(row.mainScreenshot, list, row.row), about);
        }
      }
    }
  },
});
