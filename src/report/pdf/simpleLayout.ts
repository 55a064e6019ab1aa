/**
 * Glyph layout without OpenType shaping, for this report's text (Chinese, digits, labels). pdfkit
 * shapes every distinct string with fontkit (GSUB/GPOS), ~0.1 ms each; a review page has dozens of
 * distinct strings (names, amounts, addresses), which made 2,000 pages take far too long. Chinese
 * needs no shaping; Latin loses only kerning. Glyphs are looked up once per code point per font and
 * shared by every document rendered with that font.
 */
import type { Doc } from './doc.js';
import type { ReportFont } from './font.js';

export interface SimpleGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

interface Run {
  glyphs: SimpleGlyph[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }[];
  advanceWidth: number;
}

const glyphCaches = new WeakMap<ReportFont, Map<number, SimpleGlyph>>();

function glyphFor(font: ReportFont, cache: Map<number, SimpleGlyph>, cp: number): SimpleGlyph {
  let g = cache.get(cp);
  if (!g) {
    const fg = font.parsed.glyphForCodePoint(cp);
    g = { id: fg.id, advanceWidth: fg.advanceWidth, codePoints: [cp] };
    cache.set(cp, g);
  }
  return g;
}

/** The glyph the report draws for code point `cp` (cmap lookup, no shaping), cached per font. */
export function simpleGlyph(font: ReportFont, cp: number): SimpleGlyph {
  let cache = glyphCaches.get(font);
  if (!cache) glyphCaches.set(font, (cache = new Map()));
  return glyphFor(font, cache, cp);
}

/** Replaces the current pdfkit font's per-string layout with a cmap lookup (pdfkit 0.20 internals). */
export function useSimpleLayout(doc: Doc, font: ReportFont): void {
  let cache = glyphCaches.get(font);
  if (!cache) glyphCaches.set(font, (cache = new Map()));
  const glyphs = cache;
  const embedded = (doc as unknown as { _font: { layoutRun: (text: string, features?: unknown) => Run; scale: number } })._font;
  const scale = embedded.scale;
  embedded.layoutRun = (text: string): Run => {
    const run: Run = { glyphs: [], positions: [], advanceWidth: 0 };
    for (const ch of text) {
      const g = glyphFor(font, glyphs, ch.codePointAt(0)!);
      const w = g.advanceWidth * scale;
      run.glyphs.push(g);
      run.positions.push({ xAdvance: w, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: w });
      run.advanceWidth += w;
    }
    return run;
  };
}
