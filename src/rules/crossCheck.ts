/**
 * What the schema cannot know: whether the finding codes a rules file names exist. A code typed
 * wrong in `effects.reject` would let applicants who should be rejected be ranked, and nothing would
 * say so; one whose severity is not `error` can never reject. The catalogue of codes sits above this
 * layer, so the caller hands it in (the CLI passes the findings catalogue).
 */
import type { Rules } from './schema.js';
import { nearest } from '../util/nearest.js';

export type Severity = 'error' | 'warning' | 'info';

/**
 * Every code the tool can report, with its default severity; `panel` for a code about the expert
 * panel's sheet, which goes to the panel chair's list and never changes an applicant's status.
 */
export type KnownCodes = ReadonlyMap<string, { severity: Severity; panel?: boolean }>;

export interface RuleProblem {
  /** Where in the rules file, as keys and indices: ['effects', 'reject', 3]. */
  path: (string | number)[];
  message: string;
}

/** 「是否应为「X」？」 for the nearest of `known`, or nothing when there is none. */
export function suggestion(typed: string, known: Iterable<string>): string {
  const near = nearest(typed, known);
  return near !== undefined && near !== typed ? `，是否应为「${near}」？` : '';
}

/** Each rule is the statement that should hold; a problem names the path that breaks it. */
export function crossCheckRules(rules: Rules, codes: KnownCodes): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const unknown = (code: string) => `没有问题代码「${code}」${suggestion(code, codes.keys())}`;

  // Every code named in severityOverrides exists.
  for (const code of Object.keys(rules.severityOverrides))
    if (!codes.has(code)) problems.push({ path: ['severityOverrides', code], message: unknown(code) });

  // Every code in effects.reject exists, is listed once, and is an error once overrides are applied.
  const seen = new Set<string>();
  rules.effects.reject.forEach((code, i) => {
    const path = ['effects', 'reject', i];
    if (seen.has(code)) problems.push({ path, message: `问题代码「${code}」列了两次` });
    seen.add(code);
    const known = codes.get(code);
    if (!known) {
      problems.push({ path, message: unknown(code) });
      return;
    }
    if (known.panel) {
      problems.push({ path, message: `「${code}」是专家评分表的问题，只列入专家评分复核，不改变企业状态，不能使企业不予受理；请从 effects.reject 中删去` });
      return;
    }
    const override = rules.severityOverrides[code];
    const severity = override ?? known.severity;
    if (severity !== 'error')
      problems.push({
        path,
        message:
          `「${code}」的严重程度是 ${severity}（${override ? 'severityOverrides 所设' : '默认'}），只有 error 才会使企业不予受理；` +
          `请从 effects.reject 中删去，或在 severityOverrides 中设为 error`,
      });
  });
  return problems;
}

/** `effects.reject[3]`, `indicators[0].mSumOf[1]`, `severityOverrides.A1_MISING`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) {
    if (typeof p === 'number') s += `[${p}]`;
    else if (typeof p === 'string' && /^[A-Za-z_$][\w$]*$/.test(p)) s += s ? `.${p}` : p;
    else s += `[${JSON.stringify(String(p))}]`;
  }
  return s || '(根)';
}
