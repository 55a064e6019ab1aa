/**
 * 评审结果.html: one self-contained page for the review meeting. It holds the Result (serialised by
 * json.ts's `resultsObject`, the object results.json prints), the words of the page (from words.ts,
 * the catalogue's fixes, sourceText's part names, decisionsReport's texts, the rules' names, bands and
 * weights) and each applicant's evidence paths, and the browser script (page.ts, compiled by the
 * project's tsc into dist and read from there) that lays them out with textContent only.
 *
 * The data travel zlib-compressed and base64-encoded in a non-executed <script> element: a province of
 * 2,000 applicants is about 20 MB of compact JSON (40 % of it the file and sheet of each value's
 * source, repeated), over the 15 MB the page may weigh; compressed it is a tenth of that. Base64 holds
 * no `<`, so no input text (an enterprise named `</script>…`) can end the element. fflate, pure
 * JavaScript, compresses the same bytes on every Node (zlib's output differs between Node versions),
 * so the same inputs give the same page. The browser inflates with DecompressionStream('deflate').
 */
import { readFileSync, existsSync } from 'node:fs';
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zlibSync } from 'fflate';
import type { Lang } from '../../model/lang.js';
import type { Result } from '../../model/result.js';
import type { Rules } from '../../rules/schema.js';
import { CITY_NAMES } from '../../data/zhejiang.js';
import { resultsObject } from '../json.js';
import { renderFix, renderMessage } from '../catalogue.js';
import { WORDS } from '../words.js';
import { SERVER_PART_WORDS } from '../sourceText.js';
import { kindText, outcomeText, waivedText, DECISION_WORDS } from '../decisionsReport.js';
import type { Finding } from '../../findings/finding.js';
import type { EvidenceByApplicant } from './evidence.js';
import { PAGE_LABELS } from './labels.js';
// The identity block's words are the PDF review page's: one name per field in every report.
import { labelsFor } from '../pdf/labels.js';

export type { EvidenceByApplicant } from './evidence.js';
export { evidenceOf } from './evidence.js';

/** Where the page finds the input tree, to link evidence: tried in order, the first that opens a probe image wins. */
export interface InputLinks {
  /** The input root's folder name (the page tries `<name>/` and `../<name>/` beside itself). */
  name: string;
  /** The input root relative to the output folder at writing, `/`-separated, ending in `/`; null when none (another drive). */
  fromOutput: string | null;
}

/**
 * Where the page looks for the input tree: the input root relative to the output folder (so the links
 * open where the page was written), and the root's name (so they open beside it on a USB stick).
 */
export function inputLinks(input: string, out: string): InputLinks {
  const root = resolve(input);
  const rel = relative(resolve(out), root);
  const fromOutput = isAbsolute(rel) ? null : rel === '' ? './' : `${rel.split(sep).join('/')}/`;
  return { name: basename(root), fromOutput };
}

export interface HtmlOptions {
  lang: Lang;
  evidence: EvidenceByApplicant;
  links: InputLinks;
}

/** The compiled browser script: beside this module in dist, or in dist when this module runs from src (tests). */
function pageScript(): string {
  const here = new URL('./page.js', import.meta.url);
  const candidates = [here, new URL('../../../dist/report/html/page.js', import.meta.url)];
  for (const c of candidates) {
    const p = fileURLToPath(c);
    if (existsSync(p)) return readFileSync(p, 'utf8');
  }
  throw new Error('评审结果.html: the compiled page script (dist/report/html/page.js) is missing; run npm run build');
}

let cachedScript: string | null = null;

/** Texts computed here so the page never words a finding or a decision itself. */
function findingExtras(f: Finding, lang: Lang): { fix: string; waived: string } {
  return { fix: renderFix(f, lang), waived: waivedText(f, lang) };
}

/** The page's data: the Result as results.json has it, and what the page needs to show it in people's words. */
export function pageData(result: Result, rules: Rules, o: HtmlOptions): object {
  const { lang } = o;
  const zh = lang === 'zh';
  const indicatorName = new Map<string, string>(rules.indicators.map((i) => [i.key, zh ? i.name : i.nameEn]));
  const name = (k: string) => indicatorName.get(k) ?? k;
  const dims = new Map(rules.dimensions.map((d) => [d.key, zh ? d.name : d.nameEn]));
  const extras: Record<string, { fix: string; waived: string }[]> = {};
  for (const a of result.applicants) extras[a.id] = a.findings.map((f) => findingExtras(f, lang));
  return {
    lang,
    labels: PAGE_LABELS[lang],
    identity: { labels: labelsFor(lang).identity, wan: labelsFor(lang).wan, money: ['salesLastYear', 'profitLastYear', 'cloudInvestment3y', 'itInvestment3y'] },
    words: WORDS[lang],
    serverParts: SERVER_PART_WORDS[lang],
    cityOrder: CITY_NAMES,
    rules: {
      title: zh ? rules.title : rules.titleEn,
      source: rules.source,
      rankBy: rules.horizontal.rankBy,
      note: rules.horizontal.note ?? null,
      combination: rules.combination,
      dimensions: rules.dimensions.map((d) => ({ key: d.key, name: zh ? d.name : d.nameEn, weight: d.weight })),
      indicators: rules.indicators.map((i) => ({ key: i.key, name: zh ? i.name : i.nameEn, dimension: dims.get(i.dimension) ?? i.dimension, weight: i.weight, unit: i.unit, n: i.n, m: i.m })),
      experts: rules.experts.map((e) => ({ key: e.key, name: zh ? e.name : e.nameEn, group: e.group, max: e.max })),
      bands: rules.horizontal.bands,
    },
    findingExtras: extras,
    cityFindingExtras: result.findings.map((f) => findingExtras(f, lang)),
    panelReview: result.panelReview.map((f) => ({ message: renderMessage(f, lang), fix: renderFix(f, lang) })),
    decisions: {
      title: DECISION_WORDS[lang].title,
      rows: result.decisions.map((d) => ({ kind: kindText(d, lang), outcome: outcomeText(d, lang, name) })),
    },
    evidence: o.evidence,
    links: o.links,
  };
}

