/**
 * Numbers that make sense: counts are whole, amounts are not below zero, and for every indicator the
 * cloud part N is at most the whole M (the notice scores N/M, which is meaningless above 1 or over 0).
 */
import { defineCheck, type Report } from '../../check.js';
import type { Cell } from '../../../model/location.js';
import type { ApplicantPack, IndicatorInput } from '../../../model/records.js';
import type { IndicatorRule, Rules } from '../../../rules/schema.js';
import { A1_INTEGER, A1_LABELS, A1_NON_NEGATIVE } from './a1Fields.js';
import { showNumber } from './compare.js';

const codes = {
  NOT_INTEGER: {
    severity: 'error',
    zh: '「{field}」应为整数，填写的是 {value}',
    en: '"{fieldEn}" must be a whole number, found {value}',
    fixZh: '将「{field}」改为整数（系统、设备按个数、台数填写）',
    fixEn: 'Enter a whole number for "{fieldEn}" (systems and devices are counted)',
  },
  NEGATIVE_VALUE: {
    severity: 'error',
    zh: '「{field}」不能为负数，填写的是 {value}',
    en: '"{fieldEn}" cannot be negative, found {value}',
    fixZh: '将「{field}」改为大于或等于 0 的数',
    fixEn: 'Enter zero or more for "{fieldEn}"',
  },
  N_GREATER_THAN_M: {
    severity: 'error',
    zh: 'N（{n}）大于 M（{m}）：{indicator}',
    en: 'N ({n}) is greater than M ({m}): {indicatorEn}',
    fixZh: '核对「{indicator}」：云上部分 N 不能超过总量 M',
    fixEn: 'Check "{indicatorEn}": the cloud part N cannot exceed the whole M',
  },
  M_ZERO_WITH_N: {
    severity: 'error',
    zh: 'M 为 0 而 N 为 {n}：{indicator}',
    en: 'M is 0 while N is {n}: {indicatorEn}',
    fixZh: '填写「{indicator}」的总量 M（应不小于 N）',
    fixEn: 'Enter the whole M of "{indicatorEn}" (at least N)',
  },
} as const;

type Code = keyof typeof codes & string;

/** Units that count things: systems (个) and devices (台) come whole. */
const COUNT_UNITS = new Set(['个', '台', '类']);

interface Ctx {
  pack: ApplicantPack;
  report: Report<Code>;
}

function checkValue(
  { pack, report }: Ctx,
  cell: Cell<number | null> | undefined,
  what: { field: string; fieldEn: string },
  opts: { integer: boolean; nonNegative: boolean },
  indicator?: IndicatorRule,
): void {
  const v = cell?.value;
  if (cell === undefined || v === null || v === undefined) return;
  const about = indicator ? { applicant: pack, indicator: indicator.key } : { applicant: pack };
  const args = { ...what, value: cell.raw?.trim() || showNumber(v) };
  if (opts.nonNegative && v < 0) report('NEGATIVE_VALUE', args, cell.loc, about);
  else if (opts.integer && !Number.isInteger(v)) report('NOT_INTEGER', args, cell.loc, about);
}

function indicatorArgs(rule: IndicatorRule) {
  return { indicator: rule.name, indicatorEn: rule.nameEn };
}

/** (cores/4 + memory/16)/2 with the divisors from the rules file; null when a number is missing. */
function serverUnits(cores: number | null, memoryGb: number | null, rules: Rules): number | null {
  if (cores === null || memoryGb === null) return null;
  return (cores / rules.server.coresPerUnit + memoryGb / rules.server.memoryGbPerUnit) / 2;
}

function compareNM(
  { pack, report }: Ctx,
  rule: IndicatorRule,
  n: number | null,
  m: number | null,
  nCell: Cell<unknown>,
  mCell: Cell<unknown> | undefined,
): void {
  if (n === null || m === null || n < 0 || m < 0) return;
  const about = { applicant: pack, indicator: rule.key };
  const args = { ...indicatorArgs(rule), n: showNumber(n), m: showNumber(m) };
  // M = 0 < N is its own message: the cause is a missing total, not an overstated N.
  if (m === 0 && n > 0 && mCell) report('M_ZERO_WITH_N', args, mCell.loc, about);
  else if (n > m) report('N_GREATER_THAN_M', args, nCell.loc, about);
}

