/**
 * 评审结果.xlsx (SPEC 6): the Result laid out for the provincial clerk. Every value is read from the
 * Result; nothing here ranks or scores. Text from the inputs is written as plain strings, so a name
 * such as `=HYPERLINK(...)` stays text in Excel, WPS and LibreOffice.
 */
import { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type ExcelJS from 'exceljs';
import type { Finding } from '../findings/finding.js';
import { renderFix, renderMessage, type Lang } from './catalogue.js';
import type { ApplicantResult, ApplicantStatus, Result } from '../model/result.js';
import type { Rules } from '../rules/schema.js';
import { FIXED_DATE, fixZipDates } from '../util/workbookBytes.js';
import { loadExcel } from '../util/loadExcel.js';

/** No clock in the file (SPEC 6): the notice's date stands in for created/modified and zip stamps. */
export const CREATOR = 'yunshang';

type Value = string | number | null;

const SHEETS = {
  zh: { ranking: '总排名', indicators: '指标明细', cities: '各市排名', findings: '问题清单', rules: '规则说明', selection: '初选名单' },
  en: { ranking: 'Ranking', indicators: 'Indicators', cities: 'City ranking', findings: 'Findings', rules: 'Rules', selection: 'Shortlist' },
} as const;

export function sheetNames(lang: Lang): (typeof SHEETS)[Lang] {
  return SHEETS[lang];
}

const STATUS_LABEL: Record<Lang, Record<ApplicantStatus, string>> = {
  zh: { qualified: '合格', flagged: '需核实', rejected: '不予评审' },
  en: { qualified: 'qualified', flagged: 'flagged', rejected: 'rejected' },
};

const SEVERITY_LABEL: Record<Lang, Record<Finding['severity'], string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

export const PENDING_EXPERT: Record<Lang, string> = { zh: '待专家评分', en: 'pending expert review' };

/** ARGB fills, the colours Excel's own "good / neutral / bad" cell styles use. */
export const FILLS = {
  qualified: 'FFC6EFCE',
  flagged: 'FFFFEB9C',
  rejected: 'FFFFC7CE',
  header: 'FFD9E1F2',
  difference: 'FFFFC7CE',
} as const;

/** Places in a city's own order that make a difference worth a second look. */
export const CITY_DIFFERENCE_HIGHLIGHT = 3;

const SCORE_FORMAT = '0.00';
const DIFFERENCE_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FF9C0006' } };
const MAX_WIDTH = 60;

/**
 * A string Excel will accept: XML 1.0 forbids most control characters and a cell holds at most
 * 32,767 characters. Hostile or broken input must not make the report unopenable.
 */
export function cellText(s: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
  return clean.length > 32767 ? clean.slice(0, 32766) + '…' : clean;
}

/** Display width in Excel's character units: a CJK or full-width character is about two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    w += cp >= 0x1100 && (cp <= 0x115f || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || cp >= 0x20000) ? 2 : 1;
  }
  return w;
}

interface Column {
  header: string;
  numFmt?: string;
  /** Width floor, for columns whose header is short but whose values are not. */
  min?: number;
}

/** What a data cell looks like beyond its value; the column's number format is added by the writer. */
interface Look {
  fill?: string;
  font?: Partial<ExcelJS.Font>;
}

/** One header row and its data rows. */
interface Table {
  columns: Column[];
  rows: Value[][];
  /** The look of data cell (`row` from 0, `column` from 1), when it is not plain. */
  look?: (row: number, column: number) => Look | undefined;
}

interface SheetPlan {
  name: string;
  /** Stacked top to bottom with a blank row between them. */
  tables: Table[];
  /** Freeze the header row and filter the first table (a sheet that is one long list). */
  list: boolean;
  /** Columns (from 1) whose long text wraps instead of widening the column. */
  wrap?: number[];
}

function fill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

function widthOf(v: Value, numFmt?: string): number {
  if (v === null) return 0;
  if (typeof v === 'number') return numFmt === SCORE_FORMAT ? v.toFixed(2).length : String(v).length;
  return Math.max(...v.split('\n').map(displayWidth));
}

