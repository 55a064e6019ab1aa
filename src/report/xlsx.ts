/**
 * 评审结果.xlsx: the Result laid out for the provincial clerk, and printable as it is. Every value is
 * read from the Result; nothing here ranks or scores. Text from the inputs is written as plain
 * strings, so a name such as `=HYPERLINK(...)` stays text in Excel, WPS and LibreOffice.
 *
 * Printing: every sheet is A4 landscape, scaled to one page wide (as many pages down as it needs),
 * with its header row repeated on each page and page numbers in the footer. Each column has a width
 * between a floor and a ceiling; long text wraps inside its column instead of widening it, so a
 * sheet stays narrow enough to be read at the scale one page wide needs. Columns show people's words;
 * the machine keys (finding codes, indicator keys) sit in a last, narrow column for filters and scripts.
 */
import { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type ExcelJS from 'exceljs';
import type { Finding } from '../findings/finding.js';
import { renderFix, renderMessage, type FindingCode, type Lang } from './catalogue.js';
import type { ApplicantResult, ApplicantStatus, ReceivedForm, Result } from '../model/result.js';
import type { Rules } from '../rules/schema.js';
import { compareCityNames } from '../data/zhejiang.js';
import { FIXED_DATE, fixZipDates } from '../util/workbookBytes.js';
import { loadExcel } from '../util/loadExcel.js';
import { word } from './words.js';
import { sourceText } from './sourceText.js';
import { placeOf } from './json.js';
import { tieNote, unresolvedNote } from './selectionNotes.js';
import { PANEL_REVIEW_WORDS, panelReviewColumns, panelReviewRows } from './panelReview.js';
import { DECISION_WORDS, indicatorNamer, kindText, outcomeText, waivedText } from './decisionsReport.js';

/** No clock in the file: the notice's date stands in for created/modified and zip stamps. */
export const CREATOR = 'yunshang';

type Value = string | number | null;

const SHEETS = {
  zh: {
    ranking: '总排名',
    indicators: '指标明细',
    cities: '各市排名',
    findings: '问题清单',
    receipt: '收件登记',
    rules: '规则说明',
    selection: '初选名单',
  },
  en: {
    ranking: 'Ranking',
    indicators: 'Indicators',
    cities: 'City ranking',
    findings: 'Findings',
    receipt: 'Received',
    rules: 'Rules',
    selection: 'Shortlist',
  },
} as const;

export function sheetNames(lang: Lang): (typeof SHEETS)[Lang] {
  return SHEETS[lang];
}

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

/**
 * How every sheet prints: A4 (paper size 9) landscape, one page wide and as many down as needed
 * (fitToHeight 0), narrow margins in inches, page numbers at the foot.
 */
export const PRINT: Readonly<Partial<ExcelJS.PageSetup>> = Object.freeze({
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
});

const FOOTER: Record<Lang, string> = { zh: '&L&A&R第 &P 页，共 &N 页', en: '&L&A&RPage &P of &N' };

const SCORE_FORMAT = '0.00';
const DIFFERENCE_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: 'FF9C0006' } };
/** Points per line of the default 11-point font, for the header row's height. */
const LINE_HEIGHT = 15;

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
  /** Width floor and ceiling in character units; the width fits the longest value between them. */
  min?: number;
  max: number;
  /** Long text: wraps at the column's width (and the column never grows past `max`). */
  wrap?: boolean;
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
  /**
   * A sheet that is one long list: its header row is frozen, filtered and printed on every page.
   * (A sheet of several small tables prints its first header once, where it belongs.)
   */
  list: boolean;
}

function fill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

function widthOf(v: Value, numFmt?: string): number {
  if (v === null) return 0;
  if (typeof v === 'number') return numFmt === SCORE_FORMAT ? v.toFixed(2).length : String(v).length;
  let w = 0;
  for (const line of v.split('\n')) w = Math.max(w, displayWidth(line));
  return w;
}

/** The widest word of a header: a header wraps between words, never inside one. */
function longestWord(header: string): number {
  let w = 0;
  for (const token of header.match(TOKENS) ?? []) w = Math.max(w, printedWidth(token));
  return Math.ceil(w);
}

/** Column widths that fit the values of every table of the sheet, each within its floor and ceiling. */
function columnWidths(tables: Table[]): number[] {
  const widths: number[] = [];
  for (const { columns, rows } of tables) {
    columns.forEach((c, i) => {
      // A header may wrap onto two lines: half its width (and its longest word) is enough.
      // Headers are bold, a little wider than the text below them.
      const word = longestWord(c.header) + 2;
      let need = Math.max(c.min ?? 0, Math.ceil(displayWidth(c.header) / 2) + 2, word, 6);
      // A loop, not Math.max(...rows): a province-sized sheet has more rows than a call takes arguments.
      for (const r of rows) {
        if (need >= c.max) break;
        need = Math.max(need, widthOf(r[i] ?? null, c.numFmt) + 2);
      }
      widths[i] = Math.max(widths[i] ?? 0, Math.min(Math.max(c.max, word), need));
    });
  }
  return widths;
}

