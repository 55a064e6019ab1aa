import type { CodeTable } from '../findings/finding.js';

/**
 * Codes reported while reading the expert panel's score sheet and merging it. Every one of them is
 * about the panel's sheet, not about an enterprise's materials: they go to the panel chair's
 * 专家评分复核 list and never change an applicant's status. A sheet from which no score can be read
 * at all is not a finding but a usage error (`ExpertSheetError`), so no total claims expert points.
 * `{enterprise}` is the applicant as matched (its name from 附件1), else the name as typed in the sheet.
 */
export const expertCodes = {
  EXPERT_COLUMN_MISSING: {
    severity: 'error',
    zh: '专家评分表缺少评分项列「{column}」，该项所有企业均无专家分',
    en: 'The expert score sheet has no column 「{column}」: no applicant gets points for that item',
    fixZh: '在表头补上「{column}」列并填入各专家的评分；可用 yunshang template 生成的「专家评分表」对照',
    fixEn: 'Add the column 「{column}」 with every expert’s scores; compare with the 专家评分表 from `yunshang template`',
  },
  EXPERT_VALUE_NOT_NUMBER: {
    severity: 'error',
    zh: '专家「{expert}」对「{enterprise}」的「{item}」评分「{raw}」不是数字，未计入',
    en: 'Expert {expert}’s score 「{raw}」 for 「{enterprise}」 on {item} is not a number; not counted',
    fixZh: '填写 0 到 {max} 之间的数字（可带「分」字，如 3.5分）',
    fixEn: 'Enter a number from 0 to {max} (「分」 after it is fine, e.g. 3.5分)',
  },
  EXPERT_VALUE_OUT_OF_RANGE: {
    severity: 'error',
    zh: '专家「{expert}」对「{enterprise}」的「{item}」评分 {value} 超出 0–{max} 分，未计入',
    en: 'Expert {expert}’s score {value} for 「{enterprise}」 on {item} is outside 0–{max}; not counted',
    fixZh: '该项满分 {max} 分，请更正',
    fixEn: 'The item is worth at most {max} points; correct the score',
  },
  EXPERT_UNKNOWN_ENTERPRISE: {
    severity: 'error',
    zh: '专家「{expert}」评分的企业「{enterprise}」不在本次申报材料中，未计入',
    en: 'Enterprise 「{enterprise}」 scored by expert {expert} is not among the applicants; not counted',
    fixZh: '核对企业名称或统一社会信用代码是否与申报表一致',
    fixEn: 'Check the name or credit code against the application form',
  },
  EXPERT_ROW_DUPLICATE: {
    severity: 'warning',
    zh: '专家「{expert}」对「{enterprise}」的评分重复填写（第{rows}行，内容相同），只计一次',
    en: 'Expert {expert} scored 「{enterprise}」 more than once (rows {rowsEn}, the same scores): counted once',
    fixZh: '删去重复的行，只保留一行',
    fixEn: 'Delete the repeated rows, keeping one',
  },
  EXPERT_ROW_CONFLICT: {
    severity: 'error',
    zh: '专家「{expert}」对「{enterprise}」填了 {count} 行且内容不同（第{rows}行），该专家对该企业的评分暂不计入',
    en: 'Expert {expert} has {count} differing rows for 「{enterprise}」 (rows {rowsEn}): that expert’s scores for it are left out',
    fixZh: '与该专家核对，只保留正确的一行后重新运行',
    fixEn: 'Check with the expert, keep the one right row and run again',
  },
  EXPERT_ROW_INCOMPLETE: {
    severity: 'warning',
    zh: '专家「{expert}」对「{enterprise}」的评分缺少：{items}',
    en: 'Expert {expert} left out for 「{enterprise}」: {items}',
    fixZh: '请补齐该专家的评分，空项不计入平均',
    fixEn: 'Complete the scores; empty items are not averaged',
  },
  EXPERT_RECUSED: {
    severity: 'info',
    zh: '专家「{expert}」来自{city}，与「{enterprise}」同市，按回避规定不计入',
    en: 'Expert {expert} is from {city}, the city of 「{enterprise}」: recused, not counted',
    fixZh: '无需处理；如需计入，请由其他市专家评分',
    fixEn: 'Nothing to do; have an expert from another city score it if needed',
  },
  EXPERT_SPREAD: {
    severity: 'warning',
    zh: '「{enterprise}」的「{item}」各专家评分相差 {spread} 分（{scores}），超过 {threshold} 分，请评审组长复核',
    en: 'Experts differ by {spread} on {item} for 「{enterprise}」 ({scoresEn}), more than {threshold}: for the panel chair to review',
    fixZh: '由评审组长组织复议',
    fixEn: 'The panel chair should review the scores',
  },
  EXPERT_NOT_SCORED: {
    severity: 'warning',
    zh: '没有专家为「{enterprise}」评分（回避后无有效评分），专家分按 0 计',
    en: 'No expert scored 「{enterprise}」 (after recusals); expert points count as 0',
    fixZh: '请安排非本市专家评分',
    fixEn: 'Have an expert from another city score it',
  },
  EXPERT_ZSCORE_ONE_APPLICANT: {
    severity: 'warning',
    zh: '专家「{expert}」的「{items}」只评了「{enterprise}」一家，看不出宽严，不参与 z 分数标准化',
    en: 'Expert {expert} scored only 「{enterprise}」 on {items}: no way to tell strict from lenient, left out of the z-score normalisation',
    fixZh: '请该专家再评几家企业，或不用 --normalize zscore',
    fixEn: 'Have the expert score more applicants, or drop --normalize zscore',
  },
  EXPERT_ZSCORE_SAME_SCORES: {
    severity: 'warning',
    zh: '专家「{expert}」的「{items}」给所评 {count} 家企业（第{rows}行）打了相同的分，看不出企业间高低，不参与 z 分数标准化',
    en: 'Expert {expert} gave all {count} applicants (rows {rowsEn}) the same score on {items}: it ranks no one above another, left out of the z-score normalisation',
    fixZh: '请评审组长与该专家核对评分',
    fixEn: 'The panel chair should go over the scores with the expert',
  },
  EXPERT_ZSCORE_RAW_MEAN: {
    severity: 'warning',
    zh: '「{enterprise}」的「{items}」没有可标准化的专家评分，按原始平均分计',
    en: '「{enterprise}」 has no score on {items} that can be normalised: the plain mean is used',
    fixZh: '请安排能标准化的专家（评过多家企业且分数有高低）评分',
    fixEn: 'Have it scored by an expert who scored several applicants with differing scores',
  },
} as const satisfies CodeTable;
