import { describe, expect, it } from 'vitest';
import { labelKey, normaliseText } from '../src/forms/normalise.js';
import {
  A1_FIELDS,
  A2_HEADERS,
  A3_COLUMNS,
  DATA_CATEGORIES,
  FORM_TITLES,
  PRODUCT_COLUMNS,
  SERVER_CELLS,
  SYSTEM_COLUMNS,
  indicatorLabel,
  mLabel,
  nLabel,
} from '../src/forms/layout.js';
import { loadRules } from '../src/rules/load.js';
import { isoDate } from '../src/ingest/forms/cellValue.js';

// The normalisation as first written (NFKC, then brackets, quotes and white space): the readers' quick
// paths must give exactly this for every text.
function fullNormalisation(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[【［]/g, '(')
    .replace(/[】］]/g, ')')
    .replace(/[“”"「」『』‘’'〝〞＂]/g, '')
    .replace(/\s+/g, '');
}

function fullLabelKey(text: string): string {
  let s = fullNormalisation(text);
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(/\([^()]*\)/g, '');
  }
  return s.replace(/[:：]+$/, '');
}

function range(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));
}

// Characters the quick path handles, their neighbours, and characters it must leave to NFKC.
const SINGLE_CHARACTERS = [
  ...range(0x00, 0x2ff),
  ...range(0x2000, 0x206f),
  ...range(0x2460, 0x24ff),
  ...range(0x2e80, 0x2fff),
  ...range(0x3000, 0x30ff),
  ...range(0x3400, 0x4dbf),
  ...range(0x4e00, 0x9fff),
  ...range(0xf900, 0xfaff),
  ...range(0xfe30, 0xffff),
  '\ud842\udfb7', // 𠮷, outside the BMP
];

async function templateTexts(): Promise<string[]> {
  const rules = await loadRules();
  return [
    ...Object.values(FORM_TITLES),
    ...A1_FIELDS.flatMap((f) => [f.label, ...(f.aliases ?? [])]),
    ...A2_HEADERS,
    ...[A3_COLUMNS, SYSTEM_COLUMNS, PRODUCT_COLUMNS].flatMap((cols) => cols.flatMap((c) => [c.header, ...(c.aliases ?? [])])),
    ...SERVER_CELLS.map((s) => s.label),
    ...DATA_CATEGORIES,
    ...rules.indicators.flatMap((ind) => [ind.name, nLabel(ind), mLabel(ind), indicatorLabel(ind)]),
    ...rules.experts.map((e) => e.name),
  ];
}

/** Deterministic pseudo-random texts mixing quick-path characters with ones NFKC must see. */
function mixedTexts(count: number): string[] {
  const pool = [
    ...'注册资金万元云存储研发生产数据ABCxyz019:;,.()[]{}-_/\\',
    ...'（）：；，。、【】［］＂＇“”‘’「」『』〝〞《》—·',
    ' ', '\t', '\n', '\r', '\u3000', '\u00a0', '\u2003', '\ufeff',
    'Ａ', 'ｚ', '０', '９', '％', '￥', '…', '①', '㎡', '℃', 'ﬁ', '\u0301', '\u0338', 'e', '<', '=', '⁄', '½', '\u2f00', '\uf900', '\ud842\udfb7',
  ];
  let seed = 20211125;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  return Array.from({ length: count }, () => {
    const n = next() % 24;
    let s = '';
    for (let i = 0; i < n; i++) s += pool[next() % pool.length];
    return s;
  });
}

describe('normaliseText', () => {
  it('gives the full NFKC normalisation for every single character of the quick path and around it', () => {
    const wrong = SINGLE_CHARACTERS.filter((ch) => normaliseText(ch) !== fullNormalisation(ch));
    expect(wrong.map((ch) => ch.codePointAt(0)!.toString(16))).toEqual([]);
  });

  it('gives the full NFKC normalisation for every label, header and title of the templates', async () => {
    for (const text of await templateTexts()) {
      expect(normaliseText(text), text).toBe(fullNormalisation(text));
      // Asked twice (the second answer may come from the memo): still the same.
      expect(normaliseText(text), text).toBe(fullNormalisation(text));
    }
  });

  it('gives the full NFKC normalisation for mixed texts, including combining marks that compose', () => {
    for (const text of [...mixedTexts(20000), 'e\u0301', 'e \u0301', '<\u0338', 'Ａ\u0301', '注册 资金（万元）：']) {
      expect(normaliseText(text), JSON.stringify(text)).toBe(fullNormalisation(text));
    }
  });
});

describe('labelKey', () => {
  it('strips remarks and trailing colons exactly as the full normalisation does', async () => {
    const texts = [
      ...(await templateTexts()),
      ...mixedTexts(20000),
      '注册资金(万元)：',
      '注册资金（万元）:：',
      '((a)b)c',
      'a)b(c',
      '(未闭合',
      '法人代表:::',
      '：',
    ];
    for (const text of texts) expect(labelKey(text), JSON.stringify(text)).toBe(fullLabelKey(text));
  });
});

describe('isoDate', () => {
  it('writes the same yyyy-mm-dd as toISOString, and nothing for an invalid date', () => {
    const dates = [
      new Date(Date.UTC(2021, 10, 25)),
      new Date(Date.UTC(2020, 0, 1, 23, 59, 59, 999)),
      new Date(Date.UTC(1899, 11, 31)),
      new Date(Date.UTC(2000, 1, 29)),
      new Date(-62135596800000), // 0001-01-01
      new Date(-62198755200000), // year 0
      new Date(Date.UTC(9999, 11, 31)),
      new Date(253402300800000), // 10000-01-01
      new Date(-62198755200001), // year -1
      new Date(Math.round((45000.5 - 25569) * 86400000)),
    ];
    for (let t = -2208988800000; t < 4102444800000; t += 86400000 * 37 + 3600000 * 5) dates.push(new Date(t));
    for (const d of dates) expect(isoDate(d), String(d.getTime())).toBe(d.toISOString().slice(0, 10));
    expect(isoDate(new Date(Number.NaN))).toBe('');
  });
});
