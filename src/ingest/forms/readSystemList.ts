/** 系统清单: one row per system, its indicator named in Chinese and mapped to the indicator key. */
import type { SystemList, SystemRow } from '../../model/records.js';
import type { IndicatorKey } from '../../model/indicators.js';
import { isIndicatorKey } from '../../model/indicators.js';
import { FORM_NAMES, SYSTEM_COLUMNS, systemIndicatorsByName, type SystemColumnKey } from '../../forms/layout.js';
import { labelKey } from '../../forms/normalise.js';
import type { Rules } from '../../rules/schema.js';
import type { Cell } from '../../model/location.js';
import { cellOf, dataRows, findHeader, readColumn } from './readList.js';
import { finding, readYesNo, type ReadContext } from './values.js';

/** 「研发」, 「研发系统」, 「研发（5）」, 「business.rnd」 all name business.rnd. */
export function systemIndicatorOf(name: string, rules: Rules): IndicatorKey | null {
  return indicatorNamed(name, systemIndicatorsByName(rules));
}

function indicatorNamed(name: string, byName: Map<string, IndicatorKey>): IndicatorKey | null {
  if (isIndicatorKey(name.trim())) return name.trim() as IndicatorKey;
  const key = labelKey(name);
  return byName.get(key) ?? byName.get(key.replace(/(系统|类|指标)$/, '')) ?? null;
}

const SPEC_OF = new Map(SYSTEM_COLUMNS.map((c) => [c.key, c]));

export function readSystemList(ctx: ReadContext): SystemList | undefined {
  const layout = findHeader(ctx, FORM_NAMES.systems, SYSTEM_COLUMNS);
  if (!layout) return undefined;
  const byName = systemIndicatorsByName(ctx.rules);
  const known = () => [...byName.keys()].join('、');
  const rows: SystemRow[] = [];
  const text = (key: SystemColumnKey, r: number) => {
    const spec = SPEC_OF.get(key)!;
    return readColumn(ctx, layout, spec, r, spec.header) as Cell<string | null>;
  };
  for (const r of dataRows(ctx, layout)) {
    const indicatorName = text('indicatorName', r);
    let indicator: IndicatorKey | null = null;
    if (indicatorName.value !== null) {
      indicator = indicatorNamed(indicatorName.value, byName);
      if (!indicator) ctx.findings.push(finding('UNKNOWN_SYSTEM_INDICATOR', { name: indicatorName.value, known: known() }, indicatorName.loc));
    } else ctx.findings.push(finding('UNKNOWN_SYSTEM_INDICATOR', { name: '（空）', known: known() }, indicatorName.loc));
    const onCloud = readYesNo(ctx, cellOf(ctx, layout, 'onCloud', r), { field: '是否云上', ...(indicator ? { indicator } : {}) }, null);
    rows.push({
      row: r,
      indicatorName,
      indicator,
      name: text('name', r),
      onCloud,
      provider: text('provider', r),
      description: text('description', r),
      loginScreenshot: text('loginScreenshot', r),
      mainScreenshot: text('mainScreenshot', r),
    });
  }
  return { file: ctx.grid.file, sheet: ctx.grid.sheet ?? '', rows };
}
