/**
 * The five forms (and the expert sheet) as data: titles, labels, columns and the units of their
 * numbers. The template writer, the builders and the readers all read this one description, so what
 * the template writes is what the readers look for.
 */
import type { A1FieldKey } from '../model/records.js';
import { DATA_CATEGORIES, type DataCategory, type ExpertKey, type IndicatorKey } from '../model/indicators.js';
import type { Rules, IndicatorRule } from '../rules/schema.js';

export type FormKind = 'a1' | 'a2' | 'a3' | 'systems' | 'products' | 'experts' | 'decisions';

/** The title printed in the first row of each form; recognition is by this text, never by file name. */
export const FORM_TITLES: Record<FormKind, string> = {
  a1: '制造业云上企业申报表',
  a2: '制造业“云上企业”用云水平评估表',
  a3: '制造业云上企业推荐排序表',
  systems: '系统清单',
  products: '云计算产品和服务清单',
  experts: '专家评分表',
  decisions: '人工复核记录表',
};

/** Short names used in messages (`{form}`) and as sheet names. */
export const FORM_NAMES: Record<FormKind, string> = {
  a1: '附件1 申报表',
  a2: '附件2 用云水平评估表',
  a3: '附件3 推荐排序表',
  systems: '系统清单',
  products: '云计算产品和服务清单',
  experts: '专家评分表',
  decisions: '人工复核记录表',
};

export const SHEET_NAMES: Record<FormKind, string> = {
  a1: '申报表',
  a2: '用云水平评估表',
  a3: '推荐排序表',
  systems: '系统清单',
  products: '云计算产品和服务清单',
  experts: '专家评分表',
  decisions: '人工复核记录表',
};

export const TEMPLATE_FILES: Record<FormKind, string> = {
  a1: '附件1-制造业云上企业申报表.xlsx',
  a2: '附件2-用云水平评估表.xlsx',
  a3: '附件3-推荐排序表.xlsx',
  systems: '系统清单.xlsx',
  products: '云计算产品和服务清单.xlsx',
  experts: '专家评分表.xlsx',
  decisions: '人工复核记录表.xlsx',
};

/** How a value cell is read: its kind decides parsing, `unit` is the target of unit conversion. */
export type ValueKind = 'text' | 'number' | 'phone' | 'yesno' | 'period' | 'path';

// ---------------------------------------------------------------------------------------------------
// Attachment 1

export interface A1FieldSpec {
  key: A1FieldKey;
  /** The field as messages name it to a person (the printed label says less for the two phones). */
  name: { zh: string; en: string };
  /** As printed; line breaks are where the printed form breaks the label. */
  label: string;
  /** Other wordings seen in filled forms (compared after normalisation, remarks in brackets removed). */
  aliases?: string[];
  kind: ValueKind;
  unit?: string;
  integer?: boolean;
  mayBeNegative?: boolean;
  /**
   * A form without this label is still complete, and the value may be left blank: the notice marks
   * 意见建议 optional, and the credit code is our own addition.
   */
  labelOptional?: boolean;
  /** Placeholder hint printed in the label cell, as the notice prints it. */
  hint?: string;
}

