/**
 * 评审结果.html in a real browser: Debian's chromium (/usr/bin/chromium, or $CHROMIUM)
 * driven by playwright-core, the page opened from file:// as a clerk opens it from a USB stick. Every
 * request the page makes is routed and recorded, and any that is not file:// fails the test. What the
 * page shows is compared with results.json of the same run. With YUNSHANG_SCREENSHOTS=DIR the ranking
 * and one applicant are saved there as PNGs (docs/images holds the ones the README shows).
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { yunshang } from './e2e-helpers.js';
import type { ApplicantResult, ValueSource } from '../src/model/result.js';
import { loadRules } from '../src/rules/load.js';
import { readSubmission } from '../src/ingest/readSubmission.js';
import { evaluate } from '../src/evaluate.js';
import { evidenceOf, inputLinks, resultsHtml } from '../src/report/html/index.js';
import { writeFile } from 'node:fs/promises';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const SAMPLE = resolve('fixtures/submissions');

type Src = ValueSource;
type App = ApplicantResult;

let work: string;
let browser: Browser;
let context: BrowserContext;
/** Every URL the pages asked for that is not a file:// one. */
const outside: string[] = [];
let results: { applicants: App[] };
let pageUrl: string;

async function open(url: string): Promise<Page> {
  const page = await context.newPage();
  page.on('request', (r) => {
    if (!r.url().startsWith('file:')) outside.push(r.url());
  });
  await page.goto(url);
  await page.waitForSelector('html[data-ready]');
  return page;
}

