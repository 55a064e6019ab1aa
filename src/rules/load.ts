import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { core } from 'zod';
import { rulesSchema, type Rules } from './schema.js';
import { crossCheckRules, formatPath, suggestion, type KnownCodes } from './crossCheck.js';
import { UsageError } from '../util/errors.js';

export const DEFAULT_RULES_FILE = fileURLToPath(new URL('../../rules/zj-2021-batch1.json', import.meta.url));

export interface RulesContext {
  /** The finding catalogue: with it, the codes the file names are checked against it (`crossCheck.ts`). */
  codes?: KnownCodes;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

/** One line per problem: its path in the file, what is wrong and, for a word not among the allowed ones, the nearest. */
function issueLine(issue: core.$ZodIssue, data: unknown): string {
  let message = issue.message;
  if (issue.code === 'invalid_value') {
    const typed = valueAt(data, issue.path);
    const allowed = issue.values.filter((v): v is string => typeof v === 'string');
    if (typeof typed === 'string' && allowed.length > 0) message = `「${typed}」不是可用的值${suggestion(typed, allowed)}（${message}）`;
  }
  return `  ${formatPath(issue.path)}: ${message}`;
}

/** Parses and validates a rules file's text; the error names the path of each problem. */
export function parseRules(text: string, file: string, context: RulesContext = {}): Rules {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new UsageError(`规则文件不是有效的 JSON：${file}（${(cause as Error).message}）`, { cause });
  }
  const parsed = rulesSchema.safeParse(data);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => issueLine(i, data));
    throw new UsageError(`规则文件有误：${file}\n${lines.join('\n')}`);
  }
  if (context.codes) {
    const problems = crossCheckRules(parsed.data, context.codes);
    if (problems.length > 0)
      throw new UsageError(`规则文件有误：${file}\n${problems.map((p) => `  ${formatPath(p.path)}: ${p.message}`).join('\n')}`);
  }
  return parsed.data;
}

export async function loadRules(file: string = DEFAULT_RULES_FILE, context: RulesContext = {}): Promise<Rules> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new UsageError(`无法读取规则文件：${file}`, { cause });
  }
  return parseRules(text, file, context);
}
