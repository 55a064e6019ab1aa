import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { evaluate, type EvaluateOptions } from '../../evaluate.js';
import { readExpertScores } from '../../ingest/readExpertScores.js';
import { mergeExpertScores } from '../../expert/mergeExpertScores.js';
import { resultsJson } from '../../report/json.js';
import { writeResultsXlsx } from '../../report/xlsx.js';
import { loadReportFont, renderAllPdfs } from '../../report/pdf/index.js';
import type { Result } from '../../model/result.js';
import type { Rules } from '../../rules/schema.js';
import { writeFilesAtomic } from '../../util/atomicWrite.js';
import { IoError, UsageError } from '../../util/errors.js';
import { createProgress, type Progress } from '../progress.js';
import { describeInput, loadRulesOption, readInput } from './shared.js';
import { printSummary } from '../summary.js';

export interface ScoreOptions {
  out: string;
  rules?: string;
  expertScores?: string;
  normalize: 'none' | 'zscore';
  select?: number;
  threshold?: number;
  lang: 'zh' | 'en';
  pdf: boolean;
  font?: string;
  timestamp?: boolean;
  format: 'text' | 'json';
  quiet?: boolean;
}

export const OUTPUT_NAMES = {
  json: 'results.json',
  xlsx: { zh: '评审结果.xlsx', en: 'review-results.xlsx' },
  pdf: { zh: '评审报告.pdf', en: 'review-report.pdf' },
  citiesDir: 'cities',
} as const;

function parseFont(font: string | undefined): { file: string; face?: string } | undefined {
  if (!font) return undefined;
  const hash = font.lastIndexOf('#');
  return hash > 0 ? { file: font.slice(0, hash), face: font.slice(hash + 1) } : { file: font };
}

export async function runScore(dir: string, o: ScoreOptions): Promise<number> {
  if (o.select !== undefined && o.threshold !== undefined) throw new UsageError('--select 与 --threshold 只能二选一');
  const rules = await loadRulesOption(o.rules);
  const progress = createProgress(Boolean(o.quiet) || o.format === 'json');
  const result = await scoreInput(dir, rules, o, progress);

  progress.update(`已评分 ${result.applicants.length} 家企业，生成 评审结果.xlsx…`);
  const files = await renderOutputs(result, rules, o, (text) => progress.update(text));
  try {
    await mkdir(o.out, { recursive: true });
    if (o.pdf) await mkdir(join(o.out, OUTPUT_NAMES.citiesDir), { recursive: true });
    await writeFilesAtomic(files);
  } catch (cause) {
    progress.fail('写出报告失败');
    throw new IoError(`无法写出报告到 ${o.out}：${(cause as Error).message}`, { cause });
  }
  progress.done(`已写出 ${files.length} 个文件到 ${o.out}`);
  // results.json is already rendered among the files: print those bytes rather than rendering twice.
  if (o.format === 'json') process.stdout.write(files.find((f) => f.path === join(o.out, OUTPUT_NAMES.json))!.data);
  else printSummary(result, o.lang, files.map((f) => f.path));
  return 0;
}

/**
 * Reads, merges the expert sheet and scores. The packs die with this frame: only the result lives on
 * through the rendering, which at 10,000 applicants is the difference of a few hundred MB.
 */
async function scoreInput(dir: string, rules: Rules, o: ScoreOptions, progress: Progress): Promise<Result> {
  const submission = await readInput(dir, rules, progress);
  if (o.format === 'text') progress.note(describeInput(submission));
  const options: EvaluateOptions = {};
  if (o.expertScores) {
    const sheet = await readExpertScores(o.expertScores, rules);
    options.expert = mergeExpertScores(sheet, submission, rules, { normalize: o.normalize });
  }
  if (o.select !== undefined) options.selection = { by: 'count', value: o.select };
  if (o.threshold !== undefined) options.selection = { by: 'threshold', value: o.threshold };
  const applicants = submission.cities.reduce((n, c) => n + c.applicants.length, 0);
  progress.update(`评分与排名：${applicants} 家企业…`);
  return evaluate(submission, rules, options);
}

/** Every report of a run, in memory, so they can be written all-or-nothing. */
export async function renderOutputs(
  result: Result,
  rules: Rules,
  o: Pick<ScoreOptions, 'out' | 'lang' | 'pdf' | 'font' | 'timestamp'>,
  onStep: (text: string) => void = () => {},
): Promise<{ path: string; data: Uint8Array | string }[]> {
  const files: { path: string; data: Uint8Array | string }[] = [
    { path: join(o.out, OUTPUT_NAMES.json), data: resultsJson(result, o.lang) },
    { path: join(o.out, OUTPUT_NAMES.xlsx[o.lang]), data: await writeResultsXlsx(result, rules, o.lang) },
  ];
  if (o.pdf) {
    onStep('生成 评审报告.pdf…');
    const font = await loadReportFont(parseFont(o.font));
    const timestamp = o.timestamp ? new Date() : undefined;
    const pdfOpts = { lang: o.lang, ...(timestamp ? { timestamp } : {}) };
    const cities = result.cities.map((c) => c.name).filter((name) => name);
    // The city PDFs are drawn on worker threads while this thread draws the province PDF.
    const what = cities.length > 0 ? `评审报告.pdf 及 ${cities.length} 个城市的 PDF` : '评审报告.pdf';
    const pdfs = await renderAllPdfs(result, rules, font, cities, { ...pdfOpts, onPages: (drawn) => onStep(`生成 ${what}：已写出 ${drawn} 页…`) });
    files.push({ path: join(o.out, OUTPUT_NAMES.pdf[o.lang]), data: pdfs.province });
    cities.forEach((name, i) => files.push({ path: join(o.out, OUTPUT_NAMES.citiesDir, `${name}.pdf`), data: pdfs.cities[i]! }));
  }
  return files;
}
