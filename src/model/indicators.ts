/** Stable keys of the fifteen self-scored indicators of 附件2 (docs/notice.md § 附件2). The rules file describes each. */
export const INDICATOR_KEYS = [
  'infra.storage',
  'infra.server',
  'infra.security',
  'infra.database',
  'business.rnd',
  'business.production',
  'business.supplyChain',
  'business.marketing',
  'business.other',
  'management.office',
  'management.devices',
  'management.equipment',
  'collaboration.systems',
  'collaboration.data',
  'investment.cloud',
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

export const EXPERT_KEYS = [
  'expert.xinchuang',
  'expert.cloudNative',
  'expert.cloudManagement',
  'expert.platform',
  'expert.newManufacturing',
  'expert.performance',
] as const;
export type ExpertKey = (typeof EXPERT_KEYS)[number];

/** The six data categories of collaboration.data, in the order the notice prints them. */
export const DATA_CATEGORIES = ['研发数据', '设计数据', '生产数据', '供应链数据', '销售数据', '服务数据'] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export function isIndicatorKey(s: string): s is IndicatorKey {
  return (INDICATOR_KEYS as readonly string[]).includes(s);
}
