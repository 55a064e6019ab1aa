/**
 * What one PDF covers: the whole province, or one city's applicants. Only selection and presentation
 * figures (medians, means, counts) are computed here; every score is read from the Result.
 */
import type { ApplicantResult, Result } from '../../model/result.js';
import type { Finding } from '../../findings/finding.js';
import type { Rules } from '../../rules/schema.js';
import { compareCityNames } from '../../data/zhejiang.js';
import { UsageError } from '../../util/errors.js';
import { median } from '../../util/median.js';

export interface CityPart {
  name: string;
  /** Ranked applicants in city-rank order, then the rejected ones. */
  applicants: ApplicantResult[];
  /** The city's own findings, about no single applicant (its 推荐排序表 and the like). */
  findings: Finding[];
}

export interface ReportView {
  result: Result;
  rules: Rules;
  city?: string;
  applicants: ApplicantResult[];
  ranked: ApplicantResult[];
  rejected: ApplicantResult[];
  selected: ApplicantResult[];
  /** In the official order (杭州 … 丽水), whatever order the result holds them in. */
  cities: CityPart[];
  /** The province PDF's findings about no applicant: each city's, then the input's (none in a city PDF). */
  otherFindings: Finding[];
  /** The applicants ranked province-wide, for the comparisons a city PDF draws. */
  provinceRanked: ApplicantResult[];
  /** Province-wide median of each dimension subtotal over the applicants not rejected. */
  medians: Record<string, number>;
  indicatorMax: number;
  expertMax: number;
}


export function buildView(result: Result, rules: Rules, city?: string): ReportView {
  const cityNames = result.cities.map((c) => c.name);
  for (const a of result.applicants) if (!cityNames.includes(a.city)) cityNames.push(a.city);
  cityNames.sort(compareCityNames);
  if (city !== undefined && !cityNames.includes(city))
    throw new UsageError(`结果中没有城市「${city}」；有：${cityNames.join('、')}`);
  const inScope = (a: ApplicantResult) => city === undefined || a.city === city;
  const applicants = result.applicants.filter(inScope);
  const ranked = applicants.filter((a) => a.status !== 'rejected');
  const rejected = applicants.filter((a) => a.status === 'rejected');
  const cities = cityNames
    .filter((n) => city === undefined || n === city)
    .map((name) => ({
      name,
      applicants: [...ranked.filter((a) => a.city === name), ...rejected.filter((a) => a.city === name)],
      findings: result.findings.filter((f) => f.city === name),
    }));
  const cityFindings = cities.flatMap((c) => c.findings);
  const otherFindings = city === undefined ? [...cityFindings, ...result.findings.filter((f) => f.city === undefined || !cityNames.includes(f.city))] : [];
  const provinceRanked = result.applicants.filter((a) => a.status !== 'rejected');
  const medians: Record<string, number> = {};
  for (const d of rules.dimensions) medians[d.key] = provinceRanked.length === 0 ? 0 : median(provinceRanked.map((a) => a.dimensions[d.key] ?? 0));
  return {
    result,
    rules,
    ...(city !== undefined ? { city } : {}),
    applicants,
    ranked,
    rejected,
    selected: result.selection ? ranked.filter((a) => a.selected) : [],
    cities,
    otherFindings,
    provinceRanked,
    medians,
    indicatorMax: rules.indicators.reduce((s, i) => s + i.weight, 0),
    expertMax: rules.experts.reduce((s, e) => s + e.max, 0),
  };
}

/** Scores as printed everywhere: two decimals, as the scoring rounded them. */
export function fmtScore(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : v.toFixed(2);
}

const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, useGrouping: true });

/** An input quantity (N, M, money) without trailing zeros. */
export function fmtNumber(v: number | null | undefined): string {
  return v === null || v === undefined || Number.isNaN(v) ? '—' : plain.format(v);
}

/** A file as a page names it: relative to the input as the Result keeps it, an absolute path by its name alone. */
export function shownFile(file: string): string {
  if (!/^([A-Za-z]:)?[\\/]/.test(file)) return file;
  return file.split(/[\\/]/).filter(Boolean).at(-1) ?? file;
}
