/**
 * Reads the clerk's 人工复核记录表 (`score --decisions`, CSV or XLSX through readTables.ts): one row per
 * decision, every cell kept as typed. Whether a decision can be applied is decided later, purely, by
 * decisions/applyDecisions.ts, which refuses a bad row with a finding at its row. A file that cannot be
 * read, or holds no header row, is a usage error (exit 2): no run silently ignores the clerk's decisions.
 */
import type { DecisionRow, DecisionSheet } from '../model/decision.js';
import { DECISION_COLUMNS, FORM_TITLES } from '../forms/layout.js';
import { labelKey } from '../forms/normalise.js';
import { displayPath } from '../util/displayPath.js';
import { UsageError } from '../util/errors.js';
import { plainText } from '../expert/text.js';
import { readTables, TableUnreadable } from './readTables.js';

const SHEET = FORM_TITLES.decisions;

function refuse(file: string, why: string): never {
  throw new UsageError(
    `无法读取${SHEET} ${file}：${why}。\n应为每条复核决定一行，表头含 ${Object.values(DECISION_COLUMNS)
      .map((names) => names[0])
      .join('、')}；可用 yunshang template 生成空白「${SHEET}」`,
  );
}

type Column = keyof typeof DECISION_COLUMNS;
const KEYS = Object.fromEntries(Object.entries(DECISION_COLUMNS).map(([k, names]) => [k, names.map((n) => labelKey(n))])) as Record<Column, string[]>;

/** The header row: it names the type and the reason, the two columns no other sheet has together. */
const isHeader = (r: string[]) => {
  const keys = r.map((c) => labelKey(plainText(c)));
  return keys.some((k) => KEYS.type.includes(k)) && keys.some((k) => KEYS.reason.includes(k));
};

/** Rows of cells (header row found among the rows) into decision rows. */
export function parseDecisionRows(table: string[][], file: string, sheet: string): DecisionSheet {
  const headerIndex = table.findIndex(isHeader);
  if (headerIndex < 0) refuse(file, `找不到表头（含「${DECISION_COLUMNS.type[0]}」和「${DECISION_COLUMNS.reason[0]}」列的一行）`);
  const header = table[headerIndex]!.map((c) => labelKey(plainText(c)));
  const col = Object.fromEntries((Object.keys(KEYS) as Column[]).map((k) => [k, header.findIndex((h) => KEYS[k].includes(h))])) as Record<Column, number>;
  if (col.enterprise < 0) refuse(file, `第${headerIndex + 1}行表头没有「${DECISION_COLUMNS.enterprise[0]}」列，无法知道是哪家企业`);
  const rows: DecisionRow[] = [];
  for (let i = headerIndex + 1; i < table.length; i++) {
    const r = table[i]!;
    if (r.every((c) => plainText(c) === '')) continue;
    const get = (k: Column) => (col[k] >= 0 ? plainText(r[col[k]] ?? '') : '');
    rows.push({
      row: i + 1,
      enterprise: get('enterprise'),
      type: get('type'),
      target: get('target'),
      value: get('value'),
      reason: get('reason'),
      clerk: get('clerk'),
      date: get('date'),
    });
  }
  return { file, sheet, rows };
}

export async function readDecisions(file: string): Promise<DecisionSheet> {
  let read: Awaited<ReturnType<typeof readTables>>;
  try {
    read = await readTables(file, SHEET);
  } catch (e) {
    if (e instanceof TableUnreadable) refuse(displayPath(file), e.message);
    throw e;
  }
  // The first sheet with a header row: the template's 填写说明 sheet, or a cover, may come first.
  const chosen = read.sheets.find((s) => s.table.some(isHeader)) ?? read.sheets[0]!;
  return parseDecisionRows(chosen.table, read.shown, chosen.name);
}
