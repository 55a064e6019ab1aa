/**
 * 「云安全和云数据库两项，需提供上年度的相关发票、收据或合同等佐证材料」: for each indicator whose
 * rules ask for an invoice and whose N > 0, some invoice, receipt or contract of 上年度 is there —
 * a product-list row of that kind whose period touches the year and whose file exists, or an evidence
 * file named with the year, the kind and 发票/收据/合同.
 */
import { defineCheck } from '../../check.js';
import type { ApplicantPack, EvidenceFile, ProductRow } from '../../../model/records.js';
import type { IndicatorRule } from '../../../rules/schema.js';
import { applicantsOf, claimedIndicators, EvidenceIndex, EVIDENCE_DIR, hasText, indicatorArgs } from './evidencePaths.js';

const PAPER_WORDS = /发票|收据|合同|invoice|receipt|contract/i;

/** 云安全 → 安全, 云数据库 → 数据库: the word a product category or a file name uses for the kind. */
export function kindWordOf(rule: IndicatorRule): string {
  return rule.name.replace(/^云/, '') || rule.name;
}

/** The year standing alone or as the start of a date (2020年, 2020-03, 20200315), not inside a number. */
function yearPattern(year: number): RegExp {
  return new RegExp(`(?<!\\d)${year}(?:[01]\\d(?:[0-3]\\d)?)?(?!\\d)`);
}

function periodTouchesYear(row: ProductRow, year: number): boolean {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const { periodStart: start, periodEnd: end } = row;
  if (start || end) return (start ?? end!) <= to && (end ?? start!) >= from;
  return hasText(row.period.value) && yearPattern(year).test(row.period.value);
}

function isOfKind(row: ProductRow, word: string): boolean {
  return [row.category.value, row.name.value].some((v) => hasText(v) && v.includes(word));
}

const isRealFile = (f: EvidenceFile | undefined): f is EvidenceFile => f !== undefined && f.size > 0;

function hasLastYearPaper(pack: ApplicantPack, rule: IndicatorRule, year: number): boolean {
  const word = kindWordOf(rule);
  const index = new EvidenceIndex(pack.evidence);
  const fromList = (pack.products?.rows ?? []).some(
    (row) =>
      isOfKind(row, word) &&
      periodTouchesYear(row, year) &&
      [row.contractFile.value, row.invoiceFile.value].some((p) => isRealFile(index.find(p))),
  );
  if (fromList) return true;
  const mentionsYear = yearPattern(year);
  return pack.evidence.some((f) => {
    const inside = f.path.slice(EVIDENCE_DIR.length + 1);
    return f.path.startsWith(`${EVIDENCE_DIR}/`) && f.size > 0 && inside.includes(word) && PAPER_WORDS.test(inside) && mentionsYear.test(inside);
  });
}

export const invoiceLastYearCheck = defineCheck({
  id: 'evidence.invoiceLastYear',
  description: '云安全、云数据库等按费用评分的指标（N>0）有上年度的发票、收据或合同',
  notice: '附件2 填表说明 2（1）「云安全和云数据库两项，需提供上年度的相关发票、收据或合同等佐证材料」',
  codes: {
    INVOICE_LAST_YEAR_MISSING: {
      severity: 'error',
      zh: '指标「{indicator}」填报了 N={declared}，但没有 {year} 年度的相关发票、收据或合同',
      en: 'Indicator {indicatorEn} declares N={declared} but there is no invoice, receipt or contract of {year}',
      fixZh: '在云计算产品和服务清单中登记该类产品（类别「{kind}」、起止日期含 {year} 年）并附合同或发票文件，或将文件命名为如「{year}年云{kind}发票.pdf」放入证明材料',
      fixEn: 'Add the {kind} product to the product list with a period in {year} and its contract or invoice file, or name the file like 「{year}年云{kind}发票.pdf」 in 证明材料',
    },
  },
  run(ctx, report) {
    const year = ctx.rules.periods.lastYear;
    for (const pack of applicantsOf(ctx.submission)) {
      for (const { rule, n } of claimedIndicators(pack, ctx.rules, 'invoice')) {
        if (hasLastYearPaper(pack, rule, year)) continue;
        report(
          'INVOICE_LAST_YEAR_MISSING',
          { ...indicatorArgs(rule), declared: n.value!, year, kind: kindWordOf(rule) },
          n.loc,
          { applicant: pack, indicator: rule.key },
        );
      }
    }
  },
});
