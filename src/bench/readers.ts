/**
 * The reader comparison, one kind per process so neither warms or fills memory for the other:
 * a single-threaded exceljs `readFile` loop and a single-threaded lean loop over the applicants'
 * forms, and the whole read phase (forms and evidence) with each reader, on threads or not.
 */
import { readFile } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { discover } from '../ingest/files/discover.js';
import { readDiscovered } from '../ingest/readSubmission.js';
import { gridsFromXlsx } from '../ingest/lean/readXlsx.js';
import { loadRules } from '../rules/load.js';
import { loadExcel } from '../util/loadExcel.js';

export const READER_KINDS = ['exceljs-loop', 'lean-loop', 'read-exceljs-1', 'read-exceljs-workers', 'read-lean-1', 'read-lean-workers'] as const;
export type ReaderKind = (typeof READER_KINDS)[number];

export const READER_LABELS: Record<ReaderKind, string> = {
  'exceljs-loop': 'exceljs readFile loop, forms only, 1 thread',
  'lean-loop': 'lean reader loop, forms only, 1 thread',
  'read-exceljs-1': 'read phase, exceljs, 1 thread',
  'read-exceljs-workers': 'read phase, exceljs, workers',
  'read-lean-1': 'read phase, lean, 1 thread',
  'read-lean-workers': 'read phase, lean, workers (default)',
};

export interface ReaderMeasure {
  ms: number;
  workbooks: number;
  maxRssKb: number;
}

const FORM = /\.xlsx$/i;

export async function measureReader(root: string, kind: ReaderKind): Promise<ReaderMeasure> {
  const found = await discover(root);
  const forms = found.cities.flatMap((c) => c.applicants.flatMap((a) => a.files.filter((f) => FORM.test(f.relPath) && f.source?.kind === 'fs')));
  const paths = forms.map((f) => (f.source as { absPath: string }).absPath);
  const rules = await loadRules();
  // Loaded before the clock starts, and only by the loop that uses it (its heap would slow the others).
  const Excel = kind === 'exceljs-loop' ? await loadExcel() : null;
  const start = performance.now();
  if (Excel) {
    for (const p of paths) await new Excel.Workbook().xlsx.readFile(p);
  } else if (kind === 'lean-loop') {
    for (const p of paths) gridsFromXlsx(await readFile(p), p);
  } else {
    process.env.YUNSHANG_READER = kind.startsWith('read-exceljs') ? 'exceljs' : 'lean';
    await readDiscovered(found, rules, { workers: kind.endsWith('workers') ? 'auto' : 'never' });
  }
  return { ms: performance.now() - start, workbooks: paths.length, maxRssKb: process.resourceUsage().maxRSS };
}
