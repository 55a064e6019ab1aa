/**
 * results.json (docs/results.schema.json): the Result, serialised with a fixed key order, so the same Result gives the
 * same bytes however its objects were built, and a diff between two runs shows only what changed.
 */
import type { Finding } from '../findings/finding.js';
import { renderMessage, type Lang } from './catalogue.js';
import { DATA_CATEGORIES, EXPERT_KEYS, INDICATOR_KEYS } from '../model/indicators.js';
import { isCellAddress, type Location } from '../model/location.js';
import type { ApplicantResult, IndicatorResult, IndicatorSources, Receipt, Result, ValueSource } from '../model/result.js';
import type { DecisionOutcome } from '../model/decision.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Copies `obj` with `order` first, then any other keys sorted, dropping undefined values. */
function ordered(obj: object, order: readonly string[]): { [k: string]: Json } {
  const src = obj as Record<string, unknown>;
  const out: { [k: string]: Json } = {};
  const rest = Object.keys(src)
    .filter((k) => !order.includes(k))
    .sort();
  for (const k of [...order, ...rest]) {
    if (src[k] !== undefined && k in src) out[k] = plain(src[k]);
  }
  return out;
}

/** Objects of no known shape (args, identity …) get sorted keys. */
function plain(v: unknown): Json {
  if (v === null || typeof v !== 'object') return v as Json;
  if (Array.isArray(v)) return v.map(plain);
  return ordered(v, []);
}

function locationJson(loc: Location): { [k: string]: Json } {
  return ordered(loc, ['file', 'sheet', 'cell', 'row']);
}

/** `附件2.xlsx · 用云水平评估表!E7`, or with a row in the language asked for. */
export function placeOf(loc: Location | undefined, lang: Lang): string {
  if (!loc) return '';
  let s = loc.file ?? '';
  const word = loc.cell !== undefined && !isCellAddress(loc.cell) && lang === 'en';
  if (loc.sheet) s += (s ? ' · ' : '') + (word ? wordPlaceEn(loc.sheet) : loc.sheet);
  // `表!B7` in a workbook; a Word table's place is words (「第1个表格 · 第3行第2列」).
  if (loc.cell) s += (loc.sheet && isCellAddress(loc.cell) ? '!' : s ? ' · ' : '') + (word ? wordPlaceEn(loc.cell) : loc.cell);
  else if (loc.row !== undefined) s += (s ? ' · ' : '') + (lang === 'zh' ? `第${loc.row}行` : `row ${loc.row}`);
  return s;
}

/** A Word table's place as the .docx reader names it (「第1个表格」, 「第3行第2列」, 「表格上方第1段」), in English. */
function wordPlaceEn(place: string): string {
  return place
    .replace(/^第(\d+)个表格$/, 'table $1')
    .replace(/^第(\d+)行第(\d+)列$/, 'row $1, column $2')
    .replace(/^表格上方第(\d+)段$/, 'paragraph $1 above the table');
}

/**
 * A finding as results.json and `validate --format json` print it: the data plus its message in both
 * languages and its place spelled out in the report language.
 */
export function findingJson(f: Finding, lang: Lang = 'zh'): { [k: string]: Json } {
  // Sorted args, so even the catalogue's fallback text for an unknown code (code + JSON args) is stable.
  const args = ordered(f.args, []) as Record<string, string | number>;
  const sorted: Finding = { ...f, args };
  const out: { [k: string]: Json } = {
    code: f.code,
    severity: f.severity,
    message: { zh: renderMessage(sorted, 'zh'), en: renderMessage(sorted, 'en') },
  };
  if (f.location) {
    out.place = placeOf(f.location, lang);
    out.location = locationJson(f.location);
  }
  if (f.applicant !== undefined) out.applicant = f.applicant;
  if (f.city !== undefined) out.city = f.city;
  if (f.indicator !== undefined) out.indicator = f.indicator;
  out.args = args;
  if (f.waived) out.waived = ordered(f.waived, ['row', 'file', 'reason']);
  return out;
}

