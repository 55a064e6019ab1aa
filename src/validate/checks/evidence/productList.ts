/**
 * 「应同时提交……企业应用的云计算产品和服务清单、近三年与云服务商签订的上云业务合同及发票复印件」:
 * the product list is there, the contracts and invoices it names are in 证明材料/, and what it lists
 * does not add up to more than the cloud investment claimed.
 */
import { defineCheck } from '../../check.js';
import type { ApplicantPack, ProductRow } from '../../../model/records.js';
import { cloudInvestmentRule, type IndicatorRule } from '../../../rules/schema.js';
import { applicantsOf, cellPlace, EvidenceIndex, hasText, placeOf } from './evidencePaths.js';

/** Sums in 元 (1e-4 万元), so that 0.1 + 0.2 万元 compares as a person adds it. */
const YUAN_PER_WAN = 10_000;

/** The cloud investment claimed: 附件1's figure, else the N of the rules' cloud-investment indicator. */
function claimedInvestment(pack: ApplicantPack, rule: IndicatorRule | undefined): number | null {
  if (!rule) return null;
  const a1 = rule.a1 ? pack.a1?.fields[rule.a1.n]?.value : undefined;
  if (typeof a1 === 'number') return a1;
  const a2 = pack.a2?.indicators[rule.key]?.n?.value;
  return typeof a2 === 'number' ? a2 : null;
}

const FILE_COLUMNS = [
  { column: '合同文件', cell: (r: ProductRow) => r.contractFile },
  { column: '发票文件', cell: (r: ProductRow) => r.invoiceFile },
] as const;

export const productListCheck = defineCheck({
  id: 'evidence.productList',
  description: '云计算产品和服务清单齐全，所列合同、发票文件存在，金额合计不超过近三年上云投入',
  notice: '四、（二）「企业应用的云计算产品和服务清单、近三年与云服务商签订的上云业务合同及发票复印件」',
  codes: {
    PRODUCT_LIST_MISSING: {
      severity: 'error',
      zh: '缺少云计算产品和服务清单',
      en: 'The list of cloud products and services (云计算产品和服务清单) is missing',
      fixZh: '用 yunshang template 生成的「云计算产品和服务清单」填写后放入企业文件夹',
      fixEn: 'Fill in the 云计算产品和服务清单 form written by `yunshang template` and put it in the applicant folder',
    },
    PRODUCT_LIST_EMPTY: {
      severity: 'error',
      zh: '云计算产品和服务清单没有填写任何产品或服务',
      en: 'The list of cloud products and services has no rows',
      fixZh: '每个使用的云产品或服务填一行，写明合同编号、起止日期、金额及合同、发票文件',
      fixEn: 'Add one row per cloud product or service, with contract number, period, amount and the contract and invoice files',
    },
    PRODUCT_FILE_MISSING: {
      severity: 'error',
      zh: '「{product}」的{column}「{path}」在证明材料中找不到',
      en: 'The {column} file "{path}" listed for "{product}" is not among the evidence files',
      fixZh: '把该文件放入「证明材料」文件夹，或改正清单中的路径（相对于「证明材料」文件夹）',
      fixEn: 'Put the file in the 证明材料 folder, or correct the path in the list (relative to 证明材料)',
    },
    PRODUCT_AMOUNT_EXCEEDS_INVESTMENT: {
      severity: 'warning',
      zh: '清单所列金额合计 {total} 万元，超过填报的近三年上云投入 {claimed} 万元',
      en: 'The listed amounts add up to {total} 万元, more than the claimed 3-year cloud investment of {claimed} 万元',
      fixZh: '核对清单金额与附件1「近三年上云投入」，删去三年以外的合同或改正投入金额',
      fixEn: 'Check the amounts against 近三年上云投入 in Attachment 1; drop contracts outside the three years or correct the investment',
    },
  },
  run(ctx, report) {
    const investment = cloudInvestmentRule(ctx.rules);
    for (const pack of applicantsOf(ctx.submission)) {
      const about = { applicant: pack };
      const list = pack.products;
      if (!list) {
        report('PRODUCT_LIST_MISSING', {}, placeOf(pack, ''), about);
        continue;
      }
      if (list.rows.length === 0) {
        report('PRODUCT_LIST_EMPTY', {}, { file: list.file, sheet: list.sheet }, about);
        continue;
      }
      const index = new EvidenceIndex(pack.evidence);
      let totalYuan = 0;
      for (const row of list.rows) {
        const product = row.name.value ?? `第${row.row}行`;
        for (const { column, cell } of FILE_COLUMNS) {
          const typed = cell(row);
          if (hasText(typed.value) && !index.find(typed.value))
            report('PRODUCT_FILE_MISSING', { product, column, path: typed.value.trim() }, cellPlace(typed, list, row.row), about);
        }
        if (typeof row.amount.value === 'number') totalYuan += Math.round(row.amount.value * YUAN_PER_WAN);
      }
      const claimed = claimedInvestment(pack, investment);
      if (claimed !== null && totalYuan > Math.round(claimed * YUAN_PER_WAN))
        report(
          'PRODUCT_AMOUNT_EXCEEDS_INVESTMENT',
          { total: totalYuan / YUAN_PER_WAN, claimed },
          { file: list.file, sheet: list.sheet },
          about,
        );
    }
  },
});
