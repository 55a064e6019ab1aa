import { checkNewFiles, consolePath } from '../../util/outputFolder.js';
import { TEMPLATE_FILES } from '../../forms/layout.js';
import { join } from 'node:path';
import { writeTemplates } from '../../template/writeTemplates.js';
import { loadRulesOption } from './shared.js';

export interface TemplateOptions {
  /** Default: the working directory. */
  out?: string;
  rules?: string;
  force?: boolean;
}

export async function runTemplate(o: TemplateOptions): Promise<number> {
  const out = o.out ?? '.';
  // Before building anything: a place that cannot take files, or a form already there, is said at once.
  await checkNewFiles(Object.values(TEMPLATE_FILES).map((name) => join(out, name)), { force: Boolean(o.force) });
  const rules = await loadRulesOption(o.rules);
  const files = await writeTemplates(out, rules, { force: Boolean(o.force) });
  for (const f of files) process.stdout.write(`已生成 ${consolePath(f)}\n`);
  return 0;
}
