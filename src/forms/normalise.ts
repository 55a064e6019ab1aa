/**
 * Text normalisation shared by the template, the builders and the readers, so that a label written
 * as 「注册资金（万元）」, 「注册资金 (万元)」 or 「注册\n资金(万元)」 is the same label.
 */

const QUOTES = /[“”"「」『』‘’'〝〞＂]/g;

/**
 * NFKC folds full-width digits, letters, brackets, colons and spaces to their ASCII forms; then every
 * kind of white space (including line breaks Excel users type with Alt+Enter) and quote is dropped.
 */
export function normaliseText(text: string): string {
  return remembered(normalised, text, normaliseOnce);
}

function normaliseOnce(text: string): string {
  return text.normalize('NFKC').replace(/[【［]/g, '(').replace(/[】］]/g, ')').replace(QUOTES, '').replace(/\s+/g, '');
}

/**
 * Readers normalise the same few hundred labels in every workbook of a province; both functions here
 * are pure, so their answers are kept, up to a bound (a province's free text must not pile up).
 */
const REMEMBERED = 4096;
const normalised = new Map<string, string>();
const keyed = new Map<string, string>();

function remembered(memo: Map<string, string>, text: string, compute: (text: string) => string): string {
  let out = memo.get(text);
  if (out === undefined) {
    out = compute(text);
    if (memo.size >= REMEMBERED) memo.clear();
    memo.set(text, out);
  }
  return out;
}

/** The label without its parenthesised remarks (units, 「盖章」, weights): 「注册资金(万元)」 → 「注册资金」. */
export function labelKey(text: string): string {
  return remembered(keyed, text, keyOnce);
}

function keyOnce(text: string): string {
  let s = normaliseText(text);
  // Nested or repeated remarks: strip innermost first until none is left.
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(/\([^()]*\)/g, '');
  }
  return s.replace(/[:：]+$/, '');
}

/** Display width of a text in Excel column units: a CJK (wide) character takes about two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    w += isWide(cp) ? 2 : 1;
  }
  return w;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}
