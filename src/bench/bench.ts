/**
 * `npm run bench -- --applicants N [--seed S] [--runs 3] [--no-pdf] [--compare-readers] [--evidence tiny|real]
 *   [--html-copies K]`
 *
 * Generates a synthetic province of N applicants once (cached under .bench-cache/<N>-<seed>/), then
 * runs the score pipeline `--runs` times, each run in a fresh child process so its peak RSS is its
 * own, and prints the median of each phase, workbooks per second and peak RSS. With
 * `--compare-readers` it also times exceljs against the lean reader over the same forms. With
 * `--evidence real` the province's evidence files are padded to the sizes real packs have
 * (realEvidence.ts; cached apart, under .bench-cache/<N>-<seed>-real/), and every run prints the
 * evidence bytes on disk against the bytes read.
 * Then it measures 评审结果.html: its size and, in chromium, the time to its first view ready (median
 * of the runs); with `--html-copies K` also for a page of K times as many applicants (htmlPage.ts).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { measurePipeline, PHASES, type RunMeasure } from './pipeline.js';
import { measureReader, READER_KINDS, READER_LABELS, type ReaderKind, type ReaderMeasure } from './readers.js';
import { median } from '../util/median.js';
import { megabytes, seconds, table } from './stats.js';
import { padProvinceEvidence } from './realEvidence.js';
import { measurePageLoad } from './htmlPage.js';

const run = promisify(execFile);
const SELF = fileURLToPath(import.meta.url);
const DEFAULT_SEED = 20211125;

async function province(applicants: number, seed: number, real: boolean): Promise<string> {
  const dir = path.resolve('.bench-cache', `${applicants}-${seed}${real ? '-real' : ''}`);
  const root = path.join(dir, 'submissions');
  const done = path.join(dir, 'complete');
  if (existsSync(done)) return root;
  const t = performance.now();
  process.stderr.write(`生成 ${applicants} 家企业的模拟申报材料到 ${root} …\n`);
  // Loaded only to generate: the generator writes with exceljs, whose heap would weigh on every
  // measured child (each run is this script again).
  const { generateFixtures } = await import('../fixtures/generate.js');
  await generateFixtures({ out: root, applicants, seed, defects: false, expertScores: null });
  if (real) {
    const padded = padProvinceEvidence(root, seed);
    process.stderr.write(`证明材料补足到真实大小：${padded.files} 个文件，${megabytes(padded.before / 1024)} MB → ${megabytes(padded.after / 1024)} MB（稀疏文件）\n`);
  }
  await writeFile(done, `${new Date().toISOString()}\n`);
  process.stderr.write(`已生成，用时 ${seconds(performance.now() - t)} s\n`);
  return root;
}

/** Runs this script as a child in `mode`, returning the JSON it prints. */
async function child<T>(args: string[]): Promise<T> {
  const { stdout } = await run(process.execPath, ['--max-old-space-size=4096', SELF, ...args], { maxBuffer: 16 * 1024 * 1024, env: process.env });
  return JSON.parse(stdout.trim().split('\n').pop()!) as T;
}

function pipelineTable(runs: RunMeasure[]): string {
  const m = (f: (r: RunMeasure) => number) => median(runs.map(f));
  const total = m((r) => r.total);
  const read = m((r) => r.phases.read);
  const rows: string[][] = [['phase', 'median s', ...runs.map((_r, i) => `run ${i + 1}`)]];
  rows[0]!.push('RSS after, MB');
  for (const p of PHASES) rows.push([p, seconds(m((r) => r.phases[p])), ...runs.map((r) => seconds(r.phases[p])), megabytes(m((r) => r.rssAfterKb[p]))]);
  rows.push(['total', seconds(total), ...runs.map((r) => seconds(r.total))]);
  rows.push(['workbooks/s (read)', (runs[0]!.workbooks / (read / 1000)).toFixed(0), ...runs.map((r) => (r.workbooks / (r.phases.read / 1000)).toFixed(0))]);
  rows.push(['peak RSS MB', megabytes(m((r) => r.maxRssKb)), ...runs.map((r) => megabytes(r.maxRssKb))]);
  const ev = runs[0]!.evidence;
  rows.push(['evidence MB on disk', megabytes(ev.onDisk / 1024), ...runs.map((r) => megabytes(r.evidence.onDisk / 1024))]);
  rows.push(['evidence MB read', megabytes(m((r) => r.evidence.read) / 1024), ...runs.map((r) => megabytes(r.evidence.read / 1024))]);
  rows.push(['read ÷ on disk', percent(m((r) => r.evidence.read), ev.onDisk), ...runs.map((r) => percent(r.evidence.read, r.evidence.onDisk))]);
  return table(rows);
}

const percent = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : '–');

