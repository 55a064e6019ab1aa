/**
 * A place a person can open: the file (relative to the input root, `/`-separated), the sheet and the
 * cell (`E7`), or a row when a whole row is meant. Every value read from an input carries one.
 */
export interface Location {
  file?: string;
  sheet?: string;
  cell?: string;
  row?: number;
}

/** A value read from an input, with where it came from and what was typed when it was not clean. */
export interface Cell<T> {
  value: T;
  /** The cell that holds what was typed (for a value typed after its label, the label's cell). */
  loc: Location;
  /**
   * The cell's whole text as typed. Kept when the value had to be converted (units, full-width
   * digits, 「无」) and, on 附件2, for every N and M, tick and server number, so each value can be shown
   * with its source (「N：企业使用云存储数据总量（单位：TB）：415.9」, 「64核256G」, 「☑研发数据」).
   */
  raw?: string;
  /** The unit typed when the value was converted from it into the field's unit (「GB」 for 「500GB」 read in TB). */
  unit?: string;
}

/** `附件2-用云水平评估表.xlsx · 用云水平评估表!E7` */
export function formatLocation(loc: Location | undefined): string {
  if (!loc) return '';
  let s = loc.file ?? '';
  if (loc.sheet) s += (s ? ' · ' : '') + loc.sheet;
  // `表!B7` in a workbook; a Word table's place is words (「第1个表格 · 第3行第2列」).
  if (loc.cell) s += (loc.sheet && isCellAddress(loc.cell) ? '!' : s ? ' · ' : '') + loc.cell;
  else if (loc.row !== undefined) s += (s ? ' · ' : '') + `第${loc.row}行`;
  return s;
}

/** Whether `cell` is a sheet address (`E7`, `$E$7`) rather than a place named in words. */
export function isCellAddress(cell: string): boolean {
  return /^\$?[A-Za-z]{1,3}\$?\d+$/.test(cell);
}
