import { basename, dirname, join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import type ExcelJS from 'exceljs';
import { evaluate } from '../../evaluate.js';
import { draftA3Rows } from '../../report/draftA3.js';
import { addA3Sheet } from '../../template/build.js';
import { writeFileAtomic } from '../../util/atomicWrite.js';
import { FIXED_DATE, workbookBytes } from '../../util/workbookBytes.js';
import { UsageError } from '../../util/errors.js';
import { createProgress } from '../progress.js';
import { loadRulesOption, readInput } from './shared.js';
import { loadExcel } from '../../util/loadExcel.js';

export interface DraftA3Options {
  out?: string;
  rules?: string;
  quiet?: boolean;
}

export async function runDraftA3(dir: string, o: DraftA3Options): Promise<number> {
  const rules = await loadRulesOption(o.rules);
  const progress = createProgress(Boolean(o.quiet));
  const submission = await readInput(dir, rules, progress);
  if (submission.kind !== 'city' || submission.cities.length !== 1) {
    throw new UsageError(`draft-a3 需要一个市的文件夹（识别到的是${submission.kind === 'province' ? '全省根目录' : '单个企业'}）：${dir}`);
  }
  const city = submission.cities[0]!;
  const result = evaluate(submission, rules);
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'yunshang';
  wb.created = wb.modified = FIXED_DATE;
  addA3Sheet(wb, city.name, draftA3Rows(result, submission));
  const out = o.out ?? join(dirname(dir.replace(/[\\/]+$/, '')) || '.', `${city.name || basename(dir)}-推荐排序表-草稿.xlsx`);
  await mkdir(dirname(out), { recursive: true });
  await writeFileAtomic(out, await workbookBytes(wb));
  progress.done(`已生成 ${out}`);
  return 0;
}
