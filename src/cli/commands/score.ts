import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { evaluate, type EvaluateOptions } from '../../evaluate.js';
import { readExpertScores } from '../../ingest/readExpertScores.js';
import { readDecisions } from '../../ingest/readDecisions.js';
import { mergeExpertScores } from '../../expert/mergeExpertScores.js';
import { resultsJson } from '../../report/json.js';
import { writeResultsXlsx } from '../../report/xlsx.js';
import { loadReportFont, renderAllPdfs } from '../../report/pdf/index.js';
import { evidenceOf, inputLinks, resultsHtml, type EvidenceByApplicant, type InputLinks } from '../../report/html/index.js';
import type { Result } from '../../model/result.js';
import type { Rules } from '../../rules/schema.js';
import { OutputFolder, type OutputFile } from '../../util/outputFolder.js';
import { UsageError } from '../../util/errors.js';
import { createProgress, type Progress } from '../progress.js';
import { checkInputExists, describeInput, loadRulesOption, outputBesideInput, readInput } from './shared.js';
import { printSummary } from '../summary.js';

export interface ScoreOptions {
  /** Default: `out` in the working directory, or `<input>-评审结果` beside the input when `out` would lie in it. */
  out?: string;
  rules?: string;
  expertScores?: string;
  /** The clerk's 人工复核记录表. */
  decisions?: string;
  normalize: 'none' | 'zscore';
  select?: number;
  threshold?: number;
  lang: 'zh' | 'en';
  pdf: boolean;
  /** 评审结果.html (`--no-html` to skip). */
  html: boolean;
  font?: string;
  timestamp?: boolean;
  format: 'text' | 'json';
  quiet?: boolean;
}

export const OUTPUT_NAMES = {
  json: 'results.json',
  xlsx: { zh: '评审结果.xlsx', en: 'review-results.xlsx' },
  pdf: { zh: '评审报告.pdf', en: 'review-report.pdf' },
  html: { zh: '评审结果.html', en: 'review-results.html' },
  citiesDir: 'cities',
} as const;

/** Offered (and used by default) when `out` would lie in the input: a folder beside the input. */
export const SCORE_OUT_SUFFIX = '-评审结果';

/** Names a run of an earlier version left in `--out`, before output folders carried a marker (the page too: a set of ours that lost its marker). */
const EARLIER_NAMES = new Set<string>([OUTPUT_NAMES.json, ...Object.values(OUTPUT_NAMES.xlsx), ...Object.values(OUTPUT_NAMES.pdf), ...Object.values(OUTPUT_NAMES.html)]);
/** The temporary and backup names the earlier one-file-at-a-time writer could leave behind. */
const EARLIER_LEFTOVER = /\.(tmp|bak)-\d+-[0-9a-f]{12}$/;

/**
 * Whether a folder without our marker holds only an earlier version's reports (and its leftovers), so
 * that it may be replaced like one of ours. Anything else in it and the folder is the user's.
 */
async function isEarlierReportSet(dir: string, names: string[]): Promise<boolean> {
  const ours = (n: string) => EARLIER_NAMES.has(n) || EARLIER_LEFTOVER.test(n);
  for (const n of names) {
    if (n === OUTPUT_NAMES.citiesDir) {
      const cities = await readdir(join(dir, n)).catch(() => null);
      if (!cities || !cities.every((c) => c.toLowerCase().endsWith('.pdf') || EARLIER_LEFTOVER.test(c))) return false;
    } else if (!ours(n)) return false;
  }
  return true;
}

function parseFont(font: string | undefined): { file: string; face?: string } | undefined {
  if (!font) return undefined;
  const hash = font.lastIndexOf('#');
  return hash > 0 ? { file: font.slice(0, hash), face: font.slice(hash + 1) } : { file: font };
}

