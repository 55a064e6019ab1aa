/**
 * The five forms (and the expert sheet) as data: titles, labels, columns and the units of their
 * numbers. The template writer, the builders and the readers all read this one description, so what
 * the template writes is what the readers look for.
 */
import type { A1FieldKey } from '../model/records.js';
import { DATA_CATEGORIES, type DataCategory, type ExpertKey, type IndicatorKey } from '../model/indicators.js';
import type { Rules, IndicatorRule } from '../rules/schema.js';

export type FormKind = 'a1' | 'a2' | 'a3' | 'systems' | 'products' | 'experts';

/** The title printed in the first row of each form; recognition is by this text, never by file name. */
export const FORM_TITLES: Record<FormKind, string> = {
  a1: '制造业云上企业申报表',
  a2: '制造业“云上企业”用云水平评估表',
  a3: '制造业云上企业推荐排序表',
  systems: '系统清单',
  products: '云计算产品和服务清单',
  experts: '专家评分表',
};

/** Short names used in messages (`{form}`) and as sheet names. */
export const FORM_NAMES: Record<FormKind, string> = {
  a1: '附件1 申报表',
  a2: '附件2 用云水平评估表',
  a3: '附件3 推荐排序表',
  systems: '系统清单',
  products: '云计算产品和服务清单',
  experts: '专家评分表',
};

export const SHEET_NAMES: Record<FormKind, string> = {
  a1: '申报表',
  a2: '用云水平评估表',
  a3: '推荐排序表',
  systems: '系统清单',
  products: '云计算产品和服务清单',
  experts: '专家评分表',
};

export const TEMPLATE_FILES: Record<FormKind, string> = {
  a1: '附件1-制造业云上企业申报表.xlsx',
  a2: '附件2-用云水平评估表.xlsx',
  a3: '附件3-推荐排序表.xlsx',
  systems: '系统清单.xlsx',
  products: '云计算产品和服务清单.xlsx',
  experts: '专家评分表.xlsx',
};

/** How a value cell is read: its kind decides parsing, `unit` is the target of unit conversion. */
export type ValueKind = 'text' | 'number' | 'phone' | 'yesno' | 'period' | 'path';

// ---------------------------------------------------------------------------------------------------
// Attachment 1

export interface A1FieldSpec {
  key: A1FieldKey;
  /** As printed; line breaks are where the printed form breaks the label. */
  label: string;
  /** Other wordings seen in filled forms (compared after normalisation, remarks in brackets removed). */
  aliases?: string[];
  kind: ValueKind;
  unit?: string;
  integer?: boolean;
  mayBeNegative?: boolean;
  /** A form without this label is still complete (the field is optional or our own addition). */
  labelOptional?: boolean;
  /** Placeholder hint printed in the label cell, as the notice prints it. */
  hint?: string;
}

export const A1_FIELDS: readonly A1FieldSpec[] = [
  { key: 'enterpriseName', label: '企业名称（盖章）', kind: 'text' },
  { key: 'creditCode', label: '统一社会信用代码', aliases: ['社会信用代码', '信用代码'], kind: 'text', labelOptional: true },
  { key: 'registeredAddress', label: '注册地址', kind: 'text' },
  { key: 'registeredCapital', label: '注册资金（万元）', aliases: ['注册资本'], kind: 'number', unit: '万元' },
  { key: 'legalRepresentative', label: '法人代表', aliases: ['法定代表人', '法人'], kind: 'text' },
  { key: 'legalPhone', label: '联系电话', kind: 'phone' },
  { key: 'employees', label: '员工数量', aliases: ['员工人数', '职工人数'], kind: 'number', unit: '人', integer: true },
  { key: 'itLead', label: '信息化负责人', aliases: ['企业信息化负责人'], kind: 'text' },
  { key: 'itLeadPhone', label: '联系电话', kind: 'phone' },
  { key: 'mainBusiness', label: '主营业务', kind: 'text' },
  { key: 'salesLastYear', label: '上年度销售收入（万元）', kind: 'number', unit: '万元' },
  { key: 'profitLastYear', label: '上年度利润总额（万元）', kind: 'number', unit: '万元', mayBeNegative: true },
  { key: 'taxLastYear', label: '上年度纳税总额（万元）', kind: 'number', unit: '万元' },
  { key: 'rndLastYear', label: '上年度研发投入（万元）', kind: 'number', unit: '万元' },
  { key: 'cloudInvestment3y', label: '近三年上云投入（万元）', kind: 'number', unit: '万元' },
  { key: 'itInvestment3y', label: '近三年信息化建设和运维投入（万元）', kind: 'number', unit: '万元' },
  { key: 'itStatus', label: '企业信息化建设情况', kind: 'text' },
  { key: 'cloudApps', label: '已上云的业务和应用清单', kind: 'text' },
  { key: 'cloudProviders', label: '云计算产品和服务提供商', kind: 'text' },
  { key: 'cloudEffect', label: '上云实际投入及用云成效简要描述', kind: 'text', hint: '（用云成效能量化的请量化描述）' },
  { key: 'typicalCases', label: '云上典型应用、典型案例介绍', kind: 'text' },
  { key: 'suggestions', label: '云上企业培育的意见建议', kind: 'text', labelOptional: true },
];

