/**
 * 数据协同's six categories, ticked the ways people tick them: a mark in the category's own cell
 * before or after its name (「☑研发数据」, 「研发数据 √」, 「研发数据（√）」), or in a cell of its own before
 * or after the name (a Word table pasted into Excel puts each box in its own cell; our template has a
 * 是/否 cell right of each name). ☐ □ 否 or nothing is no.
 *
 * A mark in a cell of its own belongs to the name beside it. Between two names it belongs to the side
 * the form's marks are on: the marks at the ends of the rows show it (a row starting with a mark has
 * marks before names), and our template puts them after. When nothing shows it, or the marks show
 * both, the mark is an error at its cell: reading it as either category would be a guess.
 */
import type { DataCategory } from '../../model/indicators.js';
import type { Cell } from '../../model/location.js';
import type { IndicatorRule } from '../../rules/schema.js';
import { DATA_CATEGORIES, FORM_NAMES, isA2PrintedText } from '../../forms/layout.js';
import { labelKey, normaliseText } from '../../forms/normalise.js';
import type { GridCell } from './grid.js';
import { finding, yesNo, type ReadContext } from './values.js';

/** Where the marks stand relative to their names. */
type MarkSide = 'before' | 'after';

interface CategoryCell {
  cell: GridCell;
  category: DataCategory;
  /** A mark typed in the same cell, if any. */
  mark: boolean | undefined;
  /** Marks before and after the name in the same cell disagree. */
  conflict: boolean;
}

type Token =
  | { cell: GridCell; kind: 'category'; category: DataCategory }
  | { cell: GridCell; kind: 'mark'; mark: boolean }
  | { cell: GridCell; kind: 'other' };

const EDGE_SEPARATORS = /^[:,、;]+|[:,、;]+$/g;

/** A mark typed beside a name or alone in a cell: undefined for nothing, null for text that is no mark. */
function markIn(norm: string): boolean | undefined | null {
  const p = norm.replace(EDGE_SEPARATORS, '');
  if (p === '') return undefined;
  const bracketed = p.length >= 2 && p.startsWith('(') && p.endsWith(')');
  const bare = bracketed ? p.slice(1, -1) : p;
  // 「研发数据（ ）」: an empty box is a box left unticked.
  if (bare === '') return false;
  const b = yesNo(bare);
  return b === undefined ? null : b;
}

/** The category a cell names (`t`: its normalised text), with a mark typed in the same cell; undefined for any other text. */
function categoryCell(cell: GridCell, t: string): CategoryCell | undefined {
  if (!t.includes('数据')) return undefined;
  let category: DataCategory | undefined;
  let at = -1;
  for (const cat of DATA_CATEGORIES) {
    const i = t.indexOf(cat);
    if (i < 0) continue;
    // Two names in one cell: the 具体说明 listing them, not a tick.
    if (category) return undefined;
    category = cat;
    at = i;
  }
  if (!category) return undefined;
  const before = markIn(t.slice(0, at));
  const after = markIn(t.slice(at + category.length));
  if (before === null || after === null) return undefined;
  return { cell, category, mark: before ?? after, conflict: before !== undefined && after !== undefined && before !== after };
}

function markToken(cell: GridCell): boolean | undefined {
  const m = markIn(normaliseText(cell.text));
  return m === null ? undefined : m;
}

