/**
 * Attachment 1 fields as the checks name them to a person: the label printed on the form (SPEC 3.1),
 * which are required, and which hold amounts.
 */
import type { A1FieldKey } from '../../../model/records.js';

export const A1_LABELS: Readonly<Record<A1FieldKey, { zh: string; en: string }>> = {
  enterpriseName: { zh: '企业名称', en: 'Enterprise name' },
  registeredAddress: { zh: '注册地址', en: 'Registered address' },
  registeredCapital: { zh: '注册资金（万元）', en: 'Registered capital (10k CNY)' },
  legalRepresentative: { zh: '法人代表', en: 'Legal representative' },
  legalPhone: { zh: '联系电话（法人代表）', en: 'Phone (legal representative)' },
  employees: { zh: '员工数量', en: 'Employees' },
  itLead: { zh: '信息化负责人', en: 'IT lead' },
  itLeadPhone: { zh: '联系电话（信息化负责人）', en: 'Phone (IT lead)' },
  mainBusiness: { zh: '主营业务', en: 'Main business' },
  salesLastYear: { zh: '上年度销售收入（万元）', en: 'Sales last year (10k CNY)' },
  profitLastYear: { zh: '上年度利润总额（万元）', en: 'Profit last year (10k CNY)' },
  taxLastYear: { zh: '上年度纳税总额（万元）', en: 'Tax paid last year (10k CNY)' },
  rndLastYear: { zh: '上年度研发投入（万元）', en: 'R&D spend last year (10k CNY)' },
  cloudInvestment3y: { zh: '近三年上云投入（万元）', en: 'Cloud investment, last three years (10k CNY)' },
  itInvestment3y: { zh: '近三年信息化建设和运维投入（万元）', en: 'IT investment, last three years (10k CNY)' },
  itStatus: { zh: '企业信息化建设情况', en: 'State of IT in the enterprise' },
  cloudApps: { zh: '已上云的业务和应用清单', en: 'Businesses and applications on cloud' },
  cloudProviders: { zh: '云计算产品和服务提供商', en: 'Cloud product and service providers' },
  cloudEffect: { zh: '上云实际投入及用云成效简要描述', en: 'Cloud investment and results' },
  typicalCases: { zh: '云上典型应用、典型案例介绍', en: 'Typical cloud applications and cases' },
  suggestions: { zh: '云上企业培育的意见建议', en: 'Suggestions' },
  creditCode: { zh: '统一社会信用代码', en: 'Unified social credit code' },
};

/** Every field but the suggestions (marked optional by the notice) and the credit code (our extra). */
export const A1_REQUIRED: readonly A1FieldKey[] = (Object.keys(A1_LABELS) as A1FieldKey[]).filter(
  (k) => k !== 'suggestions' && k !== 'creditCode',
);

/** Amounts and counts that cannot be below zero; profit can (a loss-making year is still a year). */
export const A1_NON_NEGATIVE = [
  'registeredCapital',
  'employees',
  'salesLastYear',
  'taxLastYear',
  'rndLastYear',
  'cloudInvestment3y',
  'itInvestment3y',
] as const satisfies readonly A1FieldKey[];