export function a1Field(key: A1FieldKey): A1FieldSpec {
  return A1_FIELDS.find((f) => f.key === key)!;
}

/**
 * The printed grid: six columns (label, value, label, value, label, value). A row of one field spans
 * the five columns right of its label; a row of three fields is label/value pairs. `tall` rows hold
 * paragraphs.
 */
export const A1_GRID: readonly { fields: readonly A1FieldKey[]; tall?: boolean }[] = [
  { fields: ['enterpriseName'] },
  { fields: ['creditCode'] },
  { fields: ['registeredAddress'] },
  { fields: ['registeredCapital', 'legalRepresentative', 'legalPhone'] },
  { fields: ['employees', 'itLead', 'itLeadPhone'] },
  { fields: ['mainBusiness'] },
  { fields: ['salesLastYear', 'profitLastYear', 'taxLastYear'] },
  { fields: ['rndLastYear', 'cloudInvestment3y', 'itInvestment3y'] },
  { fields: ['itStatus'], tall: true },
  { fields: ['cloudApps'], tall: true },
  { fields: ['cloudProviders'], tall: true },
  { fields: ['cloudEffect'], tall: true },
  { fields: ['typicalCases'], tall: true },
  { fields: ['suggestions'], tall: true },
];

// ---------------------------------------------------------------------------------------------------
// Attachment 2

export const A2_HEADERS = ['评价维度（权重）', '应用类型和指标（权重）', '评分细项 N', 'N', '评分细项 M', 'M'] as const;
/** Columns (1-based) of the N and M value cells in the template. */
export const A2_N_COLUMN = 4;
export const A2_M_COLUMN = 6;

export type ServerCellKey = 'cloudCores' | 'cloudMemoryGb' | 'allCores' | 'allMemoryGb';
export interface ServerCellSpec {
  key: ServerCellKey;
  label: string;
  unit: string;
  /** Which side of N/M the number goes into. */
  side: 'n' | 'm';
}

/** The server indicator asks for four numbers; N and M are computed from them (rules `server`). */
export const SERVER_CELLS: readonly ServerCellSpec[] = [
  { key: 'cloudCores', label: '云服务器CPU总核数', unit: '核', side: 'n' },
  { key: 'allCores', label: '全部服务器CPU总核数', unit: '核', side: 'm' },
  { key: 'cloudMemoryGb', label: '云服务器总内存（GB）', unit: 'GB', side: 'n' },
  { key: 'allMemoryGb', label: '全部服务器总内存（GB）', unit: 'GB', side: 'm' },
];

/** The six data categories as the notice prints them: three rows of two. */
export const TICK_GRID: readonly (readonly [DataCategory, DataCategory])[] = [
  ['研发数据', '供应链数据'],
  ['设计数据', '销售数据'],
  ['生产数据', '服务数据'],
];
export const TICK_YES = '是';
export const TICK_NO = '否';
export { DATA_CATEGORIES };

/** `N：企业使用云存储数据总量（单位：TB）` as printed beside the N cell. */
export function nLabel(ind: IndicatorRule): string {
  return ind.input === 'server' ? `N：${ind.n}（单位计算能力：${ind.unit}）` : `N：${ind.n}（单位：${ind.unit}）`;
}
export function mLabel(ind: IndicatorRule): string {
  if (ind.input === 'nOnly') return `M：为${ind.m}（自动计算，无需填写）`;
  if (ind.input === 'ticks') return `M：为${ind.m}，即${ind.mConstant}`;
  return ind.input === 'server' ? `M：${ind.m}（单位计算能力：${ind.unit}）` : `M：${ind.m}（单位：${ind.unit}）`;
}
/** The indicator's name cell: 「云存储（5）」. */
export function indicatorLabel(ind: IndicatorRule): string {
  return `${ind.name}（${ind.weight}）`;
}

// ---------------------------------------------------------------------------------------------------
// Column forms: A3, 系统清单, 云计算产品和服务清单, 专家评分表

export interface ColumnSpec<K extends string = string> {
  key: K;
  header: string;
  aliases?: string[];
  kind: ValueKind;
  unit?: string;
  integer?: boolean;
  mayBeNegative?: boolean;
  /** Drop-down choices written as data validation. */
  list?: readonly string[];
  /** A form whose header row lacks this column is still read (the column is ours or optional). */
  optional?: boolean;
}

export type A3ColumnKey =
  | 'seq'
  | 'district'
  | 'enterpriseName'
  | 'mainBusiness'
  | 'salesLastYear'
  | 'profitLastYear'
  | 'itInvestment3y'
  | 'cloudInvestment3y'
  | 'itLead'
  | 'phone'
  | 'opinion';

