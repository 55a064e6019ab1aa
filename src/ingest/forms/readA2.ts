/**
 * Attachment 2 (用云水平评估表), read as a person reads it, in our template's layout or the notice's.
 *
 * Each indicator's row is found by its name. Its N and M are found from the 「N：…」「M：…」 label cells
 * in that row: typed after the label in the same cell (the notice's form has no value columns), or in
 * the cell right of the label (our template's value columns, or a cell people add). A row whose label
 * was overwritten by the bare number is read at the label's place (the column the sheet's other N or M
 * labels are in, or the template's N / M column). The server's N and M come as cores and memory (the
 * template's four cells, or 「64核256G」 typed where N or M goes) or in 4核16G units as printed. The
 * 具体说明 and 评分解释 columns and the 标杆示范 block are printed text, never a value. Where a cell
 * could mean two things, the reader reports it at that cell instead of choosing.
 */
import type { A2Record, IndicatorInput, ServerInput } from '../../model/records.js';
import type { Cell } from '../../model/location.js';
import type { IndicatorKey } from '../../model/indicators.js';
import type { IndicatorRule, Rules } from '../../rules/schema.js';
import { DATA_CATEGORIES, FORM_NAMES, SERVER_CELLS, isA2PrintedText, type ServerCellKey } from '../../forms/layout.js';
import { keyOfNormalised, labelKey, normaliseText } from '../../forms/normalise.js';
import type { GridCell, Span } from './grid.js';
import { valueRightOf } from './labels.js';
import { parseNumber } from './parseNumber.js';
import { readTicks } from './readTicks.js';
import { startsValueLabel, typedAfterLabel } from './typedAfterLabel.js';
import { finding, numberFromText, readNumber, type FieldInfo, type ReadContext } from './values.js';

const N_HEADER = /^N(值|\(.*\))?$/;
const M_HEADER = /^M(值|\(.*\))?$/;
/** The notice's header over the N and M columns. */
const SCORING_HEADER = '评分细项';
const BOX_CODES = new Set([...'☑☒■√✓✔☐□'].map((ch) => ch.charCodeAt(0)));
const SERVER_KEYS = new Map(SERVER_CELLS.map((s) => [labelKey(s.label), s]));
const CATEGORY_KEYS = new Set<string>(DATA_CATEGORIES);

const N = 0x4e;
const M = 0x4d;
const LABEL_N = 1;
const LABEL_M = 2;
type Which = typeof LABEL_N | typeof LABEL_M;

/** The label key of a cell, a tick box typed before the label left out. */
function keyOfCell(text: string, norm: string): string {
  return BOX_CODES.has(text.charCodeAt(0)) ? labelKey(text.slice(1)) : keyOfNormalised(norm);
}

/** The sheet's filled cells (from row 2) with what the reader asks of each, worked out once. */
interface A2Sheet {
  cells: GridCell[];
  norms: string[];
  /** Per cell: LABEL_N for an 「N：」 text, LABEL_M for an 「M：」 text, else 0. */
  valueLabel: Uint8Array;
  /** The first cell of each label key: a label printed twice is read where it first appears. */
  byKey: Map<string, GridCell>;
  /**
   * Cells that end the search for a value right of a label: another label (N/M, the server's, a data
   * category) or printed text (评分解释, 「具体协同类别」). Worked out with the scan, as readers ask often.
   */
  isStop: (cell: GridCell) => boolean;
  /** Our template's 「N」「M」 column headers. */
  headerCol: Record<Which, number | undefined>;
  /** Where an overwritten label stood: the column most N (M) labels are in, else under 评分细项. */
  labelCol: Record<Which, number | undefined>;
}

