/** Finding the value that belongs to a label on a label/value form (A1, parts of A2). */
import type { Grid, GridCell } from './grid.js';

/**
 * The value of a label is the next cell to its right that holds something, stopping at the next
 * label; merged ranges count as one cell. When nothing is typed, the first cell right of the label
 * is where the value belongs (its address goes into findings).
 */
export function valueRightOf(grid: Grid, label: GridCell, isLabel: (cell: GridCell) => boolean): GridCell | undefined {
  const span = grid.span(label.row, label.col);
  let first: GridCell | undefined;
  for (let c = span.right + 1; c <= grid.colCount + 1; ) {
    const cell = grid.at(label.row, c);
    if (cell.text !== '' && isLabel(cell)) break;
    first ??= cell;
    if (cell.text !== '' || cell.error || cell.noResult) return cell;
    c = grid.span(cell.row, cell.col).right + 1;
  }
  return first;
}