export const A1_FIELDS: readonly A1FieldSpec[] = [
  { key: 'enterpriseName', name: { zh: '企业名称', en: 'Enterprise name' }, label: '企业名称（盖章）', kind: 'text' },
  { key: 'creditCode', name: { zh: '统一社会信用代码', en: 'Unified social credit code' }, label: '统一社会信用代码', aliases: ['社会信用代码', '信用代码'], kind: 'text', labelOptional: true },
  { key: 'registeredAddress', name: { zh: '注册地址', en: 'Registered address' }, label: '注册地址', kind: 'text' },
  { key: 'registeredCapital', name: { zh: '注册资金（万元）', en: 'Registered capital (10k CNY)' }, label: '注册资金（万元）', aliases: ['注册资本'], kind: 'number', unit: '万元' },
  { key: 'legalRepresentative', name: { zh: '法人代表', en: 'Legal representative' }, label: '法人代表', aliases: ['法定代表人', '法人'], kind: 'text' },
  { key: 'legalPhone', name: { zh: '联系电话（法人代表）', en: 'Phone (legal representative)' }, label: '联系电话', kind: 'phone' },
  { key: 'employees', name: { zh: '员工数量', en: 'Employees' }, label: '员工数量', aliases: ['员工人数', '职工人数'], kind: 'number', unit: '人', integer: true },
  { key: 'itLead', name: { zh: '信息化负责人', en: 'IT lead' }, label: '信息化负责人', aliases: ['企业信息化负责人'], kind: 'text' },
  { key: 'itLeadPhone', name: { zh: '联系电话（信息化负责人）', en: 'Phone (IT lead)' }, label: '联系电话', kind: 'phone' },
  { key: 'mainBusiness', name: { zh: '主营业务', en: 'Main business' }, label: '主营业务', kind: 'text' },
  { key: 'salesLastYear', name: { zh: '上年度销售收入（万元）', en: 'Sales last year (10k CNY)' }, label: '上年度销售收入（万元）', kind: 'number', unit: '万元' },
  { key: 'profitLastYear', name: { zh: '上年度利润总额（万元）', en: 'Profit last year (10k CNY)' }, label: '上年度利润总额（万元）', kind: 'number', unit: '万元', mayBeNegative: true },
  { key: 'taxLastYear', name: { zh: '上年度纳税总额（万元）', en: 'Tax paid last year (10k CNY)' }, label: '上年度纳税总额（万元）', kind: 'number', unit: '万元' },
  { key: 'rndLastYear', name: { zh: '上年度研发投入（万元）', en: 'R&D spend last year (10k CNY)' }, label: '上年度研发投入（万元）', kind: 'number', unit: '万元' },
  { key: 'cloudInvestment3y', name: { zh: '近三年上云投入（万元）', en: 'Cloud investment, last three years (10k CNY)' }, label: '近三年上云投入（万元）', kind: 'number', unit: '万元' },
  { key: 'itInvestment3y', name: { zh: '近三年信息化建设和运维投入（万元）', en: 'IT investment, last three years (10k CNY)' }, label: '近三年信息化建设和运维投入（万元）', kind: 'number', unit: '万元' },
  { key: 'itStatus', name: { zh: '企业信息化建设情况', en: 'State of IT in the enterprise' }, label: '企业信息化建设情况', kind: 'text' },
  { key: 'cloudApps', name: { zh: '已上云的业务和应用清单', en: 'Businesses and applications on cloud' }, label: '已上云的业务和应用清单', kind: 'text' },
  { key: 'cloudProviders', name: { zh: '云计算产品和服务提供商', en: 'Cloud product and service providers' }, label: '云计算产品和服务提供商', kind: 'text' },
  { key: 'cloudEffect', name: { zh: '上云实际投入及用云成效简要描述', en: 'Cloud investment and results' }, label: '上云实际投入及用云成效简要描述', kind: 'text', hint: '（用云成效能量化的请量化描述）' },
  { key: 'typicalCases', name: { zh: '云上典型应用、典型案例介绍', en: 'Typical cloud applications and cases' }, label: '云上典型应用、典型案例介绍', kind: 'text' },
  { key: 'suggestions', name: { zh: '云上企业培育的意见建议', en: 'Suggestions' }, label: '云上企业培育的意见建议', kind: 'text', labelOptional: true },
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

/**
 * The template's A2 columns: the notice's (评价维度, 应用类型和指标, 具体说明, 评分细项, 评分解释) with the
 * 评分细项 split into a label and a value cell for N and for M, so the value has a cell of its own.
 */
export const A2_HEADERS = ['评价维度（权重）', '应用类型和指标（权重）', '具体说明', '评分细项 N', 'N', '评分细项 M', 'M', '评分解释'] as const;
/** Columns (1-based) of the template's A2: the indicator's 具体说明, N label, N value, M label, M value, 评分解释. */
export const A2_COLUMNS = { dimension: 1, indicator: 2, description: 3, nLabel: 4, n: 5, mLabel: 6, m: 7, explanation: 8 } as const;

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

/**
 * The notice's own words on 附件2, printed on the template so a blank reads like the official form.
 * `description` is the 具体说明 column; `ranking` ends the 评分解释 column (「该项目自评分 = N ÷ M × 5，」
 * is put before it from the rules' weight).
 */
export const NOTICE_A2_TEXTS: Partial<Record<IndicatorKey, { description: string; ranking: string }>> = {
  'infra.storage': {
    description: '云存储是一个以数据存储和管理为核心的云计算系统，该项旨在考察企业在云存储方面的综合水平',
    ranking: 'N值和M值将用于存储数据总量全省排名，根据排名得到相应等级的横向评分',
  },
  'infra.server': {
    description: '云服务器是通过虚拟化技术，处理能力可弹性配置的云计算服务，该项旨在考察企业租用或自建云服务器数量',
    ranking: 'N值和M值将用于服务器使用数量全省排名，根据排名得到相应等级的横向评分',
  },
  'infra.security': {
    description: '云安全，如：云计算安全、安全基础设施的云化、云安全服务等，该项旨在考察企业在云安全方面的投入',
    ranking: 'N值和M值将用于安全产品和服务费用全省排名，根据排名得到相应等级的横向评分',
  },
  'infra.database': {
    description: '云数据库是指基于云环境优化或部署的数据库，可提供高性能、高可靠、低成本的数据库服务，该项旨在考察企业在云数据库方面的投入',
    ranking: 'N值和M值将用于数据库费用支出全省排名，根据排名得到相应等级的横向评分',
  },
  'business.rnd': {
    description: '研发系统，如：PDM（产品数据管理系统）、PLM（产品生命周期管理系统）等',
    ranking: 'N值和M值将用于研发系统数量全省排名，根据排名得到相应等级的横向评分',
  },
  'business.production': {
    description: '生产系统，如：制造类系统MES、ERP等，物联网类系统等',
    ranking: 'N值和M值将用于生产系统数量全省排名，根据排名得到相应等级的横向评分',
  },
  'business.supplyChain': {
    description: '供应链系统，如采购系统、供应链管理、库存系统等',
    ranking: 'N值和M值将用于供应链系统数量全省排名，根据排名得到相应等级的横向评分',
  },
  'business.marketing': {
    description: '营销系统，如：CRM（客户关系管理系统）、电商平台、O2O、后服务系统等',
    ranking: 'N值和M值将用于营销系统数量全省排名，根据排名得到相应等级的横向评分',
  },
  'business.other': {
    description: '大数据分析平台、数据服务平台、人工智能服务平台等',
    ranking: 'N值和M值将用于其他系统数量全省排名，根据排名得到相应等级的横向评分',
  },
  'management.office': {
    description: '内部办公管理系统，如：人事、培训、考核、财务、税务、工作量管理、审批管理等',
    ranking: 'N值和M值将用于行政办公系统数量全省排名，根据排名得到相应等级的横向评分',
  },
  'management.devices': {
    description: '如：通用动力设备、新能源设备、智能设备等',
    ranking: 'N值和M值将用于企业设备数量全省排名，根据排名得到相应等级的横向评分',
  },
  'management.equipment': {
    description: '如：设备台账管理系统、设备点检系统、工单管理系统、维修保养系统等',
    ranking: 'N值和M值将用于设备管理系统数量全省排名，根据排名得到相应等级的横向评分',
  },
  'collaboration.systems': {
    description: '企业通过云上与产业链上下游、供应链等实现系统协同的数量',
    ranking: 'N值还将用于系统协同数量全省排名，根据排名得到相应等级的横向评分',
  },
  'collaboration.data': {
    description: '企业通过云上数据协同实现生产经营管理优化，如：研发数据、设计数据、生产数据、供应链数据、销售数据、服务数据',
    ranking: 'N值还将用于数据协同类别数量全省排名，根据排名得到相应等级的横向评分',
  },
  'investment.cloud': {
    description: '企业近三年信息化建设和运维投入中用于企业上云的投入',
    ranking: 'N值还将用于近三年上云总投入全省排名，根据排名得到相应等级的横向评分',
  },
};

/** The 评分解释 of an indicator as the notice prints it, with the weight and the server's divisors from the rules. */
export function explanationText(ind: IndicatorRule, rules: Pick<Rules, 'server'>): string {
  const ranking = NOTICE_A2_TEXTS[ind.key]?.ranking;
  const own = `该项目自评分 = N ÷ M × ${ind.weight}${ranking ? `，${ranking}` : ''}`;
  if (ind.input !== 'server') return own;
  const { coresPerUnit, memoryGbPerUnit } = rules.server;
  return `N =（CPU总核/${coresPerUnit} + 总内存/${memoryGbPerUnit}）/2，即云服务器的CPU总核和总内存分别除以单位量后取平均值，M值的计算同上。${own}`;
}

/**
 * What the panel looks at for each 标杆示范 item, as the notice prints it. The items' names, maxima and
 * groups (创新应用 13 = 4 + 4 + 5, 典型示范 12 = 4 + 4 + 4) come from the rules file.
 */
export const NOTICE_EXPERT_TEXTS: Partial<Record<ExpertKey, string>> = {
  'expert.xinchuang': '考量企业在上云过程中应用的信创产品情况',
  'expert.cloudNative': '综合考量企业应用云原生技术及理念，构建研发、设计、生产、营销、管理等环节新建信息系统，改造存量信息系统的情况',
  'expert.cloudManagement': '考量企业云上管理能力的建设情况，包括上云之后的管理制度制定、上云之后运维响应规范、多云或混合云环境的管理规范等',
  'expert.platform': '考量企业与典型性平台的交互应用情况，包括产业大脑、工业互联网平台及行业云应用示范平台等',
  'expert.newManufacturing': '考量企业用云助力发展新制造典型情况，包括建设数字化车间、智能工厂、未来工厂等',
  'expert.performance': '综合考量企业通过上云用云，实现竞争力、发展质量和效益提升情况',
};
/** What the last column of each 标杆示范 row says. */
export const EXPERT_SCORED = '（专家评分）';

/** 填表说明 under 附件2, word for word as the notice prints it. */
export const NOTICE_A2_NOTES: readonly string[] = [
  '填表说明：',
  '1、表中M、N由申报企业具体填报；标杆示范部分由专家进行评分，申报企业无需填报。',
  '2、表中各评分项的证明材料要求：',
  '（1）云安全和云数据库两项，需提供上年度的相关发票、收据或合同等佐证材料；',
  '（2）以系统数量为评分指标的评分项，需提供相关系统清单和清单中每个系统的登录页和功能主页截图、系统功能简介；',
  '（3）标杆示范部分，申报企业若有符合相关评分项的情况或案例，需提供相关情况的详细介绍和案例介绍。',
];

/**
 * Printed texts of 附件2 that are never a value: the 评分解释 column (「该项目自评分 = …」, the server's
 * 「N =（CPU总核/4 …」), the 数据协同 caption 「具体协同类别（请勾选☑）」 and 「（专家评分）」. Compared on
 * normalised text, so a copy with other brackets or spaces is still recognised.
 */
export function isA2PrintedText(norm: string): boolean {
  return (
    norm.startsWith('该项目自评分') ||
    norm.includes('全省排名') ||
    norm.startsWith('具体协同类别') ||
    norm.includes('专家评分') ||
    norm.startsWith('评分解释') ||
    norm.startsWith('具体说明')
  );
}

/** `N：企业使用云存储数据总量（单位：TB）` as printed beside the N cell. */
export function nLabel(ind: IndicatorRule): string {
  if (ind.input === 'ticks') return `N：${ind.n}（按勾选计算，无需填写）`;
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

export const SYSTEM_COLUMNS: readonly ColumnSpec<SystemColumnKey>[] = [
  { key: 'seq', header: '序号', kind: 'number', optional: true },
  { key: 'indicatorName', header: '指标', aliases: ['指标名称', '所属指标', '应用类型'], kind: 'text' },
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

/**
 * The clerk's 人工复核记录表 (`score --decisions`): one row per decision. The first header of each
 * column is the template's; the others are what a clerk may have typed instead.
 */
export const DECISION_COLUMNS = {
  enterprise: ['企业', '企业名称', '统一社会信用代码', '申报企业'],
  type: ['类型', '复核类型', '决定类型'],
  target: ['对象', '复核对象'],
  value: ['新值', '更正值'],
  reason: ['理由', '复核理由', '原因'],
  clerk: ['经办人', '复核人'],
  date: ['日期', '复核日期'],
} as const;

/** The four types, as the sheet names them (the template's drop-down). */
export const DECISION_TYPES = { waive: '豁免问题', correct: '更正数值', terminate: '终止申报', reinstate: '恢复受理' } as const;

export type DecisionColumnKey = keyof typeof DECISION_COLUMNS;

/** The template's columns of the 人工复核记录表; the header's bracketed remark is not part of the label. */
export const DECISION_SHEET_COLUMNS: readonly ColumnSpec<DecisionColumnKey>[] = [
  { key: 'enterprise', header: '企业（名称、统一社会信用代码或企业 id）', kind: 'text' },
  { key: 'type', header: '类型', kind: 'text', list: Object.values(DECISION_TYPES) },
  { key: 'target', header: '对象（问题代码及位置，或指标名称 N/M）', kind: 'text' },
  { key: 'value', header: '新值（仅更正数值）', kind: 'text' },
  { key: 'reason', header: '理由（必填）', kind: 'text' },
  { key: 'clerk', header: '经办人', kind: 'text' },
  { key: 'date', header: '日期', kind: 'text' },
];

/** Indicators whose N counts systems, keyed by their name (系统清单 「指标」 column). */
export function systemIndicatorsByName(rules: Rules): Map<string, IndicatorKey> {
  const m = new Map<string, IndicatorKey>();
  for (const ind of rules.indicators) if (ind.evidence === 'systems') m.set(ind.name, ind.key);
  return m;
}

/** Rows of blank list forms in the template. */
export const BLANK_LIST_ROWS = 20;