function scanSheet(ctx: ReadContext): A2Sheet {
  const { grid } = ctx;
  const cells = [...grid.filled(2)];
  const norms: string[] = new Array(cells.length);
  const byKey = new Map<string, GridCell>();
  const valueLabel = new Uint8Array(cells.length);
  const headerCol: Record<Which, number | undefined> = { [LABEL_N]: undefined, [LABEL_M]: undefined };
  const counts: Record<Which, Map<number, number>> = { [LABEL_N]: new Map(), [LABEL_M]: new Map() };
  let scoringHeader: GridCell | undefined;
  // The Grid hands out its stored cells themselves, so a filled cell met again is this very object.
  const stops = new Set<GridCell>();
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    const t = normaliseText(c.text);
    norms[i] = t;
    const first = t.charCodeAt(0);
    if (headerCol[LABEL_N] === undefined && first === N && N_HEADER.test(t)) headerCol[LABEL_N] = c.col;
    if (headerCol[LABEL_M] === undefined && first === M && M_HEADER.test(t)) headerCol[LABEL_M] = c.col;
    if (!scoringHeader && t === SCORING_HEADER) scoringHeader = c;
    const k = keyOfCell(c.text, t);
    if (!byKey.has(k)) byKey.set(k, c);
    const which = startsValueLabel(t, N) ? LABEL_N : startsValueLabel(t, M) ? LABEL_M : 0;
    valueLabel[i] = which;
    if (which) counts[which].set(c.col, (counts[which].get(c.col) ?? 0) + 1);
    if (which || isA2PrintedText(t) || SERVER_KEYS.has(k) || CATEGORY_KEYS.has(k)) stops.add(c);
  }
  const mostUsed = (m: Map<number, number>) => {
    let best: number | undefined;
    for (const [col, n] of m) if (best === undefined || n > m.get(best)! || (n === m.get(best)! && col < best)) best = col;
    return best;
  };
  const scoring = scoringHeader ? grid.span(scoringHeader.row, scoringHeader.col) : undefined;
  const labelCol: Record<Which, number | undefined> = {
    [LABEL_N]: mostUsed(counts[LABEL_N]) ?? scoring?.left,
    [LABEL_M]: mostUsed(counts[LABEL_M]) ?? (scoring ? (scoring.right > scoring.left ? scoring.right : scoring.left + 1) : undefined),
  };
  return { cells, norms, valueLabel, byKey, isStop: (cell) => stops.has(cell), headerCol, labelCol };
}

/** What was typed for one side (N or M) of an indicator, before it is read as a number. */
type Typed =
  /** A cell holding the value (or the empty cell where it belongs). */
  | { kind: 'cell'; cell: GridCell }
  /** Typed after the label in the label's own cell. */
  | { kind: 'inLabel'; label: GridCell; typed: string }
  /** A label with nothing typed after it and no cell for a value beside it. */
  | { kind: 'blank'; label: GridCell }
  /** Typed twice, differently: reported; no value. */
  | { kind: 'twice'; cell: GridCell }
  | { kind: 'none' };

interface SideOptions {
  /** Only a label in the row counts: no template column, no overwritten label's place. */
  labelsOnly?: boolean;
  /** The template's N / M column is not this side's place (数据协同 has no N column there). */
  noTemplateColumn?: boolean;
  /** Cells never to take as the value (a tick block's names and marks). */
  exclude?: (cell: GridCell) => boolean;
}

