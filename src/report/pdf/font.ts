/**
 * The report's CJK font: read once, embedded (subset) in every PDF. pdfkit has no glyph fallback, so
 * a character the font lacks prints as an empty box: `missingGlyphs` finds those before anyone prints.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import type { FontkitCollection, FontkitFont } from 'fontkit';
import type { Result } from '../../model/result.js';
import { UsageError } from '../../util/errors.js';

const DEFAULT_FONT_MODULE = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';

export interface ReportFont {
  /** The font file's bytes, shared by every document rendered with it. */
  buffer: Buffer;
  /** Face name inside a TTC collection; pdfkit needs it to pick the face. */
  face?: string;
  /** Where it came from, for messages. */
  file: string;
  /** The parsed face, for coverage checks and metrics. */
  parsed: FontkitFont;
}

/** Where the bundled font is, resolved like an import so no relative path is guessed. */
export function defaultFontFile(): string {
  return createRequire(import.meta.url).resolve(DEFAULT_FONT_MODULE);
}

/** `--font FILE` or `--font FILE#FaceName` (a TTC face). */
export function parseFontSpec(spec: string): { file: string; face?: string } {
  const hash = spec.lastIndexOf('#');
  if (hash > 0 && hash < spec.length - 1) return { file: spec.slice(0, hash), face: spec.slice(hash + 1) };
  return { file: spec };
}

function isCollection(f: FontkitFont | FontkitCollection): f is FontkitCollection {
  return Array.isArray((f as FontkitCollection).fonts);
}

/** Reads and checks the font once; the same ReportFont then serves every PDF of the run. */
export async function loadReportFont(font?: { file: string; face?: string }): Promise<ReportFont> {
  const file = font?.file ?? defaultFontFile();
  let buffer: Buffer;
  try {
    buffer = await readFile(file);
  } catch (cause) {
    throw new UsageError(`无法读取字体文件：${file}`, { cause });
  }
  return reportFontFromBytes(buffer, file, font?.face);
}

/** The ReportFont of bytes already read (a worker thread gets the bytes, not the file). */
export function reportFontFromBytes(buffer: Buffer, file: string, face?: string): ReportFont {
  let parsed: FontkitFont | FontkitCollection;
  try {
    parsed = fontkit.create(buffer);
  } catch (cause) {
    throw new UsageError(`字体文件无法解析（需要 TTF、OTF 或 TTC）：${file}`, { cause });
  }
  if (isCollection(parsed)) {
    const names = parsed.fonts.map((f) => f.postscriptName);
    const chosen = face ? parsed.fonts.find((f) => f.postscriptName === face) : undefined;
    if (!chosen)
      throw new UsageError(
        `${face ? `字体集合中没有字体 ${face}` : '字体集合（TTC）需要指定字体名'}：${file}；可用：${names.join(', ')}（写作 --font ${file}#${names[0] ?? 'FaceName'}）`,
      );
    return { buffer, face: chosen.postscriptName, file, parsed: chosen };
  }
  return { buffer, file, parsed };
}

/** The distinct characters of `text` the font has no glyph for, in order of first appearance. */
export function missingGlyphs(text: string, font: ReportFont): string[] {
  const missing: string[] = [];
  for (const ch of new Set(text)) {
    const cp = ch.codePointAt(0)!;
    // Controls and spaces are never drawn as glyphs.
    if (cp < 0x21 || (cp >= 0x7f && cp <= 0xa0) || /\s/u.test(ch)) continue;
    if (!font.parsed.hasGlyphForCodePoint(cp)) missing.push(ch);
  }
  return missing;
}

/** Characters of applicant names, cities and identity fields the font cannot print. */
export function missingGlyphsInResult(result: Result, font: ReportFont): string[] {
  const parts: string[] = [result.rules.title, result.input.root];
  for (const c of result.cities) parts.push(c.name);
  for (const a of result.applicants) {
    parts.push(a.name, a.city, a.id);
    const id = a.identity;
    for (const v of [id.registeredAddress, id.legalRepresentative, id.itLead, id.itLeadPhone, id.mainBusiness])
      if (v) parts.push(v);
  }
  return missingGlyphs(parts.join('\n'), font);
}
