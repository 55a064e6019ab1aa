import { basename, dirname, join, resolve } from 'node:path';
import { evaluate } from '../../evaluate.js';
import { withoutZip } from '../../data/inputTree.js';
import { DRAFT_A3_ORDER_NOTE, draftA3FileName, draftA3Workbook } from '../../report/draftA3.js';
import { checkNewFiles, consolePath, overlapWithInput, writeNewFiles } from '../../util/outputFolder.js';
import { UsageError } from '../../util/errors.js';
import { createProgress } from '../progress.js';
import { checkInputExists, describeInput, loadRulesOption, readInput } from './shared.js';

export interface DraftA3Options {
  out?: string;
  rules?: string;
  force?: boolean;
  quiet?: boolean;
}

export async function runDraftA3(dir: string, o: DraftA3Options): Promise<number> {
  await checkInputExists(dir);
  const name = draftA3FileName(withoutZip(basename(resolve(dir))));
  const besideInput = join(dirname(resolve(dir)), name);
  // In the working directory by default, unless that is inside the city folder: then beside it.
  let out = resolve(o.out ?? name);
  let note: string | undefined;
  if (o.out === undefined && (await overlapWithInput(out, dir))) {
    note = `当前目录在输入目录之内，草稿改为写出到 ${consolePath(besideInput)}`;
    out = besideInput;
  }
  const writeOpts = { force: Boolean(o.force), input: dir, proposal: besideInput };
  // Checked before reading the city: a place that cannot take the file, or a draft already there, is said at once.
  await checkNewFiles([out], writeOpts);
  const rules = await loadRulesOption(o.rules);
  const progress = createProgress(Boolean(o.quiet));
  if (note) progress.note(note);
  const submission = await readInput(dir, rules, progress);
  if (submission.kind !== 'city' || submission.cities.length !== 1) {
    throw new UsageError(`draft-a3 需要一个市的文件夹（识别到的是${submission.kind === 'province' ? '全省根目录' : '单个企业'}）：${dir}`);
  }
  const city = submission.cities[0]!;
  const result = evaluate(submission, rules);
  await writeNewFiles([{ path: out, data: await draftA3Workbook(result, submission, city.name) }], writeOpts);
  progress.done(describeInput(submission));
  process.stdout.write(`已生成 ${consolePath(out)}\n注意：${DRAFT_A3_ORDER_NOTE}\n`);
  return 0;
}
