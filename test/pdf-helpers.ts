/**
 * Reading a rendered PDF back as a person's viewer sees it, with pdfjs-dist: each page's text runs
 * (one run per line the report draws), the outline and the info dictionary.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  /** Per page, the text runs in drawing order. */
  items: string[][];
  /** Per page, the runs joined by newlines. */
  pages: string[];
  outline: { title: string; children: string[] }[];
  info: Record<string, unknown>;
}

export async function readPdfText(buf: Uint8Array): Promise<PdfText> {
  const doc = await getDocument({ data: new Uint8Array(buf), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const items: string[][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    // pdfjs adds a blank run between runs it sees as apart: those are no text of ours.
    items.push(content.items.map((it) => ('str' in it ? it.str : '')).filter((s) => s.trim() !== ''));
  }
  const raw = (await doc.getOutline()) ?? [];
  const outline = raw.map((o) => ({ title: o.title, children: (o.items ?? []).map((c) => c.title) }));
  const info = (await doc.getMetadata()).info as Record<string, unknown>;
  await doc.destroy();
  return { items, pages: items.map((p) => p.join('\n')), outline, info };
}