/**
 * How wide a run of text prints, in column units: a CJK or full-width character two, a digit one
 * (the unit is the width of a digit), a space half, other Latin characters nine tenths (their mean
 * in the default font; capitals are wider, but a line rarely holds only capitals).
 */
function printedWidth(token: string): number {
  let w = 0;
  for (const ch of token) {
    if (displayWidth(ch) === 2) w += 2;
    else if (ch === ' ') w += 0.5;
    else if (ch >= '0' && ch <= '9') w += 1;
    else w += 0.9;
  }
  return w;
}

/** Runs of narrow non-space characters (words), single wide characters, single spaces. */
const TOKENS = /[^\s\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]+|\s|./gsu;

/**
 * Lines `text` takes wrapped in a column `width` units wide: Chinese breaks between any two
 * characters, other text between words (a word longer than the line breaks where it must). An
 * estimate on the generous side: a row a little too tall is a blank line, one too short hides text.
 */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, width - 0.5);
  // No character prints wider than two units: a short line needs no measuring.
  if (text.length * 2 <= room && !text.includes('\n')) return 1;
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines++;
    let used = 0;
    for (const token of paragraph.match(TOKENS) ?? []) {
      const w = printedWidth(token);
      if (used > 0 && used + w > room) {
        lines++;
        // A space at the break is not carried onto the next line.
        used = token === ' ' ? 0 : w;
      } else used += w;
      while (used > room) {
        lines++;
        used -= room;
      }
    }
  }
  return lines;
}

/** Lines the header needs at these widths (headers wrap; no viewer grows a row for them). */
function headerLines(columns: Column[], widths: number[]): number {
  let lines = 1;
  columns.forEach((c, i) => (lines = Math.max(lines, wrappedLines(c.header, widths[i] ?? 8))));
  return Math.min(lines, 4);
}

const HEADER_STYLE = Object.freeze<Partial<ExcelJS.Style>>({
  font: { bold: true },
  fill: fill(FILLS.header),
  alignment: { vertical: 'middle', wrapText: true },
  border: { bottom: { style: 'thin' } },
});

const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };
const TOP: Partial<ExcelJS.Alignment> = { vertical: 'top' };

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
        // Rows grow with wrapped text: every cell aligns to the top so a row reads across.
        alignment: wrap ? WRAP : TOP,
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
 * time. The streaming writer puts the column widths before the first row and the frozen view and
 * page setup in the sheet's opening, so all are settled before anything is written.
 */
