import { beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadRules } from '../src/rules/load.js';
import type { Rules } from '../src/rules/schema.js';
import { loadReportFont, renderAllPdfs, renderReviewPdf, type ReportFont } from '../src/report/pdf/index.js';
import { cityWorkerScript } from '../src/report/pdf/parallel.js';
import { sampleResult } from './result-sample.js';

let rules: Rules;
let font: ReportFont;

beforeAll(async () => {
  rules = await loadRules();
  font = await loadReportFont();
});

describe('province and city PDFs drawn together', () => {
  it('finds the compiled city worker script (npm test builds dist/ first)', () => {
    expect(cityWorkerScript()).toMatch(/cityWorker\.js$/);
  });

  it('gives the same bytes on worker threads as drawing each document alone in this thread', async () => {
    const result = sampleResult({ applicants: 40 });
    const cities = result.cities.map((c) => c.name);
    const opts = { lang: 'zh' as const, timestamp: new Date(Date.UTC(2021, 10, 25)) };
    const alone = {
      province: await renderReviewPdf(result, rules, font, opts),
      cities: await Promise.all(cities.map((city) => renderReviewPdf(result, rules, font, { ...opts, city }))),
    };
    for (const threads of [1, 2, 3]) {
      const together = await renderAllPdfs(result, rules, font, cities, { ...opts, workers: 'always', threads });
      expect(Buffer.compare(together.province, alone.province)).toBe(0);
      expect(together.cities.length).toBe(cities.length);
      together.cities.forEach((pdf, i) => expect(Buffer.compare(pdf, alone.cities[i]!), cities[i]).toBe(0));
    }
  });

  it('gives the same bytes in this thread alone and returns the cities in the order asked', async () => {
    const result = sampleResult({ applicants: 30 });
    const cities = [...result.cities.map((c) => c.name)].reverse();
    const opts = { lang: 'en' as const };
    const here = await renderAllPdfs(result, rules, font, cities, { ...opts, workers: 'never' });
    const threaded = await renderAllPdfs(result, rules, font, cities, { ...opts, workers: 'always', threads: 2 });
    expect(Buffer.compare(here.province, threaded.province)).toBe(0);
    for (let i = 0; i < cities.length; i++) {
      const alone = await renderReviewPdf(result, rules, font, { ...opts, city: cities[i]! });
      expect(Buffer.compare(here.cities[i]!, alone)).toBe(0);
      expect(Buffer.compare(threaded.cities[i]!, alone)).toBe(0);
    }
  });

  it('counts the pages drawn, up to every page of every document, without changing a byte', async () => {
    const result = sampleResult({ applicants: 120 });
    const cities = result.cities.map((c) => c.name);
    const opts = { lang: 'zh' as const, workers: 'always' as const, threads: 1 };
    const told: number[] = [];
    const watched = await renderAllPdfs(result, rules, font, cities, { ...opts, onPages: (drawn) => told.push(drawn) });
    const unwatched = await renderAllPdfs(result, rules, font, cities, opts);
    expect(Buffer.compare(watched.province, unwatched.province)).toBe(0);
    watched.cities.forEach((pdf, i) => expect(Buffer.compare(pdf, unwatched.cities[i]!)).toBe(0));

    const pagesOf = async (pdf: Buffer) => (await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise).numPages;
    let pages = await pagesOf(watched.province);
    for (const pdf of watched.cities) pages += await pagesOf(pdf);
    // Counts only grow, some come while the province PDF (over 120 pages) is being drawn, and the
    // last one is the pages of all the documents together.
    expect(told.length).toBeGreaterThan(cities.length);
    expect(told).toEqual([...told].sort((a, b) => a - b));
    expect(told.at(-1)).toBe(pages);
  });

  it('draws a city no thread can draw in this thread, so no document is lost', async () => {
    const result = sampleResult({ applicants: 20 });
    // A city the result does not have fails in every thread; the error surfaces from this thread.
    await expect(renderAllPdfs(result, rules, font, ['不存在市'], { lang: 'zh', workers: 'always', threads: 2 })).rejects.toThrow(
      /不存在市/,
    );
  });
});
