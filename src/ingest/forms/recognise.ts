/**
 * Which form a sheet is, by its title in the first rows (never by file or sheet name): people rename
 * files 「申报表(最终版).xlsx」 and put A1 and A2 in one workbook.
 */
import { FORM_TITLES, type FormKind } from '../../forms/layout.js';
import { normaliseText } from '../../forms/normalise.js';
import type { Grid } from './grid.js';

const TITLE_ROWS = 5;
/** Room for a prefix such as 「附件2：」 or a suffix such as 「（2021年）」 around the title. */
const TITLE_SLACK = 12;

const TITLES = (Object.entries(FORM_TITLES) as [FormKind, string][]).map(([kind, t]) => ({
  kind,
  key: normaliseText(t).replace(/[()]/g, ''),
}));

/** The form a title text names, if any. */
export function formOfTitle(text: string): FormKind | undefined {
  const t = normaliseText(text).replace(/[()]/g, '');
  for (const { kind, key } of TITLES) if (t.includes(key) && t.length <= key.length + TITLE_SLACK) return kind;
  return undefined;
}

export function recogniseGrid(grid: Grid): FormKind | undefined {
  for (const cell of grid.filled(1, TITLE_ROWS)) {
    const kind = formOfTitle(cell.text);
    if (kind) return kind;
  }
  return undefined;
}
