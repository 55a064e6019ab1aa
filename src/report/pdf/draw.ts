/**
 * Single-line text primitives. Everything is placed with `lineBreak: false` and no width, which is
 * pdfkit's fast path (no LineWrapper); alignment and truncation are done here by measuring.
 */
import type { Doc } from './doc.js';
import type { ReportFont } from './font.js';
import { COLOR } from './geometry.js';
import { simpleGlyph } from './simpleLayout.js';
import { measureWith, wrapText, type Measure } from './wrap.js';

export type { Doc };
export type Align = 'left' | 'right' | 'center';

export interface TextStyle {
  size: number;
  color?: string;
  align?: Align;
}

/**
 * pdfkit puts the baseline at top + ascent; a CJK ideograph's body sits from 0.12 em below to 0.88 em
 * above the baseline, so its middle is 0.38 em above it. Noto's ascent (1.16 em) would otherwise push
 * every cell's text low.
 */
export class TextSetter {
  private readonly ascent: number;
  private color: string | null = null;
  /** Width of each string measured so far, at 1000 units per point size. */
  private readonly widths = new Map<string, number>();
  /** Each code point's glyph as this document's subset numbers it, in hex, once included. */
  private readonly hexes = new Map<number, string>();
  /** Wrapping measures as the page plan does (`measureWith`), so a text takes the lines planned for it. */
  private readonly measure: Measure;
  constructor(
    readonly doc: Doc,
    private readonly font: ReportFont,
  ) {
    this.ascent = font.parsed.ascent / font.parsed.unitsPerEm;
    this.measure = measureWith(font);
  }

  /** The content stream's colour is per page: forget what was set when the page changes. */
  pageChanged(): void {
    this.color = null;
  }

  private fill(color: string): void {
    const current = (this.doc as unknown as { _fillColor?: [unknown] })._fillColor?.[0];
    if (this.color === color && current === color) return;
    this.doc.fillColor(color);
    this.color = color;
  }

  /** The top y to pass pdfkit so the text's visual middle lands on `middle`. */
  topFor(middle: number, size: number): number {
    return middle - (this.ascent - 0.38) * size;
  }

  /**
   * What pdfkit's `widthOfString` gives under `useSimpleLayout`, summed in the same order (runs split
   * after spaces, as pdfkit's `layout` does) so positions stay exact; tables measure the same labels
   * on every page, so widths are remembered per string.
   */
  width(text: string, size: number): number {
    let units = this.widths.get(text);
    if (units === undefined) {
      const scale = embedded(this.doc).scale;
      units = 0;
      let run = 0;
      let open = false;
      for (const ch of text) {
        const cp = ch.codePointAt(0)!;
        run += simpleGlyph(this.font, cp).advanceWidth * scale;
        open = true;
        if (cp === 0x20 || cp === 0x09) {
          units += run;
          run = 0;
          open = false;
        }
      }
      if (open) units += run;
      this.widths.set(text, units);
    }
    return units * (size / 1000);
  }

  /** The run as hex glyph ids of this document's subset, as pdfkit's `encode` would write them. */
  hex(text: string): string {
    let out = '';
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let h = this.hexes.get(cp);
      if (h === undefined) {
        const font = embedded(this.doc);
        const g = simpleGlyph(this.font, cp);
        const gid = font.subset.includeGlyph(g.id);
        h = `0000${gid.toString(16)}`.slice(-4);
        if (font.widths[gid] == null) font.widths[gid] = g.advanceWidth * font.scale;
        if (font.unicode[gid] == null) font.unicode[gid] = g.codePoints;
        this.hexes.set(cp, h);
      }
      out += h;
    }
    return out;
  }

  /** The text cut (with …) to fit `maxWidth`. */
  fit(text: string, size: number, maxWidth: number): string {
    if (maxWidth <= 0) return '';
    // Noto glyphs are at most 1 em wide for CJK and narrower for Latin: short strings need no measuring.
    if (text.length * size <= maxWidth) return text;
    if (this.width(text, size) <= maxWidth) return text;
    const chars = Array.from(text);
    let lo = 0;
    let hi = chars.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.width(chars.slice(0, mid).join('') + '…', size) <= maxWidth) lo = mid;
      else hi = mid - 1;
    }
    return chars.slice(0, lo).join('') + '…';
  }

  /** One line, its middle at `middle`, inside [x, x + width]; cut to fit. Returns the drawn width. */
  line(text: string, x: number, middle: number, width: number, style: TextStyle): number {
    const s = this.fit(text, style.size, width);
    if (!s) return 0;
    const w = this.width(s, style.size);
    const align = style.align ?? 'left';
    const left = align === 'left' ? x : align === 'right' ? x + width - w : x + (width - w) / 2;
    this.fill(style.color ?? COLOR.text);
    placeRun(this.doc, this.hex(s), left, this.topFor(middle, style.size), style.size);
    return w;
  }

  /**
   * Up to `maxLines` lines of wrapped text (as `wrapText` wraps: Chinese anywhere, English at spaces);
   * only text beyond the last line is cut, so callers size the space with `wrapText` first.
   */
  lines(text: string, x: number, top: number, width: number, lineHeight: number, maxLines: number, style: TextStyle): void {
    const all = wrapText(text, width, style.size, this.measure);
    const shown = all.length > maxLines ? [...all.slice(0, maxLines - 1), all.slice(maxLines - 1).join(' ')] : all;
    shown.forEach((s, i) => this.line(s, x, top + lineHeight * i + lineHeight / 2, width, style));
  }
}

/** pdfkit's embedded font, as its text methods use it (pdfkit 0.20 internals). */
interface EmbeddedFont {
  id: string;
  ascender: number;
  scale: number;
  subset: { includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
}

function embedded(doc: Doc): EmbeddedFont {
  return (doc as unknown as { _font: EmbeddedFont })._font;
}

const num = (v: number) => String(Math.round(v * 1000) / 1000);

/**
 * Writes one run of text as a single text object. pdfkit's own `text()` costs about eight content
 * writes, two extra layouts and a save/restore per call; a review page has ~250 cells, and 2,000 pages
 * must stay well under ten seconds. The glyphs go through pdfkit's subset (`TextSetter.hex`), so the
 * file is the same kind pdfkit writes. Without shaping (`useSimpleLayout`) no glyph has an offset or
 * kerning adjustment, so the run is one hex string.
 */
function placeRun(doc: Doc, hex: string, x: number, top: number, size: number): void {
  const font = embedded(doc);
  const page = doc.page as unknown as { fonts: Record<string, unknown> };
  if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
  const baseline = top + (font.ascender / 1000) * size;
  // The page's user space runs top-down (pdfkit flips it); the text matrix flips glyphs upright.
  (doc as unknown as { addContent(s: string): void }).addContent(
    `BT 1 0 0 -1 ${num(x)} ${num(baseline)} Tm /${font.id} ${num(size)} Tf [${hex ? `<${hex}>` : ''}] TJ ET`,
  );
}