export const A3_COLUMNS: readonly ColumnSpec<A3ColumnKey>[] = [
  { key: 'seq', header: '序号', aliases: ['推荐排序', '排序'], kind: 'number', integer: true },
  { key: 'district', header: '区县', aliases: ['区县(市)', '县(市、区)', '县市区'], kind: 'text' },
  { key: 'enterpriseName', header: '企业名称', kind: 'text' },
  { key: 'mainBusiness', header: '主营业务', kind: 'text' },
  { key: 'salesLastYear', header: '上年度销售收入（万元）', kind: 'number', unit: '万元' },
  { key: 'profitLastYear', header: '上年度利润总额（万元）', kind: 'number', unit: '万元', mayBeNegative: true },
  { key: 'itInvestment3y', header: '近三年信息化建设和运维投入（万元）', kind: 'number', unit: '万元' },
  { key: 'cloudInvestment3y', header: '近三年上云投入（万元）', kind: 'number', unit: '万元' },
  // The notice prints 「企业化信息负责人」, a typo kept as an alias so its own form is read.
  { key: 'itLead', header: '企业信息化负责人', aliases: ['企业化信息负责人', '信息化负责人'], kind: 'text' },
  { key: 'phone', header: '联系电话', kind: 'phone' },
  { key: 'opinion', header: '市经信局推荐意见', aliases: ['推荐意见'], kind: 'text', optional: true },
];

export type SystemColumnKey =
  | 'seq'
  | 'indicatorName'
  | 'name'
  | 'onCloud'
  | 'provider'
  | 'description'
  | 'loginScreenshot'
  | 'mainScreenshot';

/** The system-count indicators as 系统清单 names them (SPEC 3.4), for the drop-down. */
export const SYSTEM_INDICATOR_NAMES = ['研发', '生产', '供应链', '营销', '其他', '行政办公', '设备管理', '系统协同'] as const;

export const SYSTEM_COLUMNS: readonly ColumnSpec<SystemColumnKey>[] = [
  { key: 'seq', header: '序号', kind: 'number', optional: true },
  { key: 'indicatorName', header: '指标', aliases: ['指标名称', '所属指标', '应用类型'], kind: 'text', list: SYSTEM_INDICATOR_NAMES },
  { key: 'name', header: '系统名称', kind: 'text' },
  { key: 'onCloud', header: '是否云上', aliases: ['是否上云'], kind: 'yesno', list: ['是', '否'] },
  { key: 'provider', header: '云服务商', aliases: ['服务商'], kind: 'text' },
  { key: 'description', header: '功能简介', aliases: ['系统功能简介'], kind: 'text' },
  { key: 'loginScreenshot', header: '登录页截图', aliases: ['登录页截图文件'], kind: 'path' },
  { key: 'mainScreenshot', header: '功能主页截图', aliases: ['功能主页截图文件'], kind: 'path' },
];

export type ProductColumnKey =
  | 'seq'
  | 'name'
  | 'provider'
  | 'category'
  | 'contractNo'
  | 'period'
  | 'amount'
  | 'contractFile'
  | 'invoiceFile';

export const PRODUCT_CATEGORIES = ['IaaS', 'PaaS', 'SaaS', '安全', '数据库', '其他'] as const;

export const PRODUCT_COLUMNS: readonly ColumnSpec<ProductColumnKey>[] = [
  { key: 'seq', header: '序号', kind: 'number', optional: true },
  { key: 'name', header: '产品/服务名称', aliases: ['产品名称', '服务名称', '产品和服务名称'], kind: 'text' },
  { key: 'provider', header: '服务商', aliases: ['云服务商'], kind: 'text' },
  { key: 'category', header: '类别', kind: 'text', list: PRODUCT_CATEGORIES },
  { key: 'contractNo', header: '合同编号', kind: 'text' },
  { key: 'period', header: '起止日期', aliases: ['服务期限', '合同期限'], kind: 'period' },
  { key: 'amount', header: '金额（万元）', aliases: ['合同金额'], kind: 'number', unit: '万元' },
  { key: 'contractFile', header: '合同文件', kind: 'path' },
  { key: 'invoiceFile', header: '发票文件', kind: 'path' },
];

export type ExpertColumnKey = 'enterpriseName' | 'creditCode' | 'expert' | 'expertCity' | ExpertKey;

/** Expert sheet columns: who and whom, then one column per expert item of the rules, with its maximum. */
export function expertColumns(rules: Rules): ColumnSpec<ExpertColumnKey>[] {
  return [
    { key: 'enterpriseName', header: '企业名称', kind: 'text' },
    { key: 'creditCode', header: '统一社会信用代码', kind: 'text', optional: true },
    { key: 'expert', header: '专家', kind: 'text', optional: true },
    { key: 'expertCity', header: '专家所在市', kind: 'text', optional: true },
    ...rules.experts.map(
      (e): ColumnSpec<ExpertColumnKey> => ({ key: e.key, header: `${e.name}（满分${e.max}）`, kind: 'number' }),
    ),
  ];
}

/** Indicators whose N counts systems, keyed by their name (系统清单 「指标」 column). */
export function systemIndicatorsByName(rules: Rules): Map<string, IndicatorKey> {
  const m = new Map<string, IndicatorKey>();
  for (const ind of rules.indicators) if (ind.evidence === 'systems') m.set(ind.name, ind.key);
  return m;
}

/** Rows of blank list forms in the template. */
export const BLANK_LIST_ROWS = 20;