function checkIndicator(ctx: Ctx, rule: IndicatorRule, input: IndicatorInput, rules: Rules): void {
  const integer = COUNT_UNITS.has(rule.unit);
  const label = (part: 'N' | 'M') => ({
    field: `${rule.name} ${part}（${part === 'N' ? rule.n : rule.m}）`,
    fieldEn: `${rule.nameEn} ${part}`,
  });
  if (rule.input === 'nm' || rule.input === 'nOnly') {
    checkValue(ctx, input.n, label('N'), { integer, nonNegative: true }, rule);
    if (rule.input === 'nm') checkValue(ctx, input.m, label('M'), { integer, nonNegative: true }, rule);
    if (rule.input === 'nm' && input.n && input.m) compareNM(ctx, rule, input.n.value, input.m.value, input.n, input.m);
  } else if (rule.input === 'server') {
    // Each side is cores and memory, or a count typed in 4核16G units (the notice's printed form).
    const s = input.server ?? {};
    const part = (zh: string, en: string) => ({ field: `${rule.name}（${zh}）`, fieldEn: `${rule.nameEn} (${en})` });
    checkValue(ctx, s.cloudCores, part('云上CPU核数', 'cloud CPU cores'), { integer: true, nonNegative: true }, rule);
    checkValue(ctx, s.cloudMemoryGb, part('云上内存GB', 'cloud memory GB'), { integer: false, nonNegative: true }, rule);
    checkValue(ctx, s.allCores, part('全部CPU核数', 'all CPU cores'), { integer: true, nonNegative: true }, rule);
    checkValue(ctx, s.allMemoryGb, part('全部内存GB', 'all memory GB'), { integer: false, nonNegative: true }, rule);
    const nSide = s.cloudCores || s.cloudMemoryGb;
    const mSide = s.allCores || s.allMemoryGb;
    if (!nSide) checkValue(ctx, input.n, label('N'), { integer: false, nonNegative: true }, rule);
    if (!mSide) checkValue(ctx, input.m, label('M'), { integer: false, nonNegative: true }, rule);
    const n = nSide ? serverUnits(s.cloudCores?.value ?? null, s.cloudMemoryGb?.value ?? null, rules) : (input.n?.value ?? null);
    const m = mSide ? serverUnits(s.allCores?.value ?? null, s.allMemoryGb?.value ?? null, rules) : (input.m?.value ?? null);
    const nCell = s.cloudCores ?? s.cloudMemoryGb ?? input.n;
    const mCell = s.allCores ?? s.allMemoryGb ?? input.m;
    if (nCell) compareNM(ctx, rule, n, m, nCell, mCell);
  }
}

/** collaboration.systems: its M is the sum of the N of the indicators it names (the five business parts). */
function checkDerivedM(ctx: Ctx, rule: IndicatorRule, inputs: Partial<Record<string, IndicatorInput>>): void {
  const nCell = inputs[rule.key]?.n;
  if (!nCell || nCell.value === null || nCell.value < 0 || !rule.mSumOf) return;
  let m = 0;
  for (const key of rule.mSumOf) {
    const v = inputs[key]?.n?.value;
    if (v === null || v === undefined) return; // a part is unknown: the sum would be a guess
    m += v;
  }
  if (nCell.value > m)
    ctx.report(
      'N_GREATER_THAN_M',
      { ...indicatorArgs(rule), n: showNumber(nCell.value), m: showNumber(m) },
      nCell.loc,
      { applicant: ctx.pack, indicator: rule.key },
    );
}

export const numbersCheck = defineCheck({
  id: 'values.numbers',
  description: '人数为整数，金额不为负，N ≤ M，N > 0 时 M > 0',
  notice: '附件2 评分解释「该项目自评分 = N ÷ M × 5」：N 不大于 M，M 为 0 时无从计算；附件1 的人数、金额按表头单位填报',
  codes,
  run({ submission, rules }, report) {
    for (const city of submission.cities)
      for (const pack of city.applicants) {
        const ctx: Ctx = { pack, report };
        if (pack.a1) {
          const f = pack.a1.fields;
          for (const key of A1_NON_NEGATIVE) {
            const what = { field: A1_LABELS[key].zh, fieldEn: A1_LABELS[key].en };
            checkValue(ctx, f[key], what, { integer: A1_INTEGER.has(key), nonNegative: true });
          }
        }
        if (pack.a2) {
          const inputs = pack.a2.indicators;
          for (const rule of rules.indicators) {
            const input = inputs[rule.key];
            if (!input) continue;
            checkIndicator(ctx, rule, input, rules);
            if (rule.input === 'nOnly') checkDerivedM(ctx, rule, inputs);
          }
        }
      }
  },
});
