import type { CodeTable } from '../findings/finding.js';

/**
 * Codes about the clerk's 人工复核记录表. A refused decision is an error at the sheet's row and is not
 * applied at all (never half-applied); it is the clerk's sheet to put right, so the finding belongs to
 * no applicant and changes no status. `DECISION_TERMINATED` is the one that lands on an applicant: the
 * reason a 终止申报 gives, which rejects it. `{row}` is the sheet's row; `{enterprise}` as typed.
 */
export const decisionCodes = {
  DECISION_TERMINATED: {
    severity: 'error',
    zh: '经人工复核终止申报：{reason}（人工复核记录表第{row}行，经办人 {clerk}）',
    en: 'Application terminated on review: {reason} (decisions sheet row {row}, by {clerk})',
    fixZh: '此为省经信厅的复核决定；如有异议，由经办人在人工复核记录表中改为「恢复受理」并写明理由',
    fixEn: 'A decision of the provincial review; to undo it, the clerk replaces it with 恢复受理 and a reason',
  },
  DECISION_TYPE_UNKNOWN: {
    severity: 'error',
    zh: '第{row}行的类型「{type}」无法识别，该条复核未执行',
    en: 'Row {row}: type 「{type}」 is not known; the decision was not applied',
    fixZh: '类型只能是：豁免问题、更正数值、终止申报、恢复受理',
    fixEn: 'The type must be one of 豁免问题 (waive), 更正数值 (correct), 终止申报 (terminate), 恢复受理 (reinstate)',
  },
  DECISION_REASON_MISSING: {
    severity: 'error',
    zh: '第{row}行（{enterprise}）没有填写理由，该条复核未执行',
    en: 'Row {row} ({enterprise}) gives no reason; the decision was not applied',
    fixZh: '在「理由」列写明复核依据（如电话核实、查验原件、实地考察的结论）',
    fixEn: 'Write the grounds in 理由 (a phone call, originals checked, a site visit and what it found)',
  },
  DECISION_UNKNOWN_ENTERPRISE: {
    severity: 'error',
    zh: '第{row}行的企业「{enterprise}」不在本次申报材料中，该条复核未执行',
    en: 'Row {row}: enterprise 「{enterprise}」 is not among the applicants; the decision was not applied',
    fixZh: '填写与附件1一致的企业名称、统一社会信用代码，或 results.json 中的企业 id（所在文件夹）',
    fixEn: 'Give the name or credit code as in Attachment 1, or the applicant id (its folder) from results.json',
  },
  DECISION_ENTERPRISE_AMBIGUOUS: {
    severity: 'error',
    zh: '第{row}行的企业「{enterprise}」对应 {count} 家申报企业（{ids}），该条复核未执行',
    en: 'Row {row}: 「{enterprise}」 matches {count} applicants ({ids}); the decision was not applied',
    fixZh: '改填统一社会信用代码或企业 id（所在文件夹），指明是哪一家',
    fixEn: 'Give the credit code or the applicant id (its folder) to say which one',
  },
  DECISION_CODE_NOT_FOUND: {
    severity: 'error',
    zh: '第{row}行：「{enterprise}」没有问题「{code}」{place}，该条复核未执行',
    en: 'Row {row}: 「{enterprise}」 has no finding {code}{placeEn}; the decision was not applied',
    fixZh: '在「对象」列填写该企业问题清单中的代码（如 SCREENSHOT_SHARED_ACROSS_APPLICANTS），可在其后写位置（文件或单元格）',
    fixEn: 'Put a code from the applicant’s findings in 对象 (e.g. SCREENSHOT_SHARED_ACROSS_APPLICANTS), optionally followed by its place (a file or a cell)',
  },
  DECISION_UNKNOWN_INDICATOR: {
    severity: 'error',
    zh: '第{row}行：对象「{target}」不是「指标名称 N」或「指标名称 M」，该条复核未执行',
    en: 'Row {row}: 「{target}」 is not an indicator followed by N or M; the decision was not applied',
    fixZh: '填写指标名称或代码加 N 或 M，如「云服务器 N」「infra.storage M」；指标有：{indicators}',
    fixEn: 'Give an indicator name or key and N or M, e.g. 「云服务器 N」 or 「infra.storage M」; the indicators: {indicators}',
  },
  DECISION_M_COMPUTED: {
    severity: 'error',
    zh: '第{row}行：「{indicator}」的 M 不是填写的数值（{why}），不能直接更正，该条复核未执行',
    en: 'Row {row}: M of {indicatorEn} is not a typed value ({whyEn}) and cannot be corrected; the decision was not applied',
    fixZh: '更正构成 M 的数值（如云上业务各项的 N）',
    fixEn: 'Correct the values M is made of (such as the N of the business indicators)',
  },
  DECISION_VALUE_NOT_NUMBER: {
    severity: 'error',
    zh: '第{row}行：新值「{value}」不是不小于 0 的数字，该条复核未执行',
    en: 'Row {row}: the new value 「{value}」 is not a number of 0 or more; the decision was not applied',
    fixZh: '在「新值」列填写数字（单位为该指标的单位，如 12.5）',
    fixEn: 'Put a number in 新值, in the indicator’s unit (e.g. 12.5)',
  },
  DECISION_N_GREATER_THAN_M: {
    severity: 'error',
    zh: '第{row}行：更正后「{indicator}」的 N（{n}）大于 M（{m}），该条复核未执行',
    en: 'Row {row}: after the correction N ({n}) of {indicatorEn} would be greater than M ({m}); the decision was not applied',
    fixZh: '核对新值；若 N 与 M 都需更正，各写一行',
    fixEn: 'Check the new value; if both N and M need correcting, write a row for each',
  },
  DECISION_NOT_REJECTED: {
    severity: 'error',
    zh: '第{row}行：「{enterprise}」未被不予受理，无需恢复受理，该条复核未执行',
    en: 'Row {row}: 「{enterprise}」 was not rejected, so there is nothing to reinstate; the decision was not applied',
    fixZh: '删去该行；如要撤销某个问题，请用「豁免问题」',
    fixEn: 'Delete the row; to overrule one finding, use 豁免问题 (waive)',
  },
  DECISION_CONTRADICTS: {
    severity: 'error',
    zh: '第{row}行与第{other}行对「{enterprise}」的决定相互矛盾（{what}），两行均未执行',
    en: 'Rows {row} and {other} contradict each other for 「{enterprise}」 ({whatEn}); neither was applied',
    fixZh: '核实后只保留正确的一行',
    fixEn: 'Check and keep the one right row',
  },
  DECISION_DUPLICATE: {
    severity: 'warning',
    zh: '第{row}行与第{other}行内容相同，只执行一次',
    en: 'Row {row} repeats row {other}; applied once',
    fixZh: '删去重复的行',
    fixEn: 'Delete the repeated row',
  },
} as const satisfies CodeTable;

export type DecisionCode = keyof typeof decisionCodes;
