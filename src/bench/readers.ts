/**
 * The reader comparison, one kind per process so neither warms or fills memory for the other:
 * a single-threaded exceljs `readFile` loop and a single-threaded lean loop over the applicants'
 * forms, and the whole read phase (forms and evidence) with each reader, on threads or not.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extractEntry, readZipDirectory } from '../ingest/files/zip.js';
import type { Discovery } from '../ingest/files/tree.js';
import type ExcelJS from 'exceljs';
import { discover } from '../ingest/files/discover.js';
import { readDiscovered } from '../ingest/readSubmission.js';
import { gridsFromXlsx } from '../ingest/lean/readXlsx.js';
import { loadRules } from '../rules/load.js';
import { loadExcel } from '../util/loadExcel.js';

export const READER_KINDS = ['floor-1', 'exceljs-loop', 'lean-loop', 'read-exceljs-1', 'read-exceljs-workers', 'read-lean-1', 'read-lean-workers'] as const;
export type ReaderKind = (typeof READER_KINDS)[number];

export const READER_LABELS: Record<ReaderKind, string> = {
  'floor-1': 'floor: read + inflate + one scan, every file, 1 thread',
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
  } else if (kind === 'floor-1') {
    floor(found);
  } else if (kind === 'lean-loop') {
    for (const p of paths) gridsFromXlsx(await readFile(p), p);
  } else {
    process.env.YUNSHANG_READER = kind.startsWith('read-exceljs') ? 'exceljs' : 'lean';
    await readDiscovered(found, rules, { workers: kind.endsWith('workers') ? 'auto' : 'never' });
  }
  return { ms: performance.now() - start, workbooks: paths.length, maxRssKb: process.resourceUsage().maxRSS };
}

/**
 * The least any reader could do with the province's files, in one thread: read each file whole, inflate
 * every entry of each zip (the workbooks), and look at every byte once (counting '<'). The read phase
 * is held against it (docs/performance.md). Evidence is read whole here, so it is a floor only for
 * the tiny evidence: with real sizes it reads gigabytes the read phase never touches.
 */
function floor(found: Discovery): number {
  let marks = 0;
  const scan = (b: Uint8Array) => {
    for (let i = 0; i < b.length; i++) if (b[i] === 0x3c) marks++;
  };
  const files = found.cities.flatMap((c) => [...c.files, ...c.applicants.flatMap((a) => a.files)]);
  for (const f of files) {
    if (f.source?.kind !== 'fs') continue;
    const bytes = readFileSync(f.source.absPath);
    let entries: ReturnType<typeof readZipDirectory> | null = null;
    try {
      entries = bytes[0] === 0x50 && bytes[1] === 0x4b ? readZipDirectory(bytes) : null;
    } catch {
      entries = null;
    }
    if (!entries) scan(bytes);
    else for (const e of entries) scan(extractEntry(bytes, e));
  }
  return marks;
}