/** The six categories' ticks; undefined when the sheet names none of them. */
export function readTicks(
  ctx: ReadContext,
  ind: IndicatorRule,
  cells: readonly GridCell[],
  /** `normaliseText` of each of `cells`. */
  norms: readonly string[],
  /** The form is our template, which puts each category's 是/否 cell right of its name. */
  templateLayout: boolean,
): { ticks: Partial<Record<DataCategory, Cell<boolean>>>; errors: number; rows: ReadonlySet<number> } | undefined {
  const { grid } = ctx;
  const about = { indicator: ind.key };
  const form = FORM_NAMES.a2;
  const found = new Map<DataCategory, CategoryCell>();
  const categoryAt = new Map<string, DataCategory>();
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    const k = categoryCell(c, norms[i]!);
    // A name printed twice is read where it first appears.
    if (!k || found.has(k.category)) continue;
    found.set(k.category, k);
    categoryAt.set(c.address, k.category);
  }
  if (found.size === 0) return undefined;
  let errors = 0;

  const rowSet = new Set([...found.values()].map((f) => f.cell.row));
  const rows = [...rowSet].sort((a, b) => a - b);
  const lines: Token[][] = rows.map((r) =>
    [...grid.filled(r, r)].map((cell): Token => {
      const category = categoryAt.get(cell.address);
      if (category) return { cell, kind: 'category', category };
      const mark = markToken(cell);
      return mark === undefined ? { cell, kind: 'other' } : { cell, kind: 'mark', mark };
    }),
  );

  // Which side the marks are on, from the marks that have a name on one side only.
  const evidence = new Set<MarkSide>(templateLayout ? ['after'] : []);
  for (const line of lines)
    line.forEach((tok, i) => {
      if (tok.kind !== 'mark') return;
      const left = line[i - 1]?.kind === 'category';
      const right = line[i + 1]?.kind === 'category';
      if (left && !right) evidence.add('after');
      if (right && !left) evidence.add('before');
    });
  const side: MarkSide | undefined = evidence.size === 1 ? [...evidence][0] : undefined;

  const assigned = new Map<DataCategory, { cell: GridCell; mark: boolean }[]>();
  for (const line of lines)
    line.forEach((tok, i) => {
      const prev = line[i - 1];
      const next = line[i + 1];
      const left = prev?.kind === 'category' ? prev : undefined;
      const right = next?.kind === 'category' ? next : undefined;
      if (tok.kind === 'mark') {
        const owner = left && right ? (side === 'after' ? left : side === 'before' ? right : undefined) : (left ?? right);
        if (!owner) {
          errors++;
          const seen =
            left && right
              ? { seen: `左侧是「${left.cell.text}」，右侧是「${right.cell.text}」`, seenEn: `between "${left.cell.text}" and "${right.cell.text}"` }
              : { seen: '旁边没有类别名称', seenEn: 'no category beside it' };
          ctx.findings.push(finding('A2_TICK_OWNER_UNCLEAR', { mark: tok.cell.text, ...seen }, grid.loc(tok.cell), about));
          return;
        }
        const list = assigned.get(owner.category) ?? [];
        list.push({ cell: tok.cell, mark: tok.mark });
        assigned.set(owner.category, list);
        return;
      }
      // Text in a name's answer cell that is no mark (between two names, or on the side the marks are
      // on): reported, as any 是/否 cell would be. Printed words (the row's name, a label) are not answers.
      if (tok.kind === 'other') {
        const owner = left && right ? (side === 'before' ? right : left) : side === 'after' ? left : side === 'before' ? right : undefined;
        if (!owner || !besideCell(ctx, owner.cell, tok.cell) || isPrinted(ctx, tok.cell)) return;
        errors++;
        ctx.findings.push(
          finding('VALUE_NOT_YES_NO', { field: `${ind.name} ${owner.category}`, raw: tok.cell.text }, grid.loc(tok.cell), about),
        );
      }
    });

  const ticks: Partial<Record<DataCategory, Cell<boolean>>> = {};
  for (const cat of DATA_CATEGORIES) {
    const named = found.get(cat);
    if (!named) {
      errors++;
      ctx.findings.push(finding('A2_VALUE_CELL_MISSING', { form, indicator: ind.name, what: cat }, grid.sheetLoc(), about));
      continue;
    }
    if (named.conflict) {
      errors++;
      ctx.findings.push(finding('A2_TICK_CONFLICT', { category: cat, seen: `「${named.cell.text}」` }, grid.loc(named.cell), about));
    }
    let value = named.mark;
    let at: GridCell | undefined = named.mark === undefined ? undefined : named.cell;
    for (const m of assigned.get(cat) ?? []) {
      if (value !== undefined && at && m.mark !== value) {
        errors++;
        const seen = `「${at.text}」（${at.address}）与「${m.cell.text}」（${m.cell.address}）`;
        ctx.findings.push(finding('A2_TICK_CONFLICT', { category: cat, seen }, grid.loc(m.cell), about));
        continue;
      }
      value = m.mark;
      at ??= m.cell;
    }
    at ??= unmarkedPlace(ctx, named.cell, side);
    ticks[cat] = { value: value ?? false, loc: grid.loc(at), raw: at.text };
  }
  return { ticks, errors, rows: rowSet };
}

/** The sheet's printed words that may stand beside a name: the indicator's and dimension's names, labels, notes. */
function isPrinted(ctx: ReadContext, cell: GridCell): boolean {
  const norm = normaliseText(cell.text);
  if (isA2PrintedText(norm) || norm.startsWith('N:') || norm.startsWith('M:') || norm.includes('数据')) return true;
  const key = labelKey(cell.text);
  return ctx.rules.indicators.some((i) => i.name === key) || ctx.rules.dimensions.some((d) => d.name === key);
}

/** Whether `other` is the cell right next to `name` (no cell between), on either side. */
function besideCell(ctx: ReadContext, name: GridCell, other: GridCell): boolean {
  const span = ctx.grid.span(name.row, name.col);
  const otherSpan = ctx.grid.span(other.row, other.col);
  return other.col === span.right + 1 || otherSpan.right === span.left - 1;
}

/**
 * Where an unticked category's answer is: on our template the empty 是/否 cell right of the name
 * (a person is sent there to tick), otherwise the name's own cell.
 */
function unmarkedPlace(ctx: ReadContext, name: GridCell, side: MarkSide | undefined): GridCell {
  if (side !== 'after') return name;
  const span = ctx.grid.span(name.row, name.col);
  if (span.right + 1 > ctx.grid.colCount) return name;
  const right = ctx.grid.at(name.row, span.right + 1);
  return right.text === '' && !right.error && !right.noResult ? right : name;
}
