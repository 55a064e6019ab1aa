/**
 * The rules file: everything about the selection that a later batch may change (indicators, weights,
 * units, the band table, combination weights, what errors do) lives in data, validated here.
 */
import { z } from 'zod';
import { EXPERT_KEYS, INDICATOR_KEYS } from '../model/indicators.js';
import { A1_NUMBER_KEYS } from '../model/records.js';
import { nearest } from '../util/nearest.js';

/** 「 (did you mean x?)」 when a known key is near the one typed. */
export function nearestNote(typed: string, known: readonly string[]): string {
  const near = nearest(typed, known);
  return near !== undefined && near !== typed ? ` (did you mean ${near}?)` : '';
}

const indicatorKey = z.enum(INDICATOR_KEYS);
const positive = z.number().positive();

export const indicatorRuleSchema = z.object({
  key: indicatorKey,
  name: z.string().min(1),
  nameEn: z.string().min(1),
  dimension: z.string().min(1),
  weight: positive,
  unit: z.string().min(1),
  /** nm: N and M typed; server: four numbers; ticks: six categories; nOnly: M derived (`mSumOf`). */
  input: z.enum(['nm', 'server', 'ticks', 'nOnly']),
  n: z.string(),
  m: z.string(),
  mSumOf: z.array(indicatorKey).optional(),
  mConstant: positive.optional(),
  /** What proof the notice asks for: a system list with screenshots, a last-year invoice, or none. */
  evidence: z.enum(['none', 'systems', 'invoice']),
  /** The 附件1 fields that state this indicator's N and M too; they must agree (check values.investment). */
  a1: z.object({ n: z.enum(A1_NUMBER_KEYS), m: z.enum(A1_NUMBER_KEYS) }).optional(),
  /**
   * N is the applicant's cloud investment: what the product list adds up to may not exceed it, and it
   * breaks ties in the ranking (附件1's `a1.n` first, else N). At most one indicator has it.
   */
  cloudInvestment: z.literal(true).optional(),
  /** N per employee is compared with the province as well (check outliers.valueOutliers). */
  perEmployeeOutlier: z.literal(true).optional(),
});

export const rulesSchema = z
  .object({
    id: z.string().min(1),
    version: z.number().int(),
    title: z.string(),
    titleEn: z.string(),
    source: z.string(),
    batchYear: z.number().int(),
    periods: z.object({
      lastYear: z.number().int(),
      threeYearsFrom: z.number().int(),
      threeYearsTo: z.number().int(),
    }),
    dimensions: z.array(z.object({ key: z.string(), name: z.string(), nameEn: z.string(), weight: positive })).min(1),
    indicators: z.array(indicatorRuleSchema).min(1),
    server: z.object({ coresPerUnit: positive, memoryGbPerUnit: positive }),
    experts: z.array(
      z.object({ key: z.enum(EXPERT_KEYS), name: z.string(), nameEn: z.string(), group: z.string(), max: positive }),
    ),
    horizontal: z.object({
      rankBy: z.enum(['n', 'ratio', 'm']),
      note: z.string().optional(),
      bands: z
        .array(z.object({ grade: z.string().min(1), share: z.number().gt(0).max(1), factor: z.number().min(0).max(1) }))
        .min(1),
    }),
    combination: z.object({ self: z.number().min(0), horizontal: z.number().min(0) }),
    rounding: z.object({ decimals: z.number().int().min(0).max(6) }),
    /** Per target unit: the units a person may type and the factor into the target unit. */
    units: z.record(z.string(), z.record(z.string(), positive)),
    effects: z.object({
      /** Error codes that reject the applicant (listed, not ranked). */
      reject: z.array(z.string()),
      /** An error finding about an indicator scores it 0 and marks it unverified. */
      indicatorError: z.literal('zero-unverified'),
      /** Lowest severity that marks an applicant `flagged`. */
      flagOn: z.enum(['error', 'warning', 'info']),
    }),
    severityOverrides: z.record(z.string(), z.enum(['error', 'warning', 'info'])),
    expertPanel: z.object({ spreadWarning: z.number().min(0), recuseSameCity: z.boolean() }),
    outliers: z.object({ robustZ: positive, perEmployeeFactor: positive }),
  })
  .superRefine((r, ctx) => {
    // Semantic rules, each the statement that should hold.
    const dims = new Set(r.dimensions.map((d) => d.key));
    const seen = new Set<string>();
    r.indicators.forEach((ind, i) => {
      if (seen.has(ind.key)) ctx.addIssue({ code: 'custom', path: ['indicators', i, 'key'], message: `indicator ${ind.key} is listed twice` });
      seen.add(ind.key);
      if (!dims.has(ind.dimension))
        ctx.addIssue({ code: 'custom', path: ['indicators', i, 'dimension'], message: `unknown dimension ${ind.dimension}` });
      if (ind.cloudInvestment && r.indicators.findIndex((x) => x.cloudInvestment) !== i)
        ctx.addIssue({ code: 'custom', path: ['indicators', i, 'cloudInvestment'], message: 'only one indicator can be the cloud investment' });
      if (ind.input === 'nOnly' && !ind.mSumOf)
        ctx.addIssue({ code: 'custom', path: ['indicators', i], message: 'an nOnly indicator needs mSumOf' });
      if (ind.input === 'ticks' && !ind.mConstant)
        ctx.addIssue({ code: 'custom', path: ['indicators', i], message: 'a ticks indicator needs mConstant' });
    });
    // An indicator whose M sums others names indicators this file scores.
    const keys = r.indicators.map((i) => i.key);
    r.indicators.forEach((ind, i) =>
      ind.mSumOf?.forEach((k, j) => {
        if (!seen.has(k))
          ctx.addIssue({ code: 'custom', path: ['indicators', i, 'mSumOf', j], message: `indicator ${k} is not among this file's indicators${nearestNote(k, keys)}` });
      }),
    );
    const experts = new Set<string>();
    r.experts.forEach((e, i) => {
      if (experts.has(e.key)) ctx.addIssue({ code: 'custom', path: ['experts', i, 'key'], message: `expert item ${e.key} is listed twice` });
      experts.add(e.key);
    });
    const shares = r.horizontal.bands.map((b) => b.share);
    if (shares.some((s, i) => i > 0 && s <= shares[i - 1]!))
      ctx.addIssue({ code: 'custom', path: ['horizontal', 'bands'], message: 'band shares must increase' });
    if (shares[shares.length - 1] !== 1)
      ctx.addIssue({ code: 'custom', path: ['horizontal', 'bands'], message: 'the last band must have share 1' });
    for (const ind of r.indicators)
      if (!r.units[ind.unit] && ind.input === 'nm')
        ctx.addIssue({ code: 'custom', path: ['units'], message: `no unit table for ${ind.unit} (${ind.key})` });
  });

export type Rules = z.infer<typeof rulesSchema>;
export type IndicatorRule = z.infer<typeof indicatorRuleSchema>;

/** The indicator whose N is the applicant's cloud investment (`cloudInvestment` in the rules file), if any. */
export function cloudInvestmentRule(rules: Pick<Rules, 'indicators'>): IndicatorRule | undefined {
  return rules.indicators.find((i) => i.cloudInvestment);
}
