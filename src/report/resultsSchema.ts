/**
 * The shape of results.json, schema version 2, as zod: its one definition. `docs/results.schema.json`
 * (JSON Schema 2020-12, for readers in any language) is generated from it by `npm run docs`, and a
 * test holds the committed file to this definition and validates real runs' results.json with it.
 *
 * Objects are strict: a key the writer adds without describing it here fails the test, so the
 * published schema never lags behind the file.
 */
import { z } from 'zod';
import { DATA_CATEGORIES, EXPERT_KEYS, INDICATOR_KEYS } from '../model/indicators.js';

export const RESULTS_SCHEMA_VERSION = 2;

const int = z.number().int();
const count = int.min(0);
const place = z.string().meta({ description: 'Relative to the input root, `/`-separated.' });

const ValueSource = z
  .strictObject({
    file: place.meta({ description: 'The workbook, relative to the input root (`杭州市/某某公司/附件2-用云水平评估表.xlsx`).' }),
    sheet: z.string().optional(),
    cell: z.string().optional().meta({ description: 'A1-style address of the cell holding the text.' }),
    raw: z.string().meta({ description: "The cell's text as typed (trimmed); '' for an empty cell." }),
    unit: z.string().optional().meta({ description: 'The unit conversion applied, typed unit → the indicator\'s unit (`GB → TB`).' }),
    decision: z
      .strictObject({
        row: int.meta({ description: 'Row of the 人工复核记录表 that replaced the value.' }),
        file: z.string(),
        before: z.number().nullable().meta({ description: 'The value read from the cell before the decision.' }),
      })
      .optional(),
  })
  .meta({ id: 'ValueSource', description: 'Where a value was read: the cell a person can open and the text typed there.' });

const IndicatorSources = z
  .strictObject({
    n: ValueSource.optional().meta({ description: 'The cell N was typed in.' }),
    m: ValueSource.optional().meta({ description: 'The cell M was typed in.' }),
    server: z
      .strictObject({
        cloudCores: ValueSource.optional(),
        cloudMemoryGb: ValueSource.optional(),
        allCores: ValueSource.optional(),
        allMemoryGb: ValueSource.optional(),
      })
      .optional()
      .meta({ description: '云服务器: the cores and memory behind N (cloud…) and M (all…), in 4核16G units = (cores/4 + GB/16)/2.' }),
    ticks: z
      .strictObject(Object.fromEntries(DATA_CATEGORIES.map((c) => [c, ValueSource.optional()])))
      .optional()
      .meta({ description: '数据协同: the tick of each data category; N is the number ticked.' }),
    mSumOf: z.array(z.enum(INDICATOR_KEYS)).optional().meta({ description: 'M is the sum of these indicators\' N (系统协同), each with its own source.' }),
    mFromRules: z.boolean().optional().meta({ description: 'M is fixed by the rules file (数据协同: 6 categories).' }),
  })
  .meta({ id: 'IndicatorSources', description: 'Where N and M came from; empty when the applicant sent no Attachment 2.' });

const Indicator = z
  .strictObject({
    n: z.number().nullable(),
    m: z.number().nullable(),
    selfScore: z.number(),
    rank: int.nullable().meta({ description: 'Province-wide rank on this indicator; null when not ranked.' }),
    rankedCount: count,
    grade: z.string().nullable(),
    horizontalScore: z.number(),
    score: z.number(),
    verified: z.boolean(),
    sources: IndicatorSources,
    decisions: z
      .array(int)
      .optional()
      .meta({
        description:
          "Rows of the 人工复核记录表 that changed this indicator's numbers: its own value corrected or a finding on it waived, or another applicant's decision that moved the province-wide ranking on it.",
      }),
  })
  .meta({ id: 'Indicator' });

const Location = z
  .strictObject({ file: z.string().optional(), sheet: z.string().optional(), cell: z.string().optional(), row: int.optional() })
  .meta({ id: 'Location' });

const Finding = z
  .strictObject({
    code: z.string(),
    severity: z.enum(['error', 'warning', 'info']),
    message: z.strictObject({ zh: z.string(), en: z.string() }),
    place: z.string().optional().meta({ description: 'The location spelled out: `file · sheet!cell`.' }),
    location: Location.optional(),
    applicant: z.string().optional(),
    city: z.string().optional(),
    indicator: z.string().optional(),
    args: z.record(z.string(), z.union([z.string(), z.number()])),
    waived: z
      .strictObject({ row: int, file: z.string(), reason: z.string() })
      .optional()
      .meta({ description: '已复核豁免: the 人工复核记录表 row that waived it and the reason; a waived finding counts for nothing.' }),
  })
  .meta({ id: 'Finding' });

const ReceivedForm = z
  .strictObject({ file: place, sheet: z.string(), format: z.string().meta({ description: 'XLSX, CSV …' }) })
  .meta({ id: 'ReceivedForm', description: 'A form as it arrived.' });

const Receipt = z
  .strictObject({
    a1: ReceivedForm.nullable(),
    a2: ReceivedForm.nullable(),
    systems: ReceivedForm.nullable(),
    products: ReceivedForm.nullable(),
    license: z.string().nullable().meta({ description: 'The accepted 营业执照 scan, relative to the applicant folder.' }),
    evidence: z.strictObject({ files: count, images: count, pdfs: count, other: count }),
    files: count,
  })
  .meta({ id: 'Receipt', description: 'What the applicant folder held (收件登记).' });