async function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, plan: SheetPlan, styles: Styles, lang: Lang): Promise<void> {
  const ws = wb.addWorksheet(plan.name, {
    views: plan.list ? [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] : [],
    pageSetup: { ...PRINT, ...(plan.list ? { printTitlesRow: '1:1' } : {}) },
    headerFooter: { oddFooter: FOOTER[lang] },
  });
  const widths = columnWidths(plan.tables);
  // exceljs takes a width of exactly 9 for its default and leaves the column out of the file, where
  // a viewer then uses its own default (8.43 in Excel): a tenth more keeps the width written.
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w === 9 ? 9.1 : w));
  const zipInput = zipInputOf(ws);
  const measured = new Map<string, number>();
  let start = 1;
  let written = 0;
  for (const { columns, rows, look } of plan.tables) {
    const header = ws.getRow(start);
    columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = c.header;
      cell.style = HEADER_STYLE;
    });
    const lines = headerLines(columns, widths);
    if (lines > 1) header.height = lines * LINE_HEIGHT + 3;
    header.commit();
    for (let r = 0; r < rows.length; r++) {
      const row = ws.getRow(start + 1 + r);
      rows[r]!.forEach((v, i) => {
        const numFmt = typeof v === 'number' ? columns[i]?.numFmt : undefined;
        const cell = row.getCell(i + 1);
        cell.style = styles.get(numFmt, look?.(r, i + 1), columns[i]?.wrap === true);
        // Strings go in as strings, never `{ formula }`: exceljs then writes them as text.
        if (v !== null) cell.value = typeof v === 'string' ? cellText(v) : v;
      });
      // Neither LibreOffice nor WPS grows a row to its wrapped text when opening a file: the height is
      // set here, from the lines each wrapped cell needs at its column's width.
      let lines = 1;
      rows[r]!.forEach((v, i) => {
        if (typeof v !== 'string' || !columns[i]?.wrap) return;
        // Names, dimensions and indicators recur on many rows: each is measured once per column.
        const key = `${i}\u0000${v}`;
        let n = measured.get(key);
        if (n === undefined) measured.set(key, (n = wrappedLines(v, widths[i] ?? 8)));
        lines = Math.max(lines, n);
      });
      if (lines > 1) row.height = lines * LINE_HEIGHT + 2;
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

const yesNo = (b: boolean, zh: boolean): string => (b ? (zh ? '是' : 'yes') : zh ? '否' : 'no');

function rejectionReason(a: ApplicantResult, lang: Lang): string {
  const byCode = a.findings.filter((f) => a.rejectedBy.includes(f.code));
  const texts = byCode.length ? byCode.map((f) => renderMessage(f, lang)) : a.rejectedBy;
  return [...new Set(texts)].join('；');
}

/** The applicants of each city in the official order, each city's in the order the Result lists them. */
function byCityInOrder(result: Result): { city: string; applicants: ApplicantResult[] }[] {
  const byId = new Map(result.applicants.map((a) => [a.id, a]));
  const seen = new Set<string>();
  const out: { city: string; applicants: ApplicantResult[] }[] = [];
  for (const c of [...result.cities].sort((x, y) => compareCityNames(x.name, y.name))) {
    const list = c.applicants.map((id) => byId.get(id)).filter((a): a is ApplicantResult => a !== undefined);
    for (const a of list) seen.add(a.id);
    out.push({ city: c.name, applicants: list });
  }
  // Any applicant the cities list missed still gets its rows: nobody is dropped.
  const rest = result.applicants.filter((a) => !seen.has(a.id));
  for (const a of rest) {
    let group = out.find((g) => g.city === a.city);
    if (!group) out.push((group = { city: a.city, applicants: [] }));
    group.applicants.push(a);
  }
  return out.sort((x, y) => compareCityNames(x.city, y.city));
}

function rankingSheet(result: Result, rules: Rules, lang: Lang): SheetPlan {
  const zh = lang === 'zh';
  const max = result.applicants.find((a) => a.status !== 'rejected')?.maxTotal ?? (result.expertScored ? 100 : 75);
  const indicatorMax = rules.indicators.reduce((s, i) => s + i.weight, 0);
  const columns: Column[] = [
    { header: zh ? '排名' : 'Rank', max: 6 },
    { header: zh ? '城市' : 'City', max: 10 },
    { header: zh ? '企业名称' : 'Enterprise', min: 16, max: 30, wrap: true },
    { header: zh ? '统一社会信用代码' : 'Credit code', min: 22, max: 22 },
    { header: zh ? '状态' : 'Status', max: 12 },
    { header: zh ? '自评得分合计' : 'Self-score total', numFmt: SCORE_FORMAT, max: 9 },
    { header: zh ? '横向评分合计' : 'Horizontal total', numFmt: SCORE_FORMAT, max: 9 },
    { header: zh ? `指标得分（满分${indicatorMax}）` : `Indicator score (of ${indicatorMax})`, numFmt: SCORE_FORMAT, max: 10 },
    { header: zh ? '专家评分' : 'Expert score', numFmt: SCORE_FORMAT, max: 12, wrap: true },
    { header: zh ? `总分（满分${max}）` : `Total (of ${max})`, numFmt: SCORE_FORMAT, max: 10 },
    { header: zh ? '市内排名' : 'City rank', max: 7 },
    { header: zh ? '市推荐排序' : 'City recommended rank', max: 8 },
    { header: zh ? `${word('rejected', 'zh')}原因` : `Why ${word('rejected', 'en')}`, min: 16, max: 36, wrap: true },
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
      word(a.status, lang),
      rejected ? null : a.selfTotal,
      rejected ? null : a.horizontalTotal,
      rejected ? null : a.indicatorTotal,
      rejected ? null : a.expertTotal ?? word('pendingExpert', lang),
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
  const indicatorName = new Map<string, string>(rules.indicators.map((i) => [i.key, zh ? i.name : i.nameEn]));
  const columns: Column[] = [
    { header: zh ? '排名' : 'Rank', max: 6 },
    { header: zh ? '城市' : 'City', max: 10 },
    { header: zh ? '企业名称' : 'Enterprise', min: 16, max: 30, wrap: true },
    { header: zh ? '维度' : 'Dimension', max: 16, wrap: true },
    { header: zh ? '指标' : 'Indicator', max: 12, wrap: true },
    { header: 'N', max: 10 },
    { header: 'M', max: 10 },
    { header: zh ? '自评得分' : 'Self-score', numFmt: SCORE_FORMAT, max: 8 },
    { header: zh ? '横向排名' : 'Horizontal rank', max: 8 },
    { header: zh ? '参与排名数' : 'Ranked', max: 8 },
    { header: zh ? '档次' : 'Grade', max: 6 },
    { header: zh ? '横向得分' : 'Horizontal score', numFmt: SCORE_FORMAT, max: 9 },
    { header: zh ? '指标得分' : 'Score', numFmt: SCORE_FORMAT, max: 8 },
    { header: zh ? '已核实' : 'Verified', max: 7 },
    { header: zh ? '来源：附件2 单元格与填写原文' : 'Source: cell of Attachment 2 and text as typed', min: 30, max: 40, wrap: true },
    { header: zh ? '指标键' : 'Key', max: 22 },
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
        indicatorName.get(ind.key)!,
        r.n,
        r.m,
        r.selfScore,
        r.rank,
        r.rank === null ? null : r.rankedCount,
        r.grade,
        r.horizontalScore,
        r.score,
        yesNo(r.verified, zh),
        sourceText(r.sources ?? {}, lang, a.id, (k) => indicatorName.get(k) ?? k, a.received.a2 ?? undefined) || null,
        ind.key,
      ]);
    }
  }
  const look = (r: number, c: number): Look | undefined => (c === 14 && unverified.has(r) ? { fill: FILLS.rejected } : undefined);
  return { name: SHEETS[lang].indicators, tables: [{ columns, rows, look }], list: true };
}