const fixed = (v: number | null) => (v === null ? '—' : v.toFixed(2));

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium) or set CHROMIUM`);
  work = await mkdtemp(join(tmpdir(), 'yunshang-html-'));
  const out = join(work, 'out');
  const run = yunshang(['score', SAMPLE, '--out', out, '--expert-scores', 'fixtures/expert-scores.csv', '--no-pdf', '--quiet']);
  expect(run.status, run.stderr).toBe(0);
  results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
  pageUrl = pathToFileURL(join(out, '评审结果.html')).href;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // No network: every request is looked at here, and anything but a file of the disk is refused.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    outside.push(url);
    return route.abort();
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('评审结果.html in chromium, from file://', () => {
  it('shows the province ranking, sorts by total and filters a city, without a request leaving the page', async () => {
    const page = await open(pageUrl);
    const ids = await page.locator('#ranking tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
    expect(ids).toEqual(results.applicants.map((a) => a.id));
    if (process.env.YUNSHANG_SCREENSHOTS) {
      await mkdir(process.env.YUNSHANG_SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(process.env.YUNSHANG_SCREENSHOTS, 'html-ranking.png') });
    }

    await page.click('#ranking th[data-key="total"]');
    const totals = await page.locator('#ranking tbody tr td:nth-child(11)').allTextContents();
    const ranked = results.applicants.filter((a) => a.status !== 'rejected');
    expect(totals.slice(0, ranked.length)).toEqual([...ranked].sort((x, y) => y.total - x.total).map((a) => a.total.toFixed(2)));
    // Rejected applicants have no total: last, whichever the direction.
    expect(totals.slice(ranked.length).every((t) => t === '')).toBe(true);

    await page.selectOption('#filter-city', '杭州市');
    const cities = await page.locator('#ranking tbody tr td:nth-child(2)').allTextContents();
    expect(cities).toEqual(results.applicants.filter((a) => a.city === '杭州市').map(() => '杭州市'));

    await page.selectOption('#filter-city', '');
    await page.fill('#search', results.applicants[5]!.name);
    expect(await page.locator('#ranking tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')))).toContain(results.applicants[5]!.id);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('opens an applicant from the ranking and shows its values as results.json has them, with a source cell for every N and M', async () => {
    const page = await open(pageUrl);
    const a = results.applicants.find((x) => x.status !== 'rejected' && x.findings.length > 0)!;
    await page.click(`#ranking tbody tr[data-id="${a.id}"] td:nth-child(4) a`);
    await page.waitForSelector('#indicators');
    await page.waitForSelector('html[data-links]');
    expect(await page.textContent('h2')).toBe(a.name);
    expect(await page.textContent('#total')).toContain(a.total.toFixed(2));
    for (const [key, ind] of Object.entries(a.indicators)) {
      const row = page.locator(`#indicators tr[data-key="${key}"]`);
      const text = async (cls: string) => (await row.locator(`td.${cls}`).textContent())!.trim();
      expect(await text('n'), key).toBe(ind.n === null ? '—' : String(ind.n));
      expect(await text('m'), key).toBe(ind.m === null ? '—' : String(ind.m));
      expect(await text('self'), key).toBe(fixed(ind.selfScore));
      expect(await text('rank'), key).toBe(ind.rank === null ? '—' : `${ind.rank}/${ind.rankedCount}`);
      expect(await text('grade'), key).toBe(ind.grade ?? '—');
      expect(await text('hscore'), key).toBe(fixed(ind.horizontalScore));
      expect(await text('score'), key).toBe(fixed(ind.score));
      // Every value typed in a cell is shown with that cell and its text; a derived M says how it is made.
      const s = ind.sources;
      const cells = (cls: string) => row.locator(`td.${cls} .src`).evaluateAll((els) => els.map((e) => [e.getAttribute('data-cell'), e.getAttribute('data-raw')]));
      const nTyped = [s.n, ...Object.values(s.ticks ?? {}), s.server?.cloudCores, s.server?.cloudMemoryGb].filter((x): x is Src => x !== undefined);
      const mTyped = [s.m, s.server?.allCores, s.server?.allMemoryGb].filter((x): x is Src => x !== undefined);
      expect(nTyped.length, `${key}: N has a source`).toBeGreaterThan(0);
      expect(await cells('n-src'), key).toEqual(nTyped.map((x) => [x.cell ?? '', x.raw]));
      expect(await cells('m-src'), key).toEqual(mTyped.map((x) => [x.cell ?? '', x.raw]));
      if (mTyped.length === 0) {
        expect(s.mSumOf || s.mFromRules, `${key}: M has a source`).toBeTruthy();
        expect(await text('m-src'), key).toMatch(s.mSumOf ? /N 之和/ : /规则文件/);
      }
    }
    // Findings with their fixes; the evidence links reach the sample tree from where the page was written.
    expect(await page.locator('table.findings tbody tr').count()).toBe(a.findings.length);
    expect(await page.getAttribute('html', 'data-links')).toBe('ok');
    const href = await page.locator('#systems a[data-file]').first().getAttribute('href');
    expect(href).toBeTruthy();
    expect(existsSync(new URL(href!, page.url()))).toBe(true);
    if (process.env.YUNSHANG_SCREENSHOTS) await page.screenshot({ path: join(process.env.YUNSHANG_SCREENSHOTS, 'html-applicant.png'), fullPage: true, clip: { x: 0, y: 0, width: 1400, height: 1900 } });
    expect(outside).toEqual([]);
    await page.close();
  });

  it("shows a city's 推荐排序 beside the computed order, and the rules", async () => {
    const page = await open(`${pageUrl}#/city/${encodeURIComponent('杭州市')}`);
    expect(await page.locator('#city-table tbody tr').count()).toBe(results.applicants.filter((a) => a.city === '杭州市').length);
    await page.click('#nav a[href="#/rules"]');
    expect(await page.locator('#bands tbody tr').count()).toBe(4);
    expect(outside).toEqual([]);
    await page.close();
  });

  it('says when the evidence cannot be reached (the page alone in a folder)', async () => {
    // Deeper than the output folder, so the path from where the page was written leads nowhere either.
    const alone = join(work, 'a', 'b', 'c', 'alone');
    await mkdir(alone, { recursive: true });
    await cp(new URL(pageUrl), join(alone, '评审结果.html'));
    const page = await open(pathToFileURL(join(alone, '评审结果.html')).href + `#/a/${encodeURIComponent(results.applicants[0]!.id)}`);
    await page.waitForSelector('html[data-links]');
    expect(await page.getAttribute('html', 'data-links')).toBe('unreachable');
    expect(await page.textContent('#links-note')).toContain('打不开');
    await page.close();
  });
});

describe('where the page looks for the input tree', () => {
  it('is the input root seen from the output folder, and its name', () => {
    expect(inputLinks('/data/2021/submissions', '/data/2021/out')).toEqual({ name: 'submissions', fromOutput: '../submissions/' });
    expect(inputLinks('/data/submissions', '/data/submissions-评审结果')).toEqual({ name: 'submissions', fromOutput: '../submissions/' });
    expect(inputLinks('/a/b/杭州市', '/x/out')).toEqual({ name: '杭州市', fromOutput: '../../a/b/杭州市/' });
  });
});