const Applicant = z
  .strictObject({
    id: place.meta({ description: 'The applicant folder relative to the input root.' }),
    city: z.string(),
    district: z.string().nullable(),
    name: z.string(),
    creditCode: z.string().nullable(),
    status: z.enum(['qualified', 'flagged', 'rejected']),
    rejectedBy: z.array(z.string()),
    provinceRank: int.nullable(),
    cityRank: int.nullable(),
    cityRecommendedRank: z.number().nullable(),
    selected: z.boolean(),
    indicators: z.strictObject(Object.fromEntries(INDICATOR_KEYS.map((k) => [k, Indicator]))),
    dimensions: z.record(z.string(), z.number()),
    selfTotal: z.number(),
    horizontalTotal: z.number(),
    indicatorTotal: z.number(),
    expertTotal: z.number().nullable(),
    expert: z
      .strictObject({
        items: z.strictObject(Object.fromEntries(EXPERT_KEYS.map((k) => [k, z.number().nullable().optional()]))),
        experts: count,
        recused: z.array(z.string()),
      })
      .nullable(),
    total: z.number(),
    maxTotal: z.number(),
    identity: z.strictObject({
      registeredAddress: z.string().nullable(),
      legalRepresentative: z.string().nullable(),
      employees: z.number().nullable(),
      itLead: z.string().nullable(),
      itLeadPhone: z.string().nullable(),
      mainBusiness: z.string().nullable(),
      salesLastYear: z.number().nullable(),
      profitLastYear: z.number().nullable(),
      cloudInvestment3y: z.number().nullable(),
      itInvestment3y: z.number().nullable(),
    }),
    received: Receipt,
    findings: z.array(Finding),
    decisions: z.array(int).optional().meta({ description: 'Rows of the 人工复核记录表 applied to this applicant (see `decisions`).' }),
  })
  .meta({ id: 'Applicant' });

const changeValue = z.union([z.number(), z.string(), z.boolean(), z.null()]);

const Decision = z
  .strictObject({
    row: int.meta({ description: 'Row of the 人工复核记录表.' }),
    file: z.string(),
    sheet: z.string(),
    enterprise: z.string().meta({ description: 'As typed: a name, a credit code or an applicant id.' }),
    applicant: z.string().nullable().meta({ description: 'The applicant matched; null when none or several.' }),
    kind: z.enum(['waive', 'correct', 'terminate', 'reinstate']).nullable().meta({ description: '豁免问题, 更正数值, 终止申报, 恢复受理; null when 类型 is none of them.' }),
    target: z.string(),
    value: z.string(),
    reason: z.string(),
    clerk: z.string(),
    date: z.string(),
    applied: z.boolean(),
    indicator: z.enum(INDICATOR_KEYS).optional(),
    waived: count.optional().meta({ description: 'How many findings the decision marked 已复核豁免.' }),
    refusal: Finding.nullable().meta({ description: 'Why the decision was not applied (an error, or a warning for a repeated row).' }),
    changes: z
      .array(
        z.strictObject({
          field: z.enum(['status', 'total', 'provinceRank', 'n', 'm', 'selfScore', 'rank', 'horizontalScore', 'score', 'verified']),
          indicator: z.enum(INDICATOR_KEYS).optional(),
          before: changeValue,
          after: changeValue,
        }),
      )
      .meta({ description: "The applicant's status, total and rank, and the indicator's numbers: without any decision → with all of them." }),
  })
  .meta({ id: 'Decision' });

const criterion = z.enum(['total', 'expertTotal', 'selfTotal', 'cloudInvestment', 'name']);

export const ResultsJson = z
  .strictObject({
    schemaVersion: z.literal(RESULTS_SCHEMA_VERSION),
    rules: z.strictObject({ id: z.string(), title: z.string() }),
    input: z.strictObject({ root: z.string(), kind: z.enum(['province', 'city', 'applicant']) }),
    expertScored: z.boolean(),
    selection: z
      .strictObject({
        by: z.enum(['count', 'threshold']),
        value: z.number(),
        count: count,
        tie: z
          .strictObject({
            total: z.number(),
            decidedBy: criterion.meta({ description: 'The tie-break that put the last selected before the first left out; `name` means none of merit.' }),
            selected: z.array(z.string()),
            notSelected: z.array(z.string()),
          })
          .nullable()
          .meta({ description: 'Applicants with the total of the cut on both sides of a `--select N` list.' }),
      })
      .nullable(),
    summary: z.strictObject({
      applicants: count,
      ranked: count,
      rejected: count,
      qualified: count,
      flagged: count,
      errors: count,
      warnings: count,
      infos: count,
    }),
    cities: z.array(
      z.strictObject({ name: z.string(), applicants: z.array(z.string()), a3: ReceivedForm.nullable() }).meta({ description: 'In the official order of Zhejiang\'s cities.' }),
    ),
    applicants: z.array(Applicant),
    findings: z.array(Finding).meta({ description: 'Findings that belong to no applicant (discovery, city-level).' }),
    panelReview: z
      .array(Finding)
      .meta({ description: "The panel chair's list: findings about the expert sheet, most severe first; they never change an applicant's status." }),
    decisions: z.array(Decision).meta({ description: '人工复核记录: every row of the decisions sheet (`--decisions`), applied or refused, in sheet order.' }),
  })
  .meta({
    title: 'yunshang results.json',
    description: 'The result of `yunshang score`: every applicant found in the input, its status, ranks, per-indicator N and M with their sources, scores and findings.',
  });

/** The JSON Schema document of results.json, as committed in docs/results.schema.json. */
export function resultsJsonSchema(): string {
  const schema = z.toJSONSchema(ResultsJson, { target: 'draft-2020-12' });
  return JSON.stringify(schema, null, 2) + '\n';
}
