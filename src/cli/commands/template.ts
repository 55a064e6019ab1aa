import { mkdir } from 'node:fs/promises';
import { writeTemplates } from '../../template/writeTemplates.js';
import { loadRulesOption } from './shared.js';

export interface TemplateOptions {
  out: string;
  rules?: string;
}

export async function runTemplate(o: TemplateOptions): Promise<number> {
  const rules = await loadRulesOption(o.rules);
  await mkdir(o.out, { recursive: true });
  const files = await writeTemplates(o.out, rules);
  for (const f of files) process.stdout.write(`已生成 ${f}\n`);
  return 0;
}