const INDICATOR_ORDER = ['n', 'm', 'selfScore', 'rank', 'rankedCount', 'grade', 'horizontalScore', 'score', 'verified'];
const SOURCE_ORDER = ['file', 'sheet', 'cell', 'raw', 'unit', 'decision'];
const SERVER_ORDER = ['cloudCores', 'cloudMemoryGb', 'allCores', 'allMemoryGb'];

/**
 * While results.json is being written: the small leaf objects (sources, forms) to print on one line
 * each. A province has some forty sources per applicant; spread over five lines each they made the
 * file two and a half times as long. Each leaf stands in the object as a placeholder string; the
 * object is built in the order JSON.stringify walks it, so the placeholders in the text come in the
 * order the leaves were made.
 */
let inline: string[] | null = null;
const INLINE_MARK = '\u0000yunshang-inline';
/** The placeholder as JSON.stringify writes it. */
const INLINE_TEXT = JSON.stringify(INLINE_MARK);

function leaf(obj: { [k: string]: Json }): Json {
  if (!inline) return obj;
  let line = '{ ';
  for (const k in obj) line += `${line.length > 2 ? ', ' : ''}${JSON.stringify(k)}: ${JSON.stringify(obj[k])}`;
  inline.push(`${line} }`);
  return INLINE_MARK;
}

function sourceJson(v: ValueSource): Json {
  const out = ordered(v, SOURCE_ORDER);
  if (v.decision) out.decision = ordered(v.decision, ['row', 'file', 'before']);
  return leaf(out);
}

function sourcesJson(s: IndicatorSources): { [k: string]: Json } {
  const out: { [k: string]: Json } = {};
  if (s.n) out.n = sourceJson(s.n);
  if (s.m) out.m = sourceJson(s.m);
  const group = (g: Partial<Record<string, ValueSource>>, order: readonly string[]) => {
    const keys = [...order.filter((k) => g[k]), ...Object.keys(g).filter((k) => !order.includes(k) && g[k]).sort()];
    return Object.fromEntries(keys.map((k) => [k, sourceJson(g[k]!)]));
  };
  if (s.server) out.server = group(s.server, SERVER_ORDER);
  if (s.ticks) out.ticks = group(s.ticks, DATA_CATEGORIES);
  if (s.mSumOf) out.mSumOf = [...s.mSumOf];
  if (s.mFromRules !== undefined) out.mFromRules = s.mFromRules;
  return out;
}

function indicatorsJson(indicators: Record<string, IndicatorResult>): { [k: string]: Json } {
  const out: { [k: string]: Json } = {};
  const keys = [...INDICATOR_KEYS.filter((k) => k in indicators), ...Object.keys(indicators).filter((k) => !(INDICATOR_KEYS as readonly string[]).includes(k)).sort()];
  for (const k of keys) {
    const { sources, ...rest } = indicators[k]!;
    out[k] = { ...ordered(rest, INDICATOR_ORDER), sources: sourcesJson(sources ?? {}) };
  }
  return out;
}

const FORM_ORDER = ['file', 'sheet', 'format'];

function receivedJson(r: Receipt): { [k: string]: Json } {
  const form = (f: Receipt['a1']) => (f ? leaf(ordered(f, FORM_ORDER)) : null);
  return {
    a1: form(r.a1),
    a2: form(r.a2),
    systems: form(r.systems),
    products: form(r.products),
    license: r.license,
    evidence: ordered(r.evidence, ['files', 'images', 'pdfs', 'other']),
    files: r.files,
  };
}

/** Dimension subtotals in the order the indicators name them (infra, business …), others after. */
function dimensionsJson(dims: Record<string, number>): { [k: string]: Json } {
  const known = [...new Set(INDICATOR_KEYS.map((k) => k.split('.')[0]!))];
  return ordered(dims, known.filter((k) => k in dims));
}

const APPLICANT_TAIL = ['indicators', 'dimensions', 'selfTotal', 'horizontalTotal', 'indicatorTotal', 'expertTotal', 'expert', 'total', 'maxTotal', 'identity', 'received', 'findings'];

