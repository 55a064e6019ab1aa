/** Header labels and names compared the way a person reads them: no spaces, half-width brackets. */
export function normaliseLabel(s: string | null | undefined): string {
  return plainText(s ?? '')
    .replace(/[\s\u3000]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/\(.*?\)$/, '');
}

export function plainText(s: string): string {
  return String(s).replace(/^\uFEFF/, '').trim();
}

/** Enterprise names match across files after removing spaces and unifying brackets and width. */
export function normaliseEnterpriseName(s: string | null | undefined): string {
  return (s ?? '')
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');
}

/** `杭州`, `杭州市`, `杭州市.zip` all name the same city. */
export function normaliseCity(s: string | null | undefined): string {
  return (s ?? '').trim().replace(/\.zip$/i, '').replace(/市$/, '');
}