function citySheet(result: Result, lang: Lang): SheetPlan {
  const zh = lang === 'zh';
  const columns: Column[] = [
    { header: zh ? '城市' : 'City', max: 10 },
    { header: zh ? '市内排名（计算）' : 'City rank (computed)', max: 9 },
    { header: zh ? '市推荐排序' : 'City recommended rank', max: 9 },
    { header: zh ? '差异' : 'Difference', max: 7 },
    { header: zh ? '企业名称' : 'Enterprise', min: 16, max: 30, wrap: true },
    { header: zh ? '区县' : 'District', max: 12 },
    { header: zh ? '状态' : 'Status', max: 12 },
    { header: zh ? '总分' : 'Total', numFmt: SCORE_FORMAT, max: 8 },
    { header: zh ? '全省排名' : 'Province rank', max: 8 },
  ];
  const rows: Value[][] = [];
  const highlight = new Set<number>();
  const statuses: ApplicantStatus[] = [];
  for (const { applicants } of byCityInOrder(result)) {
    for (const a of applicants) {
      const diff = a.cityRank !== null && a.cityRecommendedRank !== null ? a.cityRecommendedRank - a.cityRank : null;
      if (diff !== null && Math.abs(diff) >= CITY_DIFFERENCE_HIGHLIGHT) highlight.add(rows.length);
      statuses.push(a.status);
      rows.push([
        a.city,
        a.cityRank,
        a.cityRecommendedRank,
        diff,
        a.name,
        a.district,
        word(a.status, lang),
        a.status === 'rejected' ? null : a.total,
        a.provinceRank,
      ]);
    }
  }
  const look = (r: number, c: number): Look | undefined => {
    if (c === 7) return { fill: FILLS[statuses[r]!] };
    if (c >= 2 && c <= 4 && highlight.has(r)) return c === 4 ? { fill: FILLS.difference, font: DIFFERENCE_FONT } : { fill: FILLS.difference };
    return undefined;
  };
  return { name: SHEETS[lang].cities, tables: [{ columns, rows, look }], list: true };
}

/**
 * Every finding: the province's own first, then city by city in the official order, each city's own
 * findings before its applicants', applicants in the order of 各市排名.
 */