/** Column widths that fit the text of every table of the sheet, in Excel's character units. */
function columnWidths(tables: Table[]): number[] {
  const widths: number[] = [];
  for (const { columns, rows } of tables) {
    columns.forEach((c, i) => {
      let need = Math.max(c.min ?? 0, displayWidth(c.header) + 2);
      // A loop, not Math.max(...rows): a province-sized sheet has more rows than a call takes arguments.
      for (const r of rows) need = Math.max(need, widthOf(r[i] ?? null, c.numFmt) + 2);
      widths[i] = Math.min(MAX_WIDTH, Math.max(widths[i] ?? 0, need, 6));
    });
  }
  return widths;
}

const HEADER_STYLE = Object.freeze<Partial<ExcelJS.Style>>({
  font: { bold: true },
  fill: fill(FILLS.header),
  alignment: { vertical: 'middle', wrapText: false },
  border: { bottom: { style: 'thin' } },
});

const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };

/**
 * Style objects shared by every cell that looks the same. exceljs recognises an object it has
 * seen before (a WeakMap) instead of serialising the style of each of the province's cells again,
 * so the objects must never be changed once handed out.
 */
class Styles {
  private readonly byKey = new Map<string, Partial<ExcelJS.Style>>();

  get(numFmt: string | undefined, look: Look | undefined, wrap: boolean): Partial<ExcelJS.Style> {
    const key = `${numFmt ?? ''}|${look?.fill ?? ''}|${look?.font ? JSON.stringify(look.font) : ''}|${wrap ? 'w' : ''}`;
    let style = this.byKey.get(key);
    if (!style) {
      style = Object.freeze({
        ...(numFmt ? { numFmt } : {}),
        ...(look?.fill ? { fill: fill(look.fill) } : {}),
        ...(look?.font ? { font: look.font } : {}),
        ...(wrap ? { alignment: WRAP } : {}),
      });
      this.byKey.set(key, style);
    }
    return style;
  }
}

/** Rows written between two looks at the zip's backlog. */
const ROWS_PER_TURN = 200;
/** Sheet XML waiting to be deflated above which writing pauses until the zip has caught up. */
const MAX_BACKLOG = 1 << 20;

interface ZipInput {
  once(event: 'drain', listener: () => void): unknown;
  _writableState?: { length?: unknown; needDrain?: unknown };
}

/**
 * The stream archiver reads a sheet's XML from, found through exceljs 4.4's internals (the sheet
 * writes into a StreamBuf piped into archiver's PassThrough), or undefined if they have changed.
 */
function zipInputOf(ws: ExcelJS.Worksheet): ZipInput | undefined {
  const pipes = (ws as unknown as { stream?: { pipes?: unknown } }).stream?.pipes;
  const input = Array.isArray(pipes) ? (pipes[0] as ZipInput | undefined) : undefined;
  return input && typeof input.once === 'function' && typeof input._writableState?.length === 'number' ? input : undefined;
}

/**
 * Waits for the zip to deflate what the sheet has written. Nothing else slows the writer down: the
 * deflating happens on the thread pool but is fed one chunk per turn of the event loop, so without
 * this the XML of a province-sized sheet piles up in memory and is only compressed at the end.
 */
async function letZipCatchUp(input: ZipInput | undefined): Promise<void> {
  const state = input?._writableState;
  if (input && state && state.needDrain === true && (state.length as number) > MAX_BACKLOG) {
    await new Promise<void>((resolve) => input.once('drain', resolve));
  } else {
    await nextTurn();
  }
}

/**
 * Writes a sheet row by row, committing each row as it goes: only one row of cells is alive at a
 * time. The streaming writer puts the column widths before the first row and the frozen view in
 * the sheet's opening, so both are settled before anything is written.
 */
