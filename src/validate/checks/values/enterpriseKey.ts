/**
 * How two mentions of an enterprise are found to be the same: the name with spaces dropped, full-width
 * forms folded to half-width (so （）and () agree) and Latin letters in one case; or the credit code.
 */
export function normaliseEnterpriseName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

export function normaliseCreditCode(code: string): string {
  return code.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** The text of a string cell, or null when it is empty. */
export function textOf(cell: { value: string | null } | undefined): string | null {
  const v = cell?.value?.trim();
  return v ? v : null;
}
