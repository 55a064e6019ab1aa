// fontkit ships no types; only what the PDF report uses is declared.
declare module 'fontkit' {
  export interface FontkitFont {
    postscriptName: string;
    familyName: string;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): { id: number; advanceWidth: number };
  }
  export interface FontkitCollection {
    fonts: FontkitFont[];
  }
  export function create(buffer: Uint8Array, postscriptName?: string): FontkitFont | FontkitCollection;
}
