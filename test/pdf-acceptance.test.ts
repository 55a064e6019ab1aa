/**
 * What the PDFs must show, on the sample province as the CLI writes it (fixtures/
 * submissions with the panel's sheet), in Chinese and in English: the one table of words, the
 * official city order, the 推荐排序表's planted problem in both PDFs that concern 杭州, findings
 * printed whole, the rules box, no path of this machine on any page, page 2 used, and each city's
 * cover set against the province.
 */
import { copyFile, mkdtemp, readFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CITY_NAMES } from '../src/data/zhejiang.js';
import { evaluate } from '../src/evaluate.js';
import type { ApplicantResult, Result } from '../src/model/result.js';
import { renderMessage } from '../src/report/catalogue.js';
import { sourceCells } from '../src/report/sourceText.js';
import { loadReportFont, renderReviewPdf, type ReportFont } from '../src/report/pdf/index.js';
import { WORDS, word } from '../src/report/words.js';
import { DEFAULT_RULES_FILE, loadRules } from '../src/rules/load.js';
import type { Rules } from '../src/rules/schema.js';
import { yunshang } from './e2e-helpers.js';
import { readPdfText, type PdfText } from './pdf-helpers.js';
import { a3, city, defaultRules, pack, submission } from './score-helpers.js';

type Lang = 'zh' | 'en';
interface Run {
  dir: string;
  result: Result;
  province: PdfText;
  hangzhou: PdfText;
  cities: Map<string, PdfText>;
}

const runs = {} as Record<Lang, Run>;
let rules: Rules;
let font: ReportFont;
/** Everything of this machine a page could leak: the output folder, the working directory, home. */
let machinePaths: string[];

const PDF_NAME = { zh: '评审报告.pdf', en: 'review-report.pdf' } as const;

beforeAll(async () => {
  rules = await loadRules();
  font = await loadReportFont();
  const root = await mkdtemp(join(tmpdir(), 'yunshang-pdf-acceptance-'));
  // Absolute paths in, as a clerk's shell completes them: none may reach a page.
  const rulesCopy = join(root, 'zj-2021-batch1.json');
  await copyFile(DEFAULT_RULES_FILE, rulesCopy);
  machinePaths = [root, resolve('fixtures'), process.cwd(), homedir(), tmpdir()];
  for (const lang of ['zh', 'en'] as const) {
    const dir = join(root, `out-${lang}`);
    const args = ['score', resolve('fixtures/submissions'), '--out', dir, '--expert-scores', resolve('fixtures/expert-scores.csv'), '--lang', lang, '--quiet'];
    const r = yunshang(args);
    expect(r.status, r.stderr).toBe(0);
    const result: Result = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8'));
    const cities = new Map<string, PdfText>();
    for (const c of result.cities) cities.set(c.name, await readPdfText(await readFile(join(dir, 'cities', `${c.name}.pdf`))));
    runs[lang] = { dir, result, province: await readPdfText(await readFile(join(dir, PDF_NAME[lang]))), hangzhou: cities.get('杭州市')!, cities };
  }
}, 240_000);

/** The runs of a page joined without breaks: a message wrapped over lines reads whole again. */
const joined = (items: string[]) => items.join('');
/** Review pages (the form and its continuations) of one applicant. */
const reviewPages = (pdf: PdfText, a: ApplicantResult, lang: Lang) =>
  pdf.items.filter((p) => p.includes(a.name) && p.some((s) => s.includes(lang === 'zh' ? '评审表' : 'Review sheet')));