async function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, plan: SheetPlan, styles: Styles): Promise<void> {
  const ws = wb.addWorksheet(plan.name, {
    views: plan.list ? [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] : [],
  });
  columnWidths(plan.tables).forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const wrap = new Set(plan.wrap ?? []);
  for (const c of wrap) ws.getColumn(c).alignment = WRAP;
  const zipInput = zipInputOf(ws);
  let start = 1;
  let written = 0;
  for (const { columns, rows, look } of plan.tables) {
    const header = ws.getRow(start);
    columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = c.header;
      cell.style = HEADER_STYLE;
    });
    header.commit();
    for (let r = 0; r < rows.length; r++) {
      const row = ws.getRow(start + 1 + r);
      rows[r]!.forEach((v, i) => {
        const numFmt = typeof v === 'number' ? columns[i]?.numFmt : undefined;
        const cell = row.getCell(i + 1);
        cell.style = styles.get(numFmt, look?.(r, i + 1), wrap.has(i + 1));
        // Strings go in as strings, never `{ formula }`: exceljs then writes them as text.
        if (v !== null) cell.value = typeof v === 'string' ? cellText(v) : v;
      });
      row.commit();
      if (++written % ROWS_PER_TURN === 0) await letZipCatchUp(zipInput);
    }
    if (plan.list && start === 1) {
      ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: columns.length } };
    }
    start += rows.length + 2;
  }
  ws.commit();
}

function rejectionReason(a: ApplicantResult, lang: Lang): string {
  const byCode = a.findings.filter((f) => a.rejectedBy.includes(f.code));
  const texts = byCode.length ? byCode.map((f) => renderMessage(f, lang)) : a.rejectedBy;
  return [...new Set(texts)].join('；');
}

function rankingSheet(result: Result, rules: Rules, lang: Lang): SheetPlan {
  const zh = lang === 'zh';
  const max = result.applicants.find((a) => a.status !== 'rejected')?.maxTotal ?? (result.expertScored ? 100 : 75);
  const indicatorMax = rules.indicators.reduce((s, i) => s + i.weight, 0);
  const columns: Column[] = [
    { header: zh ? '排名' : 'Rank' },
    { header: zh ? '城市' : 'City' },
    { header: zh ? '企业名称' : 'Enterprise', min: 20 },
    { header: zh ? '统一社会信用代码' : 'Credit code' },
    { header: zh ? '状态' : 'Status' },
    { header: zh ? '自评得分合计' : 'Self-score total', numFmt: SCORE_FORMAT },
    { header: zh ? '横向评分合计' : 'Horizontal total', numFmt: SCORE_FORMAT },
    { header: zh ? `指标得分（满分${indicatorMax}）` : `Indicator score (of ${indicatorMax})`, numFmt: SCORE_FORMAT },
    { header: zh ? '专家评分' : 'Expert score', numFmt: SCORE_FORMAT },
    { header: zh ? `总分（满分${max}）` : `Total (of ${max})`, numFmt: SCORE_FORMAT },
    { header: zh ? '市内排名' : 'City rank' },
    { header: zh ? '市推荐排序' : 'City recommended rank' },
    { header: zh ? '不予评审原因' : 'Reason for rejection', min: 16 },
  ];
  // Ranked first in province order, then the rejected, which the Result already lists last.
  const ordered = [
    ...result.applicants.filter((a) => a.status !== 'rejected').sort((x, y) => (x.provinceRank ?? Infinity) - (y.provinceRank ?? Infinity)),
    ...result.applicants.filter((a) => a.status === 'rejected'),
  ];
  const rows: Value[][] = ordered.map((a) => {
    const rejected = a.status === 'rejected';
    return [
      rejected ? null : a.provinceRank,
      a.city,
      a.name,
      a.creditCode,
      STATUS_LABEL[lang][a.status],
      rejected ? null : a.selfTotal,
      rejected ? null : a.horizontalTotal,
      rejected ? null : a.indicatorTotal,
      rejected ? null : a.expertTotal ?? PENDING_EXPERT[lang],
      rejected ? null : a.total,
      rejected ? null : a.cityRank,
      a.cityRecommendedRank,
      rejected ? rejectionReason(a, lang) : null,
    ];
  });
  const look = (r: number, c: number): Look | undefined => (c === 5 ? { fill: FILLS[ordered[r]!.status] } : undefined);
  return { name: SHEETS[lang].ranking, tables: [{ columns, rows, look }], list: true };
}