export async function runScore(dir: string, o: ScoreOptions): Promise<number> {
  if (o.select !== undefined && o.threshold !== undefined) throw new UsageError('--select 与 --threshold 只能二选一');
  await checkInputExists(dir);
  const out = await outputBesideInput(o.out, 'out', dir, SCORE_OUT_SUFFIX);
  // Taken before the long work: a place that cannot take files, or another run writing there, is said at once.
  const folder = await OutputFolder.open(out.path, { input: dir, proposal: out.proposal, adopt: isEarlierReportSet });
  try {
    const rules = await loadRulesOption(o.rules);
    const progress = createProgress(Boolean(o.quiet) || o.format === 'json');
    if (out.note && o.format === 'text') progress.note(out.note);
    const { result, evidence } = await scoreInput(dir, rules, o, progress);

    progress.update(`已评分 ${result.applicants.length} 家企业，生成 评审结果.xlsx…`);
    const html = o.html ? { evidence, links: inputLinks(dir, out.path) } : undefined;
    const { html: _wanted, ...rest } = o;
    const files = await renderOutputs(result, rules, { ...rest, ...(html ? { html } : {}) }, (text) => progress.update(text));
    progress.update(`写出 ${files.length} 个文件到 ${out.shown}…`);
    try {
      await folder.commit(files);
    } catch (e) {
      progress.fail('写出报告失败，原有报告未改动');
      throw e;
    }
    progress.done(`已写出 ${files.length} 个文件到 ${out.shown}`);
    // results.json is already rendered among the files: print those bytes rather than rendering twice.
    if (o.format === 'json') process.stdout.write(files.find((f) => f.path === OUTPUT_NAMES.json)!.data);
    else printSummary(result, o.lang, files.map((f) => join(out.shown, f.path)));
    return 0;
  } finally {
    await folder.release();
  }
}

/**
 * Reads, merges the expert sheet and scores. The packs die with this frame: only the result lives on
 * through the rendering, which at 10,000 applicants is the difference of a few hundred MB.
 */
async function scoreInput(dir: string, rules: Rules, o: ScoreOptions, progress: Progress): Promise<{ result: Result; evidence: EvidenceByApplicant }> {
  // The clerk's sheet first: one that cannot be read stops the run before the long read of the input.
  const decisions = o.decisions ? await readDecisions(o.decisions) : undefined;
  const submission = await readInput(dir, rules, progress);
  if (o.format === 'text') progress.note(describeInput(submission));
  const options: EvaluateOptions = decisions ? { decisions } : {};
  if (o.expertScores) {
    const sheet = await readExpertScores(o.expertScores, rules);
    options.expert = mergeExpertScores(sheet, submission, rules, { normalize: o.normalize });
  }
  if (o.select !== undefined) options.selection = { by: 'count', value: o.select };
  if (o.threshold !== undefined) options.selection = { by: 'threshold', value: o.threshold };
  const applicants = submission.cities.reduce((n, c) => n + c.applicants.length, 0);
  progress.update(`评分与排名：${applicants} 家企业…`);
  // The page links each applicant's evidence files: their paths are kept, the packs let go.
  const evidence = o.html ? evidenceOf(submission) : {};
  return { result: evaluate(submission, rules, options), evidence };
}

/** Every report of a run, in memory, by its path in the output folder, so they can be written all-or-nothing. */
export async function renderOutputs(
  result: Result,
  rules: Rules,
  o: Pick<ScoreOptions, 'lang' | 'pdf' | 'font' | 'timestamp' | 'rules'> & { html?: { evidence: EvidenceByApplicant; links: InputLinks } },
  onStep: (text: string) => void = () => {},
): Promise<OutputFile[]> {
  const files: OutputFile[] = [
    { path: OUTPUT_NAMES.json, data: resultsJson(result, o.lang) },
    { path: OUTPUT_NAMES.xlsx[o.lang], data: await writeResultsXlsx(result, rules, o.lang) },
  ];
  if (o.html) {
    onStep('生成 评审结果.html…');
    files.push({ path: OUTPUT_NAMES.html[o.lang], data: resultsHtml(result, rules, { lang: o.lang, ...o.html }) });
  }
  if (o.pdf) {
    onStep('生成 评审报告.pdf…');
    const font = await loadReportFont(parseFont(o.font));
    const timestamp = o.timestamp ? new Date() : undefined;
    const pdfOpts = { lang: o.lang, ...(timestamp ? { timestamp } : {}), ...(o.rules !== undefined ? { rulesFile: o.rules } : {}) };
    const cities = result.cities.map((c) => c.name).filter((name) => name);
    // The city PDFs are drawn on worker threads while this thread draws the province PDF.
    const what = cities.length > 0 ? `评审报告.pdf 及 ${cities.length} 个城市的 PDF` : '评审报告.pdf';
    const pdfs = await renderAllPdfs(result, rules, font, cities, { ...pdfOpts, onPages: (drawn) => onStep(`生成 ${what}：已写出 ${drawn} 页…`) });
    files.push({ path: OUTPUT_NAMES.pdf[o.lang], data: pdfs.province });
    cities.forEach((name, i) => files.push({ path: `${OUTPUT_NAMES.citiesDir}/${name}.pdf`, data: pdfs.cities[i]! }));
  }
  return files;
}
