import { basename, dirname } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { evaluate } from '../../evaluate.js';
import { DRAFT_A3_ORDER_NOTE, draftA3FileName, draftA3Workbook } from '../../report/draftA3.js';
import { writeFileAtomic } from '../../util/atomicWrite.js';
import { UsageError } from '../../util/errors.js';
import { createProgress } from '../progress.js';
import { describeInput, loadRulesOption, readInput } from './shared.js';

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
  const data = await draftA3Workbook(result, submission, city.name);
  // In the folder the command is run from, never beside (or inside) the input.
  const out = o.out ?? draftA3FileName(city.name || basename(dir.replace(/[\\/]+$/, '')));
  await mkdir(dirname(out), { recursive: true });
  await writeFileAtomic(out, data);
  progress.done(describeInput(submission));
  process.stdout.write(`已生成 ${out}\n注意：${DRAFT_A3_ORDER_NOTE}\n`);
  return 0;
}