function findingsSheet(result: Result, lang: Lang): SheetPlan {
  const zh = lang === 'zh';
  const columns: Column[] = [
    { header: zh ? '严重程度' : 'Severity', min: 10, max: 10 },
    { header: zh ? '城市' : 'City', max: 10 },
    { header: zh ? '企业' : 'Applicant', min: 14, max: 22, wrap: true },
    { header: zh ? '文件' : 'File', min: 14, max: 24, wrap: true },
    { header: zh ? '工作表' : 'Sheet', max: 14, wrap: true },
    { header: zh ? '单元格' : 'Cell', max: 8 },
    { header: zh ? '问题说明' : 'Message', min: 30, max: 46, wrap: true },
    { header: zh ? '修改建议' : 'How to fix', min: 20, max: 32, wrap: true },
    { header: zh ? '代码' : 'Code', max: 24 },
  ];
  const groups = byCityInOrder(result);
  const known = new Set(groups.map((g) => g.city));
  const all: Finding[] = [
    ...result.findings.filter((f) => f.city === undefined || !known.has(f.city)),
    ...groups.flatMap((g) => [...result.findings.filter((f) => f.city === g.city), ...g.applicants.flatMap((a) => a.findings)]),
    // The panel chair's list follows, as it does on its own sheet.
    ...result.panelReview,
  ];
  const byId = new Map(result.applicants.map((a) => [a.id, a]));
  const rows: Value[][] = all.map((f) => {
    const loc = f.location ?? {};
    const owner = f.applicant !== undefined ? byId.get(f.applicant) : undefined;
    // Inside an applicant's folder the folder is the 企业 column already: the path starts below it.
    const file = loc.file && owner && loc.file.startsWith(`${owner.id}/`) ? loc.file.slice(owner.id.length + 1) : loc.file;
    const place = loc.cell ?? (loc.row !== undefined ? placeOf({ row: loc.row }, lang) : null);
    return [
      f.waived ? `${word(f.severity, lang)}（${word('waived', lang)}）` : word(f.severity, lang),
      f.city ?? owner?.city ?? null,
      owner ? owner.name : (f.applicant ?? null),
      file ?? null,
      loc.sheet ?? null,
      place,
      renderMessage(f, lang),
      f.waived ? waivedText(f, lang) : renderFix(f, lang) || null,
      f.code,
    ];
  });
  const look = (r: number, c: number): Look | undefined => {
    const severity = all[r]!.severity;
    if (c !== 1 || severity === 'info' || all[r]!.waived) return undefined;
    return { fill: severity === 'error' ? FILLS.rejected : FILLS.flagged };
  };
  return { name: SHEETS[lang].findings, tables: [{ columns, rows, look }], list: true };
}

/**
 * 收件登记: what each city and applicant sent, and in which format — the clerk's list of what
 * arrived. A city's own row carries its 推荐排序表; an enterprise the table lists without a folder
 * gets a row of its own, with nothing received. The forms' columns name the files; one column says
 * their formats (usually one for all).
 */
function receiptSheet(result: Result, lang: Lang): SheetPlan {
  const zh = lang === 'zh';
  const missing = zh ? '未收到' : 'not received';
  const none = zh ? '无' : 'none';
  const columns: Column[] = [
    { header: zh ? '城市' : 'City', max: 10 },
    { header: zh ? '企业名称' : 'Enterprise', min: 16, max: 28, wrap: true },
    { header: zh ? '附件3 推荐排序表' : 'Attachment 3 (city ranking)', min: 12, max: 16, wrap: true },
    { header: zh ? '附件1 申报表' : 'Attachment 1', min: 12, max: 24, wrap: true },
    { header: zh ? '附件2 用云水平评估表' : 'Attachment 2', min: 12, max: 30, wrap: true },
    { header: zh ? '系统清单' : 'System list', min: 12, max: 20, wrap: true },
    { header: zh ? '云计算产品和服务清单' : 'Cloud products list', min: 12, max: 30, wrap: true },
    { header: zh ? '格式' : 'Format', max: 14, wrap: true },
    { header: zh ? '营业执照' : 'Business licence', min: 10, max: 16, wrap: true },
    { header: zh ? '证明材料' : 'Evidence', min: 12, max: 22, wrap: true },
    { header: zh ? '状态' : 'Status', max: 10 },
  ];
  const names = zh
    ? { a1: '附件1', a2: '附件2', systems: '系统清单', products: '产品清单' }
    : { a1: 'A1', a2: 'A2', systems: 'systems', products: 'products' };
  /** The file below `folder`; a workbook holding A1 and A2 as two sheets adds the sheet. */
  const fileOf = (f: ReceivedForm | null, folder: string, both: boolean): string | null =>
    f ? (f.file.startsWith(`${folder}/`) ? f.file.slice(folder.length + 1) : f.file) + (both ? ` · ${f.sheet}` : '') : null;
  /** 「XLSX」 when every form came in one format, else each form with its own. */
  const formats = (forms: [string, ReceivedForm | null][]): string | null => {
    const got = forms.filter((e): e is [string, ReceivedForm] => e[1] !== null);
    const distinct = [...new Set(got.map(([, f]) => f.format))];
    if (distinct.length <= 1) return distinct[0] ?? null;
    return got.map(([n, f]) => `${n} ${f.format}`).join(zh ? '、' : ', ');
  };
  const rows: Value[][] = [];
  const red = new Map<number, Set<number>>();
  const status: (ApplicantStatus | null)[] = [];
  const mark = (col: number) => (red.get(rows.length) ?? red.set(rows.length, new Set()).get(rows.length)!).add(col);
  const unlisted = (city: string) =>
    result.findings.filter((f) => f.code === ('A3_ROW_WITHOUT_PACK' satisfies FindingCode) && f.city === city).map((f) => ({ name: String(f.args.name ?? ''), seq: f.args.seq }));
  for (const { city, applicants } of byCityInOrder(result)) {
    const a3 = result.cities.find((x) => x.name === city)?.a3 ?? null;
    if (!a3) mark(3);
    status.push(null);
    rows.push([city, zh ? `（全市 ${applicants.length} 家）` : `(${applicants.length} applicants)`, fileOf(a3, city, false) ?? missing, null, null, null, null, a3?.format ?? null, null, null, null]);
    for (const a of applicants) {
      const r = a.received;
      const both = r.a1 !== null && r.a2 !== null && r.a1.file === r.a2.file;
      const ev = r.evidence;
      const evidence =
        ev.files === 0
          ? none
          : zh
            ? `${ev.files} 个：图片 ${ev.images}、PDF ${ev.pdfs}${ev.other ? `、其他 ${ev.other}` : ''}`
            : `${ev.files}: ${ev.images} images, ${ev.pdfs} PDF${ev.other ? `, ${ev.other} other` : ''}`;
      const listed = a.cityRecommendedRank !== null ? (zh ? `第 ${a.cityRecommendedRank} 位` : `no. ${a.cityRecommendedRank}`) : zh ? '未列入' : 'not listed';
      if (a.cityRecommendedRank === null) mark(3);
      if (!r.a1) mark(4);
      if (!r.a2) mark(5);
      if (!r.systems) mark(6);
      if (!r.products) mark(7);
      if (!r.license) mark(9);
      if (ev.files === 0) mark(10);
      status.push(a.status);
      rows.push([
        a.city,
        a.name,
        listed,
        fileOf(r.a1, a.id, both) ?? missing,
        fileOf(r.a2, a.id, both) ?? missing,
        fileOf(r.systems, a.id, false) ?? missing,
        fileOf(r.products, a.id, false) ?? missing,
        formats([
          [names.a1, r.a1],
          [names.a2, r.a2],
          [names.systems, r.systems],
          [names.products, r.products],
        ]),
        // The column names the folder: the path starts below it.
        r.license ? r.license.slice(r.license.indexOf('/') + 1) : missing,
        evidence,
        word(a.status, lang),
      ]);
    }
    for (const u of unlisted(city)) {
      for (const col of [4, 5, 6, 7, 9, 10]) mark(col);
      status.push(null);
      const seq = u.seq !== undefined && u.seq !== '' ? (zh ? `第 ${u.seq} 位` : `no. ${u.seq}`) : zh ? '已列入' : 'listed';
      rows.push([city, u.name, seq, missing, missing, missing, missing, null, missing, none, null]);
    }
  }
  const look = (r: number, c: number): Look | undefined => {
    if (c === 11 && status[r]) return { fill: FILLS[status[r]!] };
    return red.get(r)?.has(c) ? { fill: FILLS.rejected } : undefined;
  };
  return { name: SHEETS[lang].receipt, tables: [{ columns, rows, look }], list: true };
}

