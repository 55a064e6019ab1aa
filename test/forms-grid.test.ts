import { describe, expect, it } from 'vitest';
import { Grid, address, type GridCell } from '../src/ingest/forms/grid.js';

/** filled() as a walk over every position: masters only, non-empty, row by row. */
function filledByPositions(grid: Grid, from = 1, to = grid.rowCount): GridCell[] {
  const out: GridCell[] = [];
  for (let r = from; r <= Math.min(to, grid.rowCount); r++)
    for (let c = 1; c <= grid.colCount; c++) {
      if (!grid.isMaster(r, c)) continue;
      const cell = grid.at(r, c);
      if (cell.text !== '' || cell.error || cell.noResult) out.push(cell);
    }
  return out;
}

function cell(row: number, col: number, text: string, extra: Partial<GridCell> = {}): GridCell {
  return { row, col, address: address(row, col), value: text === '' ? null : text, text, ...extra };
}

function sampleGrid(): Grid {
  const grid = new Grid('a.xlsx', 'Sheet1', 12, 6);
  // Set out of row order, with empty, error and no-result cells, a cell under a merge and cells out of bounds.
  grid.set(cell(5, 2, '五二'));
  grid.set(cell(1, 1, '标题'));
  grid.set(cell(3, 6, 'f3'));
  grid.set(cell(3, 1, 'a3'));
  grid.set(cell(4, 3, '', { error: '#REF!' }));
  grid.set(cell(4, 4, '', { noResult: true }));
  grid.set(cell(4, 5, ''));
  grid.set(cell(2, 2, '被合并'));
  grid.set(cell(13, 1, '超出行'));
  grid.set(cell(6, 7, '超出列'));
  grid.set(cell(12, 6, '末格'));
  grid.merge({ top: 2, left: 1, bottom: 2, right: 3 });
  grid.merge({ top: 7, left: 2, bottom: 9, right: 2 });
  grid.set(cell(7, 2, '纵向合并'));
  return grid;
}

describe('Grid.filled', () => {
  it('yields the same cells in the same order as a walk over every position', () => {
    const grid = sampleGrid();
    expect([...grid.filled()]).toEqual(filledByPositions(grid));
    expect([...grid.filled()].map((c) => c.address)).toEqual(['A1', 'A3', 'F3', 'C4', 'D4', 'B5', 'B7', 'F12']);
  });

  it('keeps to the rows asked for, including ranges past the last row and empty ranges', () => {
    const grid = sampleGrid();
    for (const [from, to] of [
      [1, 1],
      [2, 2],
      [2, 5],
      [3, 3],
      [6, 8],
      [8, 100],
      [0, 3],
      [5, 4],
      [13, 20],
    ] as const)
      expect([...grid.filled(from, to)], `${from}..${to}`).toEqual(filledByPositions(grid, from, to));
  });

  it('sees cells set and ranges merged after it was first asked', () => {
    const grid = sampleGrid();
    expect([...grid.filled(10)].map((c) => c.address)).toEqual(['F12']);
    grid.set(cell(10, 1, '后加'));
    expect([...grid.filled(10)].map((c) => c.address)).toEqual(['A10', 'F12']);
    grid.merge({ top: 11, left: 6, bottom: 12, right: 6 });
    expect([...grid.filled(10)].map((c) => c.address)).toEqual(['A10']);
    expect([...grid.filled()]).toEqual(filledByPositions(grid));
  });
});

describe('address', () => {
  it('names columns A…Z, AA…ZZ and beyond as Excel does', () => {
    const name = (col: number) => {
      let s = '';
      for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
      return s;
    };
    for (let col = 1; col <= 2000; col++) expect(address(7, col)).toBe(`${name(col)}7`);
    expect(address(1, 1)).toBe('A1');
    expect(address(20000, 64)).toBe('BL20000');
    expect(address(3, 16384)).toBe('XFD3');
  });
});