/** Text for an HTML text node or attribute: only what the page's own template puts there (the rules' title). */
function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export const HTML_STYLE = `
:root{--line:#d0d4da;--head:#eef1f5;--muted:#5b6470;--q:#c6efce;--f:#ffeb9c;--r:#ffc7ce;--accent:#1f4e9a}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 "Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",SimSun,sans-serif;color:#1d232b;background:#fff}
header{position:sticky;top:0;z-index:2;background:#1f4e9a;color:#fff;padding:8px 16px;display:flex;gap:18px;align-items:baseline;flex-wrap:wrap}
header h1{font-size:18px;margin:0}
header nav a{color:#fff;margin-right:14px;text-decoration:none;border-bottom:2px solid transparent}
header nav a.on{border-bottom-color:#fff}
main{padding:12px 16px 40px}
h2{font-size:18px;margin:6px 0 10px}h3{font-size:15px;margin:18px 0 6px}
table{border-collapse:collapse;margin:4px 0 10px}
th,td{border:1px solid var(--line);padding:3px 7px;text-align:left;vertical-align:top}
th{background:var(--head);font-weight:600;white-space:nowrap}
th.sort{cursor:pointer;user-select:none}th.sort:hover{background:#dde3ea}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
tr:hover td:not([data-status]){background-color:#f6f9fd}
.qualified{background:var(--q)}.flagged{background:var(--f)}.rejected{background:var(--r)}
.error{color:#9c0006;font-weight:600}.warning{color:#8a5a00;font-weight:600}.info{color:var(--muted)}
.muted{color:var(--muted)}.small{font-size:12px}
.bar{display:flex;gap:12px;align-items:center;flex-wrap:wrap;margin:6px 0 10px}
.bar input,.bar select{font:inherit;padding:3px 6px}
.note{background:#fff8e1;border:1px solid #f0d68a;padding:6px 10px;margin:8px 0}
.facts{display:grid;grid-template-columns:repeat(2,max-content minmax(0,1fr));gap:2px 14px;max-width:1200px}
.src{font-size:12px;color:#333;white-space:nowrap}
.diff{color:#9c0006;font-weight:700}
.waived{text-decoration:line-through;color:var(--muted)}
a{color:var(--accent)}
ul.files{columns:2;margin:4px 0;padding-left:18px}
@media print{header{position:static}}
`;

/** The whole page: deterministic bytes for the same Result, rules and options. */
export function resultsHtml(result: Result, rules: Rules, o: HtmlOptions): Buffer {
  cachedScript ??= pageScript();
  const json = JSON.stringify({ result: resultsObject(result, o.lang), page: pageData(result, rules, o) });
  const packed = Buffer.from(zlibSync(Buffer.from(json, 'utf8'), { level: 6 })).toString('base64');
  const labels = PAGE_LABELS[o.lang];
  const title = `${labels.title} · ${o.lang === 'zh' ? rules.title : rules.titleEn}`;
  const html =
    `<!DOCTYPE html>\n<html lang="${o.lang === 'zh' ? 'zh-CN' : 'en'}">\n<head>\n<meta charset="utf-8">\n` +
    // No request may leave the page: nothing but inline script and style, data: images, and files beside it.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src file: data: 'self'; connect-src data: blob:">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(title)}</title>\n<style>${HTML_STYLE}</style>\n</head>\n<body>\n` +
    `<header><h1>${escapeHtml(labels.title)}</h1><nav id="nav"></nav></header>\n<main id="main"><p id="loading">${escapeHtml(labels.loading)}</p>` +
    `<p id="too-old" hidden>${escapeHtml(labels.noDecompress)}</p><noscript>${escapeHtml(labels.noScript)}</noscript></main>\n` +
    `<script id="yunshang-data" type="application/octet-stream">${packed}</script>\n` +
    `<script type="module">\n${cachedScript}</script>\n</body>\n</html>\n`;
  return Buffer.from(html, 'utf8');
}
