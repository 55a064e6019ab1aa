/**
 * 「以系统数量为评分指标的评分项，需提供相关系统清单……系统功能简介」: for every system-count
 * indicator with N > 0, the 系统清单 lists N cloud systems of it (and M in all), each described.
 */
import { defineCheck } from '../../check.js';
import {
  applicantsOf,
  cellPlace,
  claimedIndicators,
  hasText,
  indicatorArgs,
  isCloudRow,
  placeOf,
  rowsOf,
} from './evidencePaths.js';

export const systemListCheck = defineCheck({
  id: 'evidence.systemList',
  description: '按系统数量评分的指标（N>0）在系统清单中列出 N 个云上系统、M 个系统，每个系统有功能简介',
  notice: '四、（二）、附件2 填表说明 2（2）「以系统数量为评分指标的评分项，需提供相关系统清单和清单中每个系统的登录页和功能主页截图、系统功能简介」',
  codes: {
    SYSTEM_LIST_MISSING: {
      severity: 'error',
      zh: '指标「{indicator}」填报了 N={declared}，但没有系统清单',
      en: 'Indicator {indicatorEn} declares N={declared} but there is no system list (系统清单)',
      fixZh: '用 yunshang template 生成的「系统清单」逐个列出系统，附登录页、功能主页截图和功能简介',
      fixEn: 'List every system in the 系统清单 form written by `yunshang template`, with both screenshots and a description',
    },
    SYSTEM_COUNT_MISMATCH: {
      severity: 'error',
      zh: '系统清单列出指标「{indicator}」的云上系统 {listed} 个，与填报的 N={declared} 不一致',
      en: 'The system list has {listed} cloud systems for {indicatorEn}, but N={declared} was declared',
      fixZh: '使系统清单中该指标「是否云上」为「是」的系统数与附件2填报的 N 一致',
      fixEn: 'Make the number of systems of this indicator marked 是否云上=是 match N in Attachment 2',
    },
    SYSTEM_TOTAL_MISMATCH: {
      severity: 'error',
      zh: '系统清单列出指标「{indicator}」的系统共 {listed} 个，与填报的 M={declared} 不一致',
      en: 'The system list has {listed} systems in all for {indicatorEn}, but M={declared} was declared',
      fixZh: '在系统清单中列出该指标的全部系统（含未上云的，「是否云上」填「否」），使总数与 M 一致',
      fixEn: 'List all systems of this indicator, including those not on cloud (是否云上=否), so the total matches M',
    },
    SYSTEM_DESCRIPTION_MISSING: {
      severity: 'error',
      zh: '云上系统「{system}」（指标「{indicator}」）没有填写功能简介',
      en: 'Cloud system "{system}" ({indicatorEn}) has no description',
      fixZh: '在「功能简介」列简要说明该系统的功能',
      fixEn: 'Describe what the system does in the 功能简介 column',
    },
  },
  run(ctx, report) {
    for (const pack of applicantsOf(ctx.submission)) {
      const list = pack.systems;
      for (const { rule, n } of claimedIndicators(pack, ctx.rules, 'systems')) {
        const about = { applicant: pack, indicator: rule.key };
        const names = indicatorArgs(rule);
        const declared = n.value!;
        if (!list) {
          report('SYSTEM_LIST_MISSING', { ...names, declared }, n.loc ?? placeOf(pack, ''), about);
          continue;
        }
        const rows = rowsOf(list.rows, rule.key);
        const cloud = rows.filter(isCloudRow);
        if (cloud.length !== declared)
          report('SYSTEM_COUNT_MISMATCH', { ...names, listed: cloud.length, declared }, n.loc, about);
        // collaboration.systems has no M of its own (it is derived), so only N can be compared.
        const m = rule.input === 'nm' ? pack.a2?.indicators[rule.key]?.m : undefined;
        if (m && typeof m.value === 'number' && rows.length !== m.value)
          report('SYSTEM_TOTAL_MISMATCH', { ...names, listed: rows.length, declared: m.value }, m.loc, about);
        for (const row of cloud) {
          if (!hasText(row.description.value))
            report(
              'SYSTEM_DESCRIPTION_MISSING',
              { ...names, system: row.name.value ?? `第${row.row}行` },
              cellPlace(row.description, list, row.row),
              about,
            );
        }
      }
    }
  },
});
