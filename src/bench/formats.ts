/**
 * `node dist/bench/formats.js [--times 200] [--rounds 3] [--xlsx-only]`
 *
 * The same forms read in each format (fixtures/formats against the sample applicant's .xlsx), each
 * file `--times` times in a row, in this thread (as a reading thread does), after the same checks a
 * run does: the median over `--rounds` of milliseconds per workbook, and the ratio to .xlsx. The goal
 * (docs/performance.md): .xls at most three times the .xlsx time. `--xlsx-only` times the .xlsx set alone, to
 * compare the .xlsx path of two builds.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openWorkbookGrids } from '../ingest/files/openWorkbook.js';
import type { InputFile } from '../ingest/files/tree.js';
import { median } from '../util/median.js';
import { table } from './stats.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLE = path.join(ROOT, 'fixtures', 'submissions', '杭州市', '杭州达辰化纤股份有限公司');
const FORMATS = path.join(ROOT, 'fixtures', 'formats');
const FORMS = ['附件1-申报表', '附件2-用云水平评估表', '系统清单', '云计算产品和服务清单'];

const SETS: { name: string; files: string[] }[] = [
  { name: '.xlsx (sample)', files: FORMS.map((f) => path.join(SAMPLE, `${f}.xlsx`)) },
  { name: '.xls (LibreOffice)', files: FORMS.map((f) => path.join(FORMATS, 'libreoffice-xls', `${f}.xls`)) },
  { name: '.xls (xlwt)', files: FORMS.map((f) => path.join(FORMATS, 'xlwt', `${f}.xls`)) },
  { name: 'HTML as .xls', files: FORMS.slice(0, 2).map((f) => path.join(FORMATS, 'html', `${f}.xls`)) },
  { name: 'XML 2003 as .xls', files: FORMS.slice(0, 2).map((f) => path.join(FORMATS, 'xml2003', `${f}.xls`)) },
  { name: 'CSV as .xls', files: FORMS.slice(2).map((f) => path.join(FORMATS, 'csv', `${f}.xls`)) },
  { name: '.docx (LibreOffice)', files: FORMS.slice(0, 2).map((f) => path.join(FORMATS, 'libreoffice-docx', `${f}.docx`)) },
];

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function msPerWorkbook(files: InputFile[], times: number): Promise<number> {
  const start = process.hrtime.bigint();
  for (const f of files)
    for (let i = 0; i < times; i++) {
      const opened = await openWorkbookGrids(f);
      if (!opened.grids) throw new Error(`${f.path}: ${JSON.stringify(opened.findings)}`);
    }
  return Number(process.hrtime.bigint() - start) / 1e6 / (files.length * times);
}

async function main(): Promise<void> {
  const times = arg('--times', 200);
  const rounds = arg('--rounds', 3);
  const sets = await Promise.all(
    SETS.slice(0, process.argv.includes('--xlsx-only') ? 1 : SETS.length).map(async (s) => ({
      name: s.name,
      files: await Promise.all(
        s.files.map(async (p): Promise<InputFile> => {
          const bytes = await readFile(p);
          return { path: path.relative(ROOT, p), relPath: path.basename(p), size: bytes.length, read: async () => bytes };
        }),
      ),
    })),
  );
  // One warm-up pass: each reader's module is loaded on first use.
  for (const s of sets) await msPerWorkbook(s.files, 5);
  const runs = new Map<string, number[]>(sets.map((s) => [s.name, []]));
  for (let r = 0; r < rounds; r++) for (const s of sets) runs.get(s.name)!.push(await msPerWorkbook(s.files, times));
  const base = median(runs.get(SETS[0]!.name)!);
  const rows = [['format', 'workbooks', 'median ms/workbook', ...Array.from({ length: rounds }, (_v, i) => `round ${i + 1}`), '× .xlsx']];
  for (const s of sets) {
    const ms = runs.get(s.name)!;
    rows.push([s.name, String(s.files.length), median(ms).toFixed(3), ...ms.map((m) => m.toFixed(3)), (median(ms) / base).toFixed(2)]);
  }
  process.stdout.write(`each workbook read ${times} times, ${rounds} rounds, Node ${process.version}\n${table(rows)}\n`);
}

await main();