function applicantJson(a: ApplicantResult, lang: Lang): { [k: string]: Json } {
  const head = ['id', 'city', 'district', 'name', 'creditCode', 'status', 'rejectedBy', 'provinceRank', 'cityRank', 'cityRecommendedRank', 'selected'];
  const src = a as unknown as Record<string, unknown>;
  const handled = new Set([...head, ...APPLICANT_TAIL]);
  const extra = Object.keys(src).filter((k) => !handled.has(k) && src[k] !== undefined).sort();
  const out: { [k: string]: Json } = {};
  for (const k of [...head, ...extra]) if (src[k] !== undefined) out[k] = plain(src[k]);
  return {
    ...out,
    indicators: indicatorsJson(a.indicators),
    dimensions: dimensionsJson(a.dimensions),
    selfTotal: a.selfTotal,
    horizontalTotal: a.horizontalTotal,
    indicatorTotal: a.indicatorTotal,
    expertTotal: a.expertTotal,
    expert: a.expert
      ? { items: ordered(a.expert.items, EXPERT_KEYS.filter((k) => k in a.expert!.items)), experts: a.expert.experts, recused: [...a.expert.recused] }
      : null,
    total: a.total,
    maxTotal: a.maxTotal,
    identity: ordered(a.identity, [
      'registeredAddress',
      'legalRepresentative',
      'employees',
      'itLead',
      'itLeadPhone',
      'mainBusiness',
      'salesLastYear',
      'profitLastYear',
      'cloudInvestment3y',
      'itInvestment3y',
    ]),
    received: receivedJson(a.received),
    findings: a.findings.map((f) => findingJson(f, lang)),
  };
}

/** The Result as the object results.json holds. */
export function resultsObject(result: Result, lang: Lang = 'zh'): { [k: string]: Json } {
  return {
    schemaVersion: result.schemaVersion,
    rules: ordered(result.rules, ['id', 'title']),
    input: ordered(result.input, ['root', 'kind']),
    expertScored: result.expertScored,
    selection: result.selection
      ? {
          ...ordered({ ...result.selection, tie: undefined }, ['by', 'value', 'count']),
          tie: result.selection.tie ? ordered(result.selection.tie, ['total', 'decidedBy', 'selected', 'notSelected']) : null,
        }
      : null,
    summary: ordered(result.summary, ['applicants', 'ranked', 'rejected', 'qualified', 'flagged', 'errors', 'warnings', 'infos']),
    cities: result.cities.map((c) => ({ name: c.name, applicants: [...c.applicants], a3: c.a3 ? leaf(ordered(c.a3, FORM_ORDER)) : null })),
    applicants: result.applicants.map((a) => applicantJson(a, lang)),
    findings: result.findings.map((f) => findingJson(f, lang)),
    panelReview: result.panelReview.map((f) => findingJson(f, lang)),
    decisions: result.decisions.map((d) => decisionJson(d, lang)),
  };
}

const DECISION_ORDER = ['row', 'file', 'sheet', 'enterprise', 'applicant', 'kind', 'target', 'value', 'reason', 'clerk', 'date', 'applied', 'indicator', 'waived'];

/** A row of the 人工复核记录表: what it said, whether it was applied, and what it changed or why not. */
function decisionJson(d: DecisionOutcome, lang: Lang): { [k: string]: Json } {
  const { refusal, changes, ...rest } = d;
  return {
    ...ordered(rest, DECISION_ORDER),
    refusal: refusal ? findingJson(refusal, lang) : null,
    changes: changes.map((c) => leaf(ordered(c, ['field', 'indicator', 'before', 'after']))),
  };
}

/**
 * results.json text: 2-space indent, trailing newline. Messages carry both languages; `lang` decides
 * only how each finding's `place` is spelled (第8行 / row 8).
 */
export function resultsJson(result: Result, lang: Lang = 'zh'): string {
  const leaves: string[] = [];
  inline = leaves;
  try {
    const parts = JSON.stringify(resultsObject(result, lang), null, 2).split(INLINE_TEXT);
    // An input string equal to the placeholder would be one part too many: never silently misplace.
    if (parts.length !== leaves.length + 1) throw new Error('results.json: a value equals the placeholder of a one-line object');
    let out = parts[0]!;
    for (let i = 0; i < leaves.length; i++) out += leaves[i]! + parts[i + 1]!;
    return out + '\n';
  } finally {
    inline = null;
  }
}
