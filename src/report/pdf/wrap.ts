/**
 * Wrapping long text (finding messages) into lines before anything is drawn, so the page plan knows
 * how many lines, and so pages, a text takes, and the renderer draws exactly those lines. Widths come
 * from the font's advance widths, the same numbers `TextSetter.width` sums.
 */
import type { ReportFont } from './font.js';
import { simpleGlyph } from './simpleLayout.js';

/** The width in points of `text` at `size`. */
export type Measure = (text: string, size: number) => number;

/** A measure over the report font's glyphs, remembering each string's width at 1 pt. */
export function measureWith(font: ReportFont): Measure {
  const perPoint = new Map<string, number>();
  const em = font.parsed.unitsPerEm;
  return (text, size) => {
    let w = perPoint.get(text);
    if (w === undefined) {
      w = 0;
      for (const ch of text) w += simpleGlyph(font, ch.codePointAt(0)!).advanceWidth;
      w /= em;
      perPoint.set(text, w);
    }
    return w * size;
  };
}

/** Characters a Chinese line should not start with (closing punctuation): they stay on the line before. */
const NO_START = new Set(Array.from('，。、：；！？）」』】》〉”’,.;:!?)]}…·'));
/** Characters a line should not end with (opening brackets): they go down with what they open. */
const NO_END = new Set(Array.from('（「『【《〈“‘([{'));

/**
 * `text` in lines no wider than `width`: Chinese breaks between any two characters, Latin words at
 * spaces (a word longer than the line is broken anywhere). Nothing is cut: the lines hold every
 * character of the text, spaces at a break aside. Widths keep half a point in hand so the drawn
 * line, measured again when drawn, is never shortened with 「…」.
 */
export function wrapText(text: string, width: number, size: number, measure: Measure): string[] {
  const limit = width - 0.5;
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let rest = Array.from(paragraph);
    if (rest.length === 0) out.push('');
    while (rest.length > 0) {
      if (measure(rest.join(''), size) <= limit) {
        out.push(rest.join(''));
        break;
      }
      // The most characters that fit, found by halving, then grown one at a time.
      let lo = 1;
      let hi = rest.length;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (measure(rest.slice(0, mid).join(''), size) <= limit) lo = mid;
        else hi = mid - 1;
      }
      let n = lo;
      // Closing punctuation stays with the character before it.
      while (n > 1 && n < rest.length && NO_START.has(rest[n]!)) n--;
      while (n > 1 && NO_END.has(rest[n - 1]!)) n--;
      // A Latin word is not split when a space before it on the line allows a break there.
      if (n < rest.length && isWordChar(rest[n]!) && isWordChar(rest[n - 1]!)) {
        const space = rest.lastIndexOf(' ', n - 1);
        if (space > 0) n = space + 1;
      }
      out.push(rest.slice(0, n).join('').trimEnd());
      rest = rest.slice(n);
      while (rest[0] === ' ') rest = rest.slice(1);
    }
  }
  return out;
}

function isWordChar(ch: string): boolean {
  return /[A-Za-z0-9_\-'’"/.@#%&+=]/.test(ch);
}