describe('评审结果.html with hostile input text', () => {
  it('shows a name holding </script> and markup as text, runs none of it, and gives the same bytes twice', async () => {
    const rules = await loadRules();
    const submission = await readSubmission(SAMPLE, rules);
    const evidence = evidenceOf(submission);
    const result = evaluate(submission, rules);
    const hostile = '</script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">=HYPERLINK("http://evil.example/")';
    const a = result.applicants[0]!;
    a.name = hostile;
    a.identity.mainBusiness = '<b>粗体</b>&amp;';
    const links = inputLinks(SAMPLE, join(work, 'hostile'));
    const bytes = resultsHtml(result, rules, { lang: 'zh', evidence, links });
    expect(resultsHtml(result, rules, { lang: 'zh', evidence, links }).equals(bytes)).toBe(true);
    await mkdir(join(work, 'hostile'), { recursive: true });
    const file = join(work, 'hostile', '评审结果.html');
    await writeFile(file, bytes);
    const page = await open(`${pathToFileURL(file).href}#/a/${encodeURIComponent(a.id)}`);
    await page.waitForSelector('#indicators');
    expect(await page.textContent('h2')).toBe(hostile);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.locator('main b', { hasText: '粗体' }).count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain('<b>粗体</b>&amp;');
    expect(outside).toEqual([]);
    await page.close();
  });
});

describe('评审结果.html with the clerk\'s 人工复核 decisions', () => {
  it('shows a waived finding struck through with its row and reason, a corrected value with its decision, and the decisions', async () => {
    const a = results.applicants.find((x) => x.findings.some((f) => f.code === 'SCREENSHOT_SHARED_ACROSS_APPLICANTS'))!;
    const csv = join(work, '人工复核记录表.csv');
    await writeFile(
      csv,
      ['企业,类型,对象,新值,理由,经办人,日期', `${a.name},豁免问题,SCREENSHOT_SHARED_ACROSS_APPLICANTS,,同一集团共用系统,王敏,2021-06-11`, `${a.name},更正数值,云存储 N,500,电话核实,王敏,2021-06-11`].join('\n') + '\n',
    );
    const out = join(work, 'out-decisions');
    const run = yunshang(['score', SAMPLE, '--out', out, '--decisions', csv, '--no-pdf', '--quiet']);
    expect(run.status, run.stderr).toBe(0);
    const decided = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as { decisions: { applied: boolean }[]; applicants: App[] };
    expect(decided.decisions.map((d) => d.applied)).toEqual([true, true]);
    const page = await open(`${pathToFileURL(join(out, '评审结果.html')).href}#/a/${encodeURIComponent(a.id)}`);
    await page.waitForSelector('#indicators');
    const waived = page.locator('table.findings tr[data-code="SCREENSHOT_SHARED_ACROSS_APPLICANTS"]');
    expect(await waived.locator('.waived').count()).toBe(1);
    expect(await waived.textContent()).toContain('同一集团共用系统');
    expect(await page.locator('#indicators tr[data-key="infra.storage"] td.n').textContent()).toBe('500');
    expect(await page.locator('#indicators tr[data-key="infra.storage"] td.n-src').textContent()).toContain('经人工复核更正');
    expect(await page.locator('table.decisions tbody tr').count()).toBe(2);
    expect(await page.locator('table.decisions').textContent()).toContain('已执行');
    expect(outside).toEqual([]);
    await page.close();
  });
});

describe('评审结果.html in English', () => {
  it('speaks English with --lang en', async () => {
    const out = join(work, 'out-en');
    const run = yunshang(['score', SAMPLE, '--out', out, '--no-pdf', '--quiet', '--lang', 'en']);
    expect(run.status, run.stderr).toBe(0);
    const page = await open(pathToFileURL(join(out, 'review-results.html')).href);
    expect(await page.textContent('#ranking th[data-key="total"]')).toContain('Total');
    const statuses = await page.locator('#ranking td[data-status]').allTextContents();
    expect(new Set(statuses)).toEqual(new Set(['qualified', 'to verify', 'not accepted']));
    expect(outside).toEqual([]);
    await page.close();
  });
});