function indicatorSheet(result: Result, rules: Rules, lang: Lang): SheetPlan {
  const zh = lang === 'zh';
  const dimensionName = new Map(rules.dimensions.map((d) => [d.key, zh ? d.name : d.nameEn]));
  const columns: Column[] = [
    { header: zh ? '排名' : 'Rank' },
    { header: zh ? '城市' : 'City' },
    { header: zh ? '企业名称' : 'Enterprise', min: 20 },
    { header: zh ? '维度' : 'Dimension' },
    { header: zh ? '指标' : 'Indicator' },
    { header: zh ? '指标键' : 'Key' },
    { header: 'N' },
    { header: 'M' },
    { header: zh ? '自评得分' : 'Self-score', numFmt: SCORE_FORMAT },
    { header: zh ? '横向排名' : 'Horizontal rank' },
    { header: zh ? '参与排名数' : 'Ranked' },
    { header: zh ? '档次' : 'Grade' },
    { header: zh ? '横向得分' : 'Horizontal score', numFmt: SCORE_FORMAT },
    { header: zh ? '指标得分' : 'Score', numFmt: SCORE_FORMAT },
    { header: zh ? '已核实' : 'Verified' },
  ];
  const rows: Value[][] = [];
  const unverified = new Set<number>();
  for (const a of result.applicants) {
    for (const ind of rules.indicators) {
      const r = a.indicators[ind.key];
      if (!r) continue;
      if (!r.verified) unverified.add(rows.length);
      rows.push([
        a.provinceRank,
        a.city,
        a.name,
        dimensionName.get(ind.dimension) ?? ind.dimension,
        zh ? ind.name : ind.nameEn,
        ind.key,
        r.n,
        r.m,
        r.selfScore,
        r.rank,
        r.rank === null ? null : r.rankedCount,
        r.grade,
        r.horizontalScore,
        r.score,
        r.verified ? (zh ? '是' : 'yes') : zh ? '否' : 'no',
      ]);
    }
  }
  const look = (r: number, c: number): Look | undefined => (c === 15 && unverified.has(r) ? { fill: FILLS.rejected } : undefined);
  return { name: SHEETS[lang].indicators, tables: [{ columns, rows, look }], list: true };
}

function citySheet(result: Result, lang: Lang): SheetPlan {
  const zh = lang === 'zh';
  const columns: Column[] = [
    { header: zh ? '城市' : 'City' },
    { header: zh ? '市内排名（计算）' : 'City rank (computed)' },
    { header: zh ? '市推荐排序' : 'City recommended rank' },
    { header: zh ? '差异' : 'Difference' },
    { header: zh ? '企业名称' : 'Enterprise', min: 20 },
    { header: zh ? '状态' : 'Status' },
    { header: zh ? '总分' : 'Total', numFmt: SCORE_FORMAT },
    { header: zh ? '全省排名' : 'Province rank' },
  ];
  const byId = new Map(result.applicants.map((a) => [a.id, a]));
  const rows: Value[][] = [];
  const highlight = new Set<number>();
  const statuses: ApplicantStatus[] = [];
  for (const city of result.cities) {
    const listed = city.applicants.map((id) => byId.get(id)).filter((a): a is ApplicantResult => a !== undefined);
    // Any applicant of the city the cities list missed still gets its row: nobody is dropped.
    const onList = new Set(city.applicants);
    const extra = result.applicants.filter((a) => a.city === city.name && !onList.has(a.id));
    for (const a of [...listed, ...extra]) {
      const diff = a.cityRank !== null && a.cityRecommendedRank !== null ? a.cityRecommendedRank - a.cityRank : null;
      if (diff !== null && Math.abs(diff) >= CITY_DIFFERENCE_HIGHLIGHT) highlight.add(rows.length);
      statuses.push(a.status);
      rows.push([
        a.city,
        a.cityRank,
        a.cityRecommendedRank,
        diff,
        a.name,
        STATUS_LABEL[lang][a.status],
        a.status === 'rejected' ? null : a.total,
        a.provinceRank,
      ]);
    }
  }
  const look = (r: number, c: number): Look | undefined => {
    if (c === 6) return { fill: FILLS[statuses[r]!] };
    if (c >= 2 && c <= 4 && highlight.has(r)) return c === 4 ? { fill: FILLS.difference, font: DIFFERENCE_FONT } : { fill: FILLS.difference };
    return undefined;
  };
  return { name: SHEETS[lang].cities, tables: [{ columns, rows, look }], list: true };
}

