/**
 * 评审结果.xlsx (SPEC 6): the Result laid out for the provincial clerk. Every value is read from the
 * Result; nothing here ranks or scores. Text from the inputs is written as plain strings, so a name
 * such as `=HYPERLINK(...)` stays text in Excel, WPS and LibreOffice.
 */
import ExcelJS from 'exceljs';
import type { Finding } from '../findings/finding.js';
import { renderFix, renderMessage, type Lang } from '../findings/catalogue.js';
import type { ApplicantResult, ApplicantStatus, Result } from '../model/result.js';
import type { Rules } from '../rules/schema.js';
import { FIXED_DATE, workbookBytes } from '../util/workbookBytes.js';

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

function fill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

function setValue(cell: ExcelJS.Cell, v: Value): void {
  // Strings go in as strings, never `{ formula }`: exceljs then writes them as text.
  if (v === null) return;
  cell.value = typeof v === 'string' ? cellText(v) : v;
}

function widthOf(v: Value, numFmt?: string): number {
  if (v === null) return 0;
  if (typeof v === 'number') return numFmt === SCORE_FORMAT ? v.toFixed(2).length : String(v).length;
  return Math.max(...v.split('\n').map(displayWidth));
}

/**
 * Writes a header row and data rows from row `start`, sets number formats and widths that fit the
 * text (widths only grow, so several tables can share a sheet). Returns the last row written.
 */
function writeTable(ws: ExcelJS.Worksheet, columns: Column[], rows: Value[][], start = 1): number {
  const header = ws.getRow(start);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = fill(FILLS.header);
    cell.alignment = { vertical: 'middle', wrapText: false };
    cell.border = { bottom: { style: 'thin' } };
  });
  rows.forEach((values, r) => {
    const row = ws.getRow(start + 1 + r);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      setValue(cell, v);
      const fmt = columns[i]?.numFmt;
      if (fmt && typeof v === 'number') cell.numFmt = fmt;
    });
  });
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    let need = Math.max(c.min ?? 0, displayWidth(c.header) + 2);
    // A loop, not Math.max(...rows): a province-sized sheet has more rows than a call takes arguments.
    for (const r of rows) need = Math.max(need, widthOf(r[i] ?? null, c.numFmt) + 2);
    col.width = Math.min(MAX_WIDTH, Math.max(col.width ?? 0, need, 6));
  });
  return start + rows.length;
}

function freezeAndFilter(ws: ExcelJS.Worksheet, columns: number, lastRow: number): void {
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, lastRow), column: columns } };
}

function rejectionReason(a: ApplicantResult, lang: Lang): string {
  const byCode = a.findings.filter((f) => a.rejectedBy.includes(f.code));
  const texts = byCode.length ? byCode.map((f) => renderMessage(f, lang)) : a.rejectedBy;
  return [...new Set(texts)].join('；');
}

function rankingSheet(wb: ExcelJS.Workbook, result: Result, rules: Rules, lang: Lang): void {
  const zh = lang === 'zh';
  const ws = wb.addWorksheet(SHEETS[lang].ranking);
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
  const last = writeTable(ws, columns, rows);
  ordered.forEach((a, i) => {
    ws.getRow(i + 2).getCell(5).fill = fill(FILLS[a.status]);
  });
  freezeAndFilter(ws, columns.length, last);
}

