/**
 * results.json, schema version 2: the committed JSON Schema is the one the zod definition gives, it
 * accepts what `score` writes for the sample province (and for a result with every optional part),
 * and every N and M in it has a source whose cell, read back from the input workbook, holds the text
 * the source quotes — on our sample and on a form saved by LibreOffice.
 */
import { copyFile, cp, mkdir, mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRules } from '../src/rules/load.js';
import type { Rules } from '../src/rules/schema.js';
import { readSubmission } from '../src/ingest/readSubmission.js';
import { evaluate } from '../src/evaluate.js';
import { resultsJson } from '../src/report/json.js';
import { resultsJsonSchema } from '../src/report/resultsSchema.js';
import { RESULTS_SCHEMA_FILE } from '../src/report/writeResultsSchema.js';
import type { IndicatorResult, Result, ValueSource } from '../src/model/result.js';
import { sampleResult, withSelection } from './result-sample.js';

let rules: Rules;
let sample: Result;
let committed: Record<string, unknown>;
let validate: z.ZodType;

beforeAll(async () => {
  rules = await loadRules();
  sample = evaluate(await readSubmission('fixtures/submissions', rules, { workers: 'never' }), rules, { selection: { by: 'count', value: 10 } });
  committed = JSON.parse(await readFile(RESULTS_SCHEMA_FILE, 'utf8'));
  validate = z.fromJSONSchema(committed as Parameters<typeof z.fromJSONSchema>[0]);
}, 120_000);

const problems = (json: string) => {
  const r = validate.safeParse(JSON.parse(json));
  return r.success ? [] : r.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('results.json schema', () => {
  it('is committed as docs/results.schema.json exactly as the zod definition generates it (npm run docs)', async () => {
    expect(await readFile(RESULTS_SCHEMA_FILE, 'utf8')).toBe(resultsJsonSchema());
    expect(committed).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', properties: { schemaVersion: { const: 2 } } });
  });

  it("accepts the sample province's results.json", () => {
    const json = resultsJson(sample);
    expect(JSON.parse(json).schemaVersion).toBe(2);
    expect(problems(json)).toEqual([]);
    expect(problems(resultsJson(sample, 'en'))).toEqual([]);
  });

  it('accepts a result with every optional part: expert scores, a tie at the cut, a value changed on review', () => {
    const r = withSelection(sampleResult({ expertScored: true }), 3);
    r.selection!.tie = { total: 50, decidedBy: 'name', selected: [r.applicants[2]!.id], notSelected: [r.applicants[3]!.id] };
    r.applicants[0]!.indicators['business.rnd'].sources.n!.decision = { row: 4, file: '人工复核记录表.xlsx', before: 5 };
    r.applicants[0]!.indicators['infra.storage'].sources.n!.unit = 'GB → TB';
    expect(problems(resultsJson(r))).toEqual([]);
  });

  it('refuses a key it does not describe and another schema version', () => {
    const json = JSON.parse(resultsJson(sample));
    json.applicants[0].indicators['infra.storage'].sources.n.note = 'x';
    expect(validate.safeParse(json).success).toBe(false);
    const old = JSON.parse(resultsJson(sample));
    old.schemaVersion = 1;
    expect(validate.safeParse(old).success).toBe(false);
  });
});

/** The text of a cell as a person reads it in the workbook, by exceljs (not our reader). */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) return cellText(v.result as ExcelJS.CellValue);
  if (typeof v === 'boolean') return v ? '是' : '否';
  return String(v);
}

/** Every source of an indicator, and whether its N and M (when known) each have one. */
function sourcesOf(ind: IndicatorResult): { all: ValueSource[]; nCovered: boolean; mCovered: boolean } {
  const s = ind.sources;
  const server = s.server ?? {};
  const all = [s.n, s.m, ...Object.values(server), ...Object.values(s.ticks ?? {})].filter((v): v is ValueSource => v !== undefined);
  return {
    all,
    nCovered: s.n !== undefined || server.cloudCores !== undefined || server.cloudMemoryGb !== undefined || Object.keys(s.ticks ?? {}).length > 0,
    mCovered: s.m !== undefined || server.allCores !== undefined || server.allMemoryGb !== undefined || (s.mSumOf?.length ?? 0) > 0 || s.mFromRules === true,
  };
}

async function checkReadBack(result: Result, root: string): Promise<number> {
  const books = new Map<string, ExcelJS.Workbook>();
  let checked = 0;
  for (const a of result.applicants) {
    for (const [key, ind] of Object.entries(a.indicators)) {
      const { all, nCovered, mCovered } = sourcesOf(ind);
      if (ind.n !== null) expect(nCovered, `${a.id} ${key} N`).toBe(true);
      if (ind.m !== null) expect(mCovered, `${a.id} ${key} M`).toBe(true);
      for (const src of all) {
        let wb = books.get(src.file);
        if (!wb) {
          wb = new ExcelJS.Workbook();
          await wb.xlsx.readFile(join(root, src.file));
          books.set(src.file, wb);
        }
        const ws = wb.worksheets.find((w) => w.name === src.sheet);
        expect(ws, `${src.file} · ${src.sheet}`).toBeDefined();
        const text = cellText(ws!.getCell(src.cell!).value).trim();
        // Nothing typed after a printed label (「N：…（单位：个）」 left as printed): the source quotes ''.
        if (src.raw === '' && /^[NM][：:]/.test(text)) continue;
        expect(text, `${src.file} · ${src.sheet}!${src.cell}`).toBe(src.raw);
        checked++;
      }
    }
  }
  return checked;
}

describe('sources of N and M, read back from the input workbooks', () => {
  it('point, for every N and M of the sample province, at a cell that holds the text quoted', async () => {
    const checked = await checkReadBack(sample, 'fixtures/submissions');
    // 40 applicants with Attachment 2, about 30 cells each.
    expect(checked).toBeGreaterThan(1000);
  }, 120_000);

  it('do the same on an Attachment 2 saved by LibreOffice', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'yunshang-sources-'));
    const folder = join(dir, '某某科技有限公司');
    await cp('fixtures/saved-by-libreoffice', folder, { recursive: true });
    const result = evaluate(await readSubmission(folder, rules, { workers: 'never' }), rules);
    const a = result.applicants[0]!;
    expect(a.indicators['infra.storage'].n).not.toBeNull();
    const checked = await checkReadBack(result, folder);
    expect(checked).toBeGreaterThan(20);
  }, 60_000);

  it("do the same on every Attachment 2 of the notice's own layout, typed the ways people type it (openpyxl)", async () => {
    const forms = (await readdir('fixtures/notice-layout')).filter((f) => f.startsWith('A2-') && f.endsWith('.xlsx'));
    expect(forms.length).toBeGreaterThan(5);
    let checked = 0;
    for (const form of forms) {
      const folder = join(await mkdtemp(join(tmpdir(), 'yunshang-sources-')), '某某科技有限公司');
      await mkdir(folder);
      await copyFile('fixtures/notice-layout/A1-通知原样.xlsx', join(folder, '附件1-申报表.xlsx'));
      await copyFile(join('fixtures/notice-layout', form), join(folder, '附件2-用云水平评估表.xlsx'));
      const result = evaluate(await readSubmission(folder, rules, { workers: 'never' }), rules);
      checked += await checkReadBack(result, folder);
    }
    expect(checked).toBeGreaterThan(forms.length * 10);
  }, 120_000);
});

