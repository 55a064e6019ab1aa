import { beforeAll, describe, expect, it } from 'vitest';
import { loadRules } from '../src/rules/load.js';
import type { Rules } from '../src/rules/schema.js';
import { parseNumber } from '../src/ingest/forms/parseNumber.js';

let rules: Rules;
beforeAll(async () => {
  rules = await loadRules();
});

describe('parseNumber reads numbers as people type them', () => {
  const cases: [string | number, string, ReturnType<typeof parseNumber>][] = [
    [12, 'TB', { value: 12 }],
    ['12', 'TB', { value: 12 }],
    [' 12.5 ', 'TB', { value: 12.5 }],
    ['12.5TB', 'TB', { value: 12.5 }],
    ['12.5 tb', 'TB', { value: 12.5 }],
    ['500GB', 'TB', { value: 500 * 0.0009765625, note: 'unit', from: '500GB', unit: 'GB' }],
    ['2PB', 'TB', { value: 2048, note: 'unit', from: '2PB', unit: 'PB' }],
    ['120万元', '万元', { value: 120 }],
    ['120万', '万元', { value: 120 }],
    ['1,200,000元', '万元', { value: 120, note: 'unit', from: '1,200,000元', unit: '元' }],
    ['3元', '万元', { value: 0.0003, note: 'unit', from: '3元', unit: '元' }],
    ['1.5亿元', '万元', { value: 15000, note: 'unit', from: '1.5亿元', unit: '亿元' }],
    ['0.1元', '万元', { value: 0.00001, note: 'unit', from: '0.1元', unit: '元' }],
    ['1,200', '万元', { value: 1200, note: 'separator', from: '1,200' }],
    ['1，200', '万元', { value: 1200, note: 'separator', from: '1，200' }],
    ['１２３', '个', { value: 123, note: 'fullwidth', from: '１２３' }],
    ['１２．５', 'TB', { value: 12.5, note: 'fullwidth', from: '１２．５' }],
    ['3个', '个', { value: 3 }],
    ['3套', '台', { value: 3 }],
    ['-35.5', '万元', { value: -35.5 }],
    ['无', '万元', { value: 0, note: 'nil', from: '无' }],
    ['/', 'TB', { value: 0, note: 'nil', from: '/' }],
    ['-', 'TB', { value: 0, note: 'nil', from: '-' }],
    ['—', 'TB', { value: 0, note: 'nil', from: '—' }],
    ['空', 'TB', { value: 0, note: 'nil', from: '空' }],
    ['  ', 'TB', { value: 0, note: 'nil', from: '  ' }],
    ['三十', '万元', { error: 'not-a-number' }],
    ['约100', '万元', { error: 'not-a-number' }],
    ['50%', '个', { error: 'not-a-number' }],
    ['1.2.3', 'TB', { error: 'not-a-number' }],
    ['12.5TB', '万元', { error: 'unknown-unit' }],
    ['12kg', 'TB', { error: 'unknown-unit' }],
  ];
  it.each(cases)('reads %j for %s as %j', (raw, unit, expected) => {
    expect(parseNumber(raw, unit, rules)).toEqual(expected);
  });

  it('converts on decimals, so 1,234,567元 is 123.4567 万元 exactly as typed', () => {
    expect(parseNumber('1,234,567元', '万元', rules)).toMatchObject({ value: 123.4567 });
    expect(parseNumber('700元', '万元', rules)).toMatchObject({ value: 0.07 });
  });

  it('takes its conversion factors from the rules file', () => {
    const custom = { ...rules, units: { ...rules.units, TB: { ...rules.units.TB!, GB: 0.001 } } };
    expect(parseNumber('500GB', 'TB', custom)).toMatchObject({ value: 0.5, note: 'unit' });
  });
});