function rulesSheet(result: Result, rules: Rules, lang: Lang): SheetPlan {
  const zh = lang === 'zh';
  const kind = { province: zh ? '全省' : 'province', city: zh ? '一个市' : 'one city', applicant: zh ? '一家企业' : 'one applicant' };
  const rankBy = {
    n: zh ? 'N（本指标填报的数量，由高到低）' : 'N (the amount reported, highest first)',
    ratio: zh ? 'N/M（由高到低）' : 'N/M (highest first)',
    m: zh ? 'M（由高到低）' : 'M (highest first)',
  };
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
    [word('rejected', lang), s.rejected],
    [word('qualified', lang), s.qualified],
    [word('flagged', lang), s.flagged],
    [word('error', lang), s.errors],
    [word('warning', lang), s.warnings],
    [word('info', lang), s.infos],
    [zh ? '专家评分' : 'Expert scores', result.expertScored ? (zh ? '已录入' : 'entered') : word('pendingExpert', lang)],
    [zh ? '横向排序依据' : 'Horizontal ranking by', rankBy[rules.horizontal.rankBy]],
    [zh ? '自评得分权重' : 'Self-score weight', rules.combination.self],
    [zh ? '横向评分权重' : 'Horizontal weight', rules.combination.horizontal],
  ];
  if (rules.horizontal.note) facts.push([zh ? '分档说明' : 'Band note', rules.horizontal.note]);
  // Counts and weights read as part of the text column, not as figures pushed to its far edge.
  for (const f of facts) if (typeof f[1] === 'number') f[1] = String(f[1]);
  if (result.selection)
    facts.push([
      zh ? '初选名单' : 'Shortlist',
      result.selection.by === 'count'
        ? zh ? `总分前 ${result.selection.value} 名（入选 ${result.selection.count} 家）` : `top ${result.selection.value} by total (${result.selection.count} selected)`
        : zh ? `总分不低于 ${result.selection.value}（入选 ${result.selection.count} 家）` : `total at least ${result.selection.value} (${result.selection.count} selected)`,
    ]);
  const dims = new Map(rules.dimensions.map((d) => [d.key, zh ? d.name : d.nameEn]));
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  let previous = 0;
  const bandRows: Value[][] = rules.horizontal.bands.map((b) => {
    const within = previous === 0 ? (zh ? `前 ${pct(b.share)} 以内` : `top ${pct(b.share)}`) : zh ? `${pct(previous)}–${pct(b.share)} 之间` : `${pct(previous)}–${pct(b.share)}`;
    const text = zh
      ? `名次在${within}（r ≤ ⌈${b.share} × n⌉），得该指标权重的 ${pct(b.factor)}`
      : `Rank in the ${within} (r ≤ ⌈${b.share} × n⌉): ${pct(b.factor)} of the indicator's weight`;
    previous = b.share;
    return [b.grade, text, b.share, b.factor];
  });
  const tables: Table[] = [
    { columns: [{ header: zh ? '项目' : 'Item', max: 22, wrap: true }, { header: zh ? '内容' : 'Value', min: 40, max: 60, wrap: true }], rows: facts },
    {
      columns: [
        { header: zh ? '指标' : 'Indicator', max: 22, wrap: true },
        { header: zh ? 'N 与 M 的含义' : 'What N and M are', min: 40, max: 60, wrap: true },
        { header: zh ? '维度' : 'Dimension', max: 14, wrap: true },
        { header: zh ? '权重' : 'Weight', numFmt: SCORE_FORMAT, max: 8 },
        { header: zh ? '单位' : 'Unit', max: 8 },
        { header: zh ? '指标键' : 'Key', max: 22 },
      ],
      rows: rules.indicators.map((i) => [zh ? i.name : i.nameEn, `N：${i.n}；M：${i.m}`, dims.get(i.dimension) ?? i.dimension, i.weight, i.unit, i.key]),
    },
    {
      columns: [
        { header: zh ? '档次' : 'Grade', max: 22 },
        { header: zh ? '含义' : 'Meaning', min: 40, max: 60, wrap: true },
        { header: zh ? '名次比例上限' : 'Rank share up to', numFmt: '0%', max: 14 },
        { header: zh ? '得分系数' : 'Factor', numFmt: '0%', max: 8 },
      ],
      rows: bandRows,
    },
    {
      columns: [
        { header: zh ? '专家评分项' : 'Expert item', max: 22, wrap: true },
        { header: zh ? '所属' : 'Group', min: 40, max: 60, wrap: true },
        { header: zh ? '满分' : 'Max', numFmt: SCORE_FORMAT, max: 14 },
        { header: zh ? '键' : 'Key', max: 22 },
      ],
      rows: rules.experts.map((e) => [zh ? e.name : e.nameEn, e.group, e.max, e.key]),
    },
  ];
  return { name: SHEETS[lang].rules, tables, list: false };
}

