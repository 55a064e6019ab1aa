import type { Finding, Severity } from '../../findings/finding.js';
import type { Lang } from '../catalogue.js';

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** `共 3 个错误，4 个警告，2 条提示` — the last line of every human-readable listing. */
export function countLine(findings: readonly Finding[], lang: Lang): string {
  const c = countBySeverity(findings);
  if (findings.length === 0) return lang === 'zh' ? '未发现问题' : 'No problems found';
  if (lang === 'zh') return `共 ${c.error} 个错误，${c.warning} 个警告，${c.info} 条提示`;
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  return `${n(c.error, 'error', 'errors')}, ${n(c.warning, 'warning', 'warnings')}, ${n(c.info, 'note', 'notes')}`;
}

export const SEVERITY_WORD: Record<Lang, Record<Severity, string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'note' },
};
