import type { CodeTable } from '../findings/finding.js';

/**
 * Codes reported while scoring (what scoring itself notices). They are a safety net: scoring reports
 * an N/M pair it cannot score only when no error finding already marks that indicator, so a value
 * check that reports the same problem with the cell address always wins and nothing is said twice.
 */
export const scoreCodes = {
  SCORE_N_GREATER_THAN_M: {
    severity: 'error',
    zh: '{indicatorName}：N（{n}）大于 M（{m}），该项按 0 分计，不参与横向排名',
    en: '{indicatorNameEn}: N ({n}) is greater than M ({m}); the indicator scores 0 and is not ranked',
    fixZh: '核对附件2中该指标的 N 和 M：N 是其中上云的部分，不能超过总量 M（系统协同的 M 为云上业务五项 N 之和）',
    fixEn: 'Check N and M of this indicator in Attachment 2: N is the part on the cloud and cannot exceed the total M (for system collaboration M is the sum of the five business N)',
  },
  SCORE_VALUE_NEGATIVE: {
    severity: 'error',
    zh: '{indicatorName}：N（{n}）或 M（{m}）为负数，该项按 0 分计，不参与横向排名',
    en: '{indicatorNameEn}: N ({n}) or M ({m}) is negative; the indicator scores 0 and is not ranked',
    fixZh: '在附件2中填写不小于 0 的数值',
    fixEn: 'Enter values of 0 or more in Attachment 2',
  },
  SCORE_VALUE_MISSING: {
    severity: 'error',
    zh: '{indicatorName}：N 或 M 未填写或无法识别，该项按 0 分计，不参与横向排名',
    en: '{indicatorNameEn}: N or M is empty or could not be read; the indicator scores 0 and is not ranked',
    fixZh: '在附件2中填写该指标的 N 和 M（没有的填 0）',
    fixEn: 'Fill in N and M of this indicator in Attachment 2 (0 when there is none)',
  },
} as const satisfies CodeTable;
