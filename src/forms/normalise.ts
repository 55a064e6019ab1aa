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
  // Most cells (names, numbers, plain labels) come out as they are: no memo lookup, no copy.
  for (let i = 0; i < text.length; i++) if (quickCode(text.charCodeAt(i)) !== KEEP) return remembered(normalised, text, normaliseAny);
  return text;
}

function normaliseAny(text: string): string {
  return normaliseQuickly(text) ?? normaliseOnce(text);
}

function normaliseOnce(text: string): string {
  return text.normalize('NFKC').replace(/[【［]/g, '(').replace(/[】］]/g, ')').replace(QUOTES, '').replace(/\s+/g, '');
}

/**
 * What each character the forms are mostly typed in becomes: itself (-1), dropped (-2) or another
 * code. For these characters NFKC works one character at a time (none composes with a neighbour), so
 * a text made of them only is normalised here without calling NFKC; any other character sends the
 * text to `normaliseOnce`. test/forms-normalise.test.ts holds this table to `normaliseOnce`.
 */
function quickCode(c: number): number {
  if (c < 0x80) {
    if (c > 0x20) return c === 0x22 || c === 0x27 ? DROP : KEEP;
    return c === 0x20 || (c >= 0x09 && c <= 0x0d) ? DROP : SLOW;
  }
  if (c >= 0x4e00 && c <= 0x9fff) return KEEP;
  // Full-width ASCII: NFKC gives the ASCII character (so 「［」 becomes 「[」 before 【 is replaced).
  if (c >= 0xff01 && c <= 0xff5e) {
    const ascii = c - 0xfee0;
    return ascii === 0x22 || ascii === 0x27 ? DROP : ascii;
  }
  switch (c) {
    case 0x3000: // ideographic space
    case 0x00a0: // no-break space
    case 0x201c: // “ ” ‘ ’
    case 0x201d:
    case 0x2018:
    case 0x2019:
    case 0x300c: // 「 」 『 』
    case 0x300d:
    case 0x300e:
    case 0x300f:
    case 0x301d: // 〝 〞
    case 0x301e:
      return DROP;
    case 0x3010: // 【
      return 0x28;
    case 0x3011: // 】
      return 0x29;
    case 0x3001: // 、 。 《 》 — ·
    case 0x3002:
    case 0x300a:
    case 0x300b:
    case 0x2014:
    case 0x00b7:
      return KEEP;
    default:
      return SLOW;
  }
}
const KEEP = -1;
const DROP = -2;
const SLOW = -3;

/** The normalised text when every character has a quick code, else undefined. */
function normaliseQuickly(text: string): string | undefined {
  const n = text.length;
  let i = 0;
  for (; i < n; i++) {
    const q = quickCode(text.charCodeAt(i));
    if (q === KEEP) continue;
    if (q === SLOW) return undefined;
    break;
  }
  if (i === n) return text;
  // Something changes: build the rest, still giving up on the first character NFKC must see.
  let out = text.slice(0, i);
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    const q = quickCode(c);
    if (q === KEEP) out += text[i];
    else if (q === SLOW) return undefined;
    else if (q !== DROP) out += String.fromCharCode(q);
  }
  return out;
}

/**
 * Readers normalise the same few hundred labels in every workbook of a province; both functions here
 * are pure, so the answers that need NFKC or the remark stripping are kept, up to a bound (a
 * province's free text must not pile up).
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
  return keyOfNormalised(normaliseText(text));
}

/** `labelKey` of a text whose `normaliseText` is `normalised`, for readers that need both. */
export function keyOfNormalised(norm: string): string {
  if (norm.indexOf('(') >= 0) return remembered(keyed, norm, stripRemarks);
  // No remark to strip: only trailing colons, as `stripRemarks` would.
  let end = norm.length;
  while (end > 0 && isColon(norm.charCodeAt(end - 1))) end--;
  return end === norm.length ? norm : norm.slice(0, end);
}

function isColon(c: number): boolean {
  return c === 0x3a || c === 0xff1a;
}

function stripRemarks(norm: string): string {
  let s = norm;
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
