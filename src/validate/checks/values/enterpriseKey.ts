export { normaliseCreditCode, normaliseEnterpriseName } from '../../../model/enterpriseName.js';

/** The text of a string cell, or null when it is empty. */
export function textOf(cell: { value: string | null } | undefined): string | null {
  const v = cell?.value?.trim();
  return v ? v : null;
}