export function readA2(ctx: ReadContext): A2Record {
  const { grid, rules } = ctx;
  const form = FORM_NAMES.a2;
  const sheet = scanSheet(ctx);

  const indicators: A2Record['indicators'] = {};
  for (const ind of rules.indicators) {
    const about = { indicator: ind.key };
    if (ind.input === 'server') {
      const input = readServer(ctx, ind, sheet);
      if (input) indicators[ind.key] = input;
      continue;
    }
    if (ind.input === 'ticks') {
      const input = readDataCollaboration(ctx, ind, sheet);
      if (input) indicators[ind.key] = input;
      continue;
    }
    const nameCell = sheet.byKey.get(labelKey(ind.name));
    if (!nameCell) {
      ctx.findings.push(finding('A2_INDICATOR_ROW_MISSING', { form, indicator: ind.name }, grid.sheetLoc(), about));
      continue;
    }
    const span = grid.span(nameCell.row, nameCell.col);
    const input: IndicatorInput = { key: ind.key };
    const info = (side: 'N' | 'M') => ({ field: `${ind.name} ${side}`, unit: ind.unit, indicator: ind.key });
    const n = numberOf(ctx, findTyped(ctx, sheet, span, LABEL_N, ind.n, info('N')), info('N'));
    if (n) input.n = n;
    else ctx.findings.push(finding('A2_VALUE_CELL_MISSING', { form, indicator: ind.name, what: 'N' }, grid.loc(nameCell), about));
    if (ind.input !== 'nOnly') {
      const m = numberOf(ctx, findTyped(ctx, sheet, span, LABEL_M, ind.m, info('M')), info('M'));
      if (m) input.m = m;
      else ctx.findings.push(finding('A2_VALUE_CELL_MISSING', { form, indicator: ind.name, what: 'M' }, grid.loc(nameCell), about));
    }
    indicators[ind.key] = input;
  }
  checkSums(ctx, rules, indicators);
  return { file: grid.file, sheet: grid.sheet ?? '', indicators };
}

/**
 * The value of one side of an indicator whose row is `span`: after the row's first 「N：」 (`which` =
 * LABEL_N) or 「M：」 label, or right of it; without a label, at the label's place.
 */
function findTyped(ctx: ReadContext, sheet: A2Sheet, span: Span, which: Which, description: string, info: FieldInfo, opts: SideOptions = {}): Typed {
  const { grid } = ctx;
  const { cells, norms, valueLabel } = sheet;
  for (let i = firstInRow(cells, span.top); i < cells.length && cells[i]!.row <= span.bottom; i++) {
    if (valueLabel[i] !== which) continue;
    const label = cells[i]!;
    const typed = typedAfterLabel(label.text, norms[i]!, description, (t) => !('error' in parseNumber(t, info.unit ?? '', ctx.rules)));
    const beside = valueRightOf(grid, label, sheet.isStop);
    const besideFilled = beside && (beside.text !== '' || beside.error || beside.noResult) && !opts.exclude?.(beside);
    if (typed !== '' && besideFilled) {
      if (sameValue(ctx, typed, beside, info)) return { kind: 'cell', cell: beside };
      ctx.findings.push(
        finding('A2_VALUE_TWICE', { field: info.field, inLabel: typed, beside: beside.text }, grid.loc(beside), info.indicator ? { indicator: info.indicator } : {}),
      );
      return { kind: 'twice', cell: beside };
    }
    if (typed !== '') return { kind: 'inLabel', label, typed };
    // An empty cell beyond the sheet's columns is no place to type (the notice's label is the last cell).
    if (beside && !opts.exclude?.(beside) && (besideFilled || beside.col <= grid.colCount)) return { kind: 'cell', cell: beside };
    return { kind: 'blank', label };
  }
  if (opts.labelsOnly) return { kind: 'none' };
  const header = opts.noTemplateColumn ? undefined : sheet.headerCol[which];
  if (header !== undefined) return { kind: 'cell', cell: grid.at(span.top, header) };
  const col = sheet.labelCol[which];
  if (col === undefined) return { kind: 'none' };
  const cell = grid.at(span.top, col);
  const filled = cell.text !== '' || cell.error || cell.noResult;
  if (!filled || sheet.isStop(cell) || opts.exclude?.(cell) || cell.row !== span.top) return { kind: 'none' };
  return { kind: 'cell', cell };
}

/** Whether a value typed after a label and the one beside it are the same number (then nothing is ambiguous). */
function sameValue(ctx: ReadContext, typed: string, beside: GridCell, info: FieldInfo): boolean {
  const unit = info.unit ?? '';
  const a = parseNumber(typed, unit, ctx.rules);
  const b = typeof beside.value === 'number' ? { value: beside.value } : parseNumber(beside.text, unit, ctx.rules);
  return !('error' in a) && !('error' in b) && a.value === b.value;
}