function findingsSheet(result: Result, lang: Lang): SheetPlan {
  const zh = lang === 'zh';
  const other: Lang = zh ? 'en' : 'zh';
  const columns: Column[] = [
    { header: zh ? '严重程度' : 'Severity' },
    { header: zh ? '代码' : 'Code' },
    { header: zh ? '城市' : 'City' },
    { header: zh ? '企业' : 'Applicant', min: 16 },
    { header: zh ? '文件' : 'File', min: 16 },
    { header: zh ? '工作表' : 'Sheet' },
    { header: zh ? '单元格' : 'Cell' },
    { header: zh ? '问题说明' : 'Message', min: 30 },
    { header: zh ? '问题说明（英文）' : 'Message (Chinese)', min: 30 },
    { header: zh ? '修改建议' : 'How to fix', min: 20 },
  ];
  const names = new Map(result.applicants.map((a) => [a.id, a.name]));
  const all = [...result.findings, ...result.applicants.flatMap((a) => a.findings)];
  const rows: Value[][] = all.map((f) => {
    const loc = f.location ?? {};
    const place = loc.cell ?? (loc.row !== undefined ? (zh ? `第${loc.row}行` : `row ${loc.row}`) : null);
    return [
      SEVERITY_LABEL[lang][f.severity],
      f.code,
      f.city ?? null,
      f.applicant !== undefined ? names.get(f.applicant) ?? f.applicant : null,
      loc.file ?? null,
      loc.sheet ?? null,
      place,
      renderMessage(f, lang),
      renderMessage(f, other),
      renderFix(f, lang) || null,
    ];
  });
  const look = (r: number, c: number): Look | undefined => {
    const severity = all[r]!.severity;
    if (c !== 1 || severity === 'info') return undefined;
    return { fill: severity === 'error' ? FILLS.rejected : FILLS.flagged };
  };
  return { name: SHEETS[lang].findings, tables: [{ columns, rows, look }], list: true };
}

function rulesSheet(result: Result, rules: Rules, lang: Lang): SheetPlan {
  const zh = lang === 'zh';
  const kind = { province: zh ? '全省' : 'province', city: zh ? '一个市' : 'one city', applicant: zh ? '一家企业' : 'one applicant' };
  const s = result.summary;
  const facts: Value[][] = [
    [zh ? '规则编号' : 'Rules id', result.rules.id],
    [zh ? '规则名称' : 'Rules title', zh ? result.rules.title : rules.titleEn],
    [zh ? '依据' : 'Source', rules.source],
    [zh ? '批次年度' : 'Batch year', rules.batchYear],
    [zh ? '输入目录' : 'Input root', result.input.root],
    [zh ? '输入类型' : 'Input kind', kind[result.input.kind]],
    [zh ? '申报企业数' : 'Applicants', s.applicants],
    [zh ? '参与排名' : 'Ranked', s.ranked],
    [zh ? '不予评审' : 'Rejected', s.rejected],
    [zh ? '合格' : 'Qualified', s.qualified],
    [zh ? '需核实' : 'Flagged', s.flagged],
    [zh ? '错误' : 'Errors', s.errors],
    [zh ? '警告' : 'Warnings', s.warnings],
    [zh ? '提示' : 'Notes', s.infos],
    [zh ? '专家评分' : 'Expert scores', result.expertScored ? (zh ? '已录入' : 'entered') : PENDING_EXPERT[lang]],
    [zh ? '横向排序依据' : 'Horizontal ranking key', rules.horizontal.rankBy],
    [zh ? '自评得分权重' : 'Self-score weight', rules.combination.self],
    [zh ? '横向评分权重' : 'Horizontal weight', rules.combination.horizontal],
  ];
  if (rules.horizontal.note) facts.push([zh ? '分档说明' : 'Band note', rules.horizontal.note]);
  const dims = new Map(rules.dimensions.map((d) => [d.key, zh ? d.name : d.nameEn]));
  const tables: Table[] = [
    { columns: [{ header: zh ? '项目' : 'Item' }, { header: zh ? '内容' : 'Value' }], rows: facts },
    {
      columns: [
        { header: zh ? '指标键' : 'Key' },
        { header: zh ? '维度' : 'Dimension' },
        { header: zh ? '指标' : 'Indicator' },
        { header: zh ? '权重' : 'Weight', numFmt: SCORE_FORMAT },
        { header: zh ? '单位' : 'Unit' },
        { header: 'N' },
        { header: 'M' },
      ],
      rows: rules.indicators.map((i) => [i.key, dims.get(i.dimension) ?? i.dimension, zh ? i.name : i.nameEn, i.weight, i.unit, i.n, i.m]),
    },
    {
      columns: [
        { header: zh ? '档次' : 'Grade' },
        { header: zh ? '名次比例上限' : 'Rank share up to', numFmt: '0%' },
        { header: zh ? '得分系数' : 'Factor', numFmt: '0%' },
      ],
      rows: rules.horizontal.bands.map((b) => [b.grade, b.share, b.factor]),
    },
    {
      columns: [{ header: zh ? '专家评分项' : 'Expert item' }, { header: zh ? '名称' : 'Name' }, { header: zh ? '满分' : 'Max', numFmt: SCORE_FORMAT }],
      rows: rules.experts.map((e) => [e.key, zh ? e.name : e.nameEn, e.max]),
    },
  ];
  // The band note is long: let it wrap rather than stretch the column to the cap.
  return { name: SHEETS[lang].rules, tables, list: false, wrap: [2] };
}

