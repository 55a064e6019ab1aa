import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { rulesSchema, type Rules } from './schema.js';
import { UsageError } from '../util/errors.js';

export const DEFAULT_RULES_FILE = fileURLToPath(new URL('../../rules/zj-2021-batch1.json', import.meta.url));

/** Parses and validates a rules file's text; the error names the path of each problem. */
export function parseRules(text: string, file: string): Rules {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new UsageError(`规则文件不是有效的 JSON：${file}（${(cause as Error).message}）`, { cause });
  }
  const parsed = rulesSchema.safeParse(data);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(根)'}: ${i.message}`);
    throw new UsageError(`规则文件有误：${file}\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export async function loadRules(file: string = DEFAULT_RULES_FILE): Promise<Rules> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new UsageError(`无法读取规则文件：${file}`, { cause });
  }
  return parseRules(text, file);
}