function indicatorSheet(wb: ExcelJS.Workbook, result: Result, rules: Rules, lang: Lang): void {
  const zh = lang === 'zh';
  const ws = wb.addWorksheet(SHEETS[lang].indicators);
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
  const unverified: number[] = [];
  for (const a of result.applicants) {
    for (const ind of rules.indicators) {
      const r = a.indicators[ind.key];
      if (!r) continue;
      if (!r.verified) unverified.push(rows.length);
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
  const last = writeTable(ws, columns, rows);
  for (const i of unverified) ws.getRow(i + 2).getCell(15).fill = fill(FILLS.rejected);
  freezeAndFilter(ws, columns.length, last);
}

function citySheet(wb: ExcelJS.Workbook, result: Result, lang: Lang): void {
  const zh = lang === 'zh';
  const ws = wb.addWorksheet(SHEETS[lang].cities);
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
  const highlight: number[] = [];
  const statuses: ApplicantStatus[] = [];
  for (const city of result.cities) {
    const listed = city.applicants.map((id) => byId.get(id)).filter((a): a is ApplicantResult => a !== undefined);
    // Any applicant of the city the cities list missed still gets its row: nobody is dropped.
    const extra = result.applicants.filter((a) => a.city === city.name && !city.applicants.includes(a.id));
    for (const a of [...listed, ...extra]) {
      const diff = a.cityRank !== null && a.cityRecommendedRank !== null ? a.cityRecommendedRank - a.cityRank : null;
      if (diff !== null && Math.abs(diff) >= CITY_DIFFERENCE_HIGHLIGHT) highlight.push(rows.length);
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
  const last = writeTable(ws, columns, rows);
  statuses.forEach((s, i) => (ws.getRow(i + 2).getCell(6).fill = fill(FILLS[s])));
  for (const i of highlight) {
    const row = ws.getRow(i + 2);
    for (const c of [2, 3, 4]) row.getCell(c).fill = fill(FILLS.difference);
    row.getCell(4).font = { bold: true, color: { argb: 'FF9C0006' } };
  }
  freezeAndFilter(ws, columns.length, last);
}

function findingsSheet(wb: ExcelJS.Workbook, result: Result, lang: Lang): void {
  const zh = lang === 'zh';
  const other: Lang = zh ? 'en' : 'zh';
  const ws = wb.addWorksheet(SHEETS[lang].findings);
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
  const last = writeTable(ws, columns, rows);
  all.forEach((f, i) => {
    if (f.severity !== 'info') ws.getRow(i + 2).getCell(1).fill = fill(f.severity === 'error' ? FILLS.rejected : FILLS.flagged);
  });
  freezeAndFilter(ws, columns.length, last);
}

function rulesSheet(wb: ExcelJS.Workbook, result: Result, rules: Rules, lang: Lang): void {
  const zh = lang === 'zh';
  const ws = wb.addWorksheet(SHEETS[lang].rules);
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
  let row = writeTable(ws, [{ header: zh ? '项目' : 'Item' }, { header: zh ? '内容' : 'Value' }], facts);
  // The note is long: let it wrap rather than stretch the column to the cap.
  ws.getColumn(2).alignment = { wrapText: true, vertical: 'top' };

  const dims = new Map(rules.dimensions.map((d) => [d.key, zh ? d.name : d.nameEn]));
  row = writeTable(
    ws,
    [
      { header: zh ? '指标键' : 'Key' },
      { header: zh ? '维度' : 'Dimension' },
      { header: zh ? '指标' : 'Indicator' },
      { header: zh ? '权重' : 'Weight', numFmt: SCORE_FORMAT },
      { header: zh ? '单位' : 'Unit' },
      { header: 'N' },
      { header: 'M' },
    ],
    rules.indicators.map((i) => [i.key, dims.get(i.dimension) ?? i.dimension, zh ? i.name : i.nameEn, i.weight, i.unit, i.n, i.m]),
    row + 2,
  );
  row = writeTable(
    ws,
    [
      { header: zh ? '档次' : 'Grade' },
      { header: zh ? '名次比例上限' : 'Rank share up to', numFmt: '0%' },
      { header: zh ? '得分系数' : 'Factor', numFmt: '0%' },
    ],
    rules.horizontal.bands.map((b) => [b.grade, b.share, b.factor]),
    row + 2,
  );
  writeTable(
    ws,
    [{ header: zh ? '专家评分项' : 'Expert item' }, { header: zh ? '名称' : 'Name' }, { header: zh ? '满分' : 'Max', numFmt: SCORE_FORMAT }],
    rules.experts.map((e) => [e.key, zh ? e.name : e.nameEn, e.max]),
    row + 2,
  );
}

function selectionSheet(wb: ExcelJS.Workbook, result: Result, lang: Lang): void {
  const zh = lang === 'zh';
  const ws = wb.addWorksheet(SHEETS[lang].selection);
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
  const last = writeTable(ws, columns, rows);
  freezeAndFilter(ws, columns.length, last);
}

export function buildResultsWorkbook(result: Result, rules: Rules, lang: Lang): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = CREATOR;
  wb.lastModifiedBy = CREATOR;
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  rankingSheet(wb, result, rules, lang);
  indicatorSheet(wb, result, rules, lang);
  citySheet(wb, result, lang);
  findingsSheet(wb, result, lang);
  rulesSheet(wb, result, rules, lang);
  if (result.selection) selectionSheet(wb, result, lang);
  return wb;
}


export async function writeResultsXlsx(result: Result, rules: Rules, lang: Lang): Promise<Buffer> {
  return workbookBytes(buildResultsWorkbook(result, rules, lang));
}