/**
 * 初选名单 for 公示: the selected in rank order with what identifies them, and a 备注 wherever a
 * person must look again (problems not resolved, a tie at the cut). Applicants with the cut's total
 * who were left out follow in a second table, so the tie is seen whole.
 */
function selectionSheet(result: Result, lang: Lang): SheetPlan {
  const zh = lang === 'zh';
  const columns = (first: string): Column[] => [
    { header: first, max: 8, wrap: true },
    { header: zh ? '城市' : 'City', max: 10 },
    { header: zh ? '区县' : 'District', max: 12 },
    { header: zh ? '企业名称' : 'Enterprise', min: 16, max: 30, wrap: true },
    { header: zh ? '统一社会信用代码' : 'Credit code', min: 22, max: 22 },
    { header: zh ? '总分' : 'Total', numFmt: SCORE_FORMAT, max: 8 },
    { header: zh ? '状态' : 'Status', max: 12 },
    { header: zh ? '备注' : 'Remarks', min: 24, max: 44, wrap: true },
  ];
  const row = (a: ApplicantResult): Value[] => [
    a.provinceRank,
    a.city,
    a.district,
    a.name,
    a.creditCode,
    a.total,
    word(a.status, lang),
    [unresolvedNote(a, lang), tieNote(result, a, lang)].filter((x) => x !== null).join(zh ? '；' : '; ') || null,
  ];
  const byRank = (x: ApplicantResult, y: ApplicantResult) => (x.provinceRank ?? Infinity) - (y.provinceRank ?? Infinity);
  const selected = result.applicants.filter((a) => a.selected).sort(byRank);
  const looks = (list: ApplicantResult[]) => (r: number, c: number): Look | undefined =>
    c === 7 ? { fill: FILLS[list[r]!.status] } : c === 8 && list[r]!.status !== 'qualified' ? { fill: FILLS.flagged } : undefined;
  const tables: Table[] = [{ columns: columns(zh ? '排名' : 'Rank'), rows: selected.map(row), look: looks(selected) }];
  const out = new Set(result.selection?.tie?.notSelected ?? []);
  const tiedOut = result.applicants.filter((a) => out.has(a.id)).sort(byRank);
  if (tiedOut.length > 0)
    tables.push({ columns: columns(zh ? '同分未入选 · 排名' : 'Tied, not selected · rank'), rows: tiedOut.map(row), look: looks(tiedOut) });
  return { name: SHEETS[lang].selection, tables, list: true };
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
    () => receiptSheet(result, lang),
    () => rulesSheet(result, rules, lang),
  ];
  if (result.selection) plans.push(() => selectionSheet(result, lang));
  if (result.expertScored) plans.push(() => panelReviewSheet(result, lang));
  if (result.decisions.length > 0) plans.push(() => decisionsSheet(result, rules, lang));
  for (const plan of plans) await writeSheet(wb, plan(), styles, lang);
  await wb.commit();
  // The zip entries carry the time of writing: overwrite them with the fixed moment.
  return fixZipDates(Buffer.concat(chunks));
}

