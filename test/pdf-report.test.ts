import { beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../src/model/result.js';
import { loadRules } from '../src/rules/load.js';
import type { Rules } from '../src/rules/schema.js';
import {
  loadReportFont,
  missingGlyphs,
  missingGlyphsInResult,
  pagePlan,
  parseFontSpec,
  renderReviewPdf,
  renderReviewPdfWithPlan,
  type PagePlan,
  type ReportFont,
} from '../src/report/pdf/index.js';
import { UsageError } from '../src/util/errors.js';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { SAMPLE_CITIES, SAMPLE_REJECTED, sampleResult, withSelection } from './result-sample.js';

let rules: Rules;
let font: ReportFont;

beforeAll(async () => {
  rules = await loadRules();
  font = await loadReportFont();
});

interface ReadPdf {
  pages: string[];
  outline: { title: string; children: string[] }[];
  info: Record<string, unknown>;
}

/** Reads a rendered PDF back with pdfjs-dist: page texts, the outline and the info dictionary. */
async function readPdf(buf: Buffer): Promise<ReadPdf> {
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

/** Index (0-based) of each city's review pages, in the order the plan lays them out (one per applicant). */
function reviewPageIndexes(plan: PagePlan): Map<string, number[]> {
  let page = plan.cover + plan.ranking + plan.selection + plan.panelReview;
  const out = new Map<string, number[]>();
  for (const c of plan.cities) {
    expect(c.reviewPages, `${c.name}: a review page each`).toBe(c.applicants);
    page += c.summary;
    out.set(c.name, Array.from({ length: c.applicants }, (_, i) => page + i));
    page += c.applicants;
  }
  return out;
}

/** Names as pdfjs gives them back: one text item per run, so a name is found whole. */
const namesOf = (r: Result) => r.applicants.map((a) => a.name);

describe('review PDF of the province', () => {
  it('has the cover, the ranking, a summary per city and exactly one page per applicant', async () => {
    const result = sampleResult();
    const { pdf, plan } = await renderReviewPdfWithPlan(result, rules, font, { lang: 'zh' });
    const read = await readPdf(pdf);
    expect(plan.applicantPages).toBe(result.applicants.length);
    expect(plan.cities.map((c) => c.name)).toEqual([...SAMPLE_CITIES]);
    expect(plan.selection).toBe(0);
    const summaries = plan.cities.reduce((s, c) => s + c.summary, 0);
    expect(read.pages.length).toBe(plan.cover + plan.ranking + summaries + result.applicants.length);
    expect(pagePlan(result, rules, font)).toEqual(plan);
  });

  it("prints every applicant's name on its own review page and no other applicant's", async () => {
    const result = sampleResult();
    const { pdf, plan } = await renderReviewPdfWithPlan(result, rules, font, { lang: 'zh' });
    const read = await readPdf(pdf);
    const pagesByCity = reviewPageIndexes(plan);
    for (const city of result.cities) {
      const pages = pagesByCity.get(city.name)!;
      const inCity = result.applicants.filter((a) => a.city === city.name);
      expect(pages.length).toBe(inCity.length);
      const onPages = pages.map((p) => namesOf(result).filter((n) => read.pages[p]!.includes(n)));
      // Ranked first in city order, the rejected after: every name once, on a page of its own.
      expect(onPages.map((names) => names.length)).toEqual(pages.map(() => 1));
      expect(onPages.flat().sort()).toEqual(inCity.map((a) => a.name).sort());
    }
  });

  it('has a bookmark per city with a child per applicant', async () => {
    const result = sampleResult();
    const read = await readPdf(await renderReviewPdf(result, rules, font, { lang: 'zh' }));
    for (const city of SAMPLE_CITIES) {
      const entry = read.outline.find((o) => o.title === city);
      expect(entry, city).toBeDefined();
      const names = result.applicants.filter((a) => a.city === city).map((a) => a.name);
      expect([...entry!.children].sort()).toEqual([...names].sort());
    }
  });

  it('numbers the pages 第 x 页 / 共 y 页', async () => {
    const read = await readPdf(await renderReviewPdf(sampleResult(), rules, font, { lang: 'zh' }));
    const y = read.pages.length;
    read.pages.forEach((text, i) => expect(text).toContain(`第 ${i + 1} 页 / 共 ${y} 页`));
  });

  it('gives byte-identical files for the same input, and dates them from the rules unless a timestamp is asked', async () => {
    const a = await renderReviewPdf(sampleResult(), rules, font, { lang: 'zh' });
    const b = await renderReviewPdf(sampleResult(), rules, font, { lang: 'zh' });
    expect(Buffer.compare(a, b)).toBe(0);
    const read = await readPdf(a);
    expect(String(read.info['CreationDate'])).toContain(`${rules.batchYear}0101`);
    const stamped = await renderReviewPdf(sampleResult(), rules, font, { lang: 'zh', timestamp: new Date(Date.UTC(2021, 11, 3, 8)) });
    expect(String((await readPdf(stamped)).info['CreationDate'])).toContain('20211203');
  });

  it('says 待专家评分 and totals out of 75 until expert scores are merged, then out of 100', async () => {
    const pending = sampleResult();
    const { pdf, plan } = await renderReviewPdfWithPlan(pending, rules, font, { lang: 'zh' });
    const firstReview = reviewPageIndexes(plan).get(SAMPLE_CITIES[0])![0]!;
    const page = (await readPdf(pdf)).pages[firstReview]!;
    expect(page).toContain('待专家评分');
    expect(page).toMatch(/总分 \d+\.\d\d \/ 75（待专家评分）/);
    expect(page).toContain('评审专家签字');

    const scored = sampleResult({ expertScored: true });
    const r2 = await renderReviewPdfWithPlan(scored, rules, font, { lang: 'zh' });
    const first = scored.applicants.find((a) => a.city === SAMPLE_CITIES[0])!;
    const page2 = (await readPdf(r2.pdf)).pages[reviewPageIndexes(r2.plan).get(SAMPLE_CITIES[0])![0]!]!;
    expect(page2).toContain(`总分 ${first.total.toFixed(2)} / 100`);
    expect(page2).not.toContain('待专家评分');
  });

  it('lists rejected applicants after the ranking with the message of the code that rejected them', async () => {
    const result = sampleResult();
    const { pdf, plan } = await renderReviewPdfWithPlan(result, rules, font, { lang: 'zh' });
    const read = await readPdf(pdf);
    const ranking = read.pages.slice(plan.cover, plan.cover + plan.ranking).join('\n');
    expect(ranking).toContain('不予受理名单');
    const after = ranking.slice(ranking.indexOf('不予受理名单'));
    expect(after).toContain(SAMPLE_REJECTED);
    expect(after).not.toContain('A2_MISSING');
  });

  it('prints every finding whole, continuing on pages after the form when they do not fit on it', async () => {
    const result = sampleResult();
    const victim = result.applicants[0]!;
    for (let i = 0; i < 60; i++)
      victim.findings.push({ code: 'PHONE_INVALID', severity: 'warning', args: { phone: `0571-${i}` }, location: { file: 'x.xlsx', sheet: '申报表', cell: `D${i + 1}` } });
    const { pdf, plan } = await renderReviewPdfWithPlan(result, rules, font, { lang: 'zh' });
    const read = await readPdf(pdf);
    expect(plan.applicantPages).toBeGreaterThan(result.applicants.length);
    expect(read.pages.length).toBe(plan.total);
    const review = (p: string) => p.includes(victim.name) && p.includes('评审表');
    const own = read.pages.filter(review);
    expect(own.length).toBeGreaterThan(1);
    expect(own.slice(1).every((p) => p.includes('问题清单（续）'))).toBe(true);
    const text = own.join('\n');
    for (let i = 0; i < 60; i++) expect(text).toContain(`D${i + 1}：`);
    expect(text).not.toMatch(/另有 \d+ 条/);
    // The continuation pages come right after the form, before the next applicant's.
    const first = read.pages.findIndex(review);
    own.forEach((p, i) => expect(read.pages[first + i]).toBe(p));
  });

  it('repeats the ranking header on every page of a long ranking', async () => {
    const result = sampleResult({ applicants: 150 });
    const { pdf, plan } = await renderReviewPdfWithPlan(result, rules, font, { lang: 'zh' });
    expect(plan.ranking).toBeGreaterThan(2);
    const read = await readPdf(pdf);
    expect(read.pages.length).toBe(plan.total);
    expect(plan.applicantPages).toBe(150);
    for (const text of read.pages.slice(plan.cover, plan.cover + plan.ranking)) expect(text).toContain('企业名称');
  });

  it('adds the 初选名单 section after the ranking when a selection was made', async () => {
    const result = withSelection(sampleResult(), 5);
    const { pdf, plan } = await renderReviewPdfWithPlan(result, rules, font, { lang: 'zh' });
    expect(plan.selection).toBe(1);
    const read = await readPdf(pdf);
    expect(read.pages.length).toBe(plan.total);
    const section = read.pages[plan.cover + plan.ranking]!;
    expect(section).toContain('初选名单');
    const top5 = result.applicants.filter((a) => a.selected).map((a) => a.name);
    expect(top5).toHaveLength(5);
    for (const n of top5) expect(section).toContain(n);
    expect(read.outline.map((o) => o.title)).toContain('初选名单');
  });

  it('writes English labels with lang en and keeps the names as typed', async () => {
    const result = sampleResult();
    const read = await readPdf(await renderReviewPdf(result, rules, font, { lang: 'en' }));
    expect(read.pages[0]).toContain('Review report');
    expect(read.pages.at(-1)).toMatch(/Page \d+ of \d+/);
    expect(read.pages.join('\n')).toContain(result.applicants[0]!.name);
    expect(read.pages.join('\n')).not.toContain('评审专家签字');
  });
});

describe('per-city PDF', () => {
  it("holds exactly that city's applicants: cover, its ranking, its pages", async () => {
    const result = sampleResult();
    const city = SAMPLE_CITIES[1];
    const { pdf, plan } = await renderReviewPdfWithPlan(result, rules, font, { lang: 'zh', city });
    const read = await readPdf(pdf);
    const inCity = result.applicants.filter((a) => a.city === city).map((a) => a.name);
    expect(plan.cities.map((c) => c.name)).toEqual([city]);
    expect(plan.applicantPages).toBe(inCity.length);
    expect(read.pages.length).toBe(plan.total);
    const all = read.pages.join('\n');
    for (const n of namesOf(result)) expect(all.includes(n), n).toBe(inCity.includes(n));
    expect(read.outline.filter((o) => (SAMPLE_CITIES as readonly string[]).includes(o.title)).map((o) => o.title)).toEqual([city]);
  });

  it('refuses a city that is not in the result', async () => {
    await expect(renderReviewPdf(sampleResult(), rules, font, { lang: 'zh', city: '上海市' })).rejects.toBeInstanceOf(UsageError);
  });
});

describe('report font', () => {
  it('covers every character of every applicant name and city of the sample', () => {
    const result = sampleResult();
    for (const a of result.applicants) {
      expect(missingGlyphs(a.name, font), a.name).toEqual([]);
      expect(missingGlyphs(a.city, font), a.city).toEqual([]);
    }
    expect(missingGlyphsInResult(result, font)).toEqual([]);
    expect(missingGlyphs('喆堃昇', font)).toEqual([]);
  });

  it('reports the characters the font has no glyph for, once each', () => {
    expect(missingGlyphs('杭州😀科技😀', font)).toEqual(['😀']);
  });

  it('reads FILE#Face as a collection face and refuses a file that is not a font', async () => {
    expect(parseFontSpec('/fonts/NotoSansCJK.ttc#NotoSansCJKsc-Regular')).toEqual({
      file: '/fonts/NotoSansCJK.ttc',
      face: 'NotoSansCJKsc-Regular',
    });
    expect(parseFontSpec('/fonts/a.ttf')).toEqual({ file: '/fonts/a.ttf' });
    const { fileURLToPath } = await import('node:url');
    await expect(loadReportFont({ file: fileURLToPath(new URL('../package.json', import.meta.url)) })).rejects.toBeInstanceOf(UsageError);
  });
});