/** A side's number, with the cell's whole text kept for its source; undefined when there is no place for it. */
function numberOf(ctx: ReadContext, t: Typed, info: FieldInfo): Cell<number | null> | undefined {
  const { grid } = ctx;
  switch (t.kind) {
    case 'cell':
      return readNumber(ctx, t.cell, info, { keepRaw: true });
    case 'inLabel':
      return numberFromText(ctx, t.typed, grid.loc(t.label), info, t.label.text);
    case 'blank':
      return { value: null, loc: grid.loc(t.label), raw: '' };
    case 'twice':
      return { value: null, loc: grid.loc(t.cell), raw: t.cell.text };
    case 'none':
      return undefined;
  }
}

/** Index of the first of `cells` (in row order) at or below `row`. */
function firstInRow(cells: readonly GridCell[], row: number): number {
  let lo = 0;
  let hi = cells.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cells[mid]!.row < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// ---------------------------------------------------------------------------------------------------
// 云服务器

/** 「64核256G」, 「CPU 64核，内存 256GB」, 「64C/256G」, 「256G 64核」: cores and memory in one text. */
const CORES_THEN_MEMORY = /^(\d+(?:\.\d+)?)(?:核|C|VCPU)[,，/、;；+和与及]*(\d+(?:\.\d+)?)(GB|G|TB|T)$/;
const MEMORY_THEN_CORES = /^(\d+(?:\.\d+)?)(GB|G|TB|T)[,，/、;；+和与及]*(\d+(?:\.\d+)?)(?:核|C|VCPU)$/;
const SERVER_WORDS = /CPU总核数|CPU核数|CPU|总核数|核数|总内存|内存|[:：]/g;
/** A text that speaks of cores or memory rather than a count of 4核16G units. */
const MENTIONS_CORES_OR_MEMORY = /核|CPU|内存|\d\s*(?:GB?|TB?)$/i;

function readServer(ctx: ReadContext, ind: IndicatorRule, sheet: A2Sheet): IndicatorInput | undefined {
  const { grid } = ctx;
  const about = { indicator: ind.key };
  const form = FORM_NAMES.a2;
  const nameCell = sheet.byKey.get(labelKey(ind.name));
  const span = nameCell ? grid.span(nameCell.row, nameCell.col) : undefined;
  const info = (side: 'N' | 'M'): FieldInfo => ({ field: `${ind.name} ${side}`, unit: ind.unit, indicator: ind.key });

  const four = readServerCells(ctx, ind, sheet);
  if (four) {
    // Cores and memory in the template's four cells: an N or M typed by its label as well is a second answer.
    if (span)
      for (const [which, side, description] of [[LABEL_N, 'N', ind.n], [LABEL_M, 'M', ind.m]] as const) {
        const t = findTyped(ctx, sheet, span, which, description, info(side), { labelsOnly: true });
        const at = t.kind === 'inLabel' ? t.label : t.kind === 'cell' && t.cell.text !== '' ? t.cell : undefined;
        if (!at) continue;
        const raw = t.kind === 'inLabel' ? t.typed : at.text;
        ctx.findings.push(finding('A2_SERVER_TWO_FORMS', { field: info(side).field, raw }, grid.loc(at), about));
      }
    return { key: ind.key, server: four };
  }
  if (!nameCell || !span) {
    ctx.findings.push(finding('A2_INDICATOR_ROW_MISSING', { form, indicator: ind.name }, grid.sheetLoc(), about));
    return undefined;
  }
  const input: IndicatorInput = { key: ind.key };
  const server: ServerInput = {};
  for (const [which, side, description, cores, memory] of [
    [LABEL_N, 'N', ind.n, 'cloudCores', 'cloudMemoryGb'],
    [LABEL_M, 'M', ind.m, 'allCores', 'allMemoryGb'],
  ] as const) {
    const t = findTyped(ctx, sheet, span, which, description, info(side));
    if (t.kind === 'none') {
      ctx.findings.push(finding('A2_VALUE_CELL_MISSING', { form, indicator: ind.name, what: side }, grid.loc(nameCell), about));
      continue;
    }
    const text = t.kind === 'inLabel' ? t.typed : t.kind === 'cell' && typeof t.cell.value === 'string' ? t.cell.value : undefined;
    if (text === undefined || !MENTIONS_CORES_OR_MEMORY.test(text.normalize('NFKC'))) {
      const value = numberOf(ctx, t, info(side))!;
      if (side === 'N') input.n = value;
      else input.m = value;
      continue;
    }
    const at = t.kind === 'inLabel' ? t.label : (t as { cell: GridCell }).cell;
    const read = coresAndMemory(ctx, text, at, info(side));
    if (!read) {
      const value: Cell<number | null> = { value: null, loc: grid.loc(at), raw: at.text };
      if (side === 'N') input.n = value;
      else input.m = value;
      continue;
    }
    server[cores] = read.cores;
    server[memory] = read.memory;
  }
  if (Object.keys(server).length > 0) input.server = server;
  return input;
}

/** Cores and memory typed in one text at `at`; reported at that cell when they cannot both be read. */
function coresAndMemory(
  ctx: ReadContext,
  text: string,
  at: GridCell,
  info: FieldInfo,
): { cores: Cell<number | null>; memory: Cell<number | null> } | undefined {
  const { grid } = ctx;
  const loc = grid.loc(at);
  const about = info.indicator ? { indicator: info.indicator } : {};
  const t = text.normalize('NFKC').replace(/\s+/g, '').toUpperCase().replace(SERVER_WORDS, '');
  const a = CORES_THEN_MEMORY.exec(t);
  const b = a ? undefined : MEMORY_THEN_CORES.exec(t);
  const cores = a ? a[1] : b?.[3];
  const memory = a ? `${a[2]}${a[3]}` : b ? `${b[1]}${b[2]}` : undefined;
  const gb = memory === undefined ? undefined : parseNumber(memory, 'GB', ctx.rules);
  if (cores === undefined || !gb || 'error' in gb) {
    ctx.findings.push(finding('A2_SERVER_VALUE_UNREADABLE', { field: info.field, raw: text.trim(), unit: info.unit ?? '' }, loc, about));
    return undefined;
  }
  ctx.findings.push(
    finding('A2_SERVER_CORES_MEMORY', { field: info.field, raw: text.trim(), cores: Number(cores), memory: gb.value, unit: info.unit ?? '' }, loc, about),
  );
  const memoryCell: Cell<number | null> = { value: gb.value, loc, raw: at.text };
  const typedUnit = (gb as { unit?: string }).unit;
  if (typedUnit !== undefined) memoryCell.unit = typedUnit;
  return { cores: { value: Number(cores), loc, raw: at.text }, memory: memoryCell };
}

/** The template's four cells (CPU cores and memory, cloud and all), when the sheet has their labels. */
function readServerCells(ctx: ReadContext, ind: IndicatorRule, sheet: A2Sheet): ServerInput | undefined {
  const out: ServerInput = {};
  let missing = 0;
  for (const spec of SERVER_CELLS) {
    const label = sheet.byKey.get(labelKey(spec.label));
    if (!label) {
      missing++;
      continue;
    }
    const cell = valueRightOf(ctx.grid, label, sheet.isStop) ?? label;
    out[spec.key] = readNumber(ctx, cell, { field: spec.label, unit: spec.unit, indicator: ind.key }, { keepRaw: true });
  }
  if (missing === SERVER_CELLS.length) return undefined;
  for (const spec of SERVER_CELLS)
    if (!out[spec.key as ServerCellKey]) {
      ctx.findings.push(
        finding('A2_VALUE_CELL_MISSING', { form: FORM_NAMES.a2, indicator: ind.name, what: spec.label }, ctx.grid.sheetLoc(), { indicator: ind.key }),
      );
      out[spec.key] = { value: null, loc: ctx.grid.sheetLoc() };
    }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// 数据协同

function readDataCollaboration(ctx: ReadContext, ind: IndicatorRule, sheet: A2Sheet): IndicatorInput | undefined {
  const { grid } = ctx;
  const about = { indicator: ind.key };
  const templateLayout = sheet.headerCol[LABEL_N] !== undefined && sheet.headerCol[LABEL_M] !== undefined;
  const read = readTicks(ctx, ind, sheet.cells, sheet.norms, templateLayout);
  const input: IndicatorInput = { key: ind.key };
  if (read) input.ticks = read.ticks;

  // The notice prints an N cell as well: a count typed there is read beside the ticks.
  const nameCell = sheet.byKey.get(labelKey(ind.name));
  if (nameCell) {
    const span = grid.span(nameCell.row, nameCell.col);
    const info: FieldInfo = { field: `${ind.name} N`, unit: ind.unit, indicator: ind.key };
    const t = findTyped(ctx, sheet, span, LABEL_N, ind.n, info, { exclude: (cell) => read?.rows.has(cell.row) ?? false, noTemplateColumn: true });
    // The template's N cell of 数据协同 is greyed and left empty: nothing typed is no N.
    const n = t.kind === 'none' || t.kind === 'blank' ? undefined : numberOf(ctx, t, info);
    if (n && (n.value !== null || (n.raw ?? '') !== '')) input.n = n;
  }
  if (!input.ticks && !input.n) {
    ctx.findings.push(finding('A2_INDICATOR_ROW_MISSING', { form: FORM_NAMES.a2, indicator: ind.name }, grid.sheetLoc(), about));
    return undefined;
  }
  const typedN = input.n?.value;
  if (typeof typedN === 'number' && !read?.errors) {
    const ticked = DATA_CATEGORIES.filter((c) => input.ticks?.[c]?.value === true);
    if (ticked.length === 0) {
      if (typedN !== 0) ctx.findings.push(finding('A2_DATA_N_WITHOUT_TICKS', { n: typedN }, input.n!.loc, about));
    } else if (typedN !== ticked.length)
      ctx.findings.push(finding('A2_DATA_N_DISAGREES', { n: typedN, ticked: ticked.length, categories: ticked.join('、') }, input.n!.loc, about));
  }
  return input;
}

// ---------------------------------------------------------------------------------------------------
// 系统协同's M

/**
 * 系统协同's M is 「为云上业务五部分N总和」: when one of those N is blank, unreadable or negative the sum is
 * unknown, and the indicator cannot be scored (a blank counted as 0 would shrink M and raise the
 * score). Said once, on 系统协同, when its own N was typed.
 */
function checkSums(ctx: ReadContext, rules: Rules, indicators: A2Record['indicators']): void {
  for (const rule of rules.indicators) {
    if (rule.input !== 'nOnly' || !rule.mSumOf) continue;
    const own = indicators[rule.key]?.n;
    if (!own || own.value === null) continue;
    const missing = rule.mSumOf.filter((part) => {
      const v = indicators[part]?.n?.value;
      return v === null || v === undefined || v < 0;
    });
    if (missing.length === 0) continue;
    const nameOf = (key: IndicatorKey) => rules.indicators.find((r) => r.key === key);
    const parts = missing.map((k) => `「${nameOf(k)?.name ?? k}」`).join('、');
    const partsEn = missing.map((k) => `"${nameOf(k)?.nameEn ?? k}"`).join(', ');
    const first = indicators[missing[0]!]?.n?.loc ?? ctx.grid.sheetLoc();
    ctx.findings.push(
      finding('A2_SUM_PART_MISSING', { indicator: rule.name, indicatorEn: rule.nameEn, m: rule.m, parts, partsEn }, first, { indicator: rule.key }),
    );
  }
}