function selectionSheet(result: Result, lang: Lang): SheetPlan {
  const zh = lang === 'zh';
  const columns: Column[] = [
    { header: zh ? '排名' : 'Rank' },
    { header: zh ? '城市' : 'City' },
    { header: zh ? '企业名称' : 'Enterprise', min: 20 },
    { header: zh ? '总分' : 'Total', numFmt: SCORE_FORMAT },
  ];
  const rows: Value[][] = result.applicants
    .filter((a) => a.selected)
    .sort((x, y) => (x.provinceRank ?? Infinity) - (y.provinceRank ?? Infinity))
    .map((a) => [a.provinceRank, a.city, a.name, a.total]);
  return { name: SHEETS[lang].selection, tables: [{ columns, rows }], list: true };
}

/**
 * The bytes of 评审结果.xlsx, identical for identical results. Written with exceljs's streaming
 * writer, one sheet and one row at a time: building the whole workbook in memory took 4 GB and
 * half a minute for 10,000 applicants (docs/performance.md). Each sheet's rows are laid out only
 * when its turn comes, so at most one sheet's values are held besides the zip being written.
 */
export async function writeResultsXlsx(result: Result, rules: Rules, lang: Lang): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const Excel = await loadExcel();
  const wb = new Excel.stream.xlsx.WorkbookWriter({
    stream: sink,
    // Styles are off by default in the streaming writer; shared strings keep names that recur on
    // every 指标明细 row once in the file, as the in-memory writer did.
    useStyles: true,
    useSharedStrings: true,
    // archiver defaults to the fastest, loosest level (files 30 % larger); 6 is what exceljs's
    // in-memory writer used, and the deflating happens off the main thread.
    zip: { zlib: { level: 6 } },
  });
  // The writer stamps the clock into docProps/core.xml unless told otherwise.
  wb.creator = CREATOR;
  wb.lastModifiedBy = CREATOR;
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const styles = new Styles();
  const plans: (() => SheetPlan)[] = [
    () => rankingSheet(result, rules, lang),
    () => indicatorSheet(result, rules, lang),
    () => citySheet(result, lang),
    () => findingsSheet(result, lang),
    () => rulesSheet(result, rules, lang),
  ];
  if (result.selection) plans.push(() => selectionSheet(result, lang));
  for (const plan of plans) await writeSheet(wb, plan(), styles);
  await wb.commit();
  // The zip entries carry the time of writing: overwrite them with the fixed moment.
  return fixZipDates(Buffer.concat(chunks));
}
