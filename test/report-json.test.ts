import { describe, expect, it } from 'vitest';
import { resultsJson } from '../src/report/json.js';
import { renderMessage } from '../src/report/catalogue.js';
import { sampleResult, SAMPLE_UNVERIFIED } from './result-sample.js';
import type { Result } from '../src/model/result.js';

/** The same Result with every object's keys inserted in reverse order. */
function reversedKeys<T>(v: T): T {
  if (Array.isArray(v)) return v.map(reversedKeys) as T;
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).reverse()) out[k] = reversedKeys((v as Record<string, unknown>)[k]);
  return out as T;
}

describe('results.json', () => {
  it('starts with schemaVersion and ends with a newline, indented by two spaces', () => {
    const text = resultsJson(sampleResult());
    expect(text.startsWith('{\n  "schemaVersion": 1,\n  "rules": {')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('gives the same bytes however the Result\'s objects were built', () => {
    const r = sampleResult({ expertScored: true });
    expect(resultsJson(reversedKeys(r))).toBe(resultsJson(r));
    expect(resultsJson(r)).toBe(resultsJson(sampleResult({ expertScored: true })));
  });

  it('gives each finding its message in both languages and keeps its location', () => {
    const r = sampleResult();
    const parsed = JSON.parse(resultsJson(r)) as { applicants: { name: string; findings: Record<string, any>[] }[]; findings: unknown[] };
    const a = parsed.applicants.find((x) => x.name === SAMPLE_UNVERIFIED)!;
    const f = a.findings.find((x) => x.code === 'N_GREATER_THAN_M')!;
    const original = r.applicants.find((x) => x.name === SAMPLE_UNVERIFIED)!.findings.find((x) => x.code === 'N_GREATER_THAN_M')!;
    expect(f.message).toEqual({ zh: renderMessage(original, 'zh'), en: renderMessage(original, 'en') });
    expect(f.location).toEqual({ file: original.location!.file, sheet: '用云水平评估表', cell: 'E7' });
    expect(f.place).toBe(`${original.location!.file} · 用云水平评估表!E7`);
    expect(f.indicator).toBe('infra.storage');
    expect(parsed.findings).toHaveLength(r.findings.length);
  });

  it('keeps the indicator fields and totals of the Result unchanged', () => {
    const r = sampleResult({ expertScored: true });
    const parsed = JSON.parse(resultsJson(r)) as Result;
    for (const [i, a] of r.applicants.entries()) {
      expect(parsed.applicants[i]!.indicators).toEqual(a.indicators);
      expect(parsed.applicants[i]!.total).toBe(a.total);
      expect(parsed.applicants[i]!.provinceRank).toBe(a.provinceRank);
      expect(Object.keys(parsed.applicants[i]!.indicators)[0]).toBe('infra.storage');
    }
    expect(parsed.summary).toEqual(r.summary);
  });

  it('spells a row-only place in the report language', () => {
    const r = sampleResult();
    const zh = JSON.parse(resultsJson(r, 'zh')).findings.find((f: any) => f.code === 'A3_ROW_WITHOUT_PACK');
    expect(zh.place).toBe('温州市/附件3-推荐排序表.xlsx · 推荐排序表!C8');
    r.findings[1]!.location = { file: '温州市/附件3-推荐排序表.csv', row: 8 };
    expect(JSON.parse(resultsJson(r, 'zh')).findings[1].place).toBe('温州市/附件3-推荐排序表.csv · 第8行');
    expect(JSON.parse(resultsJson(r, 'en')).findings[1].place).toBe('温州市/附件3-推荐排序表.csv · row 8');
  });
});
