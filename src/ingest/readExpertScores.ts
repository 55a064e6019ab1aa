/**
 * Reads the panel's 专家评分表 (CSV or XLSX, through readTables.ts): one row per expert and enterprise. Scores are
 * read with the forms' number reader (「3.5分」, full-width digits); a sheet from which no score can be
 * read at all is refused with an `ExpertSheetError` saying what the sheet should hold.
 */
import type { Finding } from '../findings/finding.js';
import type { ExpertRow, ExpertSheet } from '../model/expert.js';
import { findingsOf } from '../findings/finding.js';
import type { Rules } from '../rules/schema.js';
import { displayPath } from '../util/displayPath.js';
import { ExpertSheetError } from '../util/errors.js';
import { expertCodes } from '../expert/codes.js';
import { EXPERT_COLUMNS as COLUMNS, expectedSheet, plainText } from '../expert/text.js';
import { labelKey, normaliseText } from '../forms/normalise.js';
import { address } from './forms/grid.js';
import { readTables, TableUnreadable } from './readTables.js';
import { parseNumber } from './forms/parseNumber.js';

const finding = findingsOf(expertCodes);

/** The unit of an expert score, which a secretary may type after the number (「3.5分」). */
const SCORE_UNIT = '分';

function refuse(file: string, why: string, rules: Rules): never {
  throw new ExpertSheetError(`专家评分表 ${file} 中读不到任何评分：${why}。\n${expectedSheet(rules)}。`);
}

/** A score as typed, or why it cannot be counted. 「无」「/」 are refused: for a score they are not 0. */
function readScore(raw: string, rules: Rules): number | 'not-a-number' {
  const p = parseNumber(raw, SCORE_UNIT, rules);
  if ('error' in p || ('note' in p && p.note === 'nil')) return 'not-a-number';
  return p.value;
}

const isHeader = (r: string[]) => r.some((c) => (COLUMNS.expert as readonly string[]).includes(labelKey(plainText(c))));

/**
 * Parses rows of cells (header row found among the first rows) into expert rows with findings.
 * Throws `ExpertSheetError` when the table cannot give a single score: empty, no header row, no
 * enterprise column, none of the rules' items, or no row below the header.
 */
export function parseExpertRows(table: string[][], file: string, sheet: string, rules: Rules): ExpertSheet {
  const findings: Finding[] = [];
  if (!table.some((r) => r.some((c) => plainText(c) !== ''))) refuse(file, '表是空的', rules);
  const headerIndex = table.findIndex(isHeader);
  if (headerIndex < 0) refuse(file, `找不到表头（含「${COLUMNS.expert[0]}」列的一行）`, rules);
  const header = table[headerIndex]!.map((c) => labelKey(plainText(c)));
  const col = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
  const cName = col(COLUMNS.enterpriseName);
  const cCode = col(COLUMNS.creditCode);
  const cExpert = col(COLUMNS.expert);
  const cCity = col(COLUMNS.expertCity);
  if (cName < 0 && cCode < 0) refuse(file, `第${headerIndex + 1}行表头没有「${COLUMNS.enterpriseName[0]}」或「${COLUMNS.creditCode[0]}」列，无法知道评的是哪家企业`, rules);
  const itemCols = rules.experts.map((e) => ({ e, c: header.findIndex((h) => h.startsWith(labelKey(plainText(e.name))) || h === e.key) }));
  if (itemCols.every(({ c }) => c < 0)) refuse(file, `第${headerIndex + 1}行表头没有任何评分项列`, rules);
  for (const { e, c } of itemCols)
    if (c < 0) findings.push(finding('EXPERT_COLUMN_MISSING', { column: e.name }, { file, sheet, row: headerIndex + 1 }));

  const rows: ExpertRow[] = [];
  for (let i = headerIndex + 1; i < table.length; i++) {
    const r = table[i]!;
    const rowNo = i + 1;
    if (r.every((c) => plainText(c) === '')) continue;
    const get = (c: number) => (c >= 0 ? plainText(r[c] ?? '') : '');
    const expert = get(cExpert) || `（第${rowNo}行）`;
    const row: ExpertRow = {
      row: rowNo,
      enterpriseName: get(cName) || null,
      creditCode: get(cCode).toUpperCase() || null,
      expert,
      expertKey: normaliseText(expert),
      expertCity: get(cCity) || null,
      items: {},
      cells: {},
      refused: [],
      problems: [],
    };
    const enterprise = row.enterpriseName ?? row.creditCode ?? '';
    for (const { e, c } of itemCols) {
      if (c < 0) continue;
      const cell = address(rowNo, c + 1);
      row.cells[e.key] = cell;
      const raw = get(c);
      if (raw === '') continue;
      const v = readScore(raw, rules);
      const loc = { file, sheet, cell };
      if (v === 'not-a-number') {
        row.refused.push(e.key);
        row.problems.push(finding('EXPERT_VALUE_NOT_NUMBER', { expert, enterprise, item: e.name, raw, max: e.max }, loc));
      } else if (v < 0 || v > e.max) {
        row.refused.push(e.key);
        row.problems.push(finding('EXPERT_VALUE_OUT_OF_RANGE', { expert, enterprise, item: e.name, value: v, max: e.max }, loc));
      } else {
        row.items[e.key] = v;
      }
    }
    rows.push(row);
  }
  if (rows.length === 0) refuse(file, `第${headerIndex + 1}行表头下面没有评分行`, rules);
  return { file, sheet, rows, findings };
}

export async function readExpertScores(file: string, rules: Rules): Promise<ExpertSheet> {
  let read: Awaited<ReturnType<typeof readTables>>;
  try {
    read = await readTables(file, '专家评分表');
  } catch (e) {
    if (e instanceof TableUnreadable) refuse(displayPath(file), e.message, rules);
    throw e;
  }
  const { shown, sheets } = read;
  // The first sheet with a header row: a cover or instructions sheet in front of the scores is common.
  const chosen = sheets.find((s) => s.table.some(isHeader)) ?? sheets[0]!;
  return parseExpertRows(chosen.table, shown, chosen.name, rules);
}
