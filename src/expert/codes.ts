import type { CodeTable } from '../findings/finding.js';

/** Codes reported while reading the expert panel's score sheet and merging it. */
export const expertCodes = {
  EXPERT_SHEET_UNREADABLE: {
    severity: 'error',
    zh: '专家评分表无法读取：{reason}',
    en: 'The expert score sheet cannot be read: {reason}',
    fixZh: '请使用 yunshang template 生成的「专家评分表」，保存为 .xlsx 或 .csv',
    fixEn: 'Use the 专家评分表 written by `yunshang template`, saved as .xlsx or .csv',
  },
  EXPERT_COLUMN_MISSING: {
    severity: 'error',
    zh: '专家评分表缺少列「{column}」',
    en: 'The expert score sheet has no column 「{column}」',
    fixZh: '表头需包含 企业名称（或 统一社会信用代码）、专家 和六个评分项',
    fixEn: 'The header needs 企业名称 (or 统一社会信用代码), 专家 and the six expert items',
  },
  EXPERT_VALUE_NOT_NUMBER: {
    severity: 'error',
    zh: '「{item}」的评分「{raw}」不是数字，未计入',
    en: 'Score 「{raw}」 for {item} is not a number; not counted',
    fixZh: '填写 0 到 {max} 之间的数字',
    fixEn: 'Enter a number from 0 to {max}',
  },
  EXPERT_VALUE_OUT_OF_RANGE: {
    severity: 'error',
    zh: '「{item}」的评分 {value} 超出 0–{max} 分，未计入',
    en: 'Score {value} for {item} is outside 0–{max}; not counted',
    fixZh: '该项满分 {max} 分，请更正',
    fixEn: 'The item is worth at most {max} points; correct the score',
  },
  EXPERT_UNKNOWN_ENTERPRISE: {
    severity: 'error',
    zh: '评分表中的企业「{name}」不在本次申报材料中',
    en: 'Enterprise 「{name}」 of the score sheet is not among the applicants',
    fixZh: '核对企业名称或统一社会信用代码是否与申报表一致',
    fixEn: 'Check the name or credit code against the application form',
  },
  EXPERT_ROW_INCOMPLETE: {
    severity: 'warning',
    zh: '专家「{expert}」对该企业的评分缺少：{items}',
    en: 'Expert {expert} left out: {items}',
    fixZh: '请补齐该专家的评分，空项不计入平均',
    fixEn: 'Complete the scores; empty items are not averaged',
  },
  EXPERT_RECUSED: {
    severity: 'info',
    zh: '专家「{expert}」来自{city}，与企业同市，按回避规定不计入',
    en: 'Expert {expert} is from {city}, the applicant’s own city: recused, not counted',
    fixZh: '无需处理；如需计入，请由其他市专家评分',
    fixEn: 'Nothing to do; have an expert from another city score it if needed',
  },
  EXPERT_SPREAD: {
    severity: 'warning',
    zh: '「{item}」各专家评分相差 {spread} 分（{min}–{max}），超过 {threshold} 分，请评审组长复核',
    en: 'Experts differ by {spread} on {item} ({min}–{max}), more than {threshold}: for the panel chair to review',
    fixZh: '由评审组长组织复议',
    fixEn: 'The panel chair should review the scores',
  },
  EXPERT_NOT_SCORED: {
    severity: 'warning',
    zh: '没有专家为该企业评分（回避后无有效评分），专家分按 0 计',
    en: 'No expert scored this applicant (after recusals); expert points count as 0',
    fixZh: '请安排非本市专家评分',
    fixEn: 'Have an expert from another city score it',
  },
} as const satisfies CodeTable;