function readersTable(results: Record<ReaderKind, ReaderMeasure[]>): string {
  const base = median(results['exceljs-loop'].map((r) => r.ms));
  const rows: string[][] = [['reader', 'median s', 'vs exceljs loop', 'peak RSS MB']];
  for (const k of READER_KINDS) {
    const ms = median(results[k].map((r) => r.ms));
    rows.push([READER_LABELS[k], seconds(ms), `${(base / ms).toFixed(1)}×`, megabytes(median(results[k].map((r) => r.maxRssKb)))]);
  }
  return table(rows);
}

function count(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} needs a positive whole number, got ${text}`);
  return n;
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      applicants: { type: 'string' },
      seed: { type: 'string' },
      runs: { type: 'string' },
      'no-pdf': { type: 'boolean', default: false },
      'compare-readers': { type: 'boolean', default: false },
      'html-copies': { type: 'string' },
      'child-pipeline': { type: 'string' },
      'child-reader': { type: 'string' },
      'reader-kind': { type: 'string' },
      evidence: { type: 'string', default: 'tiny' },
    },
    strict: true,
  });
  if (values['child-pipeline']) {
    const r = await measurePipeline(values['child-pipeline'], { pdf: !values['no-pdf'], htmlCopies: count('html-copies', values['html-copies'], 1) });
    process.stdout.write(`${JSON.stringify(r)}\n`);
    return;
  }
  if (values['child-reader']) {
    const [root, kind] = [values['child-reader'], values['reader-kind'] as ReaderKind];
    process.stdout.write(`${JSON.stringify(await measureReader(root, kind))}\n`);
    return;
  }

  const applicants = count('applicants', values.applicants, 2000);
  const seed = count('seed', values.seed, DEFAULT_SEED);
  const runs = count('runs', values.runs, 3);
  if (values.evidence !== 'tiny' && values.evidence !== 'real') throw new Error(`--evidence is tiny or real, got ${values.evidence}`);
  const real = values.evidence === 'real';
  const root = await province(applicants, seed, real);
  const machine = `${os.cpus()[0]?.model ?? 'cpu'} × ${os.availableParallelism()}, ${megabytes(os.totalmem() / 1024)} MB RAM, Node ${process.version}`;
  process.stdout.write(`yunshang bench: ${applicants} applicants (seed ${seed}), ${real ? 'real-size' : 'tiny'} evidence, ${runs} runs, ${values['no-pdf'] ? 'no PDF' : 'XLSX + PDF'}\n${machine}\n\n`);

  const measured: RunMeasure[] = [];
  for (let i = 0; i < runs; i++) {
    // The last run also writes the bigger page, after its measured phases.
    const copies = i === runs - 1 && values['html-copies'] ? ['--html-copies', values['html-copies']] : [];
    const args = ['--child-pipeline', root, ...(values['no-pdf'] ? ['--no-pdf'] : []), ...copies];
    measured.push(await child<RunMeasure>(args));
    process.stderr.write(`run ${i + 1}/${runs}: ${seconds(measured[i]!.total)} s\n`);
  }
  process.stdout.write(`${measured[0]!.applicants} applicants, ${measured[0]!.workbooks} workbooks\n${pipelineTable(measured)}\n`);

  if (!real) {
    // The floor in the same sitting as the runs it is compared with (the machine's speed drifts).
    const floors: ReaderMeasure[] = [];
    for (let i = 0; i < runs; i++) floors.push(await child<ReaderMeasure>(['--child-reader', root, '--reader-kind', 'floor-1']));
    const f = median(floors.map((r) => r.ms));
    const read = median(measured.map((r) => r.phases.read));
    process.stdout.write(
      `\n${READER_LABELS['floor-1']}: median ${seconds(f)} s (runs ${floors.map((r) => seconds(r.ms)).join(' / ')}); read phase ÷ floor = ${(read / f).toFixed(2)}×\n`,
    );
  }

  const pageRows: string[][] = [['评审结果.html', 'applicants', 'MB', 'ready ms (median)', ...Array.from({ length: runs }, (_r, i) => `run ${i + 1}`)]];
  for (const page of measured.at(-1)!.html) {
    const times = await measurePageLoad(page.file, runs);
    pageRows.push([path.basename(page.file), String(page.applicants), (page.bytes / 1024 / 1024).toFixed(2), median(times).toFixed(0), ...times.map(String)]);
  }
  process.stdout.write(`\n评审结果.html in chromium: navigation start to the first view ready\n${table(pageRows)}\n`);

  if (values['compare-readers']) {
    const results = Object.fromEntries(READER_KINDS.map((k) => [k, [] as ReaderMeasure[]])) as Record<ReaderKind, ReaderMeasure[]>;
    for (let i = 0; i < runs; i++)
      for (const k of READER_KINDS) {
        results[k].push(await child<ReaderMeasure>(['--child-reader', root, '--reader-kind', k]));
        process.stderr.write(`readers run ${i + 1}/${runs}: ${k} ${seconds(results[k][i]!.ms)} s\n`);
      }
    process.stdout.write(`\nreaders over the same ${results['lean-loop'][0]!.workbooks} forms (plus evidence in the read phase)\n${readersTable(results)}\n`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  });
}
