/** Reads a rendered PDF back with pdfjs-dist: page texts and the outline. */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PagePlan } from '../src/report/pdf/index.js';

export interface ReadPdf {
  pages: string[];
  outline: { title: string; children: string[] }[];
  info: Record<string, unknown>;
}

export async function readPdf(buf: Buffer): Promise<ReadPdf> {
  const doc = await getDocument({ data: new Uint8Array(buf), useSystemFonts: false, disableFontFace: true, verbosity: 0 })
    .promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join('\n'));
  }
  const raw = (await doc.getOutline()) ?? [];
  const outline = raw.map((o) => ({ title: o.title, children: (o.items ?? []).map((c) => c.title) }));
  const meta = await doc.getMetadata();
  await doc.destroy();
  return { pages, outline, info: meta.info as Record<string, unknown> };
}

/** Index (0-based) of each city's review pages, in the order the plan lays them out. */
export function reviewPageIndexes(plan: PagePlan): Map<string, number[]> {
  let page = plan.cover + plan.ranking + plan.selection;
  const out = new Map<string, number[]>();
  for (const c of plan.cities) {
    page += c.summary;
    out.set(
      c.name,
      Array.from({ length: c.applicants }, (_, i) => page + i),
    );
    page += c.applicants;
  }
  return out;
}