describe('city-level errors reach the PDFs', () => {
  it('names the planted A3_ROW_WITHOUT_PACK in 评审报告.pdf and in cities/杭州市.pdf', () => {
    for (const lang of ['zh', 'en'] as const) {
      const { result, province, hangzhou } = runs[lang];
      const planted = result.findings.find((f) => f.code === 'A3_ROW_WITHOUT_PACK' && f.city === '杭州市');
      expect(planted, 'the sample plants a 推荐排序表 row without a pack in 杭州').toBeDefined();
      const message = renderMessage(planted!, lang);
      const name = String(planted!.args['name']);
      for (const pdf of [province, hangzhou]) {
        const pages = pdf.items.filter((p) => joined(p).includes(name));
        expect(pages.length, lang).toBeGreaterThan(0);
        // English wraps at spaces: compare without them.
        const flat = (s: string) => (lang === 'en' ? s.replace(/\s+/g, '') : s);
        expect(pages.some((p) => flat(joined(p)).includes(flat(message))), `${lang}: ${message}`).toBe(true);
      }
      // On the city's own page, under the city's heading.
      const cityPage = hangzhou.items.find((p) => p.some((s) => s.startsWith(lang === 'zh' ? '杭州市 · 市级问题（1 条）' : '杭州市 · city-level findings (1)')));
      expect(cityPage && joined(cityPage).includes(name), lang).toBe(true);
    }
  });

  it('counts it on the covers: 杭州 has one city-level problem beside its 4 合格', () => {
    const { province, hangzhou } = runs.zh;
    for (const cover of [province.items[0]!, hangzhou.items[0]!]) {
      const at = cover.indexOf('杭州市');
      expect(at).toBeGreaterThan(0);
      // 城市, 申报数, 合格, 待核实, 不予受理, 参与排名, 市级问题, 总分（均值）
      expect(cover.slice(at, at + 7)).toEqual(['杭州市', '4', '4', '0', '0', '4', '1']);
      expect(cover).toContain('市级问题');
    }
  });
});