/** 专家评分复核 (report/panelReview.ts): the panel chair's list, errors and warnings marked as in 问题清单. */
function panelReviewSheet(result: Result, lang: Lang): SheetPlan {
  const rows = panelReviewRows(result, lang);
  const [severity, city, enterprise, expert, place, message, fix, code] = panelReviewColumns(lang) as [string, string, string, string, string, string, string, string];
  const columns: Column[] = [
    { header: severity, min: 10, max: 10 },
    { header: city, max: 10 },
    { header: enterprise, min: 16, max: 26, wrap: true },
    { header: expert, max: 10 },
    { header: place, min: 16, max: 30, wrap: true },
    { header: message, min: 40, max: 50, wrap: true },
    { header: fix, min: 20, max: 32, wrap: true },
    { header: code, max: 24 },
  ];
  const look = (r: number, c: number): Look | undefined => {
    const s = rows[r]!.severity;
    return c === 1 && s !== 'info' ? { fill: s === 'error' ? FILLS.rejected : FILLS.flagged } : undefined;
  };
  return { name: PANEL_REVIEW_WORDS[lang].title, tables: [{ columns, rows: rows.map((r) => r.cells), look }], list: true };
}

/**
 * 人工复核记录: every row of the clerk's decisions sheet, in its order, whether it was applied, and what
 * it changed (without any decision → with all of them) or why it was not applied.
 */
function decisionsSheet(result: Result, rules: Rules, lang: Lang): SheetPlan {
  const zh = lang === 'zh';
  const columns: Column[] = [
    { header: zh ? '行' : 'Row', max: 6 },
    { header: zh ? '城市' : 'City', max: 10 },
    { header: zh ? '企业' : 'Applicant', min: 14, max: 22, wrap: true },
    { header: zh ? '类型' : 'Type', max: 10 },
    { header: zh ? '对象' : 'Target', min: 12, max: 24, wrap: true },
    { header: zh ? '新值' : 'New value', max: 10 },
    { header: zh ? '理由' : 'Reason', min: 16, max: 26, wrap: true },
    { header: zh ? '经办人' : 'Clerk', max: 10 },
    { header: zh ? '日期' : 'Date', max: 12 },
    { header: zh ? '结果' : 'Result', max: 10 },
    { header: zh ? '改变（无复核 → 有复核）/ 未执行原因' : 'What changed (without → with decisions) / why not applied', min: 30, max: 46, wrap: true },
    { header: zh ? '代码' : 'Code', max: 24 },
  ];
  const byId = new Map(result.applicants.map((a) => [a.id, a]));
  const name = indicatorNamer(rules, lang);
  const list = result.decisions;
  const rows: Value[][] = list.map((d) => {
    const a = d.applicant !== null ? byId.get(d.applicant) : undefined;
    return [
      d.row,
      a?.city ?? null,
      a?.name ?? (d.enterprise || null),
      kindText(d, lang),
      d.target || null,
      d.value || null,
      d.reason || null,
      d.clerk || null,
      d.date || null,
      word(d.applied ? 'applied' : 'refused', lang),
      outcomeText(d, lang, name) || null,
      d.refusal?.code ?? d.kind ?? null,
    ];
  });
  const look = (r: number, c: number): Look | undefined => {
    if (c !== 10) return undefined;
    const d = list[r]!;
    return { fill: d.applied ? FILLS.qualified : d.refusal?.severity === 'warning' ? FILLS.flagged : FILLS.rejected };
  };
  return { name: DECISION_WORDS[lang].title, tables: [{ columns, rows, look }], list: true };
}
