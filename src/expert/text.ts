/** A cell's text as typed: a leading BOM (from CSV files) and surrounding spaces dropped. */
export function plainText(s: string): string {
  return String(s).replace(/^\uFEFF/, '').trim();
}