describe('every N and M traceable on the review page', () => {
  it('prints, for each indicator of each scored applicant, the cells N and M were read from', () => {
    for (const lang of ['zh', 'en'] as const) {
      const { result, province } = runs[lang];
      let checked = 0;
      for (const a of result.applicants.filter((x) => x.received.a2)) {
        const page = reviewPages(province, a, lang)[0]!;
        for (const [key, ind] of Object.entries(a.indicators)) {
          const src = ind.sources;
          const shown = sourceCells(src, a.received.a2 ?? undefined);
          expect(page, `${lang} ${a.id} ${key}`).toContain(shown);
          // Every value typed in one cell is named by its cell.
          for (const v of [src.n, src.m]) if (v?.cell) expect(shown).toContain(v.cell);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(300);
    }
  });

  it('writes the cells in Excel’s own notation: ranges for the server’s block, Σ for a sum, * for a value changed on review', () => {
    const src = { n: { file: 'a.xlsx', sheet: 'S', cell: 'D3', raw: '3', decision: { row: 2, file: 'd.csv', before: 1 } }, m: { file: 'a.xlsx', sheet: 'S', cell: 'F3', raw: '9' } };
    expect(sourceCells(src, { file: 'a.xlsx', sheet: 'S' })).toBe('D3*/F3');
    const cellOf = (cell: string) => ({ file: 'a.xlsx', sheet: 'S', cell, raw: '1' });
    expect(sourceCells({ server: { cloudCores: cellOf('D4'), cloudMemoryGb: cellOf('D5'), allCores: cellOf('F4'), allMemoryGb: cellOf('F5') } })).toBe('D4:F5');
    expect(sourceCells({ n: cellOf('D16'), mSumOf: ['business.rnd'] })).toBe('D16/Σ');
    expect(sourceCells({ ticks: { 研发数据: cellOf('D17'), 设计数据: cellOf('F17'), 生产数据: cellOf('D18') }, mFromRules: true })).toBe('D17+2/=');
    expect(sourceCells({ ticks: { 研发数据: cellOf('E20'), 设计数据: cellOf('F20') }, mFromRules: true })).toBe('E20:F20/=');
    expect(sourceCells({})).toBe('—');
  });
});

describe('one table of words', () => {
  it('prints every status and severity word from report/words.ts, in both languages', () => {
    for (const lang of ['zh', 'en'] as const) {
      const { result, province } = runs[lang];
      const all = province.items.flat();
      // The province ranking: each name followed by its status word.
      const rankingPages = province.items.filter((p) => p[0]?.startsWith(lang === 'zh' ? '全省排名' : 'Province ranking'));
      expect(rankingPages.length).toBeGreaterThan(0);
      let seen = 0;
      for (const page of rankingPages)
        for (const a of result.applicants) {
          const i = page.indexOf(a.name);
          if (i < 0 || a.status === 'rejected') continue;
          expect(page[i + 1], a.name).toBe(word(a.status, lang));
          seen++;
        }
      expect(seen).toBe(result.summary.ranked);
      // Each review page states the status in the table's word.
      for (const a of result.applicants.filter((x) => x.status !== 'rejected')) {
        const page = reviewPages(province, a, lang)[0]!;
        expect(page, a.name).toContain(`${lang === 'zh' ? '状态：' : 'Status: '}${word(a.status, lang)}`);
      }
      // Every severity tag is the table's word, and every severity present is shown.
      const tags = new Set(all.filter((s) => /^\[[^\]]+\]$/.test(s)).map((s) => s.slice(1, -1)));
      const severities = new Set([...result.findings, ...result.applicants.flatMap((a) => a.findings)].map((f) => word(f.severity, lang)));
      expect(tags).toEqual(severities);
      // The old names are gone.
      const old = lang === 'zh' ? ['有问题'] : ['flagged', 'Flagged', 'Rejected', 'awaiting expert scores'];
      for (const o of old) expect(all.filter((s) => s.includes(o)), o).toEqual([]);
      const statusHeaders = lang === 'zh' ? [WORDS.zh.qualified, WORDS.zh.flagged, WORDS.zh.rejected] : ['Qualified', 'To verify', 'Not accepted'];
      for (const h of statusHeaders) expect(province.items[0], h).toContain(h);
    }
  });
});

describe('official city order', () => {
  it('bookmarks and lists the cities 杭州 … 丽水 in the sample, in both languages', () => {
    for (const lang of ['zh', 'en'] as const) {
      const { province } = runs[lang];
      const outlined = province.outline.map((o) => o.title).filter((t) => CITY_NAMES.includes(t));
      expect(outlined).toEqual([...CITY_NAMES]);
      const cover = province.items[0]!;
      expect(CITY_NAMES.map((c) => cover.indexOf(c))).toEqual([...CITY_NAMES.map((c) => cover.indexOf(c))].sort((x, y) => x - y));
    }
  });

  it('keeps that order whatever order the cities were read in', async () => {
    const cities = [...CITY_NAMES].reverse().map((c) => city(c, [pack({ city: c, folder: `${c}企业` })], a3([{ seq: 1, name: `${c}企业` }])));
    const result = evaluate(submission(cities), defaultRules(), { checks: [] });
    // Handed over in reverse, as an earlier result file or another tool might hold them.
    result.cities.reverse();
    const pdf = await readPdfText(await renderReviewPdf(result, rules, font, { lang: 'zh' }));
    expect(pdf.outline.map((o) => o.title).filter((t) => CITY_NAMES.includes(t))).toEqual([...CITY_NAMES]);
    const cover = pdf.items[0]!;
    const rows = cover.filter((s) => CITY_NAMES.includes(s));
    expect(rows).toEqual([...CITY_NAMES]);
  });
});

describe('findings printed whole', () => {
  it('cuts no line with 「…」 on any page of any PDF, in both languages', () => {
    for (const lang of ['zh', 'en'] as const) {
      const { province, cities } = runs[lang];
      for (const [name, pdf] of [['province', province] as const, ...cities]) {
        const cut = pdf.items.flat().filter((s) => s.endsWith('…'));
        expect(cut, `${lang} ${name}`).toEqual([]);
      }
    }
  });

  it("prints each applicant's findings in full on its review pages", () => {
    for (const lang of ['zh', 'en'] as const) {
      const { result, province } = runs[lang];
      const flat = (s: string) => (lang === 'en' ? s.replace(/\s+/g, '') : s);
      let checked = 0;
      for (const a of result.applicants) {
        const text = flat(reviewPages(province, a, lang).map(joined).join(''));
        for (const f of a.findings) {
          expect(text, `${a.name}: ${f.code}`).toContain(flat(renderMessage(f, lang)));
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(10);
    }
  });
});

describe('the cover and what no page shows', () => {
  it("states the band table as the tool's default reading of an open point, naming the rules file", () => {
    const zh = runs.zh.province.pages[0]!.replace(/\n/g, '');
    expect(zh).toContain('评分规则');
    expect(zh).toContain('规则文件：zj-2021-batch1.json');
    expect(zh).toContain('横向评分分档：通知对此未作规定，这是本工具的默认解读');
    for (const b of rules.horizontal.bands) expect(zh).toContain(`${b.grade} `);
    const en = runs.en.province.pages[0]!.replace(/\n/g, ' ');
    expect(en).toContain('Rules file: zj-2021-batch1.json');
    expect(en).toMatch(/the notice leaves them open; this is the tool's default\s*reading/);
    // The city PDFs carry the same box.
    expect(runs.zh.hangzhou.pages[0]!.replace(/\n/g, '')).toContain('这是本工具的默认解读');
  });

  it('says whose reading it is when another rules file was given, by its name', async () => {
    const pdf = await readPdfText(await renderReviewPdf(runs.zh.result as Result, rules, font, { lang: 'zh', rulesFile: '/etc/yunshang/第二批.json' }));
    const cover = pdf.pages[0]!.replace(/\n/g, '');
    expect(cover).toContain('规则文件：第二批.json');
    expect(cover).toContain('按规则文件 第二批.json 的设定');
    expect(cover).not.toContain('/etc/yunshang');
  });

  it('shows no path of this machine on any page, given absolute paths for everything', () => {
    for (const lang of ['zh', 'en'] as const) {
      const { province, cities } = runs[lang];
      for (const [name, pdf] of [['province', province] as const, ...cities]) {
        const text = pdf.pages.join('\n');
        for (const p of machinePaths) expect(text.includes(p), `${lang} ${name}: ${p}`).toBe(false);
        expect(String(pdf.info['Subject'] ?? '')).not.toContain('/');
      }
      // The input by its folder's name.
      expect(province.items[0]).toContain('submissions');
    }
  });

  it('uses page 2 for the score distribution, the means per city and the findings of no single applicant', () => {
    const p2 = runs.zh.province.pages[1]!;
    for (const s of ['总分分布', '各市平均总分', '各市及全省的问题']) expect(p2).toContain(s);
    expect(runs.en.province.pages[1]).toContain('Findings of the cities and the province');
  });

  it("sets each city against the province on its PDF's cover, on one page", () => {
    const { result, cities } = runs.zh;
    const mean = (list: ApplicantResult[]) => list.reduce((s, a) => s + a.total, 0) / list.length;
    const provinceMean = mean(result.applicants.filter((a) => a.status !== 'rejected'));
    for (const [name, pdf] of cities) {
      const cover = pdf.pages[0]!;
      const cityMean = mean(result.applicants.filter((a) => a.city === name && a.status !== 'rejected'));
      expect(cover).toContain(`${name}与全省平均对比`);
      expect(cover).toContain('全省');
      const diff = cityMean - provinceMean;
      expect(cover, name).toContain(`${cityMean.toFixed(2)} / ${provinceMean.toFixed(2)} （${diff >= 0 ? '+' : '−'}${Math.abs(diff).toFixed(2)}）`);
      // The cover is one page: the second is the city's ranking.
      expect(pdf.items[1]![0], name).toBe(`全省排名 · ${name}`);
    }
  });
});
